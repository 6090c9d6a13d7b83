/** HubSpot returns datetime properties as ISO strings; writers may have stored epoch milliseconds. Both become ISO; anything else null. */
export function hubspotDatetime(value: string | null | undefined): string | null {
  if (!value) return null;
  const ms = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
