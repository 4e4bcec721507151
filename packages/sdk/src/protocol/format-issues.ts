import type { z } from 'zod';

/** One sentence per zod issue, each naming its field: `props.plan: at most 256 characters`. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`)).join('');
    // A bad record key reports "Invalid key in record"; the key schema's own words say why.
    const message = issue.code === 'invalid_key' ? (issue.issues[0]?.message ?? issue.message) : issue.message;
    return path ? `${path}: ${message}` : message;
  });
}

/** The issues of a zod error as one line: `describeIssues` joined by `; `. */
export function formatIssues(error: z.ZodError): string {
  return describeIssues(error).join('; ');
}
