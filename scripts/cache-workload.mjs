// The run whose compiled functions make a V8 code cache (dist/dtcost.cjs.cache, by scripts/build.mjs):
// one estimate of every example (YAML) and of a JSON estate, as JSON, so that both parsers, the
// validation, every rule and the JSON output are compiled. `command` is the dtcost to run (a Node
// and bin/dtcost); the cache is written to `cacheFile`. An exit of 1 (a budget exceeded) is fine.
// (The standalone binary has no code cache: it starts from a snapshot, warmed by scripts/sea-main.cjs.)
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';

export function runForCodeCache(command, cacheFile) {
  const examples = new URL('../examples/', import.meta.url).pathname;
  const estates = readdirSync(examples)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => `${examples}${f}`);
  const json = `${cacheFile}.${process.pid}.json`;
  writeFileSync(json, JSON.stringify({ version: 1, name: 'code cache', applications: [{ name: 'a', visitsPerMonth: 1000, visitMinutes: [{ minutes: 5, share: 1 }] }], synthetic: { http: [{ name: 'h', frequencyMinutes: 5, locations: 1 }] } }));
  try {
    const run = spawnSync(command[0], [...command.slice(1), 'estimate', ...estates, json, '--format', 'json', '--quiet'], {
      env: { ...process.env, DTCOST_WRITE_CODE_CACHE: cacheFile },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (run.status !== 0 && run.status !== 1) throw new Error(`the code cache run exited ${run.status}`);
  } finally {
    rmSync(json, { force: true });
  }
}
