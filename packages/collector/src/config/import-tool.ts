/**
 * The reserved `tool` of imported events: they came from a training system, not from a tool. The
 * config refuses a tool of this name, and the import stamps it on every event it builds.
 */
export const importTool = 'uptake-import';
