import { eventNameSchema, instantSchema, limits } from '@uptake/sdk/protocol';
import { z } from 'zod';
import { nulField, wellFormed, wellFormedProps } from '../ingest/storable-text.js';
import type { StoredEvent } from '../storage/store.js';

const storedId = (max: number) => z.string().min(1, 'expected text or null').max(max, `at most ${max} characters`).nullable();

/**
 * A row of an `uptake export` (NDJSON, or Parquet read back), as `uptake import events` takes it:
 * the stored event as it was, its ids already pseudonymous. The rules are the store's, not the wire
 * protocol's (a stored survey answer or an imported training fact may pass the wire's limits).
 */
export const exportRowSchema = z
  .object({
    id: z.string().regex(limits.idPattern, 'expected 8–64 characters of A-Z a-z 0-9 _ -'),
    name: eventNameSchema,
    ts: instantSchema,
    receivedAt: instantSchema,
    userId: storedId(limits.userIdMaxLength),
    anonymousId: storedId(limits.userIdMaxLength),
    sessionId: storedId(limits.userIdMaxLength),
    tool: z.string().min(1, 'expected a tool id').max(limits.toolMaxLength, `at most ${limits.toolMaxLength} characters`),
    props: z.record(z.string(), z.union([z.string(), z.number().finite(), z.boolean(), z.null()]), {
      error: 'expected an object of strings, numbers, booleans and nulls',
    }),
  })
  .superRefine((row, ctx) => {
    const nul = nulField(
      { userId: row.userId ?? undefined, anonymousId: row.anonymousId ?? undefined, sessionId: row.sessionId ?? undefined, tool: row.tool },
      row.props,
    );
    if (nul) ctx.addIssue({ code: 'custom', path: nul.split('.'), message: 'contains a NUL character (U+0000), which cannot be stored' });
  });

/** The stored event of a valid export row, its text made storable as ingestion does. */
export function storedEventOf(row: z.output<typeof exportRowSchema>): StoredEvent {
  const text = (value: string | null) => (value === null ? null : wellFormed(value));
  return {
    id: row.id,
    name: row.name,
    ts: new Date(row.ts),
    receivedAt: new Date(row.receivedAt),
    userId: text(row.userId),
    anonymousId: text(row.anonymousId),
    sessionId: text(row.sessionId),
    tool: wellFormed(row.tool),
    props: wellFormedProps(row.props),
  };
}
