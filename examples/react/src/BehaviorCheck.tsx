import type { PulseSurvey } from '@uptake/widgets';
import { uptake } from './uptake.js';

/** The 90-day behaviour check, as a product owner writes it in the config's `surveys`. */
const behaviorCheck: PulseSurvey = {
  id: 'behavior-check',
  title: 'Two questions about your AI training',
  questions: [
    {
      id: 'applied',
      type: 'choice',
      text: 'In the past two weeks, did you apply something from your AI training to your actual work?',
      options: ['yes', 'no'],
      required: true,
    },
    { id: 'example', type: 'text', text: 'Describe one specific way.', minLength: 20 },
  ],
};

/**
 * `<uptake-pulse>` inline in the page. Each answer leaves as the user moves past its question and
 * is forwarded to the SDK as `survey.answered` (`surveyId`, `questionId`, `value`), the event the
 * behaviour-check metric reads.
 */
export function BehaviorCheck({ onClose }: { onClose: () => void }) {
  return (
    <aside className="pulse" aria-label="Feedback">
      <uptake-pulse
        placement="inline"
        survey={behaviorCheck}
        onuptake-answer={(event) => uptake.track('survey.answered', { ...event.detail })}
        onuptake-request-close={() => onClose()}
      />
    </aside>
  );
}
