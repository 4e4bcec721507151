import { html, nothing } from 'lit';
import { valueAt } from './studio-draft.js';
import { type FieldContext, fieldId, listField, messagesFor, numberField, problemsAt, selectField, textField } from './studio-fields.js';

/** The tools that show the item: none ticked means every tool. */
export function toolsSection(ctx: FieldContext, tools: readonly string[]) {
  const chosen = (valueAt(ctx.draft, 'tools') as string[] | undefined) ?? [];
  const toggle = (tool: string, on: boolean) => {
    const next = on ? [...chosen, tool] : chosen.filter((t) => t !== tool);
    ctx.set('tools', next.length ? next : undefined);
  };
  return html`<fieldset class="studio-group">
    <legend>Tools</legend>
    <p class="hint">Shown by the ticked tools; by every tool when none is ticked.</p>
    ${tools.map(
      (tool) => html`<div class="field check">
        <input id=${fieldId(`tools-${tool}`)} type="checkbox" .checked=${chosen.includes(tool)} ?disabled=${ctx.readonly}
          @change=${(e: Event) => toggle(tool, (e.target as HTMLInputElement).checked)} />
        <label for=${fieldId(`tools-${tool}`)}>${tool}</label>
      </div>`,
    )}
    ${[...ctx.issues.keys()].filter((p) => p === 'tools' || p.startsWith('tools[')).map((p) => problemsAt(ctx, p))}
  </fieldset>`;
}

/** A prompt's card: title, text and its one button. */
export function contentSection(ctx: FieldContext) {
  return html`<fieldset class="studio-group">
    <legend>Card</legend>
    ${problemsAt(ctx, 'content')}
    ${textField(ctx, 'content.title', 'Title', { hint: 'A few words, plain text.' })}
    ${textField(ctx, 'content.body', 'Text', { multiline: true, hint: 'One or two sentences, plain text.' })}
    ${problemsAt(ctx, 'content.action')}
    ${textField(ctx, 'content.action.label', 'Button label', { hint: 'A verb: Show me, Try it. Leave empty for no button.' })}
    ${textField(ctx, 'content.action.href', 'Button link', { hint: 'http, https or relative, e.g. /guides/critique.' })}
    ${textField(ctx, 'content.action.event', 'Or a name for the tool’s code', { hint: 'Sent as the uptake-action event instead of a link.' })}
  </fieldset>`;
}

