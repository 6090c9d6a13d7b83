#!/usr/bin/env node
// Runs the TypeScript CLI in this process through tsx's loader, so the package works without a build step and
// signals (Ctrl-C, SIGTERM from a supervisor) reach first100 itself, not a wrapper that would leave it running.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/index.ts');
