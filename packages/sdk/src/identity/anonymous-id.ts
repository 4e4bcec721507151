import { readLocal, writeLocal } from './local-value.js';
import { newId } from './new-id.js';

/** The browser's pseudonymous id, created once and kept in `localStorage` so reloads and tabs share it. */
export function anonymousId(): string {
  let id = readLocal('anonymousId');
  if (!id) {
    id = newId();
    writeLocal('anonymousId', id);
  }
  return id;
}
