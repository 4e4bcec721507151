// Limits of the wire protocol (SPEC "Wire protocol"), shared by the SDK and the collector. Each is
// its own export so that the script-tag builds keep only those the SDK reads, inlined by the minifier.

export const idPattern = /^[A-Za-z0-9_-]{8,64}$/;
export const namePattern = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/;
export const nameMaxLength = 64;
export const writeKeyMaxLength = 128;
export const userIdMaxLength = 128;
export const toolMaxLength = 64;
export const propsMaxKeys = 32;
export const propKeyMaxLength = 64;
export const propStringMaxLength = 256;
/**
 * Keys that would reach an object's prototype when copied by assignment. JSON.parse makes them own
 * properties, so a careless copy downstream could turn `{"__proto__": …}` into prototype pollution.
 */
export const forbiddenPropKeys: readonly string[] = ['__proto__', 'constructor', 'prototype'];
/** `survey.answered` may carry a free-text `value` up to this length. */
export const surveyValueMaxLength = 2000;
export const batchMaxEvents = 500;
export const batchMaxBytes = 1024 * 1024;
/** How far in the future (after clock correction) an event may lie, in milliseconds. */
export const maxFutureMs = 24 * 60 * 60 * 1000;

/** The limits of the wire protocol, as one object for the collector and the docs. */
export const limits = {
  idPattern,
  namePattern,
  nameMaxLength,
  writeKeyMaxLength,
  userIdMaxLength,
  toolMaxLength,
  propsMaxKeys,
  propKeyMaxLength,
  propStringMaxLength,
  forbiddenPropKeys,
  surveyValueMaxLength,
  batchMaxEvents,
  batchMaxBytes,
  maxFutureMs,
} as const;
