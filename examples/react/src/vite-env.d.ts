/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Base URL of the collector; `http://127.0.0.1:8787` (what `npm start` runs) when unset. */
  readonly VITE_UPTAKE_COLLECTOR?: string;
  /** The tool's write key from the collector's config; `wk_assistant_react` when unset. */
  readonly VITE_UPTAKE_WRITE_KEY?: string;
  /** The tool's id from the collector's config; `assistant-react` when unset. */
  readonly VITE_UPTAKE_TOOL?: string;
}
