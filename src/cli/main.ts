// Entry point of the bundle. `--version` answers before anything else loads (start-up time is a
// quality bar); everything else is loaded on demand. An unexpected error is a bug: exit 3 with a
// short message, the stack only with DTCOST_DEBUG=1.
import { VERSION } from '../core/version.js';
import { safeForTerminal } from '../core/safe-text.js';
import { guardStandardStreams } from './streams.js';

const EXIT_INTERNAL = 3;

function internalError(err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(
    `dtcost: internal error: ${safeForTerminal(message)}\n` +
      `This is a bug in dtcost ${VERSION}. Please report it with the command and the estate that caused it` +
      `${process.env.DTCOST_DEBUG === '1' ? '.' : ' (DTCOST_DEBUG=1 shows the stack trace).'}\n`,
  );
  if (process.env.DTCOST_DEBUG === '1' && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
  process.exitCode = EXIT_INTERNAL;
}

export async function main(argv: readonly string[]): Promise<void> {
  // A worker thread reading a chunk of an activity file runs this bundle too (input/activity-jobs.ts).
  if ('dtcostActivityWorker' in globalThis) return (await import('../input/activity-jobs.js')).activityWorker();
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    process.stdout.write(`${VERSION}\n`);
    return;
  }
  try {
    const { runCli } = await import('./program.js');
    process.exitCode = await runCli(argv);
  } catch (err) {
    internalError(err);
  }
}

/** The command of this process's command line. */
export function start(): void {
  process.on('uncaughtException', internalError);
  // A closed pipe, a full disk: on either stream, never an uncaught exception (streams.ts).
  guardStandardStreams();
  void main(process.argv.slice(2));
}

// The standalone binary's start-up snapshot loads the bundle without a command, and calls start()
// when the binary runs (scripts/sea-main.cjs).
if (!('dtcostSnapshot' in globalThis)) start();
