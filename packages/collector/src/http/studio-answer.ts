import { StudioError } from '../studio/studio-error.js';
import { HttpError } from './http-error.js';

const statuses = { 'not-found': 404, conflict: 409, stale: 412, invalid: 400, forbidden: 403 } as const;

/** A studio refusal as an HTTP error: words, and for an invalid item each problem with its field. */
export async function answering<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof StudioError)) throw error;
    throw new HttpError(statuses[error.reason], error.message, {}, error.issues.length ? { issues: error.issues } : {});
  }
}
