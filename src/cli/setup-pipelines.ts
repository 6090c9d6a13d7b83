import type { Playbook } from '../domain/playbook-schema.js';
import { proposeMapping, type ProposedStage } from '../domain/stage-mapping.js';
import type { Pipeline } from '../hubspot/hubspot-port.js';
import { UsageError } from './command.js';
import type { StageToMap } from './playbook-mapping-writer.js';

export interface PipelineChoice {
  /** --pipeline values: ids or labels. */
  requested: string[];
  ask?: (question: string) => Promise<string>;
  playbookPath: string;
}

/**
 * The stages setup adds: only in the pipelines the admin picks, and never a second pipeline's won stage at
 * admit without a yes, because a delivery pipeline's "Done" would restart onboarding and its open stages would
 * send won deals back to assess.
 */
export async function chooseStages(pipelines: Pipeline[], playbook: Playbook, choice: PipelineChoice, print: (line: string) => void): Promise<StageToMap[]> {
  const chosen = await choosePipelines(pipelines, playbook, choice, print);
  const admitting = new Set(Object.entries(playbook.pipelines).filter(([, stages]) => Object.values(stages).includes('admit')).map(([id]) => id));
  const stages: StageToMap[] = [];
  for (const pipeline of chosen) {
    const proposed = proposeMapping([pipeline], playbook.pipelines).filter((p) => !p.kept);
    for (const p of proposed.filter((p) => p.target === undefined)) {
      print(`  ? ${pipeline.label} / ${p.stage.label} (${p.stage.id}) is closed but neither won nor lost by its probability: map it by hand in ${choice.playbookPath}`);
    }
    const decided = proposed.filter((p): p is ProposedStage & { target: StageToMap['target'] } => p.target !== undefined);
    if (decided.length === 0) {
      print(`  ${pipeline.label} (${pipeline.id}): every stage is mapped already`);
      continue;
    }
    const won = decided.filter((p) => p.target === 'admit');
    const otherAdmits = [...admitting].filter((id) => id !== pipeline.id);
    if (won.length > 0 && otherAdmits.length > 0 && !(await startsOnboardingToo(pipeline, won, choice, print))) {
      print(
        `  ${pipeline.label} (${pipeline.id}): left unmapped. Map its stages by hand in ${choice.playbookPath} to the phases they mean ` +
          '(e.g. a kickoff stage: activate, a delivery stage: accomplish); a stage left unmapped changes nothing',
      );
      continue;
    }
    if (won.length > 0) admitting.add(pipeline.id);
    stages.push(...decided.map((p) => ({ pipeline: { id: pipeline.id, label: pipeline.label }, stage: p.stage, target: p.target })));
  }
  return stages;
}

async function choosePipelines(pipelines: Pipeline[], playbook: Playbook, choice: PipelineChoice, print: (line: string) => void): Promise<Pipeline[]> {
  const known = pipelines.map((p) => `${p.label} (${p.id})`).join(', ');
  if (choice.requested.length > 0) {
    return choice.requested.map((wanted) => {
      const found = pipelines.find((p) => p.id === wanted) ?? pipelines.find((p) => p.label.toLowerCase() === wanted.toLowerCase());
      if (!found) throw new UsageError(`--pipeline "${wanted}" is not a deal pipeline of this account; it has ${known}`);
      return found;
    });
  }
  const inPlaybook = pipelines.filter((p) => playbook.pipelines[p.id] !== undefined);
  if (!choice.ask) {
    const others = pipelines.filter((p) => !inPlaybook.includes(p));
    print(
      `pipelines: not asked (no terminal): only the pipelines the playbook maps already get their new stages` +
        `${inPlaybook.length > 0 ? ` (${inPlaybook.map((p) => p.label).join(', ')})` : ' (none)'}` +
        `${others.length > 0 ? `; to map another, add --pipeline <id>: ${others.map((p) => `${p.label} (${p.id})`).join(', ')}` : ''}`,
    );
    return inPlaybook;
  }
  print('Deal pipelines of this account:');
  pipelines.forEach((p, i) => print(`  ${i + 1}. ${p.label} (${p.id}), ${p.stages.length} stages${playbook.pipelines[p.id] ? ', in the playbook' : ''}`));
  const fallback = (inPlaybook.length > 0 ? inPlaybook : pipelines.slice(0, 1)).map((p) => pipelines.indexOf(p) + 1);
  for (let attempt = 0; attempt < 3; attempt++) {
    const answer = (await choice.ask(`Which pipelines' deals start onboarding? Numbers separated by commas [${fallback.join(',')}]: `)).trim();
    const numbers = answer === '' ? fallback : answer.split(/[\s,]+/).map(Number);
    if (numbers.every((n) => Number.isInteger(n) && n >= 1 && n <= pipelines.length)) return [...new Set(numbers)].map((n) => pipelines[n - 1]!);
    print(`  "${answer}": give numbers from 1 to ${pipelines.length}, e.g. 1 or 1,3`);
  }
  throw new UsageError('no pipelines chosen; run setup again, or give --pipeline <id>');
}

async function startsOnboardingToo(pipeline: Pipeline, won: ProposedStage[], choice: PipelineChoice, print: (line: string) => void): Promise<boolean> {
  const stages = won.map((p) => `"${p.stage.label}"`).join(', ');
  if (!choice.ask) {
    print(`  ${pipeline.label}: its won stage ${stages} would start onboarding a second time for deals already onboarded; not asked (no terminal), so not mapped`);
    return false;
  }
  const answer = await choice.ask(
    `"${pipeline.label}" has the won stage ${stages}, and another pipeline already starts onboarding. Is "${pipeline.label}" a sales pipeline ` +
      'whose won deals start onboarding too? (A delivery pipeline is not: there "won" would restart onboarding, a second welcome email and a ' +
      'new day zero, and its open stages would send deals back to assess.) [y/N]: ',
  );
  return /^y(es)?$/i.test(answer.trim());
}
