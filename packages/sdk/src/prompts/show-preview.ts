import { warn } from '../client/warn.js';
import type { Extras } from './connect-prompts.js';

/**
 * Fetches the item a studio preview code shows (`GET /v1/preview`) and shows it with the prompts
 * chunk (and the widgets, where the build keeps them apart), logging nothing. A refused code is one warning with the collector's words.
 */
export function showPreview(url: string, extras: Extras): void {
  fetch(url)
    .then(async (res) => {
      const answer = await res.json();
      if (!res.ok) throw answer.error;
      const [chunk] = await Promise.all([extras.prompts(), extras.widgets?.()]);
      chunk.previewItem?.(answer.item);
    })
    .catch((error) => warn(`preview: ${error}`));
}
