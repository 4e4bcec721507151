import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';

/** A statements file that cannot be read as JSON; the message names the file and line. */
export class XapiFileError extends Error {
  override name = 'XapiFileError';
}

/** The statements of a file, and where each one is in it (for messages). */
export interface XapiFile {
  statements: unknown[];
  /** `FILE:line` of the statement at `index` (NDJSON) or `FILE: statements[index]` (a JSON array). */
  where(index: number): string;
}

/**
 * Reads a file of xAPI statements: a JSON array of statements (what an LRS's GET answers hold under
 * `statements` is accepted too), a single statement, or NDJSON, one statement per line.
 */
export async function readXapiFile(file: string): Promise<XapiFile> {
  const name = basename(file);
  let text: string;
  try {
    text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  } catch (error) {
    throw new XapiFileError(`${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  const trimmed = text.trimStart();
  if (trimmed === '') throw new XapiFileError(`${name}: the file is empty; expected a JSON array of statements or NDJSON`);
  let whole: unknown;
  try {
    whole = JSON.parse(text);
  } catch (error) {
    if (trimmed.startsWith('[')) throw new XapiFileError(`${name}: not valid JSON (${(error as Error).message})`);
  }
  const arrayWhere = (i: number) => `${name}: statements[${i}]`;
  if (Array.isArray(whole)) return { statements: whole, where: arrayWhere };
  if (whole && typeof whole === 'object') {
    const listed = (whole as { statements?: unknown }).statements;
    return Array.isArray(listed) ? { statements: listed, where: arrayWhere } : { statements: [whole], where: arrayWhere };
  }
  const statements: unknown[] = [];
  const lines: number[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      statements.push(JSON.parse(line));
    } catch (error) {
      throw new XapiFileError(`${name}:${i + 1}: not valid JSON (${(error as Error).message}); expected one statement per line`);
    }
    lines.push(i + 1);
  });
  return { statements, where: (i) => `${name}:${lines[i]}` };
}
