import nock, { type ReplyBody } from 'nock';

export interface FakeDeal {
  properties: Record<string, string | null>;
  companyId?: string;
  contactIds?: string[];
  /** Contact id → its association labels on this deal (user-defined labels, as HubSpot's v4 read returns them). */
  contactLabels?: Record<string, string[]>;
  /** Deleted or merged after first100 read it: reads still return it, writes that name it are refused as HubSpot does. */
  gone?: boolean;
}

export interface RecordedRequest {
  method: string;
  path: string;
  body: any;
}

interface Failure {
  path: string;
  status: number;
  body: ReplyBody;
  /** Apply the call first, then answer with the failure (a gateway timeout after HubSpot did the work). */
  applied?: boolean;
}

/**
 * HubSpot at the network boundary (nock): serves the CRM endpoints first100 calls from in-memory data,
 * records every request, and answers with injected failures when told to.
 */
export interface FakeData {
  deals: Record<string, FakeDeal>;
  /** Company id → name. */
  companies?: Record<string, string>;
  /** Company id → its first100 properties. */
  companyProperties?: Record<string, Record<string, string | null>>;
  /** Contact id → properties (email, firstname, lastname, hs_language). */
  contacts?: Record<string, Record<string, string | null>>;
}

export function fakeHubSpot(data: FakeData, base = 'https://api.hubapi.com') {
  const requests: RecordedRequest[] = [];
  const failures: Failure[] = [];
  const slowPaths: string[] = [];
  let refuseNext: ((input: any) => boolean) | undefined;
  const tasks: { id: string; properties: Record<string, string>; associations: any[] }[] = [];
  const notes: { id: string; properties: Record<string, string>; associations: any[] }[] = [];
  const callbacks: { callbackId: string; outputFields: Record<string, string> }[] = [];
  let nextTaskId = 9000;
  let nextNoteId = 5000;
  const emails: { id: string; properties: Record<string, string>; associations: any[] }[] = [];
  let nextEmailId = 7000;

  const scope = nock(base).persist();
  let failingAll: [number, ReplyBody] | undefined;
  /** The failure the next call to `path` meets, if any: every call's while `failAll` is on, else the first queued. */
  const takeFailure = (path: string): Failure | undefined => {
    if (failingAll) return { path, status: failingAll[0], body: failingAll[1] };
    const i = failures.findIndex((f) => f.path === path);
    return i < 0 ? undefined : failures.splice(i, 1)[0];
  };
  const route = (method: 'get' | 'post', path: string, answer: (body: any) => [number, ReplyBody]) =>
    scope[method](path).reply(function (_uri, body, callback) {
      requests.push({ method: method.toUpperCase(), path, body: body || undefined });
      const failure = takeFailure(path);
      if (failure) {
        if (failure.applied) answer(body);
        return callback(null, [failure.status, failure.body]);
      }
      const slow = slowPaths.indexOf(path);
      if (slow >= 0) {
        slowPaths.splice(slow, 1);
        const answered = answer(body); // applied now, answered too late for the caller
        setTimeout(() => callback(null, answered), 3000).unref();
        return;
      }
      callback(null, answer(body));
    });

  route('post', '/crm/v3/objects/deals/batch/read', (body) => [
    200,
    {
      status: 'COMPLETE',
      results: body.inputs.filter((i: any) => data.deals[i.id]).map((i: any) => ({ id: i.id, properties: data.deals[i.id]!.properties })),
    },
  ]);
  const associations = (pick: (d: FakeDeal) => string[], typeId: number) => (body: any) =>
    [
      200,
      {
        status: 'COMPLETE',
        results: body.inputs
          .filter((i: any) => data.deals[i.id] && pick(data.deals[i.id]!).length > 0)
          .map((i: any) => ({
            from: { id: i.id },
            to: pick(data.deals[i.id]!).map((id) => ({ toObjectId: Number(id), associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId, label: null }] })),
          })),
      },
    ] as [number, ReplyBody];
  route('post', '/crm/v4/associations/deals/companies/batch/read', associations((d) => (d.companyId ? [d.companyId] : []), 5));
  route('post', '/crm/v4/associations/deals/contacts/batch/read', (body) => [
    200,
    {
      status: 'COMPLETE',
      results: body.inputs
        .filter((i: any) => (data.deals[i.id]?.contactIds ?? []).length > 0)
        .map((i: any) => {
          const deal = data.deals[i.id]!;
          return {
            from: { id: i.id },
            // An unlabeled association, plus one type per user-defined label (HubSpot's v4 shape).
            to: deal.contactIds!.map((id) => ({
              toObjectId: Number(id),
              associationTypes: [
                { category: 'HUBSPOT_DEFINED', typeId: 3, label: null },
                ...(deal.contactLabels?.[id] ?? []).map((label, n) => ({ category: 'USER_DEFINED', typeId: 100 + n, label })),
              ],
            })),
          };
        }),
    },
  ]);
  route('post', '/crm/v3/objects/contacts/batch/read', (body) => [
    200,
    {
      status: 'COMPLETE',
      results: body.inputs
        .filter((i: any) => data.contacts?.[i.id])
        .map((i: any) => ({ id: i.id, properties: Object.fromEntries(body.properties.map((p: string) => [p, data.contacts![i.id]![p] ?? null])) })),
    },
  ]);
  route('post', '/crm/v3/objects/emails/batch/create', (body) => {
    const invalid = invalidAssociation(body);
    if (invalid) return invalid;
    const created = body.inputs.map((input: any) => ({ id: String(nextEmailId++), ...input }));
    emails.push(...created);
    return [201, { status: 'COMPLETE', results: created.map((e: any) => ({ id: e.id, properties: e.properties })) }];
  });
  route('post', '/crm/v3/objects/emails/search', (body) => {
    const dealId = body.filterGroups[0].filters[0].value;
    const onDeal = emails.filter((e) => e.associations.some((a) => a.to.id === dealId && a.types[0].associationTypeId === 210));
    return [200, { total: onDeal.length, results: onDeal.map((e) => ({ id: e.id, properties: { hs_email_text: e.properties.hs_email_text } })) }];
  });
  route('post', '/crm/v3/objects/companies/batch/read', (body) => [
    200,
    {
      status: 'COMPLETE',
      results: body.inputs.map((i: any) => ({ id: i.id, properties: { name: data.companies?.[i.id] ?? null, ...data.companyProperties?.[i.id] } })),
    },
  ]);
  route('post', '/crm/v3/objects/tasks/batch/create', (body) => {
    const invalid = invalidAssociation(body);
    if (invalid) return invalid;
    const refuse = refuseNext ?? (() => false);
    refuseNext = undefined;
    const accepted = body.inputs.filter((input: any) => !refuse(input));
    const refused = body.inputs.length - accepted.length;
    const created = accepted.map((input: any) => ({ id: String(nextTaskId++), ...input }));
    tasks.push(...created);
    const results = created.map((t: any) => ({ id: t.id, properties: t.properties }));
    if (refused === 0) return [201, { status: 'COMPLETE', results }];
    const errors = Array.from({ length: refused }, () => ({ status: 'error', category: 'VALIDATION_ERROR', message: 'hubspot_owner_id: owner is inactive' }));
    return [207, { status: 'COMPLETE', results, errors, numErrors: refused }];
  });
  route('post', '/crm/v3/objects/tasks/search', (body) => {
    const dealId = body.filterGroups[0].filters[0].value;
    const onDeal = tasks.filter((t) => t.associations.some((a) => a.to.id === dealId && a.types[0].associationTypeId === 216));
    return [200, { total: onDeal.length, results: onDeal.map((t) => ({ id: t.id, properties: { hs_task_body: t.properties.hs_task_body } })) }];
  });
  route('post', '/crm/v3/objects/deals/batch/update', (body) => {
    // HubSpot answers a batch update per record: 207 with the ids it could not update.
    const exists = (id: string) => data.deals[id] !== undefined && !data.deals[id]!.gone;
    const results = body.inputs.filter((i: any) => exists(i.id)).map((i: any) => ({ id: i.id, properties: i.properties }));
    const missing = body.inputs.filter((i: any) => !exists(i.id)).map((i: any) => String(i.id));
    if (missing.length === 0) return [200, { status: 'COMPLETE', results }];
    const errors = [{ status: 'error', category: 'OBJECT_NOT_FOUND', message: 'Could not get some DEAL objects, they may be deleted or not exist.', context: { ids: missing } }];
    return [207, { status: 'COMPLETE', results, errors, numErrors: missing.length }];
  });
  route('post', '/crm/v3/objects/tasks/batch/read', (body) => [
    200,
    {
      status: 'COMPLETE',
      results: tasks
        .filter((t) => body.inputs.some((i: any) => i.id === t.id))
        .map((t) => ({ id: t.id, properties: Object.fromEntries(body.properties.map((p: string) => [p, t.properties[p] ?? null])) })),
    },
  ]);
  route('post', '/crm/v3/objects/tasks/batch/update', (body) => {
    const results = [];
    for (const input of body.inputs) {
      const task = tasks.find((t) => t.id === input.id);
      if (!task) continue;
      Object.assign(task.properties, input.properties);
      results.push({ id: task.id, properties: task.properties });
    }
    return [200, { status: 'COMPLETE', results }];
  });
  route('post', '/crm/v3/objects/companies/batch/update', (body) => {
    for (const input of body.inputs) data.companyProperties = { ...data.companyProperties, [input.id]: { ...data.companyProperties?.[input.id], ...input.properties } };
    return [200, { status: 'COMPLETE', results: body.inputs.map((i: any) => ({ id: i.id, properties: i.properties })) }];
  });

  route('post', '/crm/v3/objects/notes/batch/create', (body) => {
    const invalid = invalidAssociation(body);
    if (invalid) return invalid;
    const created = body.inputs.map((input: any) => ({ id: String(nextNoteId++), ...input }));
    notes.push(...created);
    return [201, { status: 'COMPLETE', results: created.map((n: any) => ({ id: n.id, properties: n.properties })) }];
  });
  route('post', '/crm/v3/objects/notes/search', (body) => {
    const dealId = body.filterGroups[0].filters[0].value;
    const onDeal = notes.filter((n) => n.associations.some((a) => a.to.id === dealId && a.types[0].associationTypeId === 214));
    return [200, { total: onDeal.length, results: onDeal.map((n) => ({ id: n.id, properties: { hs_note_body: n.properties.hs_note_body } })) }];
  });
  /** HubSpot refuses a whole batch create that associates a record that does not exist: 400, nothing created. */
  function invalidAssociation(body: any): [number, ReplyBody] | undefined {
    const deal = body.inputs
      .flatMap((input: any) => input.associations ?? [])
      .find((a: any) => [210, 214, 216].includes(a.types[0].associationTypeId) && (data.deals[a.to.id] === undefined || data.deals[a.to.id]!.gone));
    if (!deal) return undefined;
    return [400, { status: 'error', category: 'VALIDATION_ERROR', message: `One or more associations are invalid: DEAL ${deal.to.id} does not exist`, correlationId: 'fake' }];
  }

  scope.post(/^\/automation\/v4\/actions\/callbacks\/[^/]+\/complete$/).reply(function (uri, body: any, callback) {
    const path = '/automation/v4/actions/callbacks/{callbackId}/complete';
    requests.push({ method: 'POST', path, body });
    const failed = takeFailure(path);
    if (failed) return callback(null, [failed.status, failed.body]);
    callbacks.push({ callbackId: decodeURIComponent(uri.split('/')[5]!), outputFields: body.outputFields });
    callback(null, [204, '']);
  });
  // One record by id (the cards' quick read): 404 for a record the portal does not have, as HubSpot answers.
  const oneRecord = (objectType: 'deals' | 'companies') => {
    const path = `/crm/v3/objects/${objectType}/{id}`;
    scope.get(new RegExp(`^/crm/v3/objects/${objectType}/\\d+(\\?|$)`)).reply(function (uri, _body, callback) {
      requests.push({ method: 'GET', path, body: undefined });
      const failed = takeFailure(path);
      if (failed) return callback(null, [failed.status, failed.body]);
      const id = uri.split('?')[0]!.split('/')[5]!;
      const properties = objectType === 'deals' ? data.deals[id]?.properties : data.companies?.[id] !== undefined ? { name: data.companies[id]!, ...data.companyProperties?.[id] } : undefined;
      const answer: [number, ReplyBody] = properties
        ? [200, { id, properties, archived: false }]
        : [404, { status: 'error', category: 'OBJECT_NOT_FOUND', message: 'resource not found' }];
      const slow = slowPaths.indexOf(path);
      if (slow < 0) return callback(null, answer);
      slowPaths.splice(slow, 1);
      setTimeout(() => callback(null, answer), 3000).unref();
    });
  };
  oneRecord('deals');
  oneRecord('companies');
  scope.get(/^\/crm\/v4\/objects\/companies\/\d+\/associations\/deals/).reply((uri) => {
    const companyId = uri.split('/')[5]!;
    requests.push({ method: 'GET', path: '/crm/v4/objects/companies/{id}/associations/deals', body: undefined });
    if (failingAll) return failingAll;
    const dealIds = Object.entries(data.deals).filter(([, d]) => d.companyId === companyId).map(([id]) => id);
    return [200, { results: dealIds.map((id) => ({ toObjectId: Number(id), associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 6, label: null }] })) }];
  });

  return {
    requests,
    tasks,
    notes,
    /** Workflow callbacks completed, in order. */
    callbacks,
    /** Emails logged as engagements. */
    emails,
    /** The next call to `path` gets this answer instead (queue several for several calls). */
    failNext(path: string, status: number, body: ReplyBody = {}) {
      failures.push({ path, status, body });
    },
    /** Every call from now on gets this answer (e.g. 429 for HubSpot's rate limit), until `failAll(undefined)`. */
    failAll(status?: number, body: ReplyBody = {}) {
      failingAll = status === undefined ? undefined : [status, body];
    },
    /** A deal deleted by mistake is restored in HubSpot. */
    restoreDeal(id: string) {
      data.deals[id] = { ...data.deals[id]!, gone: false };
    },
    /** The next call to `path` is applied, then answered with this failure (HubSpot timing out after doing the work). */
    failAfterApplying(path: string, status: number, body: ReplyBody = {}) {
      failures.push({ path, status, body, applied: true });
    },
    /** A task someone created by hand in HubSpot on a deal: first100 must never touch it. */
    addTaskByHand(dealId: string, subject: string) {
      const task = { id: String(nextTaskId++), properties: { hs_task_subject: subject, hs_task_body: 'called the client', hs_task_status: 'NOT_STARTED' }, associations: [{ to: { id: dealId }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 216 }] }] };
      tasks.push(task);
      return task;
    },
    /** The next batch create refuses the inputs matching `predicate` and answers 207 for them. */
    refuseTasksNext(predicate: (input: any) => boolean) {
      refuseNext = predicate;
    },
    /** The next call to `path` is applied at once but answered after 3 s, past the caller's timeout. */
    answerTooLate(path: string) {
      slowPaths.push(path);
    },
    callsTo(path: string) {
      return requests.filter((r) => r.path === path);
    },
    stop() {
      scope.persist(false);
      nock.cleanAll();
    },
  };
}
