import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface DoubleOptions {
  /** Calls allowed in any rolling 10 s before 429 TEN_SECONDLY_ROLLING (HubSpot: 100–250 per app). */
  per10s?: number;
  /** Calls allowed per day before 429 DAILY. */
  perDay?: number;
  /** Added to every answer, like the network and HubSpot's own work. */
  latencyMs?: number;
}

/** What the double does with the next calls to one path, instead of answering at once (fault tests). */
export type Fault =
  | { kind: 'fail'; status: number; body: unknown }
  /** Never answers and applies nothing, like a hung connection. */
  | { kind: 'hang' }
  /** Applies the call (tasks really created), then never answers: the answer is lost. */
  | { kind: 'apply-then-hang' };

export interface DoubleTask {
  id: string;
  properties: Record<string, string>;
  associations: { to: { id: string }; types: { associationTypeId: number }[] }[];
}

/**
 * A local stand-in for the part of HubSpot's CRM API first100 calls, for benchmarks and multi-process
 * tests: any numeric deal id exists (owner, company and contact derived from it), tasks are kept,
 * and the 10-second and daily limits answer 429 with HubSpot's policy names.
 */
export function createHubSpotDouble(options: DoubleOptions = {}) {
  const per10s = options.per10s ?? 190;
  const perDay = options.perDay ?? 1_000_000;
  const calls: { at: number; method: string; path: string; status: number }[] = [];
  const recent: number[] = [];
  const tasks: DoubleTask[] = [];
  /** Notes on deals' timelines (handoff actions, phase moves, feedback), kept like tasks. */
  const notes: DoubleTask[] = [];
  const dealUpdates = new Map<string, Record<string, string>>();
  /** Tasks and notes are kept, and a marker search finds them on their deal (task 216, note 214 associations). */
  const MARKED = {
    tasks: { list: tasks, typeId: 216, markerProperty: 'hs_task_body' },
    notes: { list: notes, typeId: 214, markerProperty: 'hs_note_body' },
  };
  const faults: { path: string; fault: Fault; remaining: number }[] = [];
  const hung: string[] = [];
  let nextId = 100_000;
  let dayCount = 0;

  const deal = (id: string) => ({
    id,
    properties: { dealname: `Deal ${id}`, pipeline: 'default', dealstage: 'closedwon', hubspot_owner_id: String(100 + (Number(id) % 5)), first100_pm_owner: String(200 + (Number(id) % 3)), closedate: null },
  });
  const assoc = (inputs: { id: string }[], offset: number, typeId: number) =>
    inputs.map((i) => ({ from: { id: i.id }, to: [{ toObjectId: offset + Number(i.id), associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId }] }] }));

  function answer(method: string, path: string, body: any): [number, unknown] {
    if (method === 'POST' && path === '/crm/v3/objects/deals/batch/read') return [200, { status: 'COMPLETE', results: body.inputs.map((i: any) => deal(i.id)) }];
    if (method === 'POST' && path === '/crm/v4/associations/deals/companies/batch/read') return [200, { status: 'COMPLETE', results: assoc(body.inputs, 7_000_000, 5) }];
    if (method === 'POST' && path === '/crm/v4/associations/deals/contacts/batch/read') return [200, { status: 'COMPLETE', results: assoc(body.inputs, 8_000_000, 3) }];
    if (method === 'POST' && path === '/crm/v3/objects/companies/batch/read') {
      return [200, { status: 'COMPLETE', results: body.inputs.map((i: any) => ({ id: i.id, properties: { name: `Company ${i.id}` } })) }];
    }
    const marked = method === 'POST' ? path.match(/^\/crm\/v3\/objects\/(tasks|notes)\/(batch\/create|search)$/) : null;
    if (marked) {
      const { list, typeId, markerProperty } = MARKED[marked[1] as keyof typeof MARKED];
      if (marked[2] === 'batch/create') {
        const created = body.inputs.map((input: any) => ({ id: String(nextId++), ...input }));
        list.push(...created);
        return [201, { status: 'COMPLETE', results: created.map((o: DoubleTask) => ({ id: o.id, properties: o.properties })) }];
      }
      const dealId = body.filterGroups?.[0]?.filters?.[0]?.value;
      const onDeal = list.filter((o) => o.associations.some((a) => a.to.id === dealId && a.types[0]?.associationTypeId === typeId));
      return [200, { total: onDeal.length, results: onDeal.map((o) => ({ id: o.id, properties: { [markerProperty]: o.properties[markerProperty] } })) }];
    }
    // /readyz's token check: one page of one deal.
    if (method === 'GET' && path === '/crm/v3/objects/deals') return [200, { results: [deal('1')] }];
    // The reconciliation sweep's search: the double's deals only change through the webhooks it is sent.
    if (method === 'POST' && path === '/crm/v3/objects/deals/search') return [200, { total: 0, results: [] }];
    if (method === 'POST' && path === '/crm/v3/objects/deals/batch/update') {
      for (const input of body.inputs) dealUpdates.set(input.id, { ...dealUpdates.get(input.id), ...input.properties });
      return [200, { status: 'COMPLETE', results: body.inputs }];
    }
    // Feedback emails: the recipients' addresses are read when an email is written, and each one sent is logged.
    if (method === 'POST' && path === '/crm/v3/objects/contacts/batch/read') {
      const contact = (id: string) => ({ id, properties: { email: `contact-${id}@example.invalid`, firstname: 'Client', lastname: id, hs_language: Number(id) % 2 ? 'it' : 'en' } });
      return [200, { status: 'COMPLETE', results: body.inputs.map((i: any) => contact(i.id)) }];
    }
    if (method === 'POST' && path === '/crm/v3/objects/emails/batch/create') {
      return [201, { status: 'COMPLETE', results: body.inputs.map((input: any) => ({ id: String(nextId++), properties: input.properties })) }];
    }
    if (method === 'POST' && path === '/crm/v3/objects/companies/batch/update') return [200, { status: 'COMPLETE', results: body.inputs }];
    if (method === 'GET' && path === '/crm/v3/pipelines/deals') {
      const stages = [['closedwon', 'Closed Won', 'true', '1.0'], ['closedlost', 'Closed Lost', 'true', '0.0'], ['contractsent', 'Contract Sent', 'false', '0.9']];
      return [200, { results: [{ id: 'default', label: 'Sales Pipeline', stages: stages.map(([id, label, isClosed, probability]) => ({ id, label, metadata: { isClosed, probability } })) }] }];
    }
    return answerSingle(method, path, body) ?? [404, { status: 'error', message: `the HubSpot double does not implement ${method} ${path}`, category: 'OBJECT_NOT_FOUND' }];
  }

  /** One-object endpoints, used by the naive baseline the benchmark compares against. */
  function answerSingle(method: string, path: string, body: any): [number, unknown] | undefined {
    let m: RegExpMatchArray | null;
    if (method === 'GET' && (m = path.match(/^\/crm\/v3\/objects\/deals\/(\d+)$/))) return [200, deal(m[1]!)];
    if (method === 'GET' && (m = path.match(/^\/crm\/v4\/objects\/deals\/(\d+)\/associations\/(companies|contacts)$/))) {
      const [row] = assoc([{ id: m[1]! }], m[2] === 'companies' ? 7_000_000 : 8_000_000, m[2] === 'companies' ? 5 : 3);
      return [200, { results: row!.to }];
    }
    if (method === 'GET' && (m = path.match(/^\/crm\/v3\/objects\/companies\/(\d+)$/))) return [200, { id: m[1], properties: { name: `Company ${m[1]}` } }];
    // Every owner id is an owner, named after its id (the PM introduction reads the PM and the rep).
    if (method === 'GET' && (m = path.match(/^\/crm\/v3\/owners\/(\d+)$/))) return [200, { id: m[1], email: `owner${m[1]}@example.com`, firstName: 'Owner', lastName: m[1], archived: false }];
    if (method === 'GET' && (m = path.match(/^\/crm\/v4\/objects\/companies\/(\d+)\/associations\/deals$/))) {
      // Deal N's company is 7,000,000 + N, so each company has one deal.
      return [200, { results: [{ toObjectId: Number(m[1]) - 7_000_000, associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 6 }] }] }];
    }
    if (method === 'POST' && path === '/crm/v3/objects/tasks') {
      const task = { id: String(nextId++), ...body };
      tasks.push(task);
      return [201, { id: task.id, properties: task.properties }];
    }
    if (method === 'PATCH' && (m = path.match(/^\/crm\/v3\/objects\/deals\/(\d+)$/))) {
      dealUpdates.set(m[1]!, { ...dealUpdates.get(m[1]!), ...body.properties });
      return [200, { id: m[1], properties: body.properties }];
    }
    return undefined;
  }

  function limited(now: number): [number, unknown] | undefined {
    while (recent.length > 0 && recent[0]! <= now - 10_000) recent.shift();
    if (dayCount >= perDay) return [429, { status: 'error', errorType: 'RATE_LIMIT', policyName: 'DAILY', message: 'You have reached your daily limit.' }];
    if (recent.length >= per10s) {
      return [429, { status: 'error', errorType: 'RATE_LIMIT', policyName: 'TEN_SECONDLY_ROLLING', message: 'You have reached your ten_secondly_rolling limit.' }];
    }
    recent.push(now);
    dayCount += 1;
    return undefined;
  }

  const server: Server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const path = (req.url ?? '/').split('?')[0]!;
    const now = Date.now();
    const rule = faults.find((f) => f.path === path && f.remaining > 0);
    if (rule) rule.remaining -= 1;
    const fault = rule?.fault;
    if (fault?.kind === 'hang' || fault?.kind === 'apply-then-hang') {
      if (fault.kind === 'apply-then-hang') answer(req.method ?? 'GET', path, raw ? JSON.parse(raw) : undefined);
      calls.push({ at: now, method: req.method ?? 'GET', path, status: 0 });
      hung.push(path);
      return;
    }
    const [status, payload] =
      fault?.kind === 'fail' ? [fault.status, fault.body] : (limited(now) ?? answer(req.method ?? 'GET', path, raw ? JSON.parse(raw) : undefined));
    calls.push({ at: now, method: req.method ?? 'GET', path, status });
    const send = () => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(payload));
    };
    if (options.latencyMs) setTimeout(send, options.latencyMs);
    else send();
  });

  return {
    calls,
    tasks,
    notes,
    dealUpdates,
    /** Paths of the calls left without an answer so far, in arrival order. */
    hung,
    /** The next `times` calls to `path` meet `fault` instead of a normal answer. */
    inject(path: string, fault: Fault, times = 1) {
      faults.push({ path, fault, remaining: times });
    },
    async start(): Promise<string> {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    stop(): Promise<void> {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
