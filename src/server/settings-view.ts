import type { Config } from '../config.js';
import type { CheckResult } from '../cli/doctor-checks.js';
import { exampleContent } from '../domain/playbook-examples.js';
import { ownEntry } from '../domain/own-entry.js';
import type { Pipeline } from '../hubspot/hubspot-port.js';
import type { Engine } from '../jobs/engine.js';
import { describeEmailTransport } from '../email/transport-description.js';
import type { SettingsView } from './page-api-types.js';

/** What the settings page shows beside the store: the doctor's checks, run by this server, and its settings. */
export interface SettingsSources {
  /** `first100 doctor`'s checks (src/cli/doctor-checks.ts), run from the server. */
  runChecks: () => Promise<CheckResult[]>;
  playbookPath: string;
  email: Config['email'];
}

type StageKind = SettingsView['stageMapping'][number]['stages'][number]['kind'];

function kindOf(stage: Pipeline['stages'][number]): StageKind {
  if (!stage.isClosed) return 'open';
  return stage.probability === 1 ? 'won' : stage.probability === 0 ? 'lost' : 'closed';
}

/** The settings page: read-only, since the playbook stays in git. HubSpot is asked for the pipelines once. */
export async function settingsView(engine: Engine, sources: SettingsSources): Promise<SettingsView> {
  const { playbook } = engine;
  const [checks, pipelines] = await Promise.all([
    sources.runChecks(),
    engine.hubspot.readPipelines().then(
      (list) => ({ list, problem: null }),
      (error: Error) => ({ list: [] as Pipeline[], problem: `HubSpot did not give the pipelines: ${error.message}` }),
    ),
  ]);
  return {
    checks,
    playbook: { name: playbook.name, locale: playbook.locale, timezone: playbook.timezone, path: sources.playbookPath },
    stageMapping: pipelines.list.map((p) => {
      const mapped = ownEntry(playbook.pipelines, p.id);
      return {
        pipelineId: p.id,
        pipelineLabel: p.label,
        stages: p.stages.map((s) => {
          const target = (mapped && ownEntry(mapped, s.id)) ?? null;
          const kind = kindOf(s);
          // A won stage left out never starts onboarding; a lost one left out never stops it.
          return { stageId: s.id, label: s.label, kind, target, flagged: target === null && (kind === 'won' || kind === 'lost') };
        }),
      };
    }),
    pipelinesProblem: pipelines.problem,
    email: { transport: describeEmailTransport(sources.email), from: sources.email.from, replyTo: sources.email.replyTo ?? null, brandName: sources.email.brandName },
    exampleContent: exampleContent(playbook),
  };
}
