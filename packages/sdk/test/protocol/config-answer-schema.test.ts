import type { PulseQuestion, PulseSurvey } from '@uptake/widgets';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ConfigForPerson, PromptItem, SurveyItem } from '../../src/prompts/types.js';
import {
  type ConfigAnswer,
  configAnswerSchema,
  promptSchema,
  type QuestionConfig,
  type SurveyConfig,
  surveySchema,
} from '../../src/protocol/index.js';
import type { RuleItem } from '../../src/rules/index.js';

// As a config file writes them: the collector parses them, fills the defaults and sends the result.
const prompt = promptSchema.parse({
  id: 'critique-tip',
  trigger: { event: 'ai.output_rejected', count: 2 },
  content: { title: 'Ask it to critique first' },
});
const survey = surveySchema.parse({
  id: 'behavior-check',
  trigger: { daysSinceTraining: [88, 100] },
  questions: [
    { id: 'applied', type: 'choice', text: 'Applied?', options: ['yes', 'no'] },
    { id: 'score', type: 'scale', text: 'How useful?' },
  ],
});

describe('the answer of GET /v1/config', () => {
  it('carries the items with their defaults filled in, which parse again as they are', () => {
    expect(prompt.audience).toEqual({ sample: 1, holdout: 0 });
    expect(prompt.frequency).toEqual({ maxShows: 3, cooldownDays: 3 });
    expect(survey.questions[1]).toEqual({ id: 'score', type: 'scale', text: 'How useful?', required: false, min: 1, max: 5 });
    const answer: ConfigAnswer = {
      tool: 'assistant',
      fatigue: { perDay: 1, perWeek: 3 },
      prompts: [prompt],
      surveys: [survey],
      history: {
        prompts: {
          'critique-tip': {
            shows: 1,
            lastShown: '2026-11-21T09:00:00.000Z',
            heldOutAt: null,
            dismissed: false,
            lastSnoozed: null,
            lastAnswered: null,
          },
        },
        surveys: {},
        recentShows: ['2026-11-21T09:00:00.000Z'],
        trainedAt: '2026-09-01',
        lastUsageDay: '2026-11-21',
        program: 'ai-foundations',
        cohort: '2026-W36',
      },
    };
    expect(configAnswerSchema.parse(JSON.parse(JSON.stringify(answer)))).toEqual(answer);
    expect(configAnswerSchema.parse({ ...answer, history: null }).history).toBeNull();
  });

  it('says which field is wrong', () => {
    const bad = {
      tool: 'assistant',
      fatigue: { perDay: 1, perWeek: 3 },
      prompts: [],
      surveys: [],
      history: {
        prompts: {},
        surveys: {},
        recentShows: ['yesterday'],
        trainedAt: '1 Sep',
        lastUsageDay: null,
        program: null,
        cohort: null,
      },
    };
    const result = configAnswerSchema.safeParse(bad);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['history.recentShows.0', 'history.trainedAt']);
  });

  it("is what the SDK's rules and widgets take (types only: no zod in the script-tag bundles)", () => {
    expectTypeOf<PromptItem>().toExtend<RuleItem>();
    expectTypeOf<SurveyItem>().toExtend<RuleItem>();
    expectTypeOf<SurveyConfig>().toExtend<PulseSurvey>();
    expectTypeOf<QuestionConfig>().toExtend<PulseQuestion>();
    // Every kind of question the config allows, and only those, is one `<uptake-pulse>` can show.
    expectTypeOf<QuestionConfig['type']>().toEqualTypeOf<PulseQuestion['type']>();
    expectTypeOf<ConfigForPerson>().toExtend<ConfigAnswer>();
  });
});
