import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TrainingFileError, trainingRows, validateTrainingCsv } from '../../src/import/parse-training-csv.js';
import { useTempDir } from '../helpers/use-temp-dir.js';

const dir = useTempDir('uptake-training-csv-');

async function file(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

async function rowsOf(path: string) {
  const rows = [];
  for await (const row of trainingRows(path)) rows.push(row);
  return rows;
}

/** The problems a file has, as the CLI prints them. */
async function problems(path: string): Promise<string[]> {
  try {
    await validateTrainingCsv(path);
  } catch (error) {
    if (error instanceof TrainingFileError) return error.problems;
    throw error;
  }
  return [];
}

describe('training CSV', () => {
  it('reads required columns in any order; optional columns may be missing or empty', async () => {
    const path = await file(
      'ok.csv',
      '\uFEFFprogram,User_ID , completed_at\r\nai-basics,u-1,2026-03-14\r\n"ai, advanced",u-2,2026-03-15T09:30:00+02:00\r\n',
    );
    expect(await validateTrainingCsv(path)).toBe(2);
    expect(await rowsOf(path)).toEqual([
      { userId: 'u-1', completedAt: new Date('2026-03-14T00:00:00Z'), program: 'ai-basics' },
      { userId: 'u-2', completedAt: new Date('2026-03-15T07:30:00Z'), program: 'ai, advanced' },
    ]);
    const optional = await file(
      'optional.csv',
      'user_id,completed_at,program,cohort,role,team\nu-1,2026-03-14,p,,professional,\nu-2,2026-03-14,p,2026-spring,,finance\n',
    );
    expect(await rowsOf(optional)).toEqual([
      { userId: 'u-1', completedAt: new Date('2026-03-14T00:00:00Z'), program: 'p', role: 'professional' },
      { userId: 'u-2', completedAt: new Date('2026-03-14T00:00:00Z'), program: 'p', cohort: '2026-spring', team: 'finance' },
    ]);
  });

  it('skips blank rows and counts lines across quoted line breaks', async () => {
    const path = await file('lines.csv', 'user_id,completed_at,program\n\nu-1,2026-03-14,"two\nlines"\n,,\nu-2,14/03/2026,p\n');
    expect(await problems(path)).toEqual([
      'lines.csv:6: completed_at: expected a date YYYY-MM-DD or an ISO-8601 instant, got "14/03/2026"',
    ]);
  });

  it('names the file, line and field of every bad cell', async () => {
    const rows = ['user_id,completed_at,program,cohort'];
    for (let i = 2; i <= 13; i++) rows.push(`u-${i},2026-03-01,p,`);
    rows.push('u-14,14/03/2026,p,'); // line 14
    rows.push(',2026-02-30,,c'); // line 15
    rows.push(`u-16,2026-03-16T10:00:00,${'x'.repeat(300)},`); // line 16: an instant without a zone
    rows.push(`u-17,2999-01-01,p,`);
    const path = await file('training.csv', `${rows.join('\n')}\n`);
    expect(await problems(path)).toEqual([
      'training.csv:14: completed_at: expected a date YYYY-MM-DD or an ISO-8601 instant, got "14/03/2026"',
      'training.csv:15: user_id: expected a user id, got an empty cell',
      'training.csv:15: completed_at: expected a date YYYY-MM-DD or an ISO-8601 instant, got "2026-02-30"',
      'training.csv:15: program: expected a program, got an empty cell',
      'training.csv:16: completed_at: expected a date YYYY-MM-DD or an ISO-8601 instant, got "2026-03-16T10:00:00"',
      'training.csv:16: program: at most 256 characters',
      'training.csv:17: completed_at: 2999-01-01 is in the future',
    ]);
  });

  it('refuses unknown, missing and repeated columns in the header, naming them', async () => {
    expect(await problems(await file('extra.csv', 'user_id,completed_at,program,email\nu-1,2026-03-14,p,a@b.example\n'))).toEqual([
      'extra.csv:1: unknown column "email"; expected user_id, completed_at, program and optionally cohort, role, team',
    ]);
    expect(await problems(await file('missing.csv', 'user_id,program,program\nu-1,p,p\n'))).toEqual([
      'missing.csv:1: column "program" appears twice',
      'missing.csv:1: missing column "completed_at"; expected user_id, completed_at, program and optionally cohort, role, team',
    ]);
  });

  it('refuses a row with more or fewer fields than the header, broken quoting, an empty file and a missing file', async () => {
    expect(await problems(await file('fields.csv', 'user_id,completed_at,program\nu-1,2026-03-14,p\nu-2,2026-03-14,p,extra\n'))).toEqual([
      'fields.csv:3: expected 3 fields, as in the header, got 4',
    ]);
    const quote = await problems(await file('quote.csv', 'user_id,completed_at,program\nu-1,2026-03-14,"p\n'));
    expect(quote).toHaveLength(1);
    expect(quote[0]).toMatch(/^quote\.csv:\d+: .*quote/i);
    expect(await problems(await file('empty.csv', ''))).toEqual([
      'empty.csv:1: the file is empty; a header row is required (expected user_id, completed_at, program and optionally cohort, role, team)',
    ]);
    expect(await problems(join(dir, 'nope.csv'))).toEqual([`${join(dir, 'nope.csv')}: cannot read the file (ENOENT)`]);
  });
});
