import { readFileSync } from 'node:fs';

/** first100's version, as package.json says it (the status page, `--version` and the boot line show it). */
export const VERSION: string = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;
