import { PROPERTY_GROUP, type PropertyDefinition } from '../hubspot/first100-properties.js';
import type { CrmObjectType, ExistingProperty, HubSpotPort } from '../hubspot/hubspot-port.js';
import { howToCreateByHand } from './property-by-hand.js';

export interface PropertiesOutcome {
  created: Record<CrmObjectType, string[]>;
  /** Properties HubSpot refused: named, with HubSpot's reason, never counted as created. */
  refused: { objectType: CrmObjectType; name: string; message: string }[];
}

/** Creates the group "first100" and the first100_* properties that are missing; reports each one HubSpot refuses. */
export async function ensureProperties(
  hubspot: HubSpotPort,
  wanted: Record<CrmObjectType, PropertyDefinition[]>,
  dryRun: boolean,
  print: (line: string) => void,
): Promise<PropertiesOutcome> {
  const would = dryRun ? 'would ' : '';
  const outcome: PropertiesOutcome = { created: { deals: [], companies: [] }, refused: [] };
  for (const objectType of ['deals', 'companies'] as const) {
    const groups = await hubspot.readPropertyGroups(objectType);
    if (groups.includes(PROPERTY_GROUP.name)) {
      print(`${objectType}: property group "${PROPERTY_GROUP.name}" exists`);
    } else {
      if (!dryRun) await hubspot.createPropertyGroup(objectType, PROPERTY_GROUP);
      print(`${objectType}: ${would}create property group "${PROPERTY_GROUP.name}"`);
    }
    const existing = new Map((await hubspot.readProperties(objectType)).map((p) => [p.name, p]));
    const missing = wanted[objectType].filter((p) => !existing.has(p.name));
    for (const warning of typeMismatches(wanted[objectType], existing)) print(`${objectType}: warning: ${warning}`);
    await addMissingOptions(hubspot, objectType, wanted[objectType], existing, dryRun, print);
    if (missing.length === 0) {
      print(`${objectType}: all ${wanted[objectType].length} first100 properties exist`);
      continue;
    }
    print(`${objectType}: ${wanted[objectType].length - missing.length} of ${wanted[objectType].length} first100 properties exist; ${would}create ${missing.length}:`);
    for (const p of missing) print(`  + ${p.name} (${p.referencedObjectType === 'OWNER' ? 'HubSpot user' : p.type}${p.options?.length ? `: ${p.options.map((o) => o.value).join(', ')}` : ''})`);
    if (dryRun) continue;
    const { created, refused } = await hubspot.createProperties(objectType, missing);
    outcome.created[objectType] = created;
    print(`${objectType}: created ${created.length} of ${missing.length} properties`);
    for (const r of refused) {
      const definition = missing.find((p) => p.name === r.name)!;
      print(`  ✗ ${r.name}: HubSpot refused it: ${r.message}. To go on, ${howToCreateByHand(objectType, definition)}`);
      outcome.refused.push({ objectType, ...r });
    }
  }
  return outcome;
}

/**
 * A first100 enumeration that exists without some of today's values (first100_health before `behind` and `stuck`)
 * gets them added, keeping every option it has: HubSpot refuses a value that is not an option.
 */
async function addMissingOptions(
  hubspot: HubSpotPort,
  objectType: CrmObjectType,
  wanted: PropertyDefinition[],
  existing: Map<string, ExistingProperty>,
  dryRun: boolean,
  print: (line: string) => void,
): Promise<void> {
  for (const w of wanted) {
    const e = existing.get(w.name);
    if (!w.options?.length || w.externalOptions || e?.type !== 'enumeration' || !e.options) continue;
    const have = new Set(e.options.map((o) => o.value));
    const missing = w.options.filter((o) => !have.has(o.value));
    if (missing.length === 0) continue;
    print(`${objectType}: ${dryRun ? 'would add' : 'adding'} to ${w.name} the options ${missing.map((o) => o.value).join(', ')}`);
    if (dryRun) continue;
    const next = e.options.length === 0 ? 0 : Math.max(...e.options.map((o) => o.displayOrder ?? 0)) + 1;
    const options = [...e.options.map((o) => ({ label: o.label, value: o.value, displayOrder: o.displayOrder ?? 0, hidden: o.hidden ?? false })), ...missing.map((o, i) => ({ ...o, displayOrder: next + i }))];
    await hubspot.updatePropertyOptions(objectType, w.name, options);
  }
}

function typeMismatches(wanted: PropertyDefinition[], existing: Map<string, ExistingProperty>): string[] {
  return wanted.flatMap((w) => {
    const e = existing.get(w.name);
    return e && e.type !== w.type
      ? [`${w.name} exists as ${e.type}, first100 writes it as ${w.type}: change it in HubSpot (Settings → Properties) or delete it and run setup again`]
      : [];
  });
}
