// Bundles the CLI into one CommonJS file, dist/dtcost.cjs (run by bin/dtcost), then makes its V8
// code cache, dist/dtcost.cjs.cache, by running one estimate of the examples (the functions it
// compiles are what the cache holds). Both files are replaced atomically (written beside, then
// renamed), so a dtcost running during a rebuild never reads half a file.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { runForCodeCache } from './cache-workload.mjs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const outfile = new URL('../dist/dtcost.cjs', import.meta.url);

// Modules whose top level costs start-up time and that most runs never call, required (and so
// initialised) on their first call instead: string-width compiles Unicode property-of-strings
// regular expressions as it loads (~50 ms), needed only for a table cell with a wide character;
// yaml (~2 ms) only for YAML beyond the fast path's plain block style. A function export is
// required on its first call; a namespace (`default: 'namespace'`, used as YAML.Parser) on its
// first property read. Only the bundle is changed: the sources and tests import the packages as
// they are.
const LAZY = { 'string-width': { default: 'function' }, yaml: { default: 'namespace' } };
const lazyModules = {
  name: 'lazy-modules',
  setup(b) {
    b.onResolve({ filter: new RegExp(`^(${Object.keys(LAZY).join('|')})$`) }, (args) =>
      args.pluginData?.lazy ? undefined : { path: args.path, namespace: 'lazy', pluginData: { resolveDir: args.resolveDir } },
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, (args) => ({
      contents: Object.entries(LAZY[args.path])
        .map(([name, kind]) => {
          const load = `require(${JSON.stringify(args.path)})`;
          // A CommonJS package's default import is its module.exports (esbuild's interop).
          if (kind === 'namespace') return `export default new Proxy({}, { get: (_, key) => ${load}[key] });`;
          return `export ${name === 'default' ? 'default function' : `function ${name}`}(...a) { return ${load}${name === 'default' ? '.default' : `.${name}`}(...a); }`;
        })
        .join('\n'),
      resolveDir: args.pluginData.resolveDir,
      pluginData: { lazy: true },
    }));
  },
};

// commander requires node:child_process as it loads (~6 ms of CPU), for executable subcommands,
// which dtcost has none of: required on its first use instead.
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      const eager = "const childProcess = require('node:child_process');";
      if (!text.includes(eager)) throw new Error(`${args.path}: no \`${eager}\` to make lazy (a new commander?)`);
      return { contents: text.replace(eager, "const childProcess = { spawn: (...a) => require('node:child_process').spawn(...a) };"), loader: 'js' };
    });
  },
};

const result = await build({
  plugins: [lazyModules, lazyChildProcess],
  entryPoints: [new URL('../src/cli/main.ts', import.meta.url).pathname],
  outfile: outfile.pathname,
  write: false,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: !process.env.DTCOST_NO_MINIFY,
  legalComments: 'none',
  logLevel: 'warning',
  define: { __DTCOST_VERSION__: JSON.stringify(pkg.version) },
});

mkdirSync(new URL('../dist/', import.meta.url), { recursive: true });
const temporary = `${outfile.pathname}.${process.pid}.tmp`;
// ASCII only: esbuild escapes what it can, but leaves the characters of regular expressions
// (/: × /); those are escaped here (\uXXXX means the same in a regular expression, a string or an
// identifier). bin/dtcost reads the bundle as Latin-1 (one byte a character, no decoding), which an
// ASCII file is the same in: the string V8 compiles is half the size, and read faster.
const ascii = result.outputFiles[0].text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
writeFileSync(temporary, ascii);
renameSync(temporary, outfile.pathname);

// The code cache: V8 checks it against its own version and flags and the bundle's source, so a
// stale or foreign cache is only ignored. The old one goes first: made for the old bundle, it
// would be rejected anyway.
const cache = `${outfile.pathname}.cache`;
rmSync(cache, { force: true });
// The workload (scripts/cache-workload.mjs): every example and a JSON estate, estimated as JSON.
const cacheTemporary = `${cache}.${process.pid}.tmp`;
try {
  runForCodeCache([process.execPath, new URL('../bin/dtcost', import.meta.url).pathname], cacheTemporary);
  renameSync(cacheTemporary, cache);
} finally {
  rmSync(cacheTemporary, { force: true });
}
