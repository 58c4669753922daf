// Standard output and standard error, safe against readers that go away and devices that fail.
// Node reports a failed write as an 'error' event after the write (a pipe's EPIPE, /dev/full's
// ENOSPC); without a listener that event is an uncaught exception, whose report is written to
// standard error, which fails again: an endless loop at 100% CPU when stderr is the closed pipe.
//
// - A closed pipe (EPIPE) on either stream is the reader's choice: the stream is silenced (later
//   writes are dropped) and the command finishes its checks, so its exit code (0, 1 a budget
//   exceeded, 2 invalid input) still says what it found: `dtcost estimate --budget 1 | head -1`
//   exits 1 when the budget is exceeded, under `set -o pipefail` as without.
// - Any other failure to write the results (standard output on a full disk, a device error) ends
//   the command with exit 2 and says what could not be written (on standard error, if it can).
// - Any other failure of standard error silences it: the exit code still carries the verdict.

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

/** Installs the handlers on process.stdout and process.stderr (once, at start-up). */
export function guardStandardStreams(): void {
  process.stderr.on('error', () => silence(process.stderr));
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (silenced.has(process.stdout)) return;
    silence(process.stdout);
    if (err.code === 'EPIPE') return;
    process.stderr.write(`dtcost: cannot write the results to standard output: ${writeFailure(err)}; the output is incomplete\n`);
    process.exit(EXIT_WRITE_FAILED);
  });
}
