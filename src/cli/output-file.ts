// Writing an output file (`estimate -o`, `schema --output`, `init`) so that it is never left half
// written and never overwrites what the command reads:
// - the text goes to a temporary file beside the target (same folder, so same file system), which
//   is flushed to disk and then renamed over the target: readers see the old file or the new one,
//   never a part; on an error, an interrupt (SIGINT, SIGTERM, SIGHUP) or an exit meanwhile the
//   temporary file is removed and the target is as it was;
// - a target that is one of the command's inputs (the estate, a rate card, an activity file; the
//   same file under another name or through a link too) is refused before anything is written;
// - a target that is not a regular file (/dev/null, a pipe) is written in place: it cannot be
//   replaced, and nothing is lost by writing it directly.
import { chmodSync, closeSync, fsyncSync, linkSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { writeFailure } from './streams.js';

/** A file the command reads, and what it is to the user ("the estate", "a rate card"). */
export interface ReadFile {
  path: string;
  role: string;
}

const sameFile = (a: Stats, b: Stats) => a.dev === b.dev && a.ino === b.ino;

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** Why `target` must not be written (it is a folder, or one of the inputs), or undefined. */
export function refuseTarget(target: string, inputs: readonly ReadFile[]): string | undefined {
  const stat = statOrUndefined(target);
  if (stat === undefined) return undefined;
  if (stat.isDirectory()) return `${target} is a directory`;
  for (const input of inputs) {
    const other = statOrUndefined(input.path);
    if (other && sameFile(stat, other)) {
      return `${target} is ${input.role} this command reads${input.path === target ? '' : ` (${input.path})`}; write the output to another file`;
    }
  }
  return undefined;
}

/** `message`: the whole sentence ("cannot write out.json: ..."); `reason`: the part after the file. */
export type WriteResult = { ok: true } | { ok: false; message: string; reason: string };

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Time between two yields to the event loop while writing, so that an interrupt is handled. */
const YIELD_MS = 50;

/**
 * Writes the chunks to `target` atomically (see the head of this file). With `noClobber`, an
 * existing target is left alone and reported, checked at the moment of the rename (no race).
 * An exception thrown by the chunks themselves (a bug) removes the temporary file and is rethrown.
 */
export async function writeOutputFile(target: string, chunks: Iterable<Uint8Array | string>, options: { noClobber?: boolean } = {}): Promise<WriteResult> {
  const failed = (reason: string): WriteResult => ({ ok: false, message: `cannot write ${target}: ${reason}`, reason });
  const cannot = (err: unknown): WriteResult => failed(describe(err));
  const existing = statOrUndefined(target);
  if (existing?.isDirectory()) return failed('it is a directory');
  if (existing && options.noClobber) return { ok: false, message: `${target} already exists`, reason: 'it already exists' };
  if (existing && !existing.isFile()) return writeInPlace(target, chunks, cannot);

  // Through a symbolic link, the file it points to is replaced (the link stays).
  let real = target;
  try {
    if (existing) real = realpathSync(target);
  } catch (err) {
    return cannot(err);
  }
  const temporary = join(dirname(real), `.${basename(real)}.${process.pid}-${Math.random().toString(36).slice(2, 8)}.tmp`);
  let fd = -1;
  let done = false;
  const close = () => {
    if (fd < 0) return;
    const open = fd;
    fd = -1;
    closeSync(open);
  };
  const cleanUp = () => {
    if (done) return;
    done = true;
    try {
      close();
    } catch {
      // nothing more to do
    }
    try {
      unlinkSync(temporary);
    } catch {
      // not made yet, or gone already
    }
  };
  // An interrupt removes the temporary file, then ends the process as the signal would have. The
  // handlers are in place before the file is made: a signal in between cannot leave it behind.
  const onSignal = (signal: NodeJS.Signals) => {
    cleanUp();
    for (const s of SIGNALS) process.removeAllListeners(s);
    process.kill(process.pid, signal);
  };
  for (const s of SIGNALS) process.on(s, onSignal);
  // A process.exit() meanwhile (a closed pipe on standard error) removes it too.
  process.on('exit', cleanUp);
  const unhook = () => {
    for (const s of SIGNALS) process.removeListener(s, onSignal);
    process.removeListener('exit', cleanUp);
  };
  try {
    fd = openSync(temporary, 'wx', existing ? existing.mode & 0o7777 : 0o666);
  } catch (err) {
    unhook();
    return cannot(err);
  }
  try {
    let since = Date.now();
    for (const chunk of chunks) {
      try {
        writeAll(fd, chunk);
      } catch (err) {
        return cannot(err);
      }
      if (Date.now() - since > YIELD_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        since = Date.now();
      }
    }
    try {
      if (existing) chmodSync(temporary, existing.mode & 0o7777);
      fsyncSync(fd);
      close();
      if (options.noClobber) {
        // link() fails if the target appeared meanwhile: an existing file is never replaced.
        linkSync(temporary, real);
        unlinkSync(temporary);
      } else renameSync(temporary, real);
      done = true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') return { ok: false, message: `${target} already exists`, reason: 'it already exists' };
      return cannot(err);
    }
    return { ok: true };
  } finally {
    cleanUp();
    unhook();
  }
}

function writeAll(fd: number, chunk: Uint8Array | string): void {
  const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
  let at = 0;
  while (at < bytes.length) at += writeSync(fd, bytes, at, bytes.length - at);
}

async function writeInPlace(target: string, chunks: Iterable<Uint8Array | string>, cannot: (err: unknown) => WriteResult): Promise<WriteResult> {
  let fd: number;
  try {
    fd = openSync(target, 'w');
  } catch (err) {
    return cannot(err);
  }
  try {
    for (const chunk of chunks) {
      try {
        writeAll(fd, chunk);
      } catch (err) {
        return cannot(err);
      }
    }
  } finally {
    try {
      closeSync(fd);
    } catch {
      // nothing more to do
    }
  }
  return { ok: true };
}

function describe(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'its folder does not exist';
  if (code === 'ENOTDIR') return 'a part of the path is not a folder';
  if (code === 'EISDIR') return 'it is a directory';
  return writeFailure(err);
}
