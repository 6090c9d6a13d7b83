import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { loadConfig } from '../config.js';
import { createBusinessCalendar } from '../domain/business-calendar.js';
import { NOT_IN_ONBOARDING } from '../domain/deal.js';
import { parsePlaybook } from '../domain/playbook-loader.js';
import type { Playbook } from '../domain/playbook-schema.js';
import { planStageChange } from '../domain/plan-stage-change.js';
import { first100Properties } from '../hubspot/first100-properties.js';
import { createHubSpotAdapter } from '../hubspot/create-hubspot-adapter.js';
import type { CrmObjectType, HubSpotPort } from '../hubspot/hubspot-port.js';
import { CliError, defineCommand } from './command.js';
import { formatDecision } from './format-timeline.js';
import { addStagesToPlaybook, type StageToMap } from './playbook-mapping-writer.js';
import { ensureProperties, type PropertiesOutcome } from './setup-properties.js';
import { chooseStages } from './setup-pipelines.js';

export const setupCli = defineCommand({
  name: 'setup',
  summary: 'create the first100 properties in HubSpot and map the pipelines you pick into the playbook',
  synopsis: 'first100 setup [--pipeline <id>]... [--dry-run] [--playbook <file>]',
  help: `Prepares a HubSpot account for first100. Needs HUBSPOT_ACCESS_TOKEN and HUBSPOT_PORTAL_ID only.

Creates the property group "first100" and every first100_* deal and company property that is missing
(nothing else is touched; a property HubSpot refuses is named with HubSpot's reason and how to create it
by hand). Then maps the stages of the pipelines you pick into the playbook: won → admit, lost → lost,
open → assess, each with the plan a deal entering it would get. A second pipeline's won stage is mapped only
if you say it is a sales pipeline too. The playbook is edited in place: the added lines, nothing else.
A second run changes nothing.

  --pipeline <id>     a pipeline whose deals start onboarding (its id or its label; repeat for several).
                      Without it, setup asks in a terminal, or keeps to the pipelines the playbook maps.
  --dry-run           print what it would do; change nothing
  --playbook <file>   default: PLAYBOOK
`,
  options: { 'dry-run': { type: 'boolean' }, playbook: { type: 'string' }, pipeline: { type: 'string', multiple: true } },
  async run({ values }, io) {
    const config = loadConfig(io.env, 'account');
    const hubspot = createHubSpotAdapter({ accessToken: config.hubspot.accessToken!, apiBaseUrl: config.hubspot.apiBaseUrl, callsPer10s: config.hubspot.callsPer10s });
    const result = await runSetup(
      hubspot,
      { dryRun: values['dry-run'] === true, playbookPath: resolve(io.workDir, values.playbook ?? config.playbookPath), portalId: config.hubspot.portalId, pipelines: values.pipeline ?? [], ask: io.ask },
      io.out,
    );
    return result.refused.length > 0 ? 1 : 0;
  },
});

export interface SetupOptions {
  dryRun: boolean;
  playbookPath: string;
  /** The account the token must belong to. */
  portalId?: string;
  /** --pipeline values; empty: ask, or keep to the pipelines the playbook maps. */
  pipelines?: string[];
  ask?: (question: string) => Promise<string>;
  /** The moment the printed plans start from. */
  now?: number;
}

export interface SetupResult {
  created: Record<CrmObjectType, string[]>;
  refused: PropertiesOutcome['refused'];
  stagesAdded: number;
}

/** Brings the account and the playbook up to what first100 needs, idempotently: a second run changes nothing. */
export async function runSetup(hubspot: HubSpotPort, options: SetupOptions, print: (line: string) => void): Promise<SetupResult> {
  const playbookText = await readFile(options.playbookPath, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'ENOENT' ? new CliError(`the playbook ${options.playbookPath} does not exist: run "first100 init", or set PLAYBOOK`) : error;
  });
  const playbook = parsePlaybook(playbookText, options.playbookPath);
  if (options.dryRun) print('Dry run: nothing is written to HubSpot or to the playbook.');
  await checkAccount(hubspot, options.portalId, print);
  const properties = await ensureProperties(hubspot, first100Properties(playbook.locale), options.dryRun, print);

  const pipelines = await hubspot.readPipelines();
  const stages = await chooseStages(pipelines, playbook, { requested: options.pipelines ?? [], ask: options.ask, playbookPath: options.playbookPath }, print);
  printPlans(stages, playbook, options.now ?? Date.now(), print);
  const would = options.dryRun ? 'would ' : '';
  if (stages.length > 0 && !options.dryRun) {
    const edit = addStagesToPlaybook(playbookText, stages);
    parsePlaybook(edit.text, options.playbookPath); // never write a playbook the server would refuse to load
    await writeFile(options.playbookPath, edit.text);
    if (edit.rewritten) print(`note: ${options.playbookPath} writes pipelines in flow style ({...}), so the whole file was rewritten; comments are kept`);
  }
  print(stages.length > 0 ? `${would}add ${stages.length} stage mappings to ${options.playbookPath}: review them before going live` : 'playbook: nothing to add');
  if (properties.refused.length > 0) print(`${properties.refused.length} propert${properties.refused.length === 1 ? 'y' : 'ies'} not created: see ✗ above.`);
  return { created: properties.created, refused: properties.refused, stagesAdded: options.dryRun ? 0 : stages.length };
}

/** Setting up the wrong account is worse than not setting one up: the token must be the account's. */
async function checkAccount(hubspot: HubSpotPort, portalId: string | undefined, print: (line: string) => void): Promise<void> {
  const info = await hubspot.readTokenInfo();
  if (info && portalId && info.hubId !== portalId) {
    throw new CliError(`the token belongs to HubSpot account ${info.hubId}, but HUBSPOT_PORTAL_ID is ${portalId}: use the token of the app installed in ${portalId}, or fix HUBSPOT_PORTAL_ID`);
  }
  print(info ? `account: ${info.hubId}` : `account: ${portalId ?? '?'} (HubSpot does not describe this kind of token)`);
}

/** What a deal entering each new stage would get, once per phase, from a sample deal. */
function printPlans(stages: StageToMap[], playbook: Playbook, now: number, print: (line: string) => void): void {
  const withNew: Playbook = { ...playbook, pipelines: { ...playbook.pipelines } };
  for (const s of stages) withNew.pipelines[s.pipeline.id] = { ...withNew.pipelines[s.pipeline.id], [s.stage.id]: s.target };
  const calendar = createBusinessCalendar(playbook);
  const shown = new Set<string>();
  for (const s of stages) {
    print(`  + ${s.pipeline.label} / ${s.stage.label} (${s.stage.id}) → ${s.target}`);
    if (shown.has(s.target)) {
      print(`      plan: as for the ${s.target} stage above`);
      continue;
    }
    shown.add(s.target);
    const decision = planStageChange({
      deal: { id: 'sample', name: 'Sample deal', pipeline: s.pipeline.id, ownerId: 'OWNER', pmOwnerId: 'PM', closeDate: null, company: { id: 'c', name: 'Sample client' }, contactIds: ['contact'] },
      change: { dealId: 'sample', stageId: s.stage.id, occurredAt: now },
      state: s.target === 'lost' ? { ...NOT_IN_ONBOARDING, phase: 'admit' } : NOT_IN_ONBOARDING,
      playbook: withNew,
      calendar,
      now,
    });
    for (const line of formatDecision(decision, playbook.timezone, playbook.locale)) print(`      ${line}`);
  }
}
