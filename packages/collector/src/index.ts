export { startCollector } from './start-collector.js';
export type { Collector, CollectorOptions } from './start-collector.js';
export { loadConfig, parseConfig, ConfigError } from './config/load-config.js';
export { configSchema } from './config/config-schema.js';
export type { UptakeConfig, ToolConfig } from './config/config-schema.js';
export { openStore, defaultDbPath } from './storage/open-store.js';
export type { StoreLocation } from './storage/open-store.js';
export type { Store, StoredEvent, InsertResult, StoreSummary } from './storage/store.js';
export { hmacPseudonym } from './ingest/pseudonymizer.js';
