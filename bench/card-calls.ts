import { HANDOFF_ITEMS } from '../src/domain/handoff-items.js';
import { signV3 } from '../src/hubspot/signature.js';
import { BENCH_PORTAL, BENCH_PUBLIC_URL, BENCH_SECRET } from './bench-server.js';

export const SALES = { userId: '1001', userEmail: 'rep@bench.invalid' };
export const PM = { userId: '2002', userEmail: 'pm@bench.invalid' };

/**
 * A card's call as hubspot.fetch sends it: user and account appended to the URL, the body as JSON, a v3 signature
 * over method, public URL, body and timestamp.
 */
export async function cardCall(
  serverUrl: string,
  method: 'GET' | 'POST',
  path: string,
  user = SALES,
  body?: unknown,
): Promise<{ status: number; ms: number; text: string }> {
  const query = `${path.includes('?') ? '&' : '?'}${new URLSearchParams({ userId: user.userId, portalId: BENCH_PORTAL, userEmail: user.userEmail, appId: '1' })}`;
  const raw = body === undefined ? '' : JSON.stringify(body);
  const timestamp = String(Date.now());
  const signature = signV3(BENCH_SECRET, method, `${BENCH_PUBLIC_URL}${path}${query}`, raw, timestamp);
  const headers = { 'content-type': 'application/json', 'x-hubspot-signature-v3': signature, 'x-hubspot-request-timestamp': timestamp };
  const t = performance.now();
  const res = await fetch(`${serverUrl}${path}${query}`, { method, headers, ...(method === 'POST' ? { body: raw } : {}) });
  const text = await res.text();
  return { status: res.status, ms: performance.now() - t, text };
}

let nextRequest = 1;
const requestId = () => `bench-${process.pid}-${nextRequest++}`;

/** A sentence of about `chars` characters, as a rep would write in a checklist field. */
function prose(label: string, chars: number): string {
  const base = `${label}: the client said this during the sale and does not want to repeat it to the project team. `;
  return base.repeat(Math.ceil(chars / base.length)).slice(0, chars).trim();
}

/** Every field of every item, as sales fills it before the handoff meeting. */
export function filledValues(): Record<string, Record<string, string>> {
  return Object.fromEntries(
    HANDOFF_ITEMS.map((item) => [
      item.key,
      Object.fromEntries(
        item.fields.map((f) => [f.name, f.type === 'enum' ? Object.keys(f.options!)[0]! : f.type === 'date' ? '2027-01-15' : prose(f.label.en, 400)]),
      ),
    ]),
  );
}

/**
 * A handoff as people work it: sales submits every item filled, the PM accepts all the required ones but one and
 * asks about that one, sales answers and submits again. The checklist then has values, statuses, a thread and history.
 */
export async function fillHandoff(serverUrl: string, dealId: number): Promise<void> {
  const path = `/api/cards/deals/${dealId}/handoff`;
  const required = HANDOFF_ITEMS.filter((i) => i.required).map((i) => i.key);
  const asked = required.at(-2)!;
  const steps: [typeof SALES, Record<string, unknown>][] = [
    [SALES, { action: 'submit', values: filledValues() }],
    [PM, { action: 'accept', items: required.filter((k) => k !== asked) }],
    [PM, { action: 'ask', item: asked, text: prose('Question', 300) }],
    [SALES, { action: 'submit', answers: { [asked]: prose('Answer', 300) } }],
  ];
  for (const [user, body] of steps) {
    const res = await cardCall(serverUrl, 'POST', path, user, { requestId: requestId(), ...body });
    if (res.status !== 200) throw new Error(`filling the handoff of deal ${dealId}: ${body.action} answered ${res.status}: ${res.text}`);
  }
}
