// Entry of the bundle bench/stages-chromium.ts loads into the extension's
// service worker: the stage bench as in Node, on real IndexedDB.
import './ingest-worker-zod';
import { runStages } from './stages';

(globalThis as { kabuGuardStages?: typeof runStages }).kabuGuardStages = runStages;
