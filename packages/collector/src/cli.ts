import { main } from './cli/main.js';

// Everything `uptake` creates holds events, tokens or secrets, so it is the owner's alone. DuckDB
// creates its WAL anew after each checkpoint with the process's umask (no option of its sets a
// mode), so the umask is what keeps the WAL 0600 beside a store in a folder that is not private.
process.umask(0o077);

await main(process.argv.slice(2));
