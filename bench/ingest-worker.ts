// Entry of the bundle bench/ingest-chromium.ts loads into the extension's
// service worker: the same ingest bench as in Node, on real IndexedDB.
import './ingest-worker-zod';
import { ingestFigures } from './ingest-store';

(globalThis as { kabuGuardIngestBench?: typeof ingestFigures }).kabuGuardIngestBench = ingestFigures;
