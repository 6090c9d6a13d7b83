// Worker-thread entry: teach this thread TypeScript (tsx), then run the senders.
import { register } from 'tsx/esm/api';

register();
await import('./ingest-senders.ts');
