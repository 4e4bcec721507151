/**
 * The wire protocol's rule for event names. The same as `limits.namePattern` in the protocol, not
 * imported from there because that object's other limits would cost bytes in `uptake.js`; a test
 * keeps the two equal.
 */
export const eventName = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/;
