/**
 * Every piece of text the widgets show that does not come from the config. `{n}`, `{total}`,
 * `{min}` and `{max}` are replaced where they appear.
 */
export interface UptakeStrings {
  /** The prompt's "snooze" button: shown again later. */
  snooze: string;
  /** The prompt's "never again" button. */
  dismiss: string;
  /** The survey's close button. */
  close: string;
  /** Accessible name of a survey without a title. */
  survey: string;
  next: string;
  submit: string;
  /** `{n}` and `{total}`. */
  progress: string;
  /** Marks a required question. */
  requiredMark: string;
  required: string;
  /** `{min}`: non-blank characters. */
  tooShort: string;
  /** `{max}`: characters. */
  tooLong: string;
  notANumber: string;
  /** `{min}`. */
  tooSmall: string;
  /** `{max}`. */
  tooLarge: string;
  npsMin: string;
  npsMax: string;
  thanks: string;
}

const en: UptakeStrings = {
  snooze: 'Not now',
  dismiss: 'Don’t show again',
  close: 'Close',
  survey: 'Survey',
  next: 'Next',
  submit: 'Send',
  progress: 'Question {n} of {total}',
  requiredMark: '(required)',
  required: 'Please answer this question.',
  tooShort: 'Please write at least {min} characters.',
  tooLong: 'Please write at most {max} characters.',
  notANumber: 'Please enter a number.',
  tooSmall: 'Please enter {min} or more.',
  tooLarge: 'Please enter {max} or less.',
  npsMin: 'Not at all likely',
  npsMax: 'Extremely likely',
  thanks: 'Thank you for your answers!',
};

const fr: UptakeStrings = {
  snooze: 'Plus tard',
  dismiss: 'Ne plus afficher',
  close: 'Fermer',
  survey: 'Questionnaire',
  next: 'Suivant',
  submit: 'Envoyer',
  progress: 'Question {n} sur {total}',
  requiredMark: '(obligatoire)',
  required: 'Veuillez répondre à cette question.',
  tooShort: 'Veuillez écrire au moins {min} caractères.',
  tooLong: 'Veuillez écrire au plus {max} caractères.',
  notANumber: 'Veuillez saisir un nombre.',
  tooSmall: 'Veuillez saisir {min} ou plus.',
  tooLarge: 'Veuillez saisir {max} ou moins.',
  npsMin: 'Pas du tout probable',
  npsMax: 'Très probable',
  thanks: 'Merci pour vos réponses !',
};

/** The built-in languages, by primary language subtag. */
export const builtInStrings: Readonly<Record<string, UptakeStrings>> = { en, fr };

/**
 * The strings for `el`: the built-in language of its own `lang` or the nearest ancestor's (English
 * when none matches), with the host's `overrides` on top.
 */
export function resolveStrings(el: Element, overrides: Partial<UptakeStrings> | undefined): UptakeStrings {
  const lang = el.closest('[lang]')?.getAttribute('lang')?.toLowerCase().split('-')[0] ?? 'en';
  return { ...(builtInStrings[lang] ?? en), ...overrides };
}

/** `template` with each `{key}` replaced by its value. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
