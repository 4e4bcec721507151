import { html, nothing, type TemplateResult } from 'lit';
import { type Draft, valueAt } from './studio-draft.js';

/** What the editor's fields read and write: the draft, the problems to show, and how to change a value. */
export interface FieldContext {
  draft: Draft;
  /** Problems by field path, already narrowed to those the person should see now. */
  issues: Map<string, string[]>;
  /** Paths whose problems a field or group showed, so the summary lists only the others. */
  shown: Set<string>;
  readonly: boolean;
  set(path: string, value: unknown): void;
}

/** An element id for a field path: `studio-content-title`. */
export const fieldId = (path: string) => `studio-${path.replace(/[^A-Za-z0-9]+/g, '-')}`;

/** The problems at exactly `path`, as an error paragraph with an id the field points at; empty when none. */
export function problemsAt(ctx: FieldContext, path: string, id = fieldId(path)): TemplateResult | typeof nothing {
  const messages = ctx.issues.get(path);
  if (!messages) return nothing;
  ctx.shown.add(path);
  return html`<p class="error field-error" id=${`${id}-error`}>${messages.join('; ')}</p>`;
}

/** The problems at these paths as one line, marked as shown. */
export function messagesFor(ctx: FieldContext, paths: readonly string[]): string {
  for (const p of paths) ctx.shown.add(p);
  return paths.flatMap((p) => ctx.issues.get(p) ?? []).join('; ');
}

interface FieldOptions {
  hint?: string;
  /** More paths whose problems show at this field (a tuple's elements). */
  also?: string[];
}

function described(ctx: FieldContext, path: string, id: string, options: FieldOptions) {
  const paths = [path, ...(options.also ?? [])];
  const invalid = paths.some((p) => ctx.issues.has(p));
  const errors = paths.map((p, i) => problemsAt(ctx, p, i === 0 ? id : `${id}-${i}`));
  const ids = [options.hint ? `${id}-hint` : '', ...paths.map((p, i) => (ctx.issues.has(p) ? `${i === 0 ? id : `${id}-${i}`}-error` : ''))];
  return {
    invalid: invalid ? 'true' : 'false',
    describedBy: ids.filter(Boolean).join(' ') || nothing,
    hint: options.hint ? html`<p class="hint" id=${`${id}-hint`}>${options.hint}</p>` : nothing,
    errors,
  };
}

/** A labelled line or box of text, read as it is typed. */
function typedField(
  ctx: FieldContext,
  id: string,
  label: string,
  value: string,
  multiline: boolean,
  d: ReturnType<typeof described>,
  change: (e: Event) => void,
) {
  return html`<div class="field">
    <label for=${id}>${label}</label>${d.hint}
    ${
      multiline
        ? html`<textarea id=${id} rows="3" .value=${value} ?readonly=${ctx.readonly} aria-invalid=${d.invalid} aria-describedby=${d.describedBy} @input=${change}></textarea>`
        : html`<input id=${id} type="text" .value=${value} ?readonly=${ctx.readonly} aria-invalid=${d.invalid} aria-describedby=${d.describedBy} @input=${change} />`
    }
    ${d.errors}
  </div>`;
}

const text = (v: unknown) => (v === undefined || v === null ? '' : String(v));

/** A text field (one line, or several with `multiline`); an empty value removes the key. */
export function textField(ctx: FieldContext, path: string, label: string, options: FieldOptions & { multiline?: boolean } = {}) {
  const id = fieldId(path);
  const d = described(ctx, path, id, options);
  const change = (e: Event) =>
    ctx.set(path, (e.target as HTMLInputElement).value === '' ? undefined : (e.target as HTMLInputElement).value);
  return typedField(ctx, id, label, text(valueAt(ctx.draft, path)), options.multiline === true, d, change);
}

/** A number field; empty removes the key, anything else is kept as typed for the schema to judge. */
export function numberField(ctx: FieldContext, path: string, label: string, options: FieldOptions & { step?: string } = {}) {
  const id = fieldId(path);
  const d = described(ctx, path, id, options);
  const change = (e: Event) => {
    const raw = (e.target as HTMLInputElement).value;
    ctx.set(path, raw === '' ? undefined : Number(raw));
  };
  return html`<div class="field">
    <label for=${id}>${label}</label>${d.hint}
    <input id=${id} type="number" step=${options.step ?? 'any'} .value=${text(valueAt(ctx.draft, path))} ?readonly=${ctx.readonly}
      aria-invalid=${d.invalid} aria-describedby=${d.describedBy} @change=${change} />
    ${d.errors}
  </div>`;
}

/**
 * A list typed as text: comma-separated, or one per line with `lines`; numbers with `numbers`.
 * Empty removes the key. Read as it is typed: Lit writes the field back only when the list's text
 * differs from what it last wrote, so a separator being typed stays.
 */
export function listField(
  ctx: FieldContext,
  path: string,
  label: string,
  options: FieldOptions & { lines?: boolean; numbers?: boolean } = {},
) {
  const id = fieldId(path);
  const list = valueAt(ctx.draft, path);
  const separator = options.lines ? '\n' : ', ';
  const value = Array.isArray(list) ? list.join(separator) : text(list);
  const change = (e: Event) => {
    const parts = (e.target as HTMLInputElement).value
      .split(options.lines ? '\n' : ',')
      .map((s) => s.trim())
      .filter(Boolean);
    ctx.set(path, parts.length === 0 ? undefined : options.numbers ? parts.map(Number) : parts);
  };
  const items = [...ctx.issues.keys()].filter((p) => p.startsWith(`${path}[`));
  const d = described(ctx, path, id, { ...options, also: [...(options.also ?? []), ...items] });
  return typedField(ctx, id, label, value, options.lines === true, d, change);
}

/** A choice among fixed values; `''` (the first option when `none` is given) removes the key. */
export function selectField(
  ctx: FieldContext,
  path: string,
  label: string,
  choices: readonly string[],
  options: FieldOptions & { none?: string } = {},
) {
  const id = fieldId(path);
  const d = described(ctx, path, id, options);
  const value = text(valueAt(ctx.draft, path));
  const change = (e: Event) => ctx.set(path, (e.target as HTMLSelectElement).value || undefined);
  return html`<div class="field">
    <label for=${id}>${label}</label>${d.hint}
    <select id=${id} ?disabled=${ctx.readonly} aria-invalid=${d.invalid} aria-describedby=${d.describedBy} @change=${change}>
      ${options.none === undefined ? nothing : html`<option value="" ?selected=${value === ''}>${options.none}</option>`}
      ${choices.map((c) => html`<option value=${c} ?selected=${value === c}>${c}</option>`)}
    </select>
    ${d.errors}
  </div>`;
}

/** A yes/no field; unticked removes the key. */
export function checkField(ctx: FieldContext, path: string, label: string) {
  const id = fieldId(path);
  return html`<div class="field check">
    <input id=${id} type="checkbox" .checked=${valueAt(ctx.draft, path) === true} ?disabled=${ctx.readonly}
      @change=${(e: Event) => ctx.set(path, (e.target as HTMLInputElement).checked || undefined)} />
    <label for=${id}>${label}</label>
  </div>`;
}
