import type { Engine } from '../jobs/engine.js';
import type { CrmObjectType } from '../hubspot/hubspot-port.js';
import { HttpError } from './http-error.js';

const NOUN: Record<CrmObjectType, { code: string; noun: string }> = {
  deals: { code: 'DEAL_NOT_FOUND', noun: 'deal' },
  companies: { code: 'COMPANY_NOT_FOUND', noun: 'company' },
};

/**
 * A card for a record first100's store knows nothing of: is it a record that has not started onboarding, or no
 * record at all? HubSpot is asked on the quick path (short deadline, never waiting on the budget). Its properties
 * when found; 'unavailable' when HubSpot could not be asked now (the card shows what the store knows and says so);
 * a 404 when HubSpot has no such record.
 */
export async function readUnknownRecord(
  engine: Engine,
  objectType: CrmObjectType,
  id: string,
  properties: string[] = [],
): Promise<Record<string, string | null> | 'unavailable'> {
  const read = await engine.hubspot.readRecordQuickly(objectType, id, properties);
  if (read.kind === 'found') return read.properties;
  const { code, noun } = NOUN[objectType];
  if (read.kind === 'missing') throw new HttpError(404, code, `HubSpot has no ${noun} ${id} (deleted, merged or never created); reload the record`);
  engine.log.warn({ objectType, id, reason: read.reason }, 'card: HubSpot could not be asked about a record first100 does not know; answering from the store');
  return 'unavailable';
}
