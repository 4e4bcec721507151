/** The demo organisation's prompt (the critique tip, with a 10% holdout), as a config declares it. */
export const demoPrompt = {
  id: 'critique-tip',
  audience: { sample: 1, holdout: 0.1 },
  trigger: { event: 'ai.output_rejected', count: 2, withinDays: 1 },
  content: { title: 'Critique' },
  goal: { event: 'ai.feature_used', props: { feature: 'critique' }, withinDays: 7 },
};

/**
 * The demo's two reinforcement prompts on one goal, each with a 20% holdout: a fixed day a week after
 * training, and each person's own due day from the half-life model (docs/analysts.md).
 */
export const demoReinforcementPrompts = [
  {
    id: 'recap-day-7',
    audience: { sample: 1, holdout: 0.2 },
    trigger: { spaced: [7] },
    content: { title: 'One thing from your AI training' },
    goal: { event: 'practice.completed', withinDays: 7 },
  },
  {
    id: 'recap-adaptive',
    audience: { sample: 1, holdout: 0.2 },
    trigger: { adaptive: { targetRecall: 0.8, minDays: 2, maxDays: 60 } },
    content: { title: 'One thing from your AI training' },
    goal: { event: 'practice.completed', withinDays: 7 },
  },
];
