import { useState } from 'react';

/**
 * An inline tip placed by the app itself after two rejected answers: `<uptake-prompt>` used on its
 * own, with an action the app handles (no link). The SDK's prompt engine, when it shows a prompt
 * from the config, logs `prompt.*` events and honours holdouts; a hand-placed widget is the app's own
 * help, so it logs nothing that the uplift metric would count.
 */
export function CritiqueTip({ onTry }: { onTry: () => void }) {
  const [open, setOpen] = useState(true);
  if (!open) return null;
  return (
    <uptake-prompt
      placement="inline"
      promptId="critique-hint"
      heading="Ask it to critique first"
      body="Two answers missed the mark. Paste your draft and ask for a critique: it finds weak spots before you rewrite."
      actionLabel="Try Critique"
      onuptake-action={() => onTry()}
      // The element hides itself and gives focus back; React then drops it.
      onuptake-request-close={() => setOpen(false)}
    />
  );
}
