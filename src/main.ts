// The server's entry point, the same as `first100 start` (the container runs it with node --import tsx).
import { runFromProcess } from './cli/process-io.js';

await runFromProcess(['start', ...process.argv.slice(2)]);
