/** The formats of `GET /v1/export` and `uptake export`. */
export const exportFormats = ['csv', 'ndjson', 'parquet'] as const;

export type ExportFormat = (typeof exportFormats)[number];

/** Checks a format given by a user; the error names the field and the formats there are. */
export function parseExportFormat(value: string, field = 'format'): ExportFormat {
  if ((exportFormats as readonly string[]).includes(value)) return value as ExportFormat;
  throw new Error(`${field}: expected ${exportFormats.slice(0, -1).join(', ')} or ${exportFormats.at(-1)}, got "${value.slice(0, 20)}"`);
}
