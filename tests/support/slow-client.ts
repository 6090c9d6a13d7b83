import { connect } from 'node:net';

export interface SlowClientOutcome {
  /** The status line's code, if the server answered at all. */
  status: number | null;
  /** Body bytes the client had sent when the server answered or closed. */
  bytesSent: number;
  /** From connecting until the server closed the connection. */
  closedAfterMs: number;
}

export interface SlowClient {
  done: Promise<SlowClientOutcome>;
  stop(): void;
}

/**
 * A client that sends its request head (all of it, or `headBytesFirst` bytes of it) and then one byte a second,
 * as a stranger stalling a server does; `done` settles when the server closes the connection.
 */
export function slowClient(serverUrl: string, head: string, o: { headBytesFirst?: number; bodyBytes?: number } = {}): SlowClient {
  const { hostname, port } = new URL(serverUrl);
  const socket = connect(Number(port), hostname);
  const started = performance.now();
  const toSend = Buffer.from(head.slice(o.headBytesFirst ?? head.length) + 'x'.repeat(o.bodyBytes ?? 0));
  let sent = 0;
  let answer = '';
  let timer: NodeJS.Timeout | undefined;
  socket.on('connect', () => {
    socket.write(head.slice(0, o.headBytesFirst ?? head.length));
    timer = setInterval(() => {
      if (sent >= toSend.length || socket.destroyed) return;
      socket.write(toSend.subarray(sent, sent + 1));
      sent += 1;
    }, 1000);
  });
  socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
  socket.on('error', () => {});
  const done = new Promise<SlowClientOutcome>((resolve) =>
    socket.on('close', () => {
      clearInterval(timer);
      const code = answer.match(/^HTTP\/1\.1 (\d{3})/)?.[1];
      const bodySent = Math.max(0, sent - (head.length - (o.headBytesFirst ?? head.length)));
      resolve({ status: code ? Number(code) : null, bytesSent: bodySent, closedAfterMs: performance.now() - started });
    }),
  );
  return {
    done,
    stop() {
      clearInterval(timer);
      socket.destroy();
    },
  };
}

/** The head of a POST to the webhook route with these extra header lines. */
export function webhookHead(contentLength: number, headers: Record<string, string> = {}): string {
  const lines = Object.entries({ 'content-type': 'application/json', 'content-length': String(contentLength), ...headers }).map(([k, v]) => `${k}: ${v}`);
  return ['POST /webhooks/hubspot HTTP/1.1', 'host: first100.example.com', ...lines, '', ''].join('\r\n');
}

/**
 * Strangers that keep `count` slow clients open on the server until stopped, each one replaced a second after the
 * server closes it (as an attacker would reconnect, at the pace of their trickle).
 */
export function keepStalling(serverUrl: string, count: number, makeHead: () => string): { stop(): Promise<void> } {
  let running = true;
  const clients = new Set<SlowClient>();
  const loops = Array.from({ length: count }, async () => {
    while (running) {
      const client = slowClient(serverUrl, makeHead(), { bodyBytes: 1_000_000 });
      clients.add(client);
      await client.done;
      clients.delete(client);
      if (running) await new Promise((r) => setTimeout(r, 1000));
    }
  });
  return {
    async stop() {
      running = false;
      for (const client of clients) client.stop();
      await Promise.all(loops);
    },
  };
}

/** A webhook head that looks signed (a fresh timestamp, a signature of the right shape): only the body can tell. */
export function signedLookingHead(timestamp: number, contentLength = 100_000): string {
  return webhookHead(contentLength, { 'x-hubspot-request-timestamp': String(timestamp), 'x-hubspot-signature-v3': Buffer.alloc(32, 7).toString('base64') });
}
