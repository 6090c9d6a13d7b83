import type { DealSnapshot } from '../domain/deal.js';

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
