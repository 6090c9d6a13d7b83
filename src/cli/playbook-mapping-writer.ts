import { isMap, isScalar, parseDocument, type YAMLMap } from 'yaml';
import type { ProposedStage } from '../domain/stage-mapping.js';

export interface MappingEdit {
  /** The playbook's text with the new stages added; comments and everything else as they were. */
  text: string;
  added: ProposedStage[];
  /** Closed stages neither won nor lost by their probability: left out for the admin to map. */
  undecided: ProposedStage[];
}

/**
 * Adds the portal's unmapped stages to a playbook's `pipelines:`, each with its label as a comment for the admin
 * to review. Stages the playbook already maps are left as they are: the admin's choice wins.
 */
export function addStagesToPlaybook(text: string, proposed: ProposedStage[]): MappingEdit {
  const doc = parseDocument(text);
  const added = proposed.filter((p) => !p.kept && p.target !== undefined);
  const undecided = proposed.filter((p) => !p.kept && p.target === undefined);
  if (added.length === 0) return { text, added, undecided };

  if (!isMap(doc.get('pipelines'))) doc.set('pipelines', doc.createNode({}));
  const pipelines = doc.get('pipelines') as YAMLMap;
  for (const p of added) {
    if (!isMap(pipelines.get(p.pipeline.id))) {
      const map = doc.createNode({}) as YAMLMap;
      const key = doc.createNode(p.pipeline.id);
      if (isScalar(key)) key.commentBefore = ` ${p.pipeline.label} (added by first100 setup: review)`;
      pipelines.add(doc.createPair(key, map));
    }
    const stages = pipelines.get(p.pipeline.id) as YAMLMap;
    const value = doc.createNode(p.target);
    if (isScalar(value)) value.comment = ` ${p.stage.label}${p.stage.isClosed ? ' (closed)' : ''}: added by first100 setup, review`;
    stages.set(doc.createNode(p.stage.id), value);
  }
  return { text: doc.toString(), added, undecided };
}
