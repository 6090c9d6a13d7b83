import { readFile, writeFile } from 'node:fs/promises';
import { parsePlaybook } from '../domain/playbook-loader.js';
import { proposeMapping } from '../domain/stage-mapping.js';
import { first100Properties, PROPERTY_GROUP, type PropertyDefinition } from '../hubspot/first100-properties.js';
import type { CrmObjectType, ExistingProperty, HubSpotPort } from '../hubspot/hubspot-port.js';
import { addStagesToPlaybook } from './playbook-mapping-writer.js';

export const SETUP_USAGE = `first100 setup: prepare a HubSpot account for first100 (needs HUBSPOT_ACCESS_TOKEN)

  first100 setup [--dry-run] [--playbook playbooks/default.en.yml]

  Creates the property group "first100" and every first100_* property on deals and companies that is
  missing (nothing else is touched), then reads the deal pipelines and adds their stages to the playbook:
  won stages → admit, lost → lost, open → assess. Review the playbook before going live.
  --dry-run prints what it would do and changes nothing.
`;

export interface SetupOptions {
  dryRun: boolean;
  playbookPath: string;
}

export interface SetupResult {
  created: Record<CrmObjectType, string[]>;
  stagesAdded: number;
}

/** Brings the portal and the playbook up to what first100 needs, idempotently: a second run changes nothing. */
export async function runSetup(hubspot: HubSpotPort, options: SetupOptions, print: (line: string) => void): Promise<SetupResult> {
  const playbookText = await readFile(options.playbookPath, 'utf8');
  const playbook = parsePlaybook(playbookText, options.playbookPath);
  const would = options.dryRun ? 'would ' : '';
  if (options.dryRun) print('Dry run: nothing is written to HubSpot or to the playbook.');
  const wanted = first100Properties(playbook.locale);
  const created: SetupResult['created'] = { deals: [], companies: [] };

  for (const objectType of ['deals', 'companies'] as const) {
    const groups = await hubspot.readPropertyGroups(objectType);
    if (groups.includes(PROPERTY_GROUP.name)) {
      print(`${objectType}: property group "${PROPERTY_GROUP.name}" exists`);
    } else {
      if (!options.dryRun) await hubspot.createPropertyGroup(objectType, PROPERTY_GROUP);
      print(`${objectType}: ${would}create property group "${PROPERTY_GROUP.name}"`);
    }
    const existing = new Map((await hubspot.readProperties(objectType)).map((p) => [p.name, p]));
    const missing = wanted[objectType].filter((p) => !existing.has(p.name));
    for (const warning of typeMismatches(wanted[objectType], existing)) print(`${objectType}: warning: ${warning}`);
    const present = wanted[objectType].length - missing.length;
    if (missing.length === 0) {
      print(`${objectType}: all ${wanted[objectType].length} first100 properties exist`);
      continue;
    }
    print(`${objectType}: ${present} of ${wanted[objectType].length} first100 properties exist; ${would}create ${missing.length}:`);
    for (const p of missing) print(`  + ${p.name} (${p.type}${p.options ? `: ${p.options.map((o) => o.value).join(', ')}` : ''})`);
    if (!options.dryRun) {
      await hubspot.createProperties(objectType, missing);
      created[objectType] = missing.map((p) => p.name);
      print(`${objectType}: created ${missing.length} properties`);
    }
  }

  const pipelines = await hubspot.readPipelines();
  const proposed = proposeMapping(pipelines, playbook.pipelines);
  const edit = addStagesToPlaybook(playbookText, proposed);
  print(`pipelines: ${pipelines.length} in the portal, ${proposed.length} stages, ${proposed.filter((p) => p.kept).length} already mapped in ${options.playbookPath}`);
  for (const p of edit.added) print(`  + ${p.pipeline.label} / ${p.stage.label} (${p.stage.id}) → ${p.target}`);
  for (const p of edit.undecided) {
    print(`  ? ${p.pipeline.label} / ${p.stage.label} (${p.stage.id}) is closed but neither won nor lost by its probability: map it by hand`);
  }
  if (edit.added.length > 0 && !options.dryRun) {
    parsePlaybook(edit.text, options.playbookPath); // never write a playbook the server would refuse to load
    await writeFile(options.playbookPath, edit.text);
  }
  if (edit.added.length > 0) print(`${would}add ${edit.added.length} stage mappings to ${options.playbookPath}: review them before going live`);
  else print(edit.undecided.length > 0 ? `playbook: nothing to add; ${edit.undecided.length} stage(s) to map by hand, above` : 'playbook: every stage is mapped');
  return { created, stagesAdded: options.dryRun ? 0 : edit.added.length };
}

function typeMismatches(wanted: PropertyDefinition[], existing: Map<string, ExistingProperty>): string[] {
  return wanted.flatMap((w) => {
    const e = existing.get(w.name);
    return e && e.type !== w.type
      ? [`${w.name} exists as ${e.type}, first100 writes it as ${w.type}: change it in HubSpot (Settings → Properties) or delete it and run setup again`]
      : [];
  });
}
