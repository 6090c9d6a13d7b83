import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parsePlaybook } from '../../src/domain/playbook-loader.js';

export const SMALL_PLAYBOOK_PATH = fileURLToPath(new URL('../fixtures/playbook.small.yml', import.meta.url));

export function smallPlaybook() {
  return parsePlaybook(readFileSync(SMALL_PLAYBOOK_PATH, 'utf8'), SMALL_PLAYBOOK_PATH);
}

/** The small playbook, plus: affirm moves on to activate when the handoff is accepted. */
export const HANDOFF_GATE_PLAYBOOK_PATH = fileURLToPath(new URL('../fixtures/playbook.handoff-gate.yml', import.meta.url));

/** The small playbook, plus: silence limits in admit and activate (5 business days) and affirm (3), a check-in task, day-30 and day-60 checkpoints. */
export const SCHEDULES_PLAYBOOK_PATH = fileURLToPath(new URL('../fixtures/playbook.schedules.yml', import.meta.url));

export function schedulesPlaybook() {
  return parsePlaybook(readFileSync(SCHEDULES_PLAYBOOK_PATH, 'utf8'), SCHEDULES_PLAYBOOK_PATH);
}
