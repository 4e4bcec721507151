/** Whether an `If-Match` / `If-None-Match` list names `etag` (weak or strong, or `*`). */
export function matchesEtag(header: string, etag: string | undefined): boolean {
  return header
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => (t === '*' ? etag !== undefined : t === etag));
}
