import { html, nothing, type TemplateResult } from 'lit/html.js';
import { format, type UptakeStrings } from '../shared/strings.js';
import type { PulseQuestion } from './survey.js';

/** The inputs of one question are all named this; one question is on screen at a time. */
const field = 'answer';

const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);

/** What the question's legend or label says: its text, and whether it is required. */
const caption = (q: PulseQuestion, t: UptakeStrings) =>
  html`${q.text}${q.required ? html` <span class="mark">${t.requiredMark}</span>` : nothing}`;

/** A native radio or checkbox per option, in a fieldset whose legend is the question. */
function group(
  q: PulseQuestion,
  type: 'radio' | 'checkbox',
  options: Array<string | number>,
  ends: [string, string] | null,
  t: UptakeStrings,
  describedBy: string,
) {
  const row = typeof options[0] === 'number';
  return html`<fieldset part="question" class=${row ? 'row' : 'list'} aria-describedby=${describedBy || nothing}>
    <legend part="legend">${caption(q, t)}</legend>
    <div class="options">
      ${options.map((o) => html`<label part="option"><input type=${type} name=${field} .value=${String(o)} /><span>${o}</span></label>`)}
    </div>
    ${row && ends ? html`<div class="ends" id="ends" part="ends"><span>${ends[0]}</span><span>${ends[1]}</span></div>` : nothing}
  </fieldset>`;
}

/** The controls of one question; `error` is the id of the validation message when one is shown. */
export function renderQuestion(q: PulseQuestion, t: UptakeStrings, error: string): TemplateResult {
  const invalid = error ? 'true' : 'false';
  switch (q.type) {
    case 'scale': {
      const ends: [string, string] | null = q.minLabel || q.maxLabel ? [q.minLabel ?? '', q.maxLabel ?? ''] : null;
      return group(q, 'radio', range(q.min ?? 1, q.max ?? 5), ends, t, [ends ? 'ends' : '', error].filter(Boolean).join(' '));
    }
    case 'nps':
      return group(q, 'radio', range(0, 10), [t.npsMin, t.npsMax], t, ['ends', error].filter(Boolean).join(' '));
    case 'choice':
      return group(q, 'radio', q.options, null, t, error);
    case 'multi':
      return group(q, 'checkbox', q.options, null, t, error);
    case 'text':
      return html`<label part="legend" for="q">${caption(q, t)}</label>
        <textarea part="question input" id="q" name=${field} rows="3" maxlength=${q.maxLength ?? nothing} aria-invalid=${invalid} aria-describedby=${error || nothing}></textarea>`;
    case 'number':
      return html`<label part="legend" for="q">${caption(q, t)}</label>
        <input part="question input" id="q" name=${field} type="number" inputmode="decimal" step="any" min=${q.min ?? nothing} max=${q.max ?? nothing} aria-invalid=${invalid} aria-describedby=${error || nothing} />`;
  }
}

/** The answer read from the question's controls, or the validation message to show. */
export type ReadResult = { value: string | number | null } | { error: string };

/**
 * Reads and checks the answer in `root`. `value` is `null` for an optional question left blank.
 * A `multi` answer is a JSON array of the chosen options, because event props carry no arrays.
 * A text's `minLength` counts non-blank characters, as the behaviour-check metric does.
 */
export function readAnswer(q: PulseQuestion, root: ParentNode, t: UptakeStrings): ReadResult {
  const inputs = Array.from(root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(`[name="${field}"]`));
  const checked = inputs.filter((i) => 'checked' in i && i.checked).map((i) => i.value);
  const typed = q.type === 'text' || q.type === 'number' ? (inputs[0]?.value ?? '').trim() : '';
  const blank = q.type === 'text' || q.type === 'number' ? typed === '' : checked.length === 0;
  if (blank) return q.required ? { error: t.required } : { value: null };
  switch (q.type) {
    case 'scale':
    case 'nps':
      return { value: Number(checked[0]) };
    case 'choice':
      return { value: checked[0] as string };
    case 'multi':
      return { value: JSON.stringify(checked) };
    case 'text': {
      if (q.minLength && typed.replace(/\s/g, '').length < q.minLength) return { error: format(t.tooShort, { min: q.minLength }) };
      if (q.maxLength && typed.length > q.maxLength) return { error: format(t.tooLong, { max: q.maxLength }) };
      return { value: typed };
    }
    case 'number': {
      const n = Number(typed);
      if (!Number.isFinite(n)) return { error: t.notANumber };
      if (q.min !== undefined && n < q.min) return { error: format(t.tooSmall, { min: q.min }) };
      if (q.max !== undefined && n > q.max) return { error: format(t.tooLarge, { max: q.max }) };
      return { value: n };
    }
  }
}
