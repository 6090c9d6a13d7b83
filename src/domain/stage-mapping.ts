import { ownEntry } from './own-entry.js';
import type { Playbook, StageTarget } from './playbook-schema.js';

/** A deal pipeline as the portal has it (structurally the adapter's Pipeline). */
export interface PortalPipeline {
  id: string;
  label: string;
  stages: { id: string; label: string; isClosed: boolean; probability: number | null }[];
}

export type StageMapping = Playbook['pipelines'];

export interface ProposedStage {
  pipeline: PortalPipeline;
  stage: PortalPipeline['stages'][number];
  /** undefined: a closed stage whose probability says neither won nor lost; the admin decides. */
  target: StageTarget | undefined;
  kept: boolean;
}

/** Won (closed, probability 1) starts onboarding at admit; lost is lost; open stages are assess. */
export function defaultTarget(stage: PortalPipeline['stages'][number]): StageTarget | undefined {
  if (!stage.isClosed) return 'assess';
  if (stage.probability === 1) return 'admit';
  if (stage.probability === 0) return 'lost';
  return undefined;
}

/** Every stage of the portal with the target it gets: the playbook's where it has one, else the default. */
export function proposeMapping(pipelines: PortalPipeline[], current: StageMapping): ProposedStage[] {
  return pipelines.flatMap((pipeline) =>
    pipeline.stages.map((stage) => {
      const existing = ownEntry(ownEntry(current, pipeline.id), stage.id);
      return { pipeline, stage, target: existing ?? defaultTarget(stage), kept: existing !== undefined };
    }),
  );
}

export interface MappingProblem {
  severity: 'error' | 'warning';
  message: string;
}

/** What is wrong between the playbook's mapping and the portal's real pipelines, each with what to do. */
export function checkMapping(pipelines: PortalPipeline[], mapping: StageMapping): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const byId = new Map(pipelines.map((p) => [p.id, p]));
  for (const [pipelineId, stages] of Object.entries(mapping)) {
    const pipeline = byId.get(pipelineId);
    if (!pipeline) {
      problems.push({ severity: 'error', message: `the playbook maps pipeline "${pipelineId}", which the portal does not have: run "first100 setup" or fix the id` });
      continue;
    }
    const known = new Set(pipeline.stages.map((s) => s.id));
    for (const stageId of Object.keys(stages)) {
      if (!known.has(stageId)) {
        problems.push({ severity: 'error', message: `pipeline "${pipeline.label}" has no stage "${stageId}": remove it from the playbook or use the stage's id (Settings → Objects → Deals → Pipelines)` });
      }
    }
  }
  // A pipeline left out is the admin's choice (setup asks which to map); a won stage left out of a mapped one is worth a word.
  for (const pipeline of pipelines) {
    const mapped = ownEntry(mapping, pipeline.id);
    if (!mapped) continue;
    for (const stage of pipeline.stages.filter((s) => defaultTarget(s) === 'admit' && ownEntry(mapped, s.id) === undefined)) {
      problems.push({ severity: 'warning', message: `won stage "${stage.label}" of "${pipeline.label}" is not mapped: deals won there never start onboarding` });
    }
  }
  return problems;
}

/** The portal's pipelines the playbook leaves out: their deals never start onboarding by a stage change. */
export function unmappedPipelines(pipelines: PortalPipeline[], mapping: StageMapping): PortalPipeline[] {
  return pipelines.filter((p) => ownEntry(mapping, p.id) === undefined);
}
