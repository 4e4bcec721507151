import type { QuestionConfig, SurveyConfig } from '@uptake/sdk/protocol';
import type { SurveyAnswerRows } from './survey-answer-rows.js';

/** The answers of one question in one scope: how many people, and people per value (its key). */
export interface Distribution {
  people: number;
  /** scale, nps, number: the number as text (`"4"`); choice, multi: the option; text: nothing. */
  values: Map<string, number>;
}

export interface QuestionCounts {
  id: string;
  total: Distribution;
  waves: Map<number, Distribution>;
  weeks: Map<string, Distribution>;
}

/** The exact counts behind a survey's results; they never leave the collector as they are. */
export interface SurveyCounts {
  id: string;
  shown: number;
  respondents: number;
  waves: Map<number, number>;
  weeks: Map<string, number>;
  questions: Map<string, QuestionCounts>;
}

const empty = (): Distribution => ({ people: 0, values: new Map() });

/** What an answer's JSON text counts for: a number's canonical text, each option of a multi, the option of a choice. */
function keysOf(question: QuestionConfig, value: string | null): string[] {
  if (value === null) return [];
  if (question.type === 'scale' || question.type === 'nps' || question.type === 'number') {
    const n = Number(value);
    return Number.isFinite(n) ? [String(n)] : [];
  }
  if (question.type === 'multi') {
    try {
      const chosen: unknown = JSON.parse(value);
      return Array.isArray(chosen) ? [...new Set(chosen.map(String))] : [value];
    } catch {
      return [value];
    }
  }
  return question.type === 'text' ? [] : [value];
}

function slot<K>(map: Map<K, Distribution>, key: K): Distribution {
  const found = map.get(key);
  if (found) return found;
  const made = empty();
  map.set(key, made);
  return made;
}

function add(map: Map<string, number>, key: string, n: number): void {
  map.set(key, (map.get(key) ?? 0) + n);
}

/** Turns the grouped rows of `surveyAnswerRows` into each survey's counts, by the surveys' questions as configured. */
export function surveyCounts(surveys: readonly SurveyConfig[], rows: SurveyAnswerRows): SurveyCounts[] {
  return surveys.map((survey) => {
    const people = rows.people.filter((r) => r.survey === survey.id);
    const scope = (name: string) => people.filter((r) => r.scope === name);
    const questions = new Map<string, QuestionCounts>(
      survey.questions.map((q) => [q.id, { id: q.id, total: empty(), waves: new Map(), weeks: new Map() }]),
    );
    for (const row of rows.values) {
      const question = survey.questions.find((q) => q.id === row.question);
      const counts = questions.get(row.question);
      if (row.survey !== survey.id || !question || !counts) continue;
      const into = (d: Distribution) => {
        d.people += row.people;
        for (const key of keysOf(question, row.value)) add(d.values, key, row.people);
      };
      if (row.latest) into(counts.total);
      if (row.waveLatest) into(slot(counts.waves, row.wave));
      if (row.weekLatest) into(slot(counts.weeks, row.week));
    }
    return {
      id: survey.id,
      shown: scope('shown')[0]?.people ?? 0,
      respondents: scope('answered')[0]?.people ?? 0,
      waves: new Map(scope('wave').map((r) => [Number(r.key), r.people])),
      weeks: new Map(scope('week').map((r) => [String(r.key), r.people])),
      questions,
    };
  });
}
