// Bundles the CLI into one CommonJS file, dist/dtcost.cjs (run by bin/dtcost), then makes its V8
// code cache, dist/dtcost.cjs.cache, by running one estimate of the examples (the functions it
// compiles are what the cache holds). Both files are replaced atomically (written beside, then
// renamed), so a dtcost running during a rebuild never reads half a file.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { runForCodeCache } from './cache-workload.mjs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const outfile = new URL('../dist/dtcost.cjs', import.meta.url);

// Modules whose top level costs start-up time and that most runs never call, required (and so
// initialised) on their first call instead: string-width compiles Unicode property-of-strings
// regular expressions as it loads (~50 ms), needed only for a table cell with a wide character;
// yaml (~2 ms) only for YAML beyond the fast path's plain block style; node:tty (it loads net, ~3 ms)
// only when a character device may be a terminal (src/cli/streams.ts isTerminal). A function export is
// required on its first call; a namespace (`default: 'namespace'`, used as YAML.Parser) on its
// first property read. Only the bundle is changed: the sources and tests import the packages as
// they are.
const LAZY = { 'string-width': { default: 'function' }, yaml: { default: 'namespace' }, 'node:tty': { isatty: 'function' } };
const lazyModules = {
  name: 'lazy-modules',
  setup(b) {
    b.onResolve({ filter: new RegExp(`^(${Object.keys(LAZY).join('|')})$`) }, (args) =>
      // node:tty only for our sources (chalk takes its default export, and runs only for colour).
      args.pluginData?.lazy || (args.path.startsWith('node:') && args.importer.includes('/node_modules/')) ? undefined : { path: args.path, namespace: 'lazy', pluginData: { resolveDir: args.resolveDir } },
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

// `import { z } from 'zod'` is zod's whole namespace: every locale, fromJSONSchema, the compat and
// coerce APIs, each initialised as the CLI starts (and ~400 KB of the bundle read and compiled).
// In the bundle, our sources' `z` is a namespace of only the members they use (ZOD_MEMBERS), from
// zod's own modules; a member missing from the list fails the build (esbuild's warning that it
// would be undefined). Types are zod's as ever (tsc and the tests import the package as it is).
const ZOD_MEMBERS = {
  'v4/classic/schemas.js': ['any', 'array', 'boolean', 'custom', 'enum', 'lazy', 'record', 'strictObject', 'string', 'union'],
  'v4/core/core.js': ['NEVER'],
  'v4/core/json-schema-processors.js': ['toJSONSchema'],
};
// The guard: every `z.<name>` of the sources is a member listed, or a type (zod's classes and
// namespaces of types, which the bundle never reads).
const ZOD_TYPES = /^(Zod\w*|core|output|input|infer)$/;
const zodUsed = new Set();
for (const file of readdirSync(new URL('../src/', import.meta.url), { recursive: true })) {
  if (!file.endsWith('.ts')) continue;
  const text = readFileSync(new URL(`../src/${file}`, import.meta.url), 'utf8');
  if (!/\bfrom 'zod'/.test(text)) continue;
  for (const m of text.matchAll(/(?<![\w$.])z\s*\.\s*([A-Za-z_$][\w$]*)/g)) if (!ZOD_TYPES.test(m[1])) zodUsed.add(m[1]);
}
const zodMissing = [...zodUsed].filter((name) => !Object.values(ZOD_MEMBERS).flat().includes(name));
if (zodMissing.length > 0) throw new Error(`scripts/build.mjs ZOD_MEMBERS: add ${zodMissing.map((n) => `z.${n}`).join(', ')} (used in src/)`);
const zodMembers = {
  name: 'zod-members',
  setup(b) {
    const zodDir = new URL('../node_modules/zod/', import.meta.url).pathname;
    b.onResolve({ filter: /^zod$/ }, (args) => (args.importer.includes('/node_modules/') ? undefined : { path: 'zod', namespace: 'zod-members' }));
    b.onResolve({ filter: /^zod-members:namespace$/ }, () => ({ path: 'namespace', namespace: 'zod-members' }));
    b.onLoad({ filter: /.*/, namespace: 'zod-members' }, (args) => ({
      contents:
        args.path === 'zod'
          ? "import * as z from 'zod-members:namespace';\nexport { z };\n"
          : Object.entries(ZOD_MEMBERS)
              .map(([file, names]) => `export { ${names.join(', ')} } from ${JSON.stringify(zodDir + file)};`)
              .join('\n'),
      resolveDir: zodDir,
    }));
  },
};

const result = await build({
  plugins: [lazyModules, lazyChildProcess, zodMembers],
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
