import type { FastifyInstance } from 'fastify';
import { HttpError } from './http-error.js';

/**
 * Bodies are JSON whether labelled `application/json` or `text/plain` (what `sendBeacon` sends
 * without a CORS preflight). Parsing is ours so a broken body gets words, not a framework code.
 */
export function registerBodyParsers(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(['application/json', 'text/plain', '*'], { parseAs: 'string' }, (_request, body, done) => {
    const text = body as string;
    if (text.length === 0) return done(new HttpError(400, 'empty body: expected a JSON batch'));
    try {
      done(null, JSON.parse(text));
    } catch (error) {
      done(new HttpError(400, `body is not valid JSON: ${(error as Error).message}`));
    }
  });
}
