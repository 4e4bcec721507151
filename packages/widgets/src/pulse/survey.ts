/**
 * A survey as `<uptake-pulse>` takes it: the shape of a `surveys[]` entry of the config (SPEC,
 * "Prompts and surveys"), of which the widget reads only what it shows.
 */
export interface PulseSurvey {
  id: string;
  title?: string;
  questions: PulseQuestion[];
}

interface QuestionBase {
  id: string;
  text: string;
  required?: boolean;
}

export type PulseQuestion =
  | (QuestionBase & { type: 'scale'; min?: number; max?: number; minLabel?: string; maxLabel?: string })
  | (QuestionBase & { type: 'nps' })
  | (QuestionBase & { type: 'choice' | 'multi'; options: string[] })
  | (QuestionBase & { type: 'text'; minLength?: number; maxLength?: number })
  | (QuestionBase & { type: 'number'; min?: number; max?: number });
