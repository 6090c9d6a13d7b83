import { readFile } from 'node:fs/promises';

/**
 * Reads a message from the outbox (tests, the demo, an operator checking what went out). Outbox files are
 * `<DATA_DIR>/outbox/<32 hex>.eml`, the hex being the hash of the step's effect key and the contact id.
 */
export interface OutboxMessage {
  headers: Record<string, string>;
  text: string;
  html: string;
}

export interface SurveyLinksInMessage {
  /** `${PUBLIC_BASE_URL}/feedback/<token>`, or null when the email asks no survey. */
  survey: string | null;
  /** The one-click links, `…/feedback/<token>?score=N`, lowest score first. */
  scores: { score: number; url: string }[];
}

export async function readOutboxMessage(path: string): Promise<OutboxMessage> {
  return parseMessage(await readFile(path, 'utf8'));
}

/** The survey links an outbox .eml carries (taken from its text part). */
export async function surveyLinksInEml(path: string): Promise<SurveyLinksInMessage> {
  return surveyLinksIn((await readOutboxMessage(path)).text);
}

export function surveyLinksIn(text: string): SurveyLinksInMessage {
  const urls = [...new Set(text.match(/https?:\/\/\S+\/feedback\/[A-Za-z0-9_-]+(\?score=\d+)?/g) ?? [])];
  const scores = urls
    .flatMap((url) => {
      const score = url.match(/\?score=(\d+)$/)?.[1];
      return score === undefined ? [] : [{ score: Number(score), url }];
    })
    .sort((a, b) => a.score - b.score);
  return { survey: urls.find((u) => !u.includes('?score=')) ?? null, scores };
}

export function parseMessage(raw: string): OutboxMessage {
  const { headers, body } = splitPart(raw);
  const found = { text: '', html: '' };
  collect(headers, body, found);
  return { headers, ...found };
}

function collect(headers: Record<string, string>, body: string, found: { text: string; html: string }): void {
  const type = headers['content-type'] ?? 'text/plain';
  const boundary = type.match(/boundary="?([^";]+)"?/i)?.[1];
  if (type.toLowerCase().startsWith('multipart/') && boundary) {
    const parts = body.split(`--${boundary}`).slice(1);
    for (const part of parts) {
      if (part.startsWith('--')) break;
      const inner = splitPart(part.replace(/^\r?\n/, ''));
      collect(inner.headers, inner.body, found);
    }
    return;
  }
  const decoded = decode(body, headers['content-transfer-encoding'] ?? '7bit');
  if (type.toLowerCase().startsWith('text/html')) found.html ||= decoded;
  else if (type.toLowerCase().startsWith('text/plain')) found.text ||= decoded;
}

function splitPart(raw: string): { headers: Record<string, string>; body: string } {
  const at = raw.search(/\r?\n\r?\n/);
  const head = at < 0 ? raw : raw.slice(0, at);
  const body = at < 0 ? '' : raw.slice(at).replace(/^\r?\n\r?\n/, '');
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body };
}

function decode(body: string, encoding: string): string {
  const e = encoding.toLowerCase();
  if (e === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (e === 'quoted-printable') {
    const soft = body.replace(/=\r?\n/g, '');
    const bytes: number[] = [];
    for (let i = 0; i < soft.length; i++) {
      if (soft[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(soft.slice(i + 1, i + 3))) {
        bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
        i += 2;
      } else {
        bytes.push(...Buffer.from(soft[i]!, 'utf8'));
      }
    }
    return Buffer.from(bytes).toString('utf8');
  }
  return body;
}

/** The link to the contact's own page that every first100 email carries, or null. */
export function clientPageLinkIn(text: string): string | null {
  return text.match(/https?:\/\/\S+\/c\/[A-Za-z0-9_-]{43}/)?.[0] ?? null;
}
