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

/**
 * Writes to standard output, waiting while the reader is behind (a pipe takes 64 KiB at a time:
 * without the wait, a long output would pile up in memory until the end, and a closed pipe would
 * be noticed only then). A failed write ends the process (stdoutFailed), also one Node reports at
 * once (the stream is then `errored`): `dtcost estimate big.json | head -1` stops at the chunk
 * that finds the pipe closed instead of making all the others.
 */
export async function writeStdout(chunk: string | Uint8Array): Promise<void> {
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
 * Installs the handlers on process.stdout and process.stderr (once, at start-up). Node makes each
 * stream on its first use (a pipe's costs ~10 ms of CPU): standard error, which most runs never
 * write to, gets its handler when something first uses it, before the use.
 */
export function guardStandardStreams(): void {
  const guardStderr = (stream: Writable) =>
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') closedPipe();
      silence(stream);
    });
  const made = Object.getOwnPropertyDescriptor(process, 'stderr');
  if (made?.get && made.configurable) {
    Object.defineProperty(process, 'stderr', {
      configurable: true,
      enumerable: made.enumerable,
      get() {
        const stream = made.get!.call(process) as Writable;
        Object.defineProperty(process, 'stderr', { configurable: true, enumerable: made.enumerable, value: stream });
        guardStderr(stream);
        return stream;
      },
    });
  } else guardStderr(process.stderr);
  process.stdout.on('error', stdoutFailed);
}
