import { init } from '@uptake/sdk';

// The defaults are the tool `npm start` serves (examples/uptake.config.json); a real app sets
// VITE_UPTAKE_COLLECTOR, VITE_UPTAKE_WRITE_KEY and VITE_UPTAKE_TOOL at build time.
const env = import.meta.env;

/** The app's one SDK client: `init` is called once per page, at module load, never in a component. */
export const uptake = init({
  collector: env.VITE_UPTAKE_COLLECTOR ?? 'http://127.0.0.1:8787',
  writeKey: env.VITE_UPTAKE_WRITE_KEY ?? 'wk_assistant_react',
  tool: env.VITE_UPTAKE_TOOL ?? 'assistant-react',
});
