import { isUtf8 } from 'node:buffer';
import { pipeline, Transform, type Readable, type TransformCallback } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { HttpError } from './http-error.js';

/** Passes bytes through until more than `limit` have gone by, then fails with 413. */
class ByteLimit extends Transform {
  receivedEncodedLength = 0;
  private seen = 0;

  constructor(private readonly limit: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.seen += chunk.length;
    if (this.seen > this.limit) callback(new HttpError(413, `body larger than ${this.limit} bytes once decompressed`));
    else callback(null, chunk);
  }
}

/**
 * Inflates `Content-Encoding: gzip` bodies as they arrive. The decoded size is capped while
 * inflating, so a gzip bomb costs at most `limit` bytes of work, never its full expansion.
 */
function gunzipWithin(payload: Readable, limit: number): Readable {
  const limiter = new ByteLimit(limit);
  const gunzip = createGunzip();
  payload.on('data', (chunk: Buffer) => (limiter.receivedEncodedLength += chunk.length));
  gunzip.on('error', (error: Error & { statusCode?: number }) => {
    error.statusCode = 400;
    error.message = `body is not valid gzip (${error.message})`;
  });
  pipeline(payload, gunzip, limiter, () => undefined);
  return limiter;
}

/**
 * Bodies are JSON whether labelled `application/json` or `text/plain` (what `sendBeacon` sends
 * without a CORS preflight), optionally gzip-encoded. Parsing is ours so a broken body gets words,
 * not a framework code.
 */
export function registerBodyParsers(app: FastifyInstance): void {
  const limit = app.initialConfig.bodyLimit as number;
  app.addHook('preParsing', async (request, _reply, payload) => {
    const encoding = String(request.headers['content-encoding'] ?? 'identity')
      .trim()
      .toLowerCase();
    if (encoding === 'identity' || encoding === '') return payload;
    if (encoding !== 'gzip') throw new HttpError(415, `Content-Encoding "${encoding}" is not supported: send gzip or no encoding`);
    return gunzipWithin(payload, limit);
  });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(['application/json', 'text/plain', '*'], { parseAs: 'buffer' }, (_request, body, done) => {
    const bytes = body as Buffer;
    if (bytes.length === 0) return done(new HttpError(400, 'empty body: expected a JSON batch'));
    // JSON on the wire is UTF-8 (RFC 8259). Decoding leniently would store U+FFFD in place of the
    // bytes a client really sent; refusing says what is wrong instead.
    if (!isUtf8(bytes)) return done(new HttpError(400, 'body is not valid UTF-8'));
    const text = bytes.toString('utf8');
    try {
      done(null, JSON.parse(text));
    } catch (error) {
      done(new HttpError(400, `body is not valid JSON: ${(error as Error).message}`));
    }
  });
}
