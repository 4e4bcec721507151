import type { OutputHandle } from '@uptake/sdk';
import { useRef, useState, type FormEvent } from 'react';
import { AudienceTip } from './AudienceTip.js';
import { uptake } from './uptake.js';

type Feature = 'summarize' | 'draft' | 'critique';

// Canned answers: no model is called. Only the feature's name and what the user did with the answer
// reach Uptake; the request text and the answer never do.
const answers: Record<Feature, string> = {
  summarize: 'Q3 spend came in 4% under plan, driven by delayed hiring in Operations; travel ran 12% over.',
  draft: 'Hi team, a quick update on the Q3 close: numbers are final and the variance pack is attached. Key points below.',
  critique:
    'The argument is clear, but the second paragraph asserts a trend from two data points. Add the 12-month series or soften the claim.',
};

const decisions = {
  accepted: 'Accepted. Copied into your document.',
  edited: 'Edit the answer, then carry on.',
  rejected: 'Rejected. Try rephrasing, or ask for a critique first.',
} as const;

/** Ask an AI feature, then Accept, Edit or Reject its answer: each step is one SDK call. */
export function AssistantPanel() {
  const [feature, setFeature] = useState<Feature>('summarize');
  const [answer, setAnswer] = useState<{ feature: Feature; text: string } | null>(null);
  const [status, setStatus] = useState('');
  const [editing, setEditing] = useState(false);
  const [edited, setEdited] = useState(false);
  // The handle of the answer on screen: decisions are reported on it (ai.output_accepted|edited|rejected).
  const shown = useRef<OutputHandle | null>(null);
  const requestField = useRef<HTMLTextAreaElement>(null);

  function ask(event: FormEvent) {
    event.preventDefault();
    uptake.ai.request(feature);
    shown.current = uptake.ai.output(feature);
    setAnswer({ feature, text: answers[feature] });
    setEditing(false);
    setStatus('');
  }

  function decide(verb: keyof typeof decisions) {
    const handle = shown.current;
    if (!handle) return;
    handle[verb]();
    setStatus(decisions[verb]);
    setEditing(verb === 'edited');
    if (verb === 'edited') setEdited(true);
  }

  return (
    <section className="assistant">
      <form onSubmit={ask} aria-labelledby="ask-title">
        <h2 id="ask-title">What do you need?</h2>
        <fieldset className="features">
          <legend>Feature</legend>
          {(Object.keys(answers) as Feature[]).map((f) => (
            <label key={f}>
              <input type="radio" name="feature" value={f} checked={feature === f} onChange={() => setFeature(f)} />{' '}
              {f[0]!.toUpperCase() + f.slice(1)}
            </label>
          ))}
        </fieldset>
        <label htmlFor="prompt">
          Your request <small>(never sent to Uptake)</small>
        </label>
        <textarea id="prompt" ref={requestField} rows={4} placeholder="Paste the Q3 variance notes and ask for a two-line summary…" />
        <button type="submit">Ask</button>
      </form>
      {answer && (
        <section aria-live="polite" aria-labelledby="answer-title">
          <h2 id="answer-title">Answer</h2>
          <div className="answer" contentEditable={editing} suppressContentEditableWarning>
            {answer.text}
          </div>
          <div className="actions">
            <button type="button" onClick={() => decide('accepted')}>
              Accept
            </button>
            <button type="button" onClick={() => decide('edited')}>
              Edit
            </button>
            <button type="button" onClick={() => decide('rejected')}>
              Reject
            </button>
          </div>
          <p role="status">{status}</p>
        </section>
      )}
      {edited && (
        <AudienceTip
          onTry={() => {
            const field = requestField.current;
            if (!field) return;
            field.value = `For the CFO: ${field.value}`;
            field.focus();
          }}
        />
      )}
    </section>
  );
}
