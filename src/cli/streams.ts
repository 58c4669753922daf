// Standard output and standard error, safe against readers that go away and devices that fail.
// Node reports a failed write as an 'error' event after the write (a pipe's EPIPE, /dev/full's
// ENOSPC); without a listener that event is an uncaught exception, whose report is written to
// standard error, which fails again: an endless loop at 100% CPU when stderr is the closed pipe.
//
// - A closed pipe (EPIPE) on either stream is the reader's choice: the process ends at once and
//   quietly. Its exit code is the command's own when the command has finished (0, 1 a budget
//   exceeded, 2 invalid input); before that it is 141, as for a process ended by SIGPIPE (128 + 13):
//   the verdict is unknown, so a gate never passes by accident (`dtcost estimate --budget 1 | head
//   -1` under `set -o pipefail` fails, as `yes | head -1` does).
// - Any other failure to write the results (standard output on a full disk, a device error) ends
//   the command with exit 2 and says what could not be written (on standard error, if it can).
// - Any other failure of standard error silences it: the exit code still carries the verdict.

import { fstatSync, writeSync } from 'node:fs';
// Required on its first call in the bundle (scripts/build.mjs LAZY): tty loads net (~3 ms of start-up).
import { isatty } from 'node:tty';

/** 128 + SIGPIPE: how a shell reports a process that a closed pipe ended. */
export const EXIT_CLOSED_PIPE = 141;
const EXIT_WRITE_FAILED = 2;

type Writable = NodeJS.WriteStream;

const silenced = new WeakSet<Writable>();

function silence(stream: Writable): void {
  if (silenced.has(stream)) return;
  silenced.add(stream);
  // Every later write (ours, commander's, an error report's) is dropped, and says it went well.
  stream.write = ((_chunk: unknown, encoding?: unknown, cb?: unknown) => {
    const done = typeof encoding === 'function' ? encoding : cb;
    if (typeof done === 'function') process.nextTick(done as () => void);
    return true;
  }) as Writable['write'];
}

/** Whether writes to the stream are dropped (its reader has gone away). */
export function isSilenced(stream: Writable): boolean {
  return silenced.has(stream);
}

const REASONS: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EIO: 'an input/output error',
  EBADF: 'it is closed',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EFBIG: 'the file is too large',
  EDQUOT: 'the disk quota is exceeded',
  EROFS: 'the file system is read-only',
};

/** Why a write failed, in words, with the system's code: "no space left on the device (ENOSPC)". */
export function writeFailure(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code && REASONS[code]) return `${REASONS[code]} (${code})`;
  return code ? `${(err as Error).message.replace(/^[A-Z]+: /, '')}` : String((err as Error)?.message ?? err);
}

/** A closed pipe: the end, quietly (see the head of this file). */
function closedPipe(): never {
  silence(process.stdout);
  silence(process.stderr);
  process.exit(process.exitCode ?? EXIT_CLOSED_PIPE);
}

function stdoutFailed(err: NodeJS.ErrnoException): void {
  if (silenced.has(process.stdout)) return;
  if (err.code === 'EPIPE') closedPipe();
  silence(process.stdout);
  process.stderr.write(`dtcost: cannot write the results to standard output: ${writeFailure(err)}; the output is incomplete\n`);
  process.exit(EXIT_WRITE_FAILED);
}

/** The getters guardStandardStreams put on process.stdout and process.stderr (whenMade). */
const hooks: { stdout?: () => Writable; stderr?: () => Writable } = {};
/**
 * Whether process[name] is still Node's stream not yet made, behind our getter: neither made (by
 * a use) nor replaced (by a test's or the binary's warm-up's sink), so descriptor 1 or 2 is ours.
 */
const unmade = (name: 'stdout' | 'stderr') => hooks[name] !== undefined && Object.getOwnPropertyDescriptor(process, name)?.get === hooks[name];
/** False once a direct write would block (a non-blocking descriptor that is full): the stream then writes the rest. */
let direct = true;

