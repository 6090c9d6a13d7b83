import { Worker } from 'node:worker_threads';
import { BENCH_PORTAL, BENCH_PUBLIC_URL, BENCH_SECRET, percentile, startBenchServer } from './bench-server.js';

export interface IngestResult {
  database: string;
  deliveries: number;
  events: number;
  seconds: number;
  eventsPerSecond: number;
  ackP50: number;
  ackP99: number;
  failures: number;
  peakRssMb: number;
}

/**
 * 10 concurrent senders (HubSpot's default concurrency) each posting 100-event deliveries to the server process,
 * whose worker meanwhile plans and creates the tasks: acknowledgement latency and events stored per second.
 */
export async function benchIngest(o: { apiBaseUrl: string; databaseUrl?: string; playbook: string; deliveriesPerSender: number }): Promise<IngestResult> {
  const server = await startBenchServer({ ...o, per10s: 90 });
  try {
    const result = await new Promise<{ latencies: number[]; stored: number; failures: number; seconds: number }>((resolve, reject) => {
      const worker = new Worker(new URL('./ingest-senders.mjs', import.meta.url), {
        workerData: {
          serverUrl: server.url,
          publicBaseUrl: BENCH_PUBLIC_URL,
          secret: BENCH_SECRET,
          portalId: Number(BENCH_PORTAL),
          senders: 10,
          deliveriesPerSender: o.deliveriesPerSender,
          firstDealId: 1_000_000,
        },
      });
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    const latencies = result.latencies.sort((a, b) => a - b);
    return {
      database: o.databaseUrl ? 'postgres' : 'pglite',
      deliveries: latencies.length,
      events: result.stored,
      seconds: result.seconds,
      eventsPerSecond: result.stored / result.seconds,
      ackP50: percentile(latencies, 50),
      ackP99: percentile(latencies, 99),
      failures: result.failures,
      peakRssMb: server.peakRssMb(),
    };
  } finally {
    await server.close();
  }
}
