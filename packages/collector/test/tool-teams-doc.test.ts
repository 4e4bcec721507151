import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config/load-config.js';
import { userHash } from '../src/identity/user-hash.js';

// The backend snippets of docs/tool-teams.md, "Verify who the user is", run as a tool team would
// paste them, must compute the hash the collector checks, for ASCII and non-ASCII user ids alike.
const guide = new URL('../../../docs/tool-teams.md', import.meta.url);
const secret = 'a-shared-identity-secret-for-tests';
const env = { ...process.env, UPTAKE_ASSISTANT_IDENTITY_SECRET: secret };
const userIds = ['u-4821', 'emp-ü-00042'];

async function block(language: string): Promise<string> {
  const text = await readFile(guide, 'utf8');
  const section = text.slice(text.indexOf('## 3. Verify who the user is'));
  const match = new RegExp(`^\`\`\`${language}\\n([\\s\\S]*?)^\`\`\`$`, 'm').exec(section);
  if (!match) throw new Error(`docs/tool-teams.md: no \`\`\`${language} block under "Verify who the user is"`);
  return match[1]!;
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'uptake-doc-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('docs/tool-teams.md, identity verification snippets', () => {
  it('Node.js', async () => {
    const file = join(dir, 'hash.mjs');
    await writeFile(file, `${await block('js')}\nconsole.log(uptakeUserHash(process.argv[2]));\n`);
    for (const id of userIds) expect(execFileSync('node', [file, id], { env }).toString().trim()).toBe(userHash(secret, id));
  });

  it('Python', async () => {
    const file = join(dir, 'hash.py');
    await writeFile(file, `${await block('python')}\nimport sys\nprint(uptake_user_hash(sys.argv[1]))\n`);
    for (const id of userIds) expect(execFileSync('python3', [file, id], { env }).toString().trim()).toBe(userHash(secret, id));
  });

  it('Java', async () => {
    await writeFile(join(dir, 'UptakeUserHash.java'), await block('java'));
    await writeFile(
      join(dir, 'Run.java'),
      // The id comes on stdin as UTF-8 bytes: argv is decoded by the locale, which CI may not set to UTF-8.
      'public class Run { public static void main(String[] a) throws Exception { System.out.println(UptakeUserHash.of(new String(System.in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))); } }\n',
    );
    execFileSync('javac', ['-encoding', 'UTF-8', '-d', dir, join(dir, 'UptakeUserHash.java'), join(dir, 'Run.java')]);
    for (const id of userIds) {
      const out = execFileSync('java', ['-cp', dir, 'Run'], { env: { ...env, LANG: 'C' }, input: Buffer.from(id, 'utf8') });
      expect(out.toString().trim()).toBe(userHash(secret, id));
    }
  }, 60_000);
});

describe('docs/tool-teams.md, the config entry a tool team asks for', () => {
  it('every JSON block is a tool entry that loads inside the minimal config of docs/config-reference.md', async () => {
    const text = await readFile(guide, 'utf8');
    const blocks = [...text.matchAll(/^```json\n([\s\S]*?)^```$/gm)].map((m) => JSON.parse(m[1] as string) as { id: string });
    expect(blocks.length).toBeGreaterThanOrEqual(1);
    for (const tool of blocks) {
      const config = parseConfig({ tools: [tool], adminToken: 'env:UPTAKE_ADMIN_TOKEN' }, 'docs/tool-teams.md', {
        ...env,
        UPTAKE_ADMIN_TOKEN: 'a-long-enough-admin-token',
      });
      expect(config.tools[0]?.id).toBe(tool.id);
    }
  });
});
