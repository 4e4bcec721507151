/** Limits of the wire protocol (SPEC "Wire protocol"), shared by the SDK and the collector. */
export const limits = {
  idPattern: /^[A-Za-z0-9_-]{8,64}$/,
  namePattern: /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/,
  nameMaxLength: 64,
  userIdMaxLength: 128,
  toolMaxLength: 64,
  propsMaxKeys: 32,
  propKeyMaxLength: 64,
  propStringMaxLength: 256,
  /** `survey.answered` may carry a free-text `value` up to this length. */
  surveyValueMaxLength: 2000,
  batchMaxEvents: 500,
  batchMaxBytes: 1024 * 1024,
  /** How far in the future (after clock correction) an event may lie, in milliseconds. */
  maxFutureMs: 24 * 60 * 60 * 1000,
} as const;
