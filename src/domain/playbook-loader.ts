import { LineCounter, parseDocument, isNode } from 'yaml';
import type { z } from 'zod';
import { playbookSchema, type Playbook } from './playbook-schema.js';

export class PlaybookError extends Error {
  readonly code = 'PLAYBOOK_INVALID';
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file} is not a valid playbook:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Parses playbook YAML text; `file` only names the source in error messages. Pure: no I/O. */
export function parsePlaybook(text: string, file: string): Playbook {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    throw new PlaybookError(
      file,
      doc.errors.map((e) => `${file}:${lineCounter.linePos(e.pos[0]).line}: ${e.message.split('\n')[0]}`),
    );
  }
  const result = playbookSchema.safeParse(doc.toJS());
  if (result.success) return result.data;
  throw new PlaybookError(file, result.error.issues.map((issue) => describeIssue(issue, doc, lineCounter, file)));
}

function describeIssue(
  issue: z.core.$ZodIssue,
  doc: ReturnType<typeof parseDocument>,
  lines: LineCounter,
  file: string,
): string {
  const path = issue.path.map(String);
  const field = path.length > 0 ? path.join('.') : '(top level)';
  return `${file}:${lineOf(doc, lines, path)}: ${field}: ${issue.message}`;
}

/** The line of the deepest node along `path` that exists, so a missing key points at its parent. */
function lineOf(doc: ReturnType<typeof parseDocument>, lines: LineCounter, path: string[]): number {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
  }
  return 1;
}
