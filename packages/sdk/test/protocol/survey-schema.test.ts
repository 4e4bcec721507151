import { describe, expect, it } from 'vitest';
import { describeIssues, surveySchema } from '../../src/protocol/index.js';

const survey = (...questions: Record<string, unknown>[]) => ({ id: 'pulse', trigger: { daysSinceTraining: [14, 28] }, questions });
const problems = (value: unknown) => {
  const result = surveySchema.safeParse(value);
  return result.success ? [] : describeIssues(result.error);
};

describe('surveySchema refuses questions that could never be answered, naming the field', () => {
  it('a scale whose min is not below its max, given or by default', () => {
    expect(problems(survey({ id: 'q', type: 'scale', text: 'How?', min: 5, max: 5 }))).toEqual([
      'questions[0].max: expected more than min (5); max is 5',
    ]);
    expect(problems(survey({ id: 'q', type: 'scale', text: 'How?', min: 7 }))).toEqual([
      'questions[0].max: expected more than min (7); max is 5',
    ]);
    expect(problems(survey({ id: 'q', type: 'scale', text: 'How?', min: 0, max: 10 }))).toEqual([]);
  });

  it('a text whose minLength is above its maxLength', () => {
    expect(
      problems(survey({ id: 'a', type: 'nps', text: 'Recommend?' }, { id: 'q', type: 'text', text: 'Why?', minLength: 20, maxLength: 10 })),
    ).toEqual(['questions[1].maxLength: expected at least minLength (20); maxLength is 10']);
    expect(problems(survey({ id: 'q', type: 'text', text: 'Why?', minLength: 10, maxLength: 10 }))).toEqual([]);
  });

  it('a number whose min is above its max', () => {
    expect(problems(survey({ id: 'q', type: 'number', text: 'Minutes?', min: 60, max: 0 }))).toEqual([
      'questions[0].max: expected at least min (60); max is 0',
    ]);
    expect(problems(survey({ id: 'q', type: 'number', text: 'Minutes?', min: 0 }))).toEqual([]);
  });

  it('two questions with one id', () => {
    expect(problems(survey({ id: 'q', type: 'nps', text: 'A?' }, { id: 'q', type: 'nps', text: 'B?' }))).toEqual([
      'questions[1].id: "q" is used twice in this survey',
    ]);
  });
});
