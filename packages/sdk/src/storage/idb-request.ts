/**
 * IndexedDB's requests and transactions as promises: all the SDK needs of a wrapper library, in a
 * few lines (idb cost `uptake.js` about 1 KB gzip, and a Proxy trap on every call). Awaiting one of
 * these inside a transaction keeps it active: browsers resolve promises in the microtasks of the
 * request's success event.
 */
export function requested<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Resolves once `tx` committed; rejects when it failed or was aborted. */
export function committed(tx: IDBTransaction): Promise<void> {
  const done = new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = tx.onabort = () => reject(tx.error ?? new DOMException('AbortError', 'AbortError'));
  });
  // When a request fails first, the caller reports that one; this rejection must not also go unhandled.
  done.catch(() => {});
  return done;
}
