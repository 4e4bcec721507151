import { connect } from 'node:net';

/** A request written byte for byte on a socket of its own: any header, any body, at any pace. */
export interface RawRequest {
  method: string;
  path: string;
  /** Written as given; `Host` and `Connection: close` are added, `Content-Length` too unless present. */
  headers: [string, string][];
  body?: Buffer | undefined;
  /** Sends the body in this many pieces, `trickleMs` apart: a client on a very slow link. */
  pieces?: number;
  trickleMs?: number;
  /** Sends this share of the body, then drops the connection without a word. */
  abandonAt?: number;
}

/** What came back: `status` 0 when the connection closed without an answer. */
export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

function parseResponse(raw: Buffer): RawResponse {
  const end = raw.indexOf('\r\n\r\n');
  if (end < 0) return { status: 0, headers: {}, body: '' };
  const [statusLine = '', ...lines] = raw.subarray(0, end).toString('latin1').split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  let body = raw.subarray(end + 4);
  if (headers['transfer-encoding'] === 'chunked') {
    const parts: Buffer[] = [];
    for (let at = 0; at < body.length; ) {
      const eol = body.indexOf('\r\n', at);
      const size = parseInt(body.subarray(at, eol).toString('latin1'), 16);
      if (!size) break;
      parts.push(body.subarray(eol + 2, eol + 2 + size));
      at = eol + 2 + size + 2;
    }
    body = Buffer.concat(parts);
  }
  return { status: Number(statusLine.split(' ')[1] ?? 0), headers, body: body.toString('utf8') };
}

/** Sends `request` to `origin` (`http://host:port`) on a fresh connection and reads the answer to the end. */
export function sendRaw(origin: string, request: RawRequest, timeoutMs = 60_000): Promise<RawResponse> {
  const { hostname, port } = new URL(origin);
  const body = request.body ?? Buffer.alloc(0);
  const names = new Set(request.headers.map(([name]) => name.toLowerCase()));
  const head = [
    `${request.method} ${request.path} HTTP/1.1`,
    `Host: ${hostname}:${port}`,
    'Connection: close',
    ...request.headers.map(([name, value]) => `${name}: ${value}`),
    ...(names.has('content-length') || names.has('transfer-encoding') || (body.length === 0 && request.method === 'GET')
      ? []
      : [`Content-Length: ${body.length}`]),
  ].join('\r\n');
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(parseResponse(Buffer.concat(chunks)));
    };
    const timer = setTimeout(finish, timeoutMs);
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('end', finish);
    socket.on('close', finish);
    // The server may answer and close before the body is all written (a 413 mid-body): that is an answer, not a failure.
    socket.on('error', () => undefined);
    socket.on('connect', async () => {
      socket.write(`${head}\r\n\r\n`, 'latin1');
      const sendable = request.abandonAt === undefined ? body : body.subarray(0, Math.floor(body.length * request.abandonAt));
      const pieces = Math.max(1, request.pieces ?? 1);
      const size = Math.ceil(sendable.length / pieces);
      for (let at = 0; at < sendable.length && !socket.destroyed; at += size) {
        socket.write(sendable.subarray(at, at + size));
        if (request.trickleMs) await new Promise((r) => setTimeout(r, request.trickleMs));
      }
      if (request.abandonAt !== undefined) finish();
    });
  });
}
