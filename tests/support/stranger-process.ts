import { keepStalling, signedLookingHead, webhookHead } from './slow-client.js';

// Run by strangers.ts in a process of its own: `stranger-process.ts <server url> <clients of each kind> <timestamp>`.
// Keeps unsigned and signed-looking requests trickling into the server until it is told to stop (SIGTERM).
const [serverUrl, perKind, timestamp] = process.argv.slice(2) as [string, string, string];
const count = Number(perKind);
const unsigned = () => webhookHead(100_000);
const signedLooking = () => signedLookingHead(Number(timestamp));
const strangers = [keepStalling(serverUrl, count, unsigned), keepStalling(serverUrl, count, signedLooking)];
process.stdout.write('stalling\n');
process.once('SIGTERM', () => {
  void Promise.all(strangers.map((s) => s.stop())).then(() => process.exit(0));
});
