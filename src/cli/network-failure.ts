/**
 * Names why a request got no answer. Node's fetch says "fetch failed" for every cause; the cause (a
 * certificate refused, nothing listening, a name that does not resolve, silence) decides what the admin fixes.
 */
export function describeNetworkFailure(error: unknown, url: string): string {
  const { host } = new URL(url);
  const e = error as Error & { code?: string; cause?: Error & { code?: string } };
  const cause = e.cause ?? e;
  const code = cause.code ?? e.code ?? '';
  if (e.name === 'TimeoutError' || e.name === 'AbortError' || code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT') {
    return `timeout: ${host} did not answer in time (a firewall dropping the connection, or a server that hangs)`;
  }
  if (code === 'ECONNREFUSED') return `connection refused: nothing listens at ${host} (is the server, or the proxy in front of it, running?)`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') {
    return `DNS: the name ${new URL(url).hostname} does not resolve (check the spelling, and that its DNS record points at the server)`;
  }
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_(VERIFY|GET)/.test(code)) {
    return `certificate: ${host} presents a certificate that is not trusted (${code}: ${cause.message}); HubSpot needs one from a public authority, which Caddy in compose.yaml obtains`;
  }
  if (code === 'ECONNRESET' || code === 'EPIPE') return `connection reset by ${host} (a proxy or firewall closed it)`;
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return `network unreachable: no route to ${host} from this machine`;
  return `${code ? `${code}: ` : ''}${cause.message}`;
}

/** Any HTTP answer means the host is there; only no answer at all is a failure, named by its cause. */
export async function checkReachable(check: string, url: string, fetchUrl: typeof fetch, timeoutMs = 5000): Promise<{ check: string; status: 'ok' | 'fail'; detail: string }[]> {
  try {
    await fetchUrl(url, { method: 'GET', signal: AbortSignal.timeout(timeoutMs), redirect: 'manual' });
    return [{ check, status: 'ok', detail: `${url} answers` }];
  } catch (error) {
    return [{ check, status: 'fail', detail: `${url} cannot be reached: ${describeNetworkFailure(error, url)}` }];
  }
}
