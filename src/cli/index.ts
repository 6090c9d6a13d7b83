import { runFromProcess } from './process-io.js';

await runFromProcess(process.argv.slice(2));
