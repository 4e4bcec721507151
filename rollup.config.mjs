// One build for the whole repository (STYLE.md): ESM for bundlers and Node, a minified IIFE for the script tag.
import { builtinModules } from 'node:module';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

const ts = (pkg, overrides = {}) =>
  typescript({ tsconfig: `packages/${pkg}/tsconfig.json`, outputToFilesystem: true, noEmitOnError: true, ...overrides });

// Everything that is not a relative path stays an import: npm resolves it for the package's users.
const bare = (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0');
const nodeBuiltins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

/**
 * A minified IIFE served by the collector next to uptake.js, with a fixed global name: the script tag
 * itself, and the files it loads only when a page needs them (the prompts chunk: the rules and the
 * runtime; the widgets with Lit; web-vitals). Lit's production build is asked for by name (node-resolve would pick its
 * development build whenever NODE_ENV is set).
 */
const scriptTag = (input, file, name, plugins = []) => ({
  pkg: 'sdk',
  input,
  plugins: [
    ...plugins,
    resolve({ browser: true, exportConditions: ['production'] }),
    ts('sdk', { declaration: false, declarationDir: undefined, outDir: 'packages/sdk/dist' }),
  ],
  output: {
    file: `packages/sdk/dist/${file}`,
    format: 'iife',
    name,
    sourcemap: true,
    plugins: [terser({ ecma: 2022, compress: { passes: 3 } })],
  },
});

/**
 * Minifies the static text of the widgets' css`…` templates (comments out, whitespace collapsed),
 * which terser leaves as written: every page that shows a prompt downloads them (issue 22).
 */
const minifyCss = () => ({
  name: 'minify-css',
  transform(code, id) {
    if (!/[\\/]widgets[\\/]src[\\/].*\.styles\.ts$/.test(id)) return null;
    const minify = (text) =>
      text
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\s+/g, ' ')
        .replace(/\s*([{};,>])\s*/g, '$1')
        // `prop: value` → `prop:value`; a selector's colon (`a:hover`) has no space after it.
        .replace(/([{;][-\w]+):\s+/g, '$1:');
    // Between the ${…} of a template, only its static text changes.
    const templates = code.replace(
      /\bcss\s*`([^`]*)`/g,
      (_, body) =>
        `css\`${body
          .split(/(\$\{[^}]*\})/)
          .map((part, i) => (i % 2 ? part : minify(part)))
          .join('')}\``,
    );
    return { code: templates, map: null };
  },
});

/** Empties a module of the build (its path ends with `tail`). */
const withoutModule = (tail) => ({
  name: 'without-module',
  load: (id) => (id.replaceAll('\\', '/').endsWith(tail) ? '' : null),
});

const configs = [
  // Before the SDK: its prompts chunk imports the widgets' types.
  {
    pkg: 'widgets',
    input: 'packages/widgets/src/index.ts',
    external: bare,
    plugins: [ts('widgets'), minifyCss()],
    output: { dir: 'packages/widgets/dist', format: 'es', sourcemap: true },
  },
  {
    pkg: 'sdk',
    input: { index: 'packages/sdk/src/index.ts', protocol: 'packages/sdk/src/protocol/index.ts', rules: 'packages/sdk/src/rules/index.ts' },
    external: bare,
    plugins: [ts('sdk')],
    output: {
      dir: 'packages/sdk/dist',
      format: 'es',
      sourcemap: true,
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
    },
  },
  // The script-tag snippet queues commands on the global `uptake`; the bundle replaces the queue with the API.
  scriptTag('packages/sdk/src/script-tag.ts', 'uptake.js', 'uptake'),
  // The prompts chunk without the widgets: a page where nothing is due never parses Lit; the runtime
  // loads uptake-widgets.js at the first show.
  scriptTag('packages/sdk/src/prompts/start-prompts.ts', 'uptake-prompts.js', 'uptakePrompts', [withoutModule('widgets/dist/index.js')]),
  scriptTag('packages/sdk/src/prompts/define-widgets.ts', 'uptake-widgets.js', 'uptakeWidgets'),
  scriptTag('packages/sdk/src/perf/report-vitals.ts', 'uptake-vitals.js', 'uptakeVitals'),
  // The studio's hooks: the words of uptake.explain() and a preview's fetch, loaded only when someone asks why (or with data-debug) or opens a preview.
  scriptTag('packages/sdk/src/prompts/studio-hooks.ts', 'uptake-explain.js', 'uptakeExplain'),
  {
    pkg: 'collector',
    input: { index: 'packages/collector/src/index.ts', cli: 'packages/collector/src/cli.ts' },
    external: (id) => bare(id) || nodeBuiltins.has(id),
    plugins: [ts('collector')],
    output: {
      dir: 'packages/collector/dist',
      format: 'es',
      sourcemap: true,
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
    },
  },
  dashboardConfig(),
];

/**
 * The collector's dashboard (browser code in packages/collector/dashboard, its own tsconfig with the
 * DOM): one minified ES module with Lit and uPlot inside, plus its page and style sheets, into
 * packages/collector/dist/dashboard, which the collector serves at /dashboard/.
 */
function dashboardConfig() {
  const dir = 'packages/collector/dashboard';
  const files = {
    'index.html': `${dir}/index.html`,
    'dashboard.css': `${dir}/dashboard.css`,
    'uPlot.min.css': 'node_modules/uplot/dist/uPlot.min.css',
  };
  const copy = {
    name: 'dashboard-files',
    async generateBundle() {
      const { readFile } = await import('node:fs/promises');
      for (const [fileName, path] of Object.entries(files)) this.emitFile({ type: 'asset', fileName, source: await readFile(path) });
    },
  };
  return {
    pkg: 'collector',
    input: `${dir}/src/main.ts`,
    // zod (the studio's schema checks) carries annotations rollup cannot place and a cycle of its own: nothing to act on here.
    onwarn(warning, warn) {
      if (/node_modules[\\/]zod[\\/]/.test(warning.id ?? warning.ids?.join() ?? '')) return;
      warn(warning);
    },
    plugins: [resolve({ browser: true }), typescript({ tsconfig: `${dir}/tsconfig.json`, noEmitOnError: true }), copy],
    output: {
      dir: 'packages/collector/dist/dashboard',
      format: 'es',
      // The studio is loaded on demand, under a fixed name the collector serves (dashboardFiles).
      chunkFileNames: '[name].js',
      sourcemap: true,
      entryFileNames: 'dashboard.js',
      plugins: [terser({ ecma: 2022, compress: { passes: 2 } })],
    },
  };
}

// `UPTAKE_BUILD=sdk,widgets npm run build` builds only those packages (faster while working on one).
const only = process.env.UPTAKE_BUILD?.split(',').map((p) => p.trim());
export default configs.filter((c) => !only || only.includes(c.pkg)).map(({ pkg: _pkg, ...config }) => config);
