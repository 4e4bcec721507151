import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// One fixed origin for `dev` and `preview` (strictPort: fail rather than move), because the
// collector only accepts the origins listed for the tool in examples/uptake.config.json.
const origin = { host: '127.0.0.1', port: 5173, strictPort: true };

export default defineConfig({
  plugins: [react()],
  server: origin,
  preview: origin,
});
