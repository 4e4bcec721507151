/**
 * The SQL spellings that differ between engines. Queries (the stores' shared core, the metrics, the
 * exposure history) are written once and ask the dialect for these; everything else they write is
 * SQL both DuckDB and PostgreSQL read alike (see README.md in this folder for that list).
 *
 * Every member returns SQL text. Arguments named `…Expr` are SQL expressions, inlined as given;
 * `key` and the literals are trusted text (validated config keys, constants), never user input.
 */
export interface SqlDialect {
  /** The placeholder of the `n`th parameter of a statement, counted from 1 (`$1`). */
  param(n: number): string;
  /**
   * The text of member `key` of the JSON object in `jsonExpr` (NULL when missing), as an expression
   * that can stand beside any operator (parenthesized where the engine's operator binds loosely).
   */
  jsonText(jsonExpr: string, key: string): string;
  /** Milliseconds since 1970-01-01T00:00Z of a TIMESTAMPTZ expression, as a BIGINT. */
  epochMs(tsExpr: string): string;
  /** The UTC day (DATE) of a TIMESTAMPTZ expression, the fastest way the engine has. */
  utcDay(tsExpr: string): string;
  /** The ISO week of a DATE expression as text, `2026-W11`. */
  isoWeek(dateExpr: string): string;
  /** A TIMESTAMPTZ expression `seconds` (a whole number) after `tsExpr`. */
  plusSeconds(tsExpr: string, seconds: number): string;
  /** The aggregate: continuous (interpolated) percentile `fraction` (0–1) of `valueExpr`. */
  percentile(fraction: number, valueExpr: string): string;
  /** The condition: text `textExpr` matches the regular expression `pattern` (a SQL string literal) somewhere. */
  matches(textExpr: string, pattern: string): string;
  /** Text `textExpr` with every match of `pattern` replaced by `replacement` (both SQL string literals). */
  replaceAll(textExpr: string, pattern: string, replacement: string): string;
  /**
   * The condition: the row of `columns` comes after the row of `values` in lexicographic order
   * (`(ts, id) > (…, …)`), written so the engine reads it from its index or its zone maps.
   */
  rowAfter(columns: readonly string[], values: readonly string[]): string;
  /** A statement creating a temporary table `name` from `select`, gone when the read session ends. */
  tempTable(name: string, select: string): string;
  /**
   * How the engine best answers "has this person a row in this range" for many rows at once:
   * `probe`, a correlated EXISTS, one index probe per row (PostgreSQL); `join`, one hash join and
   * a DISTINCT of what it finds (DuckDB: twice as fast as its decorrelated EXISTS, measured in
   * docs/scaling.md). Both give the same rows.
   */
  rangeLookup: 'probe' | 'join';
}
