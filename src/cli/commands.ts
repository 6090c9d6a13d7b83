import type { Command } from './command.js';
import { demoCli } from './demo-cli.js';
import { doctorCli } from './doctor-command.js';
import { initCli } from './init-command.js';
import { planCli } from './plan-command.js';
import { projectCli } from './project-command.js';
import { retryCli } from './retry-command.js';
import { setupCli } from './setup-command.js';
import { startCli } from './start-command.js';
import { statusCli } from './status-command.js';

/** Every first100 command, in the order `first100 help` lists them: one entry each. */
export const COMMANDS: Command[] = [
  initCli,
  setupCli,
  startCli,
  doctorCli,
  statusCli,
  projectCli,
  planCli,
  demoCli,
  retryCli,
];
