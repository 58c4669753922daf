// Memory: a command whose estates would not fit in this Node.js heap is refused before it reads
// them, with the size that was too large (exit 2), instead of running until V8 aborts the process
// ("JavaScript heap out of memory", SIGABRT, no message of dtcost's, no exit code). README "Limits".
import { statSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';
import type { Diagnostic } from '../input/diagnostics.js';
import { oldGenerationLimit } from '../input/memory.js';
import { EXIT } from './exit.js';
import { standardErrorTerminal } from './streams.js';

/**
 * Bytes of heap a command needs for each byte of its estate files, beyond BASELINE, at most:
 * measured on generated estates of 20,000 entries (3.7 MB of JSON, 3.0 MB of block YAML) by the
 * smallest --max-old-space-size each ran in (estimate: 4.7 JSON, 7.1 YAML; validate 4.7, 5.7;
 * compare 5.8 JSON; explain 18.9, 23.2; diff 10.1, 12.5 of both files), with a quarter more as a
 * margin; plan, not measured, as compare with a third more. `diff` holds two estates, `explain`
 * every item's derivation. README "Limits".
 */
export const HEAP_PER_BYTE = { estimate: 9, validate: 7, compare: 9, plan: 12, explain: 29, diff: 16 } as const;
export type MemoryCommand = keyof typeof HEAP_PER_BYTE;

/** Files smaller than this in all are not checked (no heap is that small). */
const CHECKED_FROM_BYTES = 1 << 20;
const MiB = 1024 * 1024;
/** What a command needs with the smallest estate (the bundle's code, its modules): 10 MiB ran explain. */
const BASELINE = 10 * MiB;
/** Files larger than input/load.ts MAX_INPUT_BYTES are refused by their size as they are read. */
export const REFUSED_FROM_BYTES = 256 * MiB;

const mib = (bytes: number) => `${(bytes / MiB).toFixed(1)} MiB`;

export interface Heap {
  /** v8.getHeapStatistics().heap_size_limit: the old generation (--max-old-space-size) and the young. */
  limit: number;
}

/**
 * Why `command` cannot read `files` within the heap, or undefined when it can (or a file cannot be
 * read: the command says so itself). Standard input (`-`) is not counted: it is at most 64 MiB.
 */
export function memoryProblem(command: MemoryCommand, files: readonly string[], heap?: () => Heap): Diagnostic | undefined {
  const sizes: { file: string; bytes: number }[] = [];
  for (const file of files) {
    if (file === '-') continue;
    try {
      const stat = statSync(file);
      if (stat.isFile() && stat.size <= REFUSED_FROM_BYTES) sizes.push({ file, bytes: stat.size });
    } catch {
      // Reported by the command, with the others.
    }
  }
  const total = sizes.reduce((t, s) => t + s.bytes, 0);
  if (total < CHECKED_FROM_BYTES) return undefined;
  // The heap in use now is no measure: most of it may be garbage not yet collected.
  const { limit } = heap ? heap() : v8Heap();
  const oldGeneration = oldGenerationLimit(limit);
  const available = oldGeneration - BASELINE;
  const needed = total * HEAP_PER_BYTE[command];
  if (needed <= available) return undefined;
  const largest = sizes.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  const what = sizes.length > 1 ? `the estates are ${mib(total)} in all (this one ${mib(largest.bytes)})` : `the estate is ${mib(total)}`;
  return {
    file: largest.file,
    message:
      `${what}: too large for the memory of this Node.js process: dtcost ${command} needs about ${HEAP_PER_BYTE[command]} bytes of memory for each byte of an estate, ${mib(needed)}, ` +
      `and has ${mib(Math.max(0, available))} for them (a heap of ${mib(oldGeneration)}, --max-old-space-size, less ${mib(BASELINE)} for dtcost itself); give Node.js more (NODE_OPTIONS=--max-old-space-size=<MiB>) or split the estate`,
  };
}

function v8Heap(): Heap {
  const stats = getHeapStatistics();
  return { limit: stats.heap_size_limit };
}

/**
 * Runs `run` unless `files` are too large for `command` in this heap; then the error is written to
 * standard error and the exit code is 2 (invalid input: the size that was too large).
 */
export async function withinMemory(command: MemoryCommand, files: readonly string[], color: boolean, run: () => Promise<number>): Promise<number> {
  const problem = memoryProblem(command, files);
  if (!problem) return run();
  const [{ formatDiagnostics }, { styleFor, wantsColor }] = await Promise.all([import('./report.js'), import('./color.js')]);
  const text = formatDiagnostics([problem], await styleFor(wantsColor(standardErrorTerminal(), color)));
  process.stderr.write(command === 'validate' ? text.replace('nothing was estimated', 'the files above are invalid') : text);
  return EXIT.invalidInput;
}
