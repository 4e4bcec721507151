/** The demo organisation's prompt (the critique tip, with a 10% holdout), as a config declares it. */
export const demoPrompt = {
  id: 'critique-tip',
  audience: { sample: 1, holdout: 0.1 },
  trigger: { event: 'ai.output_rejected', count: 2, withinDays: 1 },
  content: { title: 'Critique' },
  goal: { event: 'ai.feature_used', props: { feature: 'critique' }, withinDays: 7 },
};
