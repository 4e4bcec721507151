/** The xAPI version Uptake answers with (xAPI 1.0.3 Communication 6.2: the latest patch it follows). */
export const xapiVersion = '1.0.3';

/**
 * Why a request's `X-Experience-API-Version` cannot be served, in words; undefined when it can.
 * 1.0 and every 1.0.x are accepted; a missing header, 0.9/0.95 and 1.1.0 or later (2.0.0) are not.
 */
export function versionProblem(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value.trim() === '')
    return `X-Experience-API-Version is missing: send X-Experience-API-Version: ${xapiVersion} (Uptake takes xAPI 1.0.x)`;
  if (/^1\.0(\.\d+)?$/.test(value.trim())) return undefined;
  return `X-Experience-API-Version ${value.slice(0, 20)} is not supported: Uptake takes xAPI 1.0.x (send ${xapiVersion})`;
}
