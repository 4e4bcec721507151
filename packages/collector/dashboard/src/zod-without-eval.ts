import { z } from 'zod';

// zod builds faster parsers with `new Function` when the page allows it, and finds out by trying as
// each object schema is built. The dashboard's CSP forbids eval, so the try would be reported as a
// violation: zod is told not to, before any schema is built (import this module first).
z.config({ jitless: true });
