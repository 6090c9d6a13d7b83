import type { DealSnapshot } from '../domain/deal.js';
import type { ContactForEmail, Owner } from '../hubspot/hubspot-port.js';

/** Sample deals the demo's dry-run adapter answers with, as HubSpot would after a read. */
export const DEMO_DEALS: DealSnapshot[] = [
  {
    id: '9001',
    name: 'Rossi Meccanica: ERP rollout',
    pipeline: 'default',
    ownerId: '101',
    pmOwnerId: '202',
    closeDate: null,
    company: { id: '7001', name: 'Rossi Meccanica' },
    contactIds: ['8001', '8002'],
    contactLabels: { '8002': ['Primary'] },
  },
  {
    id: '9002',
    name: 'Blue Harbor: data migration',
    pipeline: 'default',
    ownerId: '103',
    pmOwnerId: null,
    closeDate: null,
    company: { id: '7002', name: 'Blue Harbor' },
    contactIds: ['8003'],
  },
  {
    id: '9003',
    name: 'Verdi Logistica: pilot',
    pipeline: 'default',
    ownerId: '101',
    pmOwnerId: '204',
    closeDate: null,
    company: { id: '7003', name: 'Verdi Logistica' },
    contactIds: ['8004'],
  },
  {
    id: '9004',
    name: 'Neri Impianti: maintenance contract',
    pipeline: 'default',
    ownerId: '103',
    pmOwnerId: null,
    closeDate: null,
    company: { id: '7004', name: 'Neri Impianti' },
    contactIds: ['8005'],
  },
];

/** Sample contacts (reserved .invalid addresses): 8002 carries the "Primary" label and reads Italian. */
export const DEMO_CONTACTS: ContactForEmail[] = [
  { id: '8001', email: 'giulia.rossi@rossi-meccanica.invalid', firstName: 'Giulia', lastName: 'Rossi', language: 'it' },
  { id: '8002', email: 'marco.bianchi@rossi-meccanica.invalid', firstName: 'Marco', lastName: 'Bianchi', language: 'it-it' },
  { id: '8003', email: 'sam.carter@blueharbor.invalid', firstName: 'Sam', lastName: 'Carter', language: null },
  { id: '8004', email: 'luca.verdi@verdi-logistica.invalid', firstName: 'Luca', lastName: 'Verdi', language: 'it' },
  { id: '8005', email: 'anna.neri@neri-impianti.invalid', firstName: 'Anna', lastName: 'Neri', language: 'it' },
];

/** Sample owners (the reps 101 and 103, the PMs 202 and 204): the PM introduction names them. */
export const DEMO_OWNERS: Owner[] = [
  { id: '101', email: 'elena.conti@studio.invalid', firstName: 'Elena', lastName: 'Conti' },
  { id: '103', email: 'paolo.greco@studio.invalid', firstName: 'Paolo', lastName: 'Greco' },
  { id: '202', email: 'sara.fontana@studio.invalid', firstName: 'Sara', lastName: 'Fontana' },
  { id: '204', email: 'davide.russo@studio.invalid', firstName: 'Davide', lastName: 'Russo' },
];
