import { html, nothing } from 'lit';
import { type Draft, valueAt } from './studio-draft.js';
import { checkField, type FieldContext, listField, numberField, problemsAt, selectField, textField } from './studio-fields.js';

const types = ['scale', 'nps', 'choice', 'multi', 'text', 'number'] as const;

/** The fields each question type has besides id, type, text and required. */
const own: Record<(typeof types)[number], string[]> = {
  scale: ['min', 'max', 'minLabel', 'maxLabel'],
  nps: [],
  choice: ['options'],
  multi: ['options'],
  text: ['minLength', 'maxLength'],
  number: ['min', 'max'],
};

function typeFields(ctx: FieldContext, at: string, type: unknown) {
  switch (type) {
    case 'scale':
      return html`${numberField(ctx, `${at}.min`, 'Lowest value', { hint: 'Default 1.', step: '1' })}
        ${numberField(ctx, `${at}.max`, 'Highest value', { hint: 'Default 5; more than the lowest.', step: '1' })}
        ${textField(ctx, `${at}.minLabel`, 'Label of the lowest end')} ${textField(ctx, `${at}.maxLabel`, 'Label of the highest end')}`;
    case 'choice':
    case 'multi':
      return listField(ctx, `${at}.options`, 'Options', { lines: true, hint: 'One per line, at least two.' });
    case 'text':
      return html`${numberField(ctx, `${at}.minLength`, 'Fewest characters', { step: '1' })} ${numberField(ctx, `${at}.maxLength`, 'Most characters', { step: '1' })}`;
    case 'number':
      return html`${numberField(ctx, `${at}.min`, 'Lowest accepted')} ${numberField(ctx, `${at}.max`, 'Highest accepted')}`;
    default:
      return nothing;
  }
}

/**
 * A survey's questions: one fieldset each, with the fields of its type; add, remove and move. A
 * change of type keeps the id, text and "required" and drops what the new type does not have.
 */
export function questionsEditor(ctx: FieldContext, draft: Draft, replace: (questions: Draft[]) => void) {
  const questions = (Array.isArray(draft['questions']) ? draft['questions'] : []) as Draft[];
  const retype = (i: number, type: string) => {
    const { id, text, required } = questions[i] as Draft;
    replace(questions.map((q, j) => (j === i ? { id, text, ...(required === undefined ? {} : { required }), type } : q)));
  };
  const move = (i: number, by: number) => {
    const next = [...questions];
    [next[i], next[i + by]] = [next[i + by] as Draft, next[i] as Draft];
    replace(next);
  };
  const fresh = () => {
    let n = questions.length + 1;
    while (questions.some((q) => q['id'] === `q${n}`)) n++;
    return { id: `q${n}`, type: 'scale', text: '' };
  };
  return html`<fieldset class="studio-group">
    <legend>Questions</legend>
    ${problemsAt(ctx, 'questions')}
    ${questions.map((q, i) => {
      const at = `questions[${i}]`;
      const typeCtx: FieldContext = {
        ...ctx,
        set: (path, value) => (path === `${at}.type` ? retype(i, String(value)) : ctx.set(path, value)),
      };
      return html`<fieldset class="studio-question">
        <legend>Question ${i + 1}${valueAt(draft, `${at}.text`) ? html`: ${String(valueAt(draft, `${at}.text`)).slice(0, 60)}` : nothing}</legend>
        ${problemsAt(ctx, at)}
        ${selectField(typeCtx, `${at}.type`, 'Type', types, { hint: own[q['type'] as (typeof types)[number]] ? undefined : 'Choose a type.' })}
        ${textField(ctx, `${at}.id`, 'Id', { hint: 'Names the answers in survey.answered events.' })}
        ${textField(ctx, `${at}.text`, 'Question', { multiline: true })}
        ${checkField(ctx, `${at}.required`, 'An answer is required')}
        ${typeFields(ctx, at, q['type'])}
        ${
          ctx.readonly
            ? nothing
            : html`<div class="buttons">
              <button type="button" class="quiet" ?disabled=${i === 0} @click=${() => move(i, -1)}>Move question ${i + 1} up</button>
              <button type="button" class="quiet" ?disabled=${questions.length === 1} @click=${() => replace(questions.filter((_, j) => j !== i))}>Remove question ${i + 1}</button>
            </div>`
        }
      </fieldset>`;
    })}
    ${ctx.readonly ? nothing : html`<button type="button" class="quiet" @click=${() => replace([...questions, fresh()])}>Add a question</button>`}
  </fieldset>`;
}
