import { hubspot } from '@hubspot/ui-extensions';
import { vi } from 'vitest';
import { BACKEND_URL } from '../../extensions/app/cards/lib/backend';

export interface BackendCall {
  method: string;
  path: string;
  body: Record<string, any> | undefined;
}

export type Answer = { status: number; body: unknown } | 'never';
type Route = (call: BackendCall) => Answer | undefined;

/**
 * Stands in for the first100 server at the only boundary a card has: hubspot.fetch. Each call goes to the first
 * route that answers it; every call is recorded. 'never' leaves the request pending (loading state).
 */
export function fakeBackend(...routes: Route[]) {
  const calls: BackendCall[] = [];
  const spy = vi.spyOn(hubspot, 'fetch').mockImplementation(async (url, options) => {
    const call: BackendCall = { method: options?.method ?? 'GET', path: String(url).replace(BACKEND_URL, ''), body: options?.body as BackendCall['body'] };
    calls.push(call);
    const answer = routes.map((r) => r(call)).find((a) => a !== undefined);
    if (answer === undefined) return new Response(JSON.stringify({ error: { code: 'NOT_FOUND', message: `no route for ${call.method} ${call.path}` } }), { status: 404 });
    if (answer === 'never') return new Promise<Response>(() => {});
    return new Response(JSON.stringify(answer.body), { status: answer.status });
  });
  return { calls, spy, posts: () => calls.filter((c) => c.method === 'POST') };
}

export const on =
  (method: string, pathStart: string, answer: Answer | ((call: BackendCall) => Answer)): Route =>
  (call) =>
    call.method === method && call.path.startsWith(pathStart) ? (typeof answer === 'function' ? answer(call) : answer) : undefined;

export const ok = (body: unknown): Answer => ({ status: 200, body });
export const fail = (status: number, code: string, items: string[] = []): Answer => ({ status, body: { error: { code, message: code, details: { items } } } });
