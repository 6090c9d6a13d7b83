// Runs in a worker thread: the senders get their own event loop, so the latency measured is the server's,
// not the time a busy benchmark process took to notice the answer.
import { parentPort, workerData } from 'node:worker_threads';
import { postSignedDelivery } from '../src/cli/post-signed-delivery.js';

interface SenderJob {
  serverUrl: string;
  publicBaseUrl: string;
  secret: string;
  portalId: number;
  senders: number;
  deliveriesPerSender: number;
  firstDealId: number;
}

const job = workerData as SenderJob;
let dealId = job.firstDealId;
let eventId = 1;
const latencies: number[] = [];
let stored = 0;
let failures = 0;
const started = performance.now();
await Promise.all(
  Array.from({ length: job.senders }, async () => {
    for (let i = 0; i < job.deliveriesPerSender; i++) {
      const now = Date.now();
      const events = Array.from({ length: 100 }, (_, k) => ({
        eventId: eventId++,
        subscriptionId: 1,
        portalId: job.portalId,
        appId: 1,
        occurredAt: now - 1000 + k,
        subscriptionType: 'deal.propertyChange',
        attemptNumber: 0,
        objectId: dealId++,
        propertyName: 'dealstage',
        propertyValue: 'closedwon',
        changeSource: 'CRM_UI',
      }));
      const body = JSON.stringify(events);
      const t = performance.now();
      const res = await postSignedDelivery({ serverUrl: job.serverUrl, publicBaseUrl: job.publicBaseUrl, secret: job.secret, body, timestamp: now });
      const answer = (await res.json()) as { stored?: number };
      latencies.push(performance.now() - t);
      stored += answer.stored ?? 0;
      if (res.status !== 200) failures++;
    }
  }),
);
parentPort!.postMessage({ latencies, stored, failures, seconds: (performance.now() - started) / 1000 });
