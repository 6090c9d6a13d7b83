import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A local SMTP server on 127.0.0.1 that keeps every message it accepts, to count deliveries. */
export async function startSmtpSink(o: { refuseFirst?: number; credentials?: { user: string; pass: string } } = {}): Promise<{ url: string; messages: { to: string[]; raw: string }[]; refused: number; stop(): Promise<void> }> {
  const messages: { to: string[]; raw: string }[] = [];
  const state = { refused: 0 };
  const credentials = o.credentials;
  const server = new SMTPServer({
    // With credentials: AUTH over plain text (a local test server has no certificate), refused on a wrong password.
    disabledCommands: credentials ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    ...(credentials ? { allowInsecureAuth: true, authOptional: false } : {}),
    onAuth(auth, _session, callback) {
      if (credentials && auth.username === credentials.user && auth.password === credentials.pass) return callback(null, { user: auth.username });
      callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (state.refused < (o.refuseFirst ?? 0)) {
          state.refused++;
          return callback(Object.assign(new Error('try again later'), { responseCode: 451 }));
        }
        messages.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = (server as unknown as { server: { address(): AddressInfo } }).server.address();
  return {
    url: credentials ? `smtp://${credentials.user}:${credentials.pass}@127.0.0.1:${port}` : `smtp://127.0.0.1:${port}`,
    messages,
    get refused() {
      return state.refused;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
