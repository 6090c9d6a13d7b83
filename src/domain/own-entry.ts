/**
 * The value a record holds under `key` itself, or undefined. For every lookup keyed by outside input (a stage or
 * pipeline id from HubSpot, a choice from a card): `record[key]` would find Object.prototype's "constructor" or
 * "toString" and take a function for a value.
 */
export function ownEntry<V>(record: Readonly<Record<string, V>> | undefined, key: string): V | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
