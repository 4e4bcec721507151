import { expect, it } from 'vitest';
import { eventName } from '../../src/client/event-name.js';
import { limits } from '../../src/protocol/limits.js';

it('is the wire protocol’s rule for names', () => {
  expect(eventName.source).toBe(limits.namePattern.source);
  expect(eventName.flags).toBe(limits.namePattern.flags);
});