/** When the item is due: every condition given must hold. */
export function triggerSection(ctx: FieldContext) {
  const range = valueAt(ctx.draft, 'trigger.daysSinceTraining') as (number | null)[] | undefined;
  const setRange = (i: 0 | 1, raw: string) => {
    const next: (number | null)[] = [range?.[0] ?? null, range?.[1] ?? null];
    next[i] = raw === '' ? null : Number(raw);
    ctx.set('trigger.daysSinceTraining', next.every((v) => v === null) ? undefined : next);
  };
  const rangeField = (i: 0 | 1, label: string) => {
    const id = fieldId(`trigger.daysSinceTraining.${i}`);
    const invalid = [...ctx.issues.keys()].some((p) => p.startsWith('trigger.daysSinceTraining'));
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <input id=${id} type="number" step="any" .value=${range?.[i] == null ? '' : String(range[i])} ?readonly=${ctx.readonly}
        aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${invalid ? 'studio-trigger-daysSinceTraining-error' : nothing}
        @change=${(e: Event) => setRange(i, (e.target as HTMLInputElement).value)} />
    </div>`;
  };
  const rangeProblems = [...ctx.issues.keys()].filter((p) => p.startsWith('trigger.daysSinceTraining'));
  return html`<fieldset class="studio-group">
    <legend>Trigger</legend>
    <p class="hint">Every condition you fill in must hold; at least one of event, inactivity, days since training, spaced days, element or page.</p>
    ${problemsAt(ctx, 'trigger')}
    ${textField(ctx, 'trigger.event', 'After the event', { hint: 'e.g. ai.output_rejected, counted in the person’s browser.' })}
    ${numberField(ctx, 'trigger.count', 'Times', { hint: 'Default 1.', step: '1' })}
    ${numberField(ctx, 'trigger.withinDays', 'Within days', { hint: 'Default 90.' })}
    ${numberField(ctx, 'trigger.inactiveDays', 'After days without AI use')}
    <div class="field-pair">${rangeField(0, 'From day after training')} ${rangeField(1, 'To day after training')}</div>
    ${rangeProblems.length ? html`<p class="error field-error" id="studio-trigger-daysSinceTraining-error">${messagesFor(ctx, rangeProblems)}</p>` : nothing}
    ${listField(ctx, 'trigger.spaced', 'Spaced days after training', { numbers: true, hint: 'Comma-separated, increasing: 2, 7, 21, 60.' })}
    ${textField(ctx, 'trigger.selector', 'Element of the tool (CSS selector)', { hint: 'e.g. #ask-button; the card shows next to it.' })}
    ${selectField(ctx, 'trigger.on', 'When the person', ['focus', 'click', 'hover'], { none: 'does nothing with it' })}
    ${textField(ctx, 'trigger.url', 'Pages (glob)', { hint: '* within a segment, ** across: /reports/**' })}
  </fieldset>`;
}

/** Who may see it, the sample and the holdout. */
export function audienceSection(ctx: FieldContext) {
  const hint = 'Comma-separated; everyone when empty.';
  return html`<fieldset class="studio-group">
    <legend>Audience</legend>
    ${problemsAt(ctx, 'audience')}
    ${listField(ctx, 'audience.roles', 'Roles', { hint })} ${listField(ctx, 'audience.teams', 'Teams', { hint })}
    ${listField(ctx, 'audience.cohorts', 'Cohorts', { hint })} ${listField(ctx, 'audience.programs', 'Programs', { hint })}
    ${numberField(ctx, 'audience.sample', 'Sample (0 to 1)', { hint: 'Share of the matching people who take part. Default 1.' })}
    ${numberField(ctx, 'audience.holdout', 'Holdout (0 to below 1)', { hint: 'Share kept as the control group, to measure uplift. Default 0.' })}
    ${selectField(ctx, 'audience.randomizeBy', 'Draw sample and holdout by', ['team'], {
      none: 'person',
      hint: 'By team: a whole team shares one arm (a tip spreads between colleagues); people without a team never see it.',
    })}
  </fieldset>`;
}

/** How often one person may see it; a survey may be asked again some days after each answer. */
export function frequencySection(ctx: FieldContext, kind: 'prompt' | 'survey') {
  return html`<fieldset class="studio-group">
    <legend>Frequency</legend>
    ${problemsAt(ctx, 'frequency')}
    ${numberField(ctx, 'frequency.maxShows', 'Shows per person, at most', {
      hint: kind === 'survey' ? 'Per wave, for a recurring survey. Default 3.' : 'Default 3.',
      step: '1',
    })}
    ${numberField(ctx, 'frequency.cooldownDays', 'Days between shows', { hint: 'Also after "Not now". Default 3.' })}
    ${
      kind === 'survey'
        ? html`${problemsAt(ctx, 'recurrence')}
          ${numberField(ctx, 'recurrence.everyDays', 'Ask again, days after the last answer', {
            hint: 'Leave empty to ask once; 90 follows confidence quarter by quarter.',
            step: '1',
          })}`
        : nothing
    }
  </fieldset>`;
}

/** What counts as a prompt working, for its uplift. */
export function goalSection(ctx: FieldContext) {
  const props = valueAt(ctx.draft, 'goal.props') as Record<string, unknown> | undefined;
  const id = fieldId('goal.props');
  const propProblems = [...ctx.issues.keys()].filter((p) => p.startsWith('goal.props'));
  const setProps = (raw: string) => {
    const entries = raw
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => [line.split('=')[0]?.trim() ?? '', line.slice(line.indexOf('=') + 1).trim()]);
    ctx.set('goal.props', entries.length ? Object.fromEntries(entries) : undefined);
  };
  return html`<fieldset class="studio-group">
    <legend>Goal</legend>
    <p class="hint">Leave empty for no goal; with a holdout, the goal measures the prompt’s uplift.</p>
    ${problemsAt(ctx, 'goal')}
    ${textField(ctx, 'goal.event', 'Goal event', { hint: 'e.g. ai.feature_used.' })}
    <div class="field">
      <label for=${id}>Only with these props</label>
      <p class="hint" id=${`${id}-hint`}>One key=value per line, e.g. feature=critique.</p>
      <textarea id=${id} rows="2" .value=${
        props
          ? Object.entries(props)
              .map(([k, v]) => `${k}=${v}`)
              .join('\n')
          : ''
      } ?readonly=${ctx.readonly}
        aria-invalid=${propProblems.length ? 'true' : 'false'} aria-describedby=${propProblems.length ? `${id}-hint ${id}-error` : `${id}-hint`}
        @change=${(e: Event) => setProps((e.target as HTMLTextAreaElement).value)}></textarea>
      ${propProblems.length ? html`<p class="error field-error" id=${`${id}-error`}>${messagesFor(ctx, propProblems)}</p>` : nothing}
    </div>
    ${numberField(ctx, 'goal.withinDays', 'Within days of the exposure')}
    ${problemsAt(ctx, 'plan')}
    ${numberField(ctx, 'plan.minimumDetectableEffect', 'Minimum detectable effect (0 to 1)', {
      hint: 'The smallest uplift worth detecting, for the power plan: 0.05 is five points. Default 0.05.',
    })}
  </fieldset>`;
}
