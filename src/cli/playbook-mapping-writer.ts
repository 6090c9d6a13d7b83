import { isMap, isScalar, parseDocument, type Document, type Node, type YAMLMap } from 'yaml';
import type { StageTarget } from '../domain/playbook-schema.js';

export interface StageToMap {
  pipeline: { id: string; label: string };
  stage: { id: string; label: string; isClosed: boolean };
  target: StageTarget;
}

export interface MappingEdit {
  text: string;
  /** True when the playbook's layout (flow-style `pipelines`) forced a reformat of the whole file. */
  rewritten: boolean;
}

/**
 * Adds stages to a playbook's `pipelines:` the way a person would: new lines under the pipeline (or a new
 * pipeline block after the last one), each with its label as a comment, and nothing else in the file touched,
 * so the diff is the added lines only. The yaml Document finds where each line goes; the text is edited there.
 */
export function addStagesToPlaybook(text: string, stages: StageToMap[]): MappingEdit {
  if (stages.length === 0) return { text, rewritten: false };
  const doc = parseDocument(text);
  const edit = insertLines(text, doc, stages) ?? { text: rewriteWithDocument(doc, stages), rewritten: true };
  const mapped = parseDocument(edit.text).toJS()?.pipelines ?? {};
  for (const s of stages) {
    if (mapped[s.pipeline.id]?.[s.stage.id] !== s.target) throw new Error(`could not add ${s.pipeline.id}/${s.stage.id} to the playbook (a bug in first100 setup)`);
  }
  return edit;
}

function insertLines(text: string, doc: Document, stages: StageToMap[]): MappingEdit | undefined {
  const pipelines = doc.get('pipelines', true) as Node | undefined;
  if (!isBlockMap(pipelines) || pipelines.items.length === 0) return undefined;
  const pipelineIndent = columnOf(text, (pipelines.items[0]!.key as Node).range![0]);
  const firstStages = pipelines.items[0]!.value as Node;
  const step = isBlockMap(firstStages) && firstStages.items.length > 0 ? columnOf(text, (firstStages.items[0]!.key as Node).range![0]) - pipelineIndent : 2;
  const inserts: { at: number; lines: string[] }[] = [];
  const newPipelines: string[] = [];
  for (const [id, group] of groupByPipeline(stages)) {
    const existing = pipelines.get(id, true) as Node | undefined;
    if (existing !== undefined) {
      if (!isBlockMap(existing) || existing.items.length === 0) return undefined;
      const indent = ' '.repeat(columnOf(text, (existing.items[0]!.key as Node).range![0]));
      inserts.push({ at: lineEnd(text, lastItemEnd(existing)), lines: group.map((s) => stageLine(indent, s)) });
    } else {
      const indent = ' '.repeat(pipelineIndent);
      newPipelines.push(`${indent}# ${oneLine(group[0]!.pipeline.label)} (added by first100 setup: review)`, `${indent}${yamlKey(id)}:`);
      newPipelines.push(...group.map((s) => stageLine(' '.repeat(pipelineIndent + step), s)));
    }
  }
  if (newPipelines.length > 0) inserts.push({ at: lineEnd(text, lastItemEnd(pipelines)), lines: newPipelines });
  let result = text;
  // From the end of the file backwards, so earlier offsets stay true; at one offset, the later insert first.
  const ordered = inserts.map((insert, order) => ({ ...insert, order })).sort((a, b) => b.at - a.at || b.order - a.order);
  for (const { at, lines } of ordered) {
    const before = result.slice(0, at);
    result = `${before}${before.endsWith('\n') || before === '' ? '' : '\n'}${lines.join('\n')}\n${result.slice(at)}`;
  }
  return { text: result, rewritten: false };
}

/** A playbook laid out in a way lines cannot be added to (flow style): the Document writes it, comments kept. */
function rewriteWithDocument(doc: Document, stages: StageToMap[]): string {
  if (!isMap(doc.get('pipelines'))) doc.set('pipelines', doc.createNode({}));
  const pipelines = doc.get('pipelines') as YAMLMap;
  for (const s of stages) {
    if (!isMap(pipelines.get(s.pipeline.id))) pipelines.set(doc.createNode(s.pipeline.id), doc.createNode({}));
    const value = doc.createNode(s.target);
    if (isScalar(value)) value.comment = ` ${comment(s)}`;
    (pipelines.get(s.pipeline.id) as YAMLMap).set(doc.createNode(s.stage.id), value);
  }
  return doc.toString();
}

function isBlockMap(node: unknown): node is YAMLMap<Node, Node> {
  return isMap(node) && !node.flow;
}

function groupByPipeline(stages: StageToMap[]): Map<string, StageToMap[]> {
  const groups = new Map<string, StageToMap[]>();
  for (const s of stages) groups.set(s.pipeline.id, [...(groups.get(s.pipeline.id) ?? []), s]);
  return groups;
}

/** Where the last entry of a block map ends: after its value, or its key when the value is empty. */
function lastItemEnd(map: YAMLMap<Node, Node>): number {
  const last = map.items[map.items.length - 1]!;
  const node = (last.value ?? last.key) as Node;
  return isBlockMap(node) && node.items.length > 0 ? lastItemEnd(node) : node.range![1];
}

function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

function stageLine(indent: string, s: StageToMap): string {
  return `${indent}${yamlKey(s.stage.id)}: ${s.target} # ${comment(s)}`;
}

function comment(s: StageToMap): string {
  return `${oneLine(s.stage.label)}${s.stage.isClosed ? ' (closed)' : ''}: added by first100 setup, review`;
}

const oneLine = (label: string) => label.replace(/\s+/g, ' ').trim();

/** Stage and pipeline ids as YAML keys that stay strings ("111", not the number 111). */
function yamlKey(id: string): string {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(id) && !/^(true|false|null|yes|no|on|off|y|n)$/i.test(id) ? id : JSON.stringify(id);
}
