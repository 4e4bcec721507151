import { stringify, type Options } from 'csv-stringify/sync';
import type { StoredEvent } from '../storage/store.js';
import { exportColumns, exportRow } from './export-row.js';

/**
 * RFC 4180 (CRLF line ends, fields quoted when they hold a comma, quote, CR or LF) with a header.
 * csv-stringify quotes a field holding the record delimiter, which is CRLF here: a lone CR or LF
 * would go out bare and start a new row in a reader, so `quoted_match` quotes those too.
 * `escape_formulas` guards spreadsheet users against CSV injection: a cell that begins with `=`, `+`,
 * `-`, `@`, tab or CR (or their full-width forms) is prefixed with `'`, so a spreadsheet shows it as
 * text instead of running it as a formula (OWASP "CSV Injection"). Most columns cannot begin so,
 * but `sessionId`, and `userId`/`anonymousId` when `pseudonymize` is off, are whatever a client sent.
 * The CSV is meant for people; NDJSON and Parquet carry every value exactly.
 */
const csvOptions: Options = {
  columns: [...exportColumns],
  record_delimiter: 'windows',
  quoted_match: /[\r\n]/,
  escape_formulas: true,
};

/** CSV text, several rows per chunk, the header row first; `props` is a JSON string, null is empty. */
export async function* csvChunks(events: AsyncIterable<StoredEvent>, rowsPerChunk = 500): AsyncGenerator<string> {
  let header = true;
  let rows: Record<string, unknown>[] = [];
  const flush = () => {
    const text = stringify(rows, { ...csvOptions, header });
    header = false;
    rows = [];
    return text;
  };
  for await (const e of events) {
    const row = exportRow(e);
    rows.push({ ...row, props: JSON.stringify(row.props) });
    if (rows.length === rowsPerChunk) yield flush();
  }
  if (rows.length > 0 || header) yield flush();
}
