import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ItemKind } from './studio-item.js';

/** What a preview code says: show this version of this item until then. */
export interface PreviewClaim {
  kind: ItemKind;
  id: string;
  /** The studio version to show; 0 for an item of the config file. */
  version: number;
  /** Until when the code works, ms since 1970. */
  expires: number;
}

/** The setting holding the key of preview codes. */
export const previewSecretSetting = 'studioPreviewSecret';

/** How long a preview code works, by default: long enough to open the tool and look, short enough to leak little. */
export const previewLifetimeMs = 30 * 60_000;

const letters: Record<ItemKind, string> = { prompt: 'p', survey: 's' };

const sign = (secret: string, text: string) => createHmac('sha256', secret).update(`uptake-preview\u0000${text}`).digest('base64url');

/**
 * A preview code: `p.<id>.<version>.<expiry in s>.<HMAC-SHA-256>`, URL-safe as it is (ids are
 * `a-z 0-9 _ -`), signed with the store's preview secret so only the studio can make one.
 */
export function previewCode(secret: string, claim: PreviewClaim): string {
  const text = [letters[claim.kind], claim.id, claim.version, Math.floor(claim.expires / 1000)].join('.');
  return `${text}.${sign(secret, text)}`;
}

/** What a code claims, once its signature holds; why not otherwise, in words. */
export function readPreviewCode(secret: string, code: string, now: number): PreviewClaim | string {
  const parts = code.split('.');
  if (parts.length !== 5 || code.length > 200) return 'not a preview code: make one in the studio';
  const [letter, id, version, expires, mac] = parts as [string, string, string, string, string];
  const expected = Buffer.from(sign(secret, parts.slice(0, 4).join('.')));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'not a valid preview code: make one in the studio';
  const kind = letter === 'p' ? 'prompt' : 'survey';
  const claim = { kind, id, version: Number(version), expires: Number(expires) * 1000 } as const;
  if (claim.expires <= now) return `this preview code expired at ${new Date(claim.expires).toISOString()}: make a new one in the studio`;
  return claim;
}
