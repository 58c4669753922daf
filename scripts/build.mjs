// Bundles the CLI into one CommonJS file, dist/dtcost.cjs (run by bin/dtcost). The file is
// replaced atomically (written beside it, then renamed), so a dtcost running during a rebuild
// never reads half a bundle.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const outfile = new URL('../dist/dtcost.cjs', import.meta.url);

const result = await build({
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
writeFileSync(temporary, result.outputFiles[0].contents);
renameSync(temporary, outfile.pathname);
