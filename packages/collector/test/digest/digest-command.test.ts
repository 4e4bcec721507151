import { describe, expect, it } from 'vitest';
import { runUptake, spawnServe } from '../helpers/spawn-collector.js';
import { cliConfig, useWorkDir } from '../helpers/use-temp-dir.js';

// Three days ago's weekday: its hour is more than a day past, so the collector started below sends nothing.
const weekday = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'][
  new Date(Date.now() - 3 * 864e5).getUTCDay()
];
const dir = useWorkDir('uptake-cli-digest-', {
  ...cliConfig,
  digests: {
    weekday,
    targets: [
      { name: 'leadership', format: 'teams', url: 'env:LEADERSHIP_WEBHOOK', scope: 'organisation' },
      { name: 'hr', format: 'slack', url: 'https://hooks.example/never-called', scope: { team: 'nobody-has-this-team' } },
    ],
  },
});
const env = { LEADERSHIP_WEBHOOK: 'https://hooks.example/leadership' };
const uptake = (...args: string[]) => runUptake(dir, args, env);

describe('uptake digest', () => {
  it('prints what would go out, in words or as the webhook body, directly and through a running collector; sends nothing', async () => {
    expect(await uptake('demo', '--employees', '200', '--seed', '3')).toMatchObject({ code: 0 });
    const text = await uptake('digest', '--dry-run');
    expect(text).toMatchObject({ code: 0, stderr: '' });
    expect(text.stdout).toMatch(
      /^leadership \(teams\):\nAI adoption, week of \d{4}-\d{2}-\d{2}\n {2}Active this week +(\d[\d,]*|not published) \(last week /m,
    );
    expect(text.stdout).toContain('hr: not built: hr: team "nobody-has-this-team" is not published');
    const server = await spawnServe(['--db', './data/uptake.duckdb'], dir, env);
    try {
      const teams = await uptake('digest', '--dry-run', '--name', 'leadership', '--format', 'teams');
      expect(teams).toMatchObject({ code: 0, stderr: '' });
      const card = JSON.parse(teams.stdout) as {
        attachments: { contentType: string; content: { type: string; body: { type: string }[] } }[];
      };
      expect(card.attachments[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
      expect(card.attachments[0]?.content.body.map((b) => b.type)).toEqual(['TextBlock', 'FactSet', 'TextBlock']);
    } finally {
      expect(await server.stop('SIGTERM')).toBe(0);
    }
    expect(await uptake('digest', '--log')).toMatchObject({ code: 0, stdout: 'no digest delivered yet\n' });
  }, 90_000);

  it('says what is wrong, exit 2', async () => {
    expect(await uptake('digest')).toMatchObject({ code: 2, stderr: expect.stringContaining('expected --dry-run or --log') });
    expect(await uptake('digest', '--dry-run', '--name', 'board')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--name: no digest "board"; the config has leadership, hr'),
    });
    expect(await uptake('digest', '--dry-run', '--format', 'xml')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--format: expected text, json, slack, teams'),
    });
  });
});
