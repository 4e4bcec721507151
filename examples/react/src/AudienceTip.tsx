import { useState } from 'react';

/**
 * An inline tip the app places itself after an edited answer: `<uptake-prompt>` used on its own,
 * with an action the app handles (no link). Prompts from the config are shown by the SDK, which
 * honours their holdouts and logs `prompt.*` events; this one is the app's own help, so it logs
 * nothing that a prompt's uplift would count.
 */
export function AudienceTip({ onTry }: { onTry: () => void }) {
  const [open, setOpen] = useState(true);
  if (!open) return null;
  return (
    <uptake-prompt
      placement="inline"
      promptId="audience-hint"
      heading="Say who it is for"
      body="Answers need fewer edits when the request names its reader: “Summarize for the CFO in three bullets.”"
      actionLabel="Try it"
      onuptake-action={() => onTry()}
      // The element hides itself and gives focus back; React then drops it.
      onuptake-request-close={() => setOpen(false)}
    />
  );
}
