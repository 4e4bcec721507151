import { describe, expect, it } from 'vitest';
import { auditRetentionDays, minAuditRetentionDays } from '../../src/audit/audit-retention.js';

describe('audit log retention', () => {
  it('keeps lines as long as the events (retentionDays), at least a year, forever when events are kept forever', () => {
    expect(minAuditRetentionDays).toBe(365);
    expect(auditRetentionDays(30)).toBe(365);
    expect(auditRetentionDays(730)).toBe(730);
    expect(auditRetentionDays(undefined)).toBeUndefined();
  });
});
