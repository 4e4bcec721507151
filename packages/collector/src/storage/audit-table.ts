import type { AuditEntry, AuditQuery } from '../audit/audit-entry.js';
import type { Role } from '../config/roles.js';
import type { SqlDialect } from './sql-dialect.js';
import type { SqlExecutor } from './sql-store.js';
import type { SqlParam } from './store.js';

/** Audit lines read at most at once, by default. */
export const defaultAuditLimit = 10_000;

/** The statements of `Store.appendAudit`, `readAudit` and `purgeAudit`, over the `audit_log` table of both engines. */
export const auditTable = {
  async append(executor: SqlExecutor, dialect: SqlDialect, e: AuditEntry): Promise<void> {
    const p = dialect.param;
    await executor.run(
      `INSERT INTO audit_log (requested_at, token, role, method, endpoint, status, row_count)
       VALUES (CAST(${p(1)} AS TIMESTAMPTZ), ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, ${p(6)}, ${p(7)})`,
      [e.at.toISOString(), e.token, e.role, e.method, e.endpoint, e.status, e.rows],
    );
  },

  async read(executor: SqlExecutor, dialect: SqlDialect, q: AuditQuery): Promise<AuditEntry[]> {
    const where: string[] = [];
    const values: SqlParam[] = [];
    if (q.since) where.push(`requested_at >= CAST(${dialect.param(values.push(q.since.toISOString()))} AS TIMESTAMPTZ)`);
    if (q.token !== undefined) where.push(`token = ${dialect.param(values.push(q.token))}`);
    const limit = Math.max(1, Math.floor(q.limit ?? defaultAuditLimit));
    const rows = await executor.rows(
      `SELECT ${dialect.epochMs('requested_at')} AS requested_at, token, role, method, endpoint, status, row_count FROM audit_log
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY requested_at DESC LIMIT ${limit}`,
      values,
    );
    return rows.reverse().map((r) => ({
      at: new Date(Number(r['requested_at'])),
      token: r['token'] === null ? null : String(r['token']),
      role: r['role'] === null ? null : (String(r['role']) as Role),
      method: String(r['method']),
      endpoint: String(r['endpoint']),
      status: Number(r['status']),
      rows: Number(r['row_count']),
    }));
  },

  purge(executor: SqlExecutor, dialect: SqlDialect, before: Date): Promise<number> {
    return executor.run(`DELETE FROM audit_log WHERE requested_at < CAST(${dialect.param(1)} AS TIMESTAMPTZ)`, [before.toISOString()]);
  },
};
