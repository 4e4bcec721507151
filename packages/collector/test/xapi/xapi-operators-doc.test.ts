import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { readActorMap } from '../../src/xapi/actor-map.js';
import { useCollector } from '../helpers/use-collector.js';
import { useTempDir } from '../helpers/use-temp-dir.js';
import { actorMapFile, lmsToken, xapiConfigInput } from './xapi-fixtures.js';

// The snippets of docs/operators.md, "Training completions from an LMS (xAPI)", as an operator pastes them.
const guide = new URL('../../../../docs/operators.md', import.meta.url);
const run = promisify(execFile);

async function block(language: string): Promise<string> {
  const text = await readFile(guide, 'utf8');
  const start = text.indexOf('## Training completions from an LMS (xAPI)');
  const section = text.slice(start, text.indexOf('\n## ', start + 1));
  const match = new RegExp(`^\`\`\`${language}\\n([\\s\\S]*?)^\`\`\`$`, 'm').exec(section);
  if (!match) throw new Error(`docs/operators.md: no \`\`\`${language} block in the xAPI section`);
  return match[1] as string;
}

describe('docs/operators.md, xAPI snippets', () => {
  const c = useCollector('duckdb', parseConfig(xapiConfigInput()));
  const dir = useTempDir('uptake-xapi-doc-');

  it('the curl example stores the completion and prints the answer the doc shows', async () => {
    const script = await block('sh');
    const shown = /^# (.+)$/m.exec(script)?.[1] as string;
    const { stdout } = await run('bash', ['-c', script], { env: { ...process.env, UPTAKE_URL: c.url, UPTAKE_LMS_TOKEN: lmsToken } });
    expect(JSON.parse(stdout)).toEqual(JSON.parse(shown));
    const rows = await c.store.query("SELECT name, props FROM events WHERE id = 'xapi_7d4c1a2b-5e6f-4a70-8b91-c2d3e4f5a6b7'");
    expect(rows.map((r) => r['name'])).toEqual(['training.completed']);
  });

  it('the actor map shown is the one the tests read, and reads as the doc says', async () => {
    const file = join(dir, 'lms-actors.csv');
    await writeFile(file, await block('csv'));
    const shown = await readActorMap(file);
    expect(shown).toEqual(await readActorMap(actorMapFile));
    expect(shown.get('mbox:mailto:ben.okafor@corp.example')).toBe('u-4824');
    expect(parseConfig(xapiConfigInput(JSON.parse(`{${await block('json')}}`).xapi)).xapi).toMatchObject({
      actorMap: 'lms-actors.csv',
      program: 'id',
    });
  });
});
