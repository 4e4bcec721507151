import '@uptake/widgets';
import { builtInStrings } from '@uptake/widgets';
import { html, nothing } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { type Draft, diffItems } from './studio-draft.js';

/** How the preview looks: the widgets' themes and the languages they speak. */
export interface PreviewLook {
  theme: 'light' | 'dark';
  lang: string;
}

export const previewLanguages = Object.keys(builtInStrings);

// In the preview the card stays and its link goes nowhere: it is a picture of what people will see.
const stay = (e: Event) => e.preventDefault();

/**
 * The real `<uptake-prompt>` or `<uptake-pulse>`, inline, for an item (the last valid version of
 * the draft), in a theme and a language. Its text goes into properties, which the widgets render as
 * text: nothing of the item is ever HTML.
 */
export function previewWidget(kind: 'prompt' | 'survey', item: Draft, look: PreviewLook) {
  // A widget reads its language when it renders, not when `lang` changes: a new look is a new element.
  return keyed(`${look.theme} ${look.lang}`, widget(kind, item, look));
}

function widget(kind: 'prompt' | 'survey', item: Draft, look: PreviewLook) {
  if (kind === 'survey')
    return html`<uptake-pulse placement="inline" theme=${look.theme} lang=${look.lang} .survey=${item}
      @uptake-request-close=${stay} @click=${stay}></uptake-pulse>`;
  const content = item['content'] as { title: string; body?: string; action?: { label: string; href?: string; event?: string } };
  return html`<uptake-prompt placement="inline" theme=${look.theme} lang=${look.lang} .promptId=${String(item['id'])}
    .heading=${content.title} .body=${content.body ?? ''} .actionLabel=${content.action?.label ?? ''}
    .actionHref=${content.action?.href ?? ''} .actionEvent=${content.action?.event ?? ''}
    @uptake-request-close=${stay} @click=${stay}></uptake-prompt>`;
}

/** The preview's controls: light or dark, and each language of the widgets. */
export function lookControls(look: PreviewLook, change: (look: PreviewLook) => void) {
  const radio = (name: string, value: string, checked: boolean, label: string, set: () => void) =>
    html`<label class="choice"><input type="radio" name=${name} value=${value} .checked=${checked} @change=${set} /> ${label}</label>`;
  return html`<div class="look">
    <fieldset><legend>Theme</legend>
      ${radio('studio-theme', 'light', look.theme === 'light', 'Light', () => change({ ...look, theme: 'light' }))}
      ${radio('studio-theme', 'dark', look.theme === 'dark', 'Dark', () => change({ ...look, theme: 'dark' }))}
    </fieldset>
    <fieldset><legend>Language</legend>
      ${previewLanguages.map((lang) => radio('studio-lang', lang, look.lang === lang, lang, () => change({ ...look, lang })))}
    </fieldset>
  </div>`;
}

/** What the draft changes against the live version, field by field; nothing when they are the same. */
export function draftDiff(live: Draft | null, draft: Draft | null) {
  if (!live || !draft) return nothing;
  const changes = diffItems(live, draft);
  if (changes.length === 0) return html`<p class="note">The draft is what is live.</p>`;
  return html`<details class="studio-diff" open>
    <summary>${changes.length} change(s) from the live version</summary>
    <div class="scroll" tabindex="0" role="region" aria-label="Changes from the live version">
      <table>
        <caption>Draft against the live version</caption>
        <thead><tr><th scope="col">Field</th><th scope="col">Live</th><th scope="col">Draft</th></tr></thead>
        <tbody>${changes.map((c) => html`<tr><th scope="row"><code>${c.path}</code></th><td>${c.before || '—'}</td><td>${c.after || '—'}</td></tr>`)}</tbody>
      </table>
    </div>
  </details>`;
}
