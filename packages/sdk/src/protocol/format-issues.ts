import type { z } from 'zod';

/** A zod issue as a field path (`questions[1].max`, `''` for the whole value) and the words for it. */
export interface FieldIssue {
  path: string;
  message: string;
}

/** Each zod issue with its field's path, so an editor can show it next to that field. */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`)).join(''),
    // A bad record key reports "Invalid key in record"; the key schema's own words say why.
    message: issue.code === 'invalid_key' ? (issue.issues[0]?.message ?? issue.message) : issue.message,
  }));
}

/** One sentence per zod issue, each naming its field: `props.plan: at most 256 characters`. */
export function describeIssues(error: z.ZodError): string[] {
  return fieldIssues(error).map(({ path, message }) => (path ? `${path}: ${message}` : message));
}

/** The issues of a zod error as one line: `describeIssues` joined by `; `. */
export function formatIssues(error: z.ZodError): string {
  return describeIssues(error).join('; ');
}
