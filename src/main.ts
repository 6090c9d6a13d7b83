import { boot } from './boot.js';
import { ConfigError, loadConfig } from './config.js';

try {
  const running = await boot(loadConfig());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      running.stop().then(() => process.exit(0), () => process.exit(1));
    });
  }
} catch (error) {
  process.stderr.write(`${error instanceof ConfigError ? error.message : `first100 could not start: ${(error as Error).message}`}\n`);
  process.exit(1);
}
