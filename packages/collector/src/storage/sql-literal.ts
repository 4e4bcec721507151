/** A SQL string literal, quotes doubled: for the few values a statement cannot take as parameters. */
export function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** `name NOT IN (…)` for a list of event names; true when the list is empty. */
export function notInNames(column: string, names: readonly string[]): string {
  return names.length === 0 ? 'TRUE' : `${column} NOT IN (${names.map(sqlString).join(', ')})`;
}
