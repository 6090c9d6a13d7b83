import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parsePlaybook } from '../../src/domain/playbook-loader.js';

export const SMALL_PLAYBOOK_PATH = fileURLToPath(new URL('../fixtures/playbook.small.yml', import.meta.url));

export function smallPlaybook() {
  return parsePlaybook(readFileSync(SMALL_PLAYBOOK_PATH, 'utf8'), SMALL_PLAYBOOK_PATH);
}

/** The small playbook, plus: affirm moves on to activate when the handoff is accepted. */
export const HANDOFF_GATE_PLAYBOOK_PATH = fileURLToPath(new URL('../fixtures/playbook.handoff-gate.yml', import.meta.url));