/**
 * Writes to standard output, waiting while the reader is behind (a pipe takes 64 KiB at a time:
 * without the wait, a long output would pile up in memory until the end, and a closed pipe would
 * be noticed only then). A failed write ends the process (stdoutFailed), also one Node reports at
 * once (the stream is then `errored`): `dtcost estimate big.json | head -1` stops at the chunk
 * that finds the pipe closed instead of making all the others.
 *
 * Until something else uses process.stdout, the results are written to descriptor 1 directly, as
 * Node's own stream writes to a file or a pipe (synchronously): making the stream costs milliseconds
 * of start-up. A blocking descriptor waits for the reader by itself; a non-blocking one that is
 * full (EAGAIN) hands the rest, and every later chunk, to the stream.
 */
export async function writeStdout(chunk: string | Uint8Array): Promise<void> {
  if (direct && unmade('stdout')) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    let written = 0;
    try {
      while (written < bytes.length) written += writeSync(1, bytes, written, bytes.length - written);
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') return stdoutFailed(err as NodeJS.ErrnoException);
      direct = false;
      chunk = bytes.subarray(written);
    }
  }
  const stream = process.stdout;
  const ok = stream.write(chunk);
  const err = stream.errored as NodeJS.ErrnoException | null;
  if (err) stdoutFailed(err);
  if (ok || silenced.has(stream)) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}

/**
 * Whether descriptor `fd` is a terminal (process.stdout.isTTY), asking tty only about a character
 * device: a pipe, a socket or a file is not one, nor, on Linux, a memory device (major 1:
 * /dev/null, /dev/zero, /dev/full).
 */
export function isTerminal(fd: number): boolean {
  let stat;
  try {
    stat = fstatSync(fd);
  } catch {
    return false;
  }
  if (!stat.isCharacterDevice()) return false;
  if (process.platform === 'linux' && Math.floor(stat.rdev / 256) % 4096 === 1) return false;
  return isatty(fd);
}

/**
 * Standard output as colour.ts wantsColor and columns.ts outputColumns ask about it, asked only
 * when they do: the stream itself when it is made, else whether it is a terminal, and its width
 * when it is one.
 */
export function standardOutputTerminal(): { isTTY?: boolean; columns?: number } {
  if (!unmade('stdout')) return process.stdout;
  return {
    get isTTY() {
      return isTerminal(1);
    },
    get columns() {
      return isTerminal(1) ? process.stdout.columns : undefined;
    },
  };
}

/**
 * Standard error as colour.ts wantsColor asks about it (whether it is a terminal), without making
 * the stream: a pipe's costs milliseconds of start-up, and most runs never write to it.
 */
export function standardErrorTerminal(): { isTTY?: boolean } {
  if (!unmade('stderr')) return process.stderr;
  return {
    get isTTY() {
      return isTerminal(2);
    },
  };
}

/** Calls `guard` with process[name] when Node makes it (on its first use), or now if it is made. */
function whenMade(name: 'stdout' | 'stderr', guard: (stream: Writable) => void): void {
  const made = Object.getOwnPropertyDescriptor(process, name);
  if (made?.get && made.configurable) {
    const get = () => {
      const stream = made.get!.call(process) as Writable;
      Object.defineProperty(process, name, { configurable: true, enumerable: made.enumerable, value: stream });
      guard(stream);
      return stream;
    };
    hooks[name] = get;
    Object.defineProperty(process, name, { configurable: true, enumerable: made.enumerable, get });
  } else guard(process[name]);
}

/**
 * Installs the handlers on process.stdout and process.stderr (once, at start-up). Node makes each
 * stream on its first use (a pipe's costs ~10 ms of CPU): each gets its handler when something
 * first uses it, before the use. Standard error most runs never write to; standard output the
 * results are written to directly (writeStdout) unless something else made it first.
 */
export function guardStandardStreams(): void {
  whenMade('stderr', (stream) =>
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') closedPipe();
      silence(stream);
    }),
  );
  whenMade('stdout', (stream) => stream.on('error', stdoutFailed));
}
