import { afterAll, beforeAll } from 'vitest';

/**
 * Something the tests of the enclosing `describe` (or file, at its top level) share: started before
 * them, stopped after them. The handle is returned while the tests are being collected, before the
 * resource exists; each property is read from the running resource when a test uses it, and methods
 * are bound to it.
 */
export function useResource<T extends object>(name: string, start: () => Promise<T>, stop: (resource: T) => Promise<void>): T {
  let running: T | undefined;
  beforeAll(async () => {
    running = await start();
  });
  afterAll(async () => {
    if (running) await stop(running);
  });
  return new Proxy({} as T, {
    get(_, key) {
      if (!running) throw new Error(`${name} is used outside the tests it was made for (reading ${String(key)})`);
      const value: unknown = Reflect.get(running, key);
      return typeof value === 'function' ? value.bind(running) : value;
    },
  });
}
