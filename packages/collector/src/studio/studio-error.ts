import type { FieldIssue } from '@uptake/sdk/protocol';

/** Why a studio request cannot be done: the HTTP layer answers 404, 409, 412 or 400 for these. */
export class StudioError extends Error {
  override name = 'StudioError';
  constructor(
    readonly reason: 'not-found' | 'conflict' | 'stale' | 'invalid' | 'forbidden',
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
  }
}
