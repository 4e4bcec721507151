/** What a studio request answered: status, ETag and parsed body. */
export interface StudioAnswer {
  status: number;
  etag: string | null;
  body: Record<string, unknown>;
}

/** Calls the studio's API of the collector at `url` with `token`, as the dashboard would. */
export function studioClient(url: string, token: string) {
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<StudioAnswer> => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, etag: res.headers.get('etag'), body: (await res.json()) as Record<string, unknown> };
  };
  return {
    call,
    items: () => call('GET', '/v1/admin/items'),
    get: (kinds: string, id: string) => call('GET', `/v1/admin/${kinds}/${id}`),
    put: (kinds: string, id: string, body: unknown, headers: Record<string, string> = {}) =>
      call('PUT', `/v1/admin/${kinds}/${id}`, body, headers),
    act: (kinds: string, id: string, change: string, headers: Record<string, string> = {}) =>
      call('POST', `/v1/admin/${kinds}/${id}/${change}`, undefined, headers),
    versions: (kinds: string, id: string) => call('GET', `/v1/admin/${kinds}/${id}/versions`),
  };
}

/** The ids of the prompts and surveys `GET /v1/config` serves to tool `assistant`, with its ETag. */
export async function servedItems(
  url: string,
  writeKey = 'wk_assistant',
): Promise<{ ids: string[]; etag: string | null; body: Record<string, unknown> }> {
  const res = await fetch(`${url}/v1/config?writeKey=${writeKey}`);
  const body = (await res.json()) as { prompts: { id: string }[]; surveys: { id: string }[] };
  return { ids: [...body.prompts, ...body.surveys].map((i) => i.id), etag: res.headers.get('etag'), body };
}
