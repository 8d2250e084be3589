// Imported first by bench/ingest-worker.ts, before any schema is defined (zod
// decides per schema, at definition). The extension's CSP forbids eval, so in
// its worker zod's eval probe fails and zod runs without its compiled fast
// path. Code evaluated through DevTools passes that probe and then fails on
// the real call: say it here instead, as the extension effectively runs.
import { z } from 'zod';

z.config({ jitless: true });
