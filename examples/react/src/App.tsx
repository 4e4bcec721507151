import { useState } from 'react';
import { AssistantPanel } from './AssistantPanel.js';
import { BehaviorCheck } from './BehaviorCheck.js';
import type { SignedInUser } from './signed-in-user.js';
import './styles.css';

/** The example tool: the assistant, and the behaviour-check survey shown inline beside it. */
export function App({ user }: { user: SignedInUser }) {
  const [surveyOpen, setSurveyOpen] = useState(true);
  return (
    <>
      <header>
        <h1>Assistant</h1>
        <p className="who">
          Signed in as {user.id} ({user.role}, {user.team})
        </p>
      </header>
      <main>
        <AssistantPanel />
        {surveyOpen && <BehaviorCheck onClose={() => setSurveyOpen(false)} />}
      </main>
      <footer>
        A fake internal AI tool in React: answers are canned, no model is called. It uses Uptake's npm SDK and widgets; open the collector's
        dashboard to watch your clicks arrive.
      </footer>
    </>
  );
}
