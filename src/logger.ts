import pino, { type DestinationStream, type Logger } from 'pino';
import type { Config } from './config.js';

const REDACT = ['req.headers.authorization', '*.accessToken', '*.clientSecret'];

/**
 * The root logger: JSON lines for log collectors, or one readable line per event when a person watches the
 * terminal. pino-pretty is not a dependency: the small formatter below is enough for a terminal.
 */
export function createLogger(level: Config['logLevel'], options: { pretty: boolean }): Logger {
  // Asynchronous writes: stdout to a pipe is synchronous on Linux, and a slow log reader would stall every request.
  const destination: DestinationStream = options.pretty ? prettyDestination((text) => process.stdout.write(text)) : pino.destination({ dest: 1, sync: false });
  return pino({ level, redact: REDACT }, destination);
}

export function prettyDestination(write: (text: string) => void): DestinationStream {
  return {
    write(chunk: string) {
      for (const line of chunk.split('\n')) if (line !== '') write(`${formatLogLine(line)}\n`);
    },
  };
}

const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO ', 40: 'WARN ', 50: 'ERROR', 60: 'FATAL' };
const LEFT_OUT = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'err']);

/** `14:02:07 INFO  first100 is listening url=http://127.0.0.1:3000 dryRun=false`, and an error's stack below. */
export function formatLogLine(json: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json);
  } catch {
    return json;
  }
  const time = typeof entry.time === 'number' ? new Date(entry.time).toTimeString().slice(0, 8) : '--:--:--';
  const level = LEVELS[entry.level as number] ?? String(entry.level);
  const fields = Object.entries(entry)
    .filter(([key]) => !LEFT_OUT.has(key))
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  const err = entry.err as { message?: string; stack?: string } | undefined;
  const stack = err?.stack ? `\n    ${err.stack.split('\n').join('\n    ')}` : err?.message ? ` err=${err.message}` : '';
  return `${time} ${level} ${String(entry.msg ?? '')}${fields.length > 0 ? `  ${fields.join(' ')}` : ''}${stack}`;
}
