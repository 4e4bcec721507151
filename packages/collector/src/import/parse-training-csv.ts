import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { pipeline } from 'node:stream';
import { parse } from 'csv-parse';
import { describeIssues } from '@uptake/sdk/protocol';
import { trainingColumns, trainingRowSchema, type TrainingColumn, type TrainingRecord, type TrainingRow } from './training-row.js';

/** A training file that cannot be imported: every problem as `file:line: field: what was expected`. */
export class TrainingFileError extends Error {
  override name = 'TrainingFileError';
  constructor(
    readonly problems: string[],
    /** How many problems there were; `problems` keeps the first hundred. */
    readonly total = problems.length,
  ) {
    super(
      total === 1
        ? (problems[0] as string)
        : `${total} problems:\n${problems.map((p) => `  ${p}`).join('\n')}${total > problems.length ? `\n  … and ${total - problems.length} more` : ''}`,
    );
  }
}

const allColumns: readonly string[] = [...trainingColumns.required, ...trainingColumns.optional];
const expectedColumns = `expected ${trainingColumns.required.join(', ')} and optionally ${trainingColumns.optional.join(', ')}`;

/** Checks the header row; returns the column of each position. */
function readHeader(cells: string[], where: string): TrainingColumn[] {
  const names = cells.map((c) => c.trim().toLowerCase());
  const problems: string[] = [];
  names.forEach((name, i) => {
    if (!allColumns.includes(name)) problems.push(`${where}: unknown column "${cells[i]}"; ${expectedColumns}`);
    else if (names.indexOf(name) !== i) problems.push(`${where}: column "${name}" appears twice`);
  });
  for (const name of trainingColumns.required)
    if (!names.includes(name)) problems.push(`${where}: missing column "${name}"; ${expectedColumns}`);
  if (problems.length > 0) throw new TrainingFileError(problems);
  return names as TrainingColumn[];
}

/** One data record of a training file, with the line it starts on. */
export interface TrainingLine {
  line: number;
  record: TrainingRecord;
}

/**
 * The data records of a training CSV (RFC 4180, UTF-8 with or without BOM, header row required),
 * streamed. Blank rows are skipped. Header problems, a record with more or fewer fields than the
 * header, and broken quoting throw a `TrainingFileError` naming the file and line.
 */
export async function* readTrainingCsv(file: string): AsyncGenerator<TrainingLine> {
  const name = basename(file);
  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true });
  // pipeline, not pipe: a file that cannot be read must fail the parser rather than leave it waiting.
  pipeline(createReadStream(file), parser, () => undefined);
  let columns: TrainingColumn[] | undefined;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      // csv-parse reports the line a record ends on; a quoted field may span several lines.
      const line = info.lines - record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
      if (!columns) {
        columns = readHeader(record, `${name}:${line}`);
        continue;
      }
      if (record.every((cell) => cell.trim() === '')) continue; // a row of empty cells, as spreadsheets write
      if (record.length !== columns.length) {
        throw new TrainingFileError([`${name}:${line}: expected ${columns.length} fields, as in the header, got ${record.length}`]);
      }
      yield { line, record: Object.fromEntries(columns.map((column, i) => [column, record[i]])) };
    }
  } catch (error) {
    if (error instanceof TrainingFileError) throw error;
    const e = error as NodeJS.ErrnoException & { lines?: number };
    if (e.code === 'ENOENT' || e.code === 'EACCES' || e.code === 'EISDIR')
      throw new TrainingFileError([`${file}: cannot read the file (${e.code})`]);
    if (typeof e.lines === 'number') throw new TrainingFileError([`${name}:${e.lines}: ${e.message}`]);
    throw error;
  } finally {
    parser.destroy();
  }
  if (!columns) throw new TrainingFileError([`${name}:1: the file is empty; a header row is required (${expectedColumns})`]);
}

/** Validates one record; returns the row or the problems, each naming the file, line and field. */
export function checkTrainingRecord(name: string, { line, record }: TrainingLine): TrainingRow | string[] {
  const result = trainingRowSchema.safeParse(record);
  return result.success ? result.data : describeIssues(result.error).map((issue) => `${name}:${line}: ${issue}`);
}

/**
 * Reads a whole training file and validates every row, before anything is imported. Resolves with
 * the number of rows; throws a `TrainingFileError` listing every problem (the first hundred kept).
 */
export async function validateTrainingCsv(file: string): Promise<number> {
  const name = basename(file);
  const problems: string[] = [];
  let total = 0;
  let rows = 0;
  for await (const line of readTrainingCsv(file)) {
    rows++;
    const checked = checkTrainingRecord(name, line);
    if (Array.isArray(checked)) {
      total += checked.length;
      if (problems.length < 100) problems.push(...checked.slice(0, 100 - problems.length));
    }
  }
  if (total > 0) throw new TrainingFileError(problems, total);
  return rows;
}

/** The rows of a training file already checked by `validateTrainingCsv`; throws on a row that is not valid. */
export async function* trainingRows(file: string): AsyncGenerator<TrainingRow> {
  const name = basename(file);
  for await (const line of readTrainingCsv(file)) {
    const checked = checkTrainingRecord(name, line);
    if (Array.isArray(checked)) throw new TrainingFileError(checked);
    yield checked;
  }
}
