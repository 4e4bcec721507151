// Serves the example AI tool on its own origin. The page's script tag points at the default
// collector (http://127.0.0.1:8787); when the collector runs elsewhere, the served page says so.
import { createHmac, randomInt } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import fastifyStatic from '@fastify/static';

const root = fileURLToPath(new URL('./ai-assistant/', import.meta.url));
const defaultCollector = 'http://127.0.0.1:8787';
const roles = ['executive', 'leader', 'professional', 'technical'];
const teams = ['finance', 'sales', 'operations', 'engineering'];
const cookie = 'assistant-user';

/** The signed-in person from the session cookie, or undefined when there is none (or it is not one we made). */
function signedIn(request) {
  const raw = /(?:^|;\s*)assistant-user=([A-Za-z0-9_-]+)/.exec(request.headers.cookie ?? '')?.[1];
  if (!raw) return undefined;
  try {
    const user = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    return person(user.id, user.role, user.team);
  } catch {
    return undefined;
  }
}

/** A person with a pseudonymous id and the traits the tool knows, or undefined when a field is not one of ours. */
function person(id, role, team) {
  if (typeof id !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(id) || !roles.includes(role) || !teams.includes(team)) return undefined;
  return { id, role, team };
}

const sessionCookie = (user) => `${cookie}=${Buffer.from(JSON.stringify(user)).toString('base64url')}; Path=/; HttpOnly; SameSite=Lax`;

/**
 * Starts the example tool's web server. Like a real tool's backend, it knows who is signed in (a
 * session cookie; the first visit signs in a made-up employee, `/signin?user=&role=&team=` another
 * one) and proves it to Uptake: `/identify.js` hands the page the user id with its `userHash`, the
 * HMAC-SHA-256 of the id under the tool's identity secret, which never reaches the browser.
 * @param {{ collectorUrl: string | (() => string), identitySecret: string | (() => string), port?: number, host?: string }} options
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function serveExampleTool({ collectorUrl, identitySecret, port = 8788, host = '127.0.0.1' }) {
  const secret = () => (typeof identitySecret === 'function' ? identitySecret() : identitySecret);
  const app = Fastify();
  const collector = () => (typeof collectorUrl === 'function' ? collectorUrl() : collectorUrl);
  // A strict Content-Security-Policy, as many internal tools have: the SDK and its widgets need
  // nothing but the collector's origin for scripts and requests (no inline script or style, no eval).
  const csp = () =>
    [
      `default-src 'self'`,
      `script-src 'self' ${collector()}`,
      `style-src 'self'`,
      `connect-src ${collector()}`,
      `img-src 'self'`,
      `base-uri 'none'`,
      `form-action 'self'`,
      `frame-ancestors 'none'`,
    ].join('; ');
  const page =
    (file, replace = false) =>
    async (_request, reply) => {
      const html = await readFile(`${root}${file}`, 'utf8');
      return reply
        .type('text/html; charset=utf-8')
        .header('Content-Security-Policy', csp())
        .send(replace ? html.replaceAll(defaultCollector, collector()) : html);
    };
  app.get('/', page('index.html', true));
  app.get('/index.html', page('index.html', true));
  // Where the critique tip's "Show me" leads (examples/uptake.config.json).
  app.get('/guides/critique', page('guides/critique.html'));
  // What a backend does at sign-in; here anyone may sign in as anyone, which is what a demo is for.
  app.get('/signin', async (request, reply) => {
    const { user, role, team } = request.query;
    const who = person(user, role, team);
    if (!who) return reply.code(400).send({ error: `user: 1–64 of A-Z a-z 0-9 _ -; role: one of ${roles}; team: one of ${teams}` });
    return reply.header('Set-Cookie', sessionCookie(who)).redirect('/');
  });
  // The page's identify call, written by the server for the signed-in person (an external script:
  // the strict CSP allows no inline one).
  app.get('/identify.js', async (request, reply) => {
    let user = signedIn(request);
    if (!user) {
      const n = randomInt(1e6);
      user = { id: `u-${n}`, role: roles[n % 4], team: teams[Math.floor(n / 4) % 4] };
      reply.header('Set-Cookie', sessionCookie(user));
    }
    const userHash = createHmac('sha256', secret()).update(user.id, 'utf8').digest('hex');
    const traits = { role: user.role, team: user.team };
    return reply
      .type('text/javascript; charset=utf-8')
      .header('Cache-Control', 'no-store')
      .send(
        `window.uptake = window.uptake || [];\nwindow.assistantUser = ${JSON.stringify(user)};\n` +
          `uptake.push(['identify', ${JSON.stringify(user.id)}, ${JSON.stringify(traits)}, { userHash: ${JSON.stringify(userHash)} }]);\n`,
      );
  });
  await app.register(fastifyStatic, { root, index: false });
  await app.listen({ port, host });
  const address = app.server.address();
  return { url: `http://${host}:${typeof address === 'object' && address ? address.port : port}`, close: () => app.close() };
}
