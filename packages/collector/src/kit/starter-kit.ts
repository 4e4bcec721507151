import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type PromptConfig, promptSchema, type SurveyConfig, surveySchema } from '@uptake/sdk/protocol';

/** The four audiences an AI training addresses, each applying it differently. */
export const kitAudiences = ['executive', 'leader', 'professional', 'technical'] as const;
export type KitAudience = (typeof kitAudiences)[number];

/** One audience's items: its prompts, and the surveys every audience shares. */
export interface StarterKit {
  audience: KitAudience;
  /** What the audience needs to apply, in a few words. */
  applies: string;
  prompts: PromptConfig[];
  surveys: SurveyConfig[];
}

/** The kit's files ship in the package's `kit/` folder, found from its package.json (the sources and the bundle alike). */
function readKitFile(name: string): unknown {
  const folder = join(dirname(createRequire(import.meta.url).resolve('@uptake/collector/package.json')), 'kit');
  return JSON.parse(readFileSync(join(folder, `${name}.json`), 'utf8'));
}

/**
 * A starter kit, read from its file and checked by the config's own schemas, so an item that would
 * not load in a config never reaches a store. With `role`, the prompts address people whose `role`
 * trait is that value instead of the audience's name.
 */
export function starterKit(audience: KitAudience, role?: string): StarterKit {
  const file = readKitFile(audience) as { applies: string; prompts: unknown[] };
  const shared = readKitFile('surveys') as { surveys: unknown[] };
  const prompts = file.prompts.map((item) => promptSchema.parse(item));
  return {
    audience,
    applies: file.applies,
    prompts: role === undefined ? prompts : prompts.map((p) => ({ ...p, audience: { ...p.audience, roles: [role] } })),
    surveys: shared.surveys.map((item) => surveySchema.parse(item)),
  };
}

/** An item as a product owner writes it: without the defaults the schema filled in. */
export function asWritten(audience: KitAudience, kind: 'prompts' | 'surveys', id: string): unknown {
  const file = readKitFile(kind === 'surveys' ? 'surveys' : audience) as Record<string, { id: string }[]>;
  return file[kind]?.find((item) => item.id === id);
}
