import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  define: { __DTCOST_VERSION__: JSON.stringify(pkg.version) },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['./test/build.global.ts'],
    reporters: ['default', './test/summary-reporter.ts'],
    // Many tests run the CLI as a child process: on a busy 2-core machine one can take seconds.
    // A hang is still caught; speed is measured by the benchmark, never by a test's time.
    testTimeout: 30_000,
  },
});
