// Input files (estates, rate cards) from bytes to validated data: decode, parse as JSON or YAML,
// validate with a zod schema, and turn every problem into a located Diagnostic. All problems of a
// file are collected; nothing is estimated from a file that has any.
import { fstatSync, readFileSync, readSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { isDecimal } from '../core/decimal.js';
import { groupThousands } from '../core/format.js';
import { issuesToDiagnostics, MAX_LOCATED, sortDiagnostics, type Diagnostic } from './diagnostics.js';
import { checkLimits } from './limits.js';
import { heapBefore, OutOfHeap, tooLargeForHeap, validationWontFit } from './memory.js';
import { ENTRY_SCHEMAS, estateSchema, isEntry, type EstateData } from './schema.js';
import { SECTIONS, type Section } from './sections.js';
import { validateStreamed } from './stream.js';
import { parseJson } from './parse-json.js';
import { parseYaml } from './parse-yaml.js';
import { parseYamlFast } from './parse-yaml-fast.js';
import type { ParsedDocument, ParseResult } from './source.js';

export type Loaded<T> = { ok: true; data: T; document: ParsedDocument; file: string; dir: string } | { ok: false; diagnostics: Diagnostic[] };

export interface InputText {
  /** The name shown in messages: the path as given, or `<stdin>`. */
  file: string;
  /** Folder that relative paths inside the file are resolved against. */
  dir: string;
  text: string;
}

/**
 * Estate and rate-card files larger than this are refused before they are read (100,000 entries
 * are 12-20 MB, 1,000,000 are 120-200 MB); what the heap cannot hold below it is refused as it
 * fills (src/input/memory.ts).
 */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;
/** Standard input is gathered in memory before it is decoded: it is held to less. */
export const MAX_STDIN_BYTES = 64 * 1024 * 1024;
const tooLarge = (bytes: number, limit = MAX_INPUT_BYTES) => `the file is ${(bytes / 1024 / 1024).toFixed(1)} MiB; dtcost reads estates and rate cards of up to ${limit / 1024 / 1024} MiB`;

/** Files from this size on are validated by zod's compiled object parsers (loadText). */
const JIT_FROM_CHARS = 64 * 1024;

const fail = (file: string, message: string): { ok: false; diagnostics: Diagnostic[] } => ({ ok: false, diagnostics: [{ file, message }] });

/** Bytes to text: UTF-8 only, without a BOM; UTF-16 and binary files are refused by name. */
export function decode(bytes: Uint8Array, file: string): { ok: true; text: string } | { ok: false; diagnostics: Diagnostic[] } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return fail(file, 'the file is UTF-16 text; save it as UTF-8');
  }
  if (bytes.includes(0)) return fail(file, 'the file is not text (it holds NUL bytes)');
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { ok: true, text };
  } catch {
    return fail(file, 'the file is not valid UTF-8 text');
  }
}

/** Standard input's bytes, or why they cannot be read. */
export type StdinBytes = { ok: true; bytes: Uint8Array } | { ok: false; message: string };

/** Why a file or standard input cannot be read, in words. */
function readFailure(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOTDIR') return 'a part of the path is not a folder';
  if (code === 'EISDIR') return 'is a directory, not a file';
  if (code === 'EIO') return 'an input/output error (EIO)';
  return code ?? String((err as Error)?.message ?? err);
}

/** Sleeps without using the CPU (the main thread may wait on an atomic). */
function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Standard input (or another descriptor), read to its end and no further than one byte past
 * `limit`. A directory is refused before it is read; a non-blocking descriptor with nothing to
 * read yet is waited on with sleeps (1 ms, doubling to 50 ms), never a busy loop.
 */
export function readStandardInput(limit: number, fd = 0): StdinBytes {
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { ok: false, message: 'standard input is a directory, not a file' };
    if (stat.isFile() && stat.size > limit) return { ok: false, message: tooLarge(stat.size, limit) };
  } catch (err) {
    return { ok: false, message: `cannot read standard input: ${readFailure(err)}` };
  }
  const chunks: Buffer[] = [];
  let total = 0;
  const chunk = Buffer.alloc(1 << 20);
  let wait = 1;
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, chunk, 0, chunk.length, null);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN' || code === 'EWOULDBLOCK') {
        sleep(wait);
        wait = Math.min(wait * 2, 50);
        continue;
      }
      if (code === 'EOF') break;
      return { ok: false, message: `cannot read standard input: ${readFailure(err)}` };
    }
    wait = 1;
    if (n === 0) break;
    chunks.push(Buffer.from(chunk.subarray(0, n)));
    total += n;
    if (total > limit) return { ok: false, message: `standard input is larger than ${limit / 1024 / 1024} MiB, the most dtcost reads for an estate or a rate card` };
  }
  return { ok: true, bytes: Buffer.concat(chunks) };
}

/** Reads a file (or standard input for `-`) as an InputText, or says why it cannot. */
export function readInput(
  path: string,
  readStdin: () => StdinBytes,
  shownAs: string = path,
): { ok: true; input: InputText } | { ok: false; diagnostics: Diagnostic[] } {
  if (path === '-') {
    const read = readStdin();
    if (!read.ok) return fail('<stdin>', read.message);
    const decoded = decode(read.bytes, '<stdin>');
    return decoded.ok ? { ok: true, input: { file: '<stdin>', dir: process.cwd(), text: decoded.text } } : decoded;
  }
  let bytes: Uint8Array;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) return fail(shownAs, 'is a directory, not a file');
    // A device or a pipe could be read forever: only regular files are estates.
    if (!stat.isFile()) return fail(shownAs, 'is not a regular file');
    if (stat.size > MAX_INPUT_BYTES) return fail(shownAs, tooLarge(stat.size));
    bytes = readFileSync(path);
  } catch (err) {
    return fail(shownAs, `cannot read the file: ${readFailure(err)}`);
  }
  const decoded = decode(bytes, shownAs);
  return decoded.ok ? { ok: true, input: { file: shownAs, dir: dirname(resolve(path)), text: decoded.text } } : decoded;
}

function looksLikeJson(file: string, text: string): boolean {
  if (/\.json$/i.test(file)) return true;
  return /^\s*[{[]/.test(text) && !/\.ya?ml$/i.test(file);
}

/** JSON when the name or the first character says so (falling back to YAML, its superset), else YAML. */
export function parseText(file: string, text: string): ParseResult {
  if (looksLikeJson(file, text)) {
    const json = parseJson(text);
    if (json.ok || /\.json$/i.test(file)) return json;
  }
  // The common block style of estates parses on the fast path; anything else goes to the yaml package.
  const fast = parseYamlFast(text);
  return fast ? { ok: true, document: fast } : parseYaml(text);
}

/**
 * Estates from this size on are validated entry by entry as they are parsed (src/input/stream.ts):
 * the parsed and the validated entries never both live whole. Smaller ones, and any estate with a
 * problem, are validated whole by loadText (the same data; the one path that words problems).
 */
export const STREAM_FROM_CHARS = JIT_FROM_CHARS;

/** An estate from its text: streamed from `streamFrom` characters on (tests lower it), else whole. */
export function loadEstateText(input: InputText, what: string, streamFrom = STREAM_FROM_CHARS): Loaded<EstateData> {
  if (input.text.length >= streamFrom) {
    const before = heapBefore(input.text.length);
    try {
      // The parser parseText would choose: JSON when the name or the first character says so, and
      // then, for text that is not JSON and not named .json, YAML (JSON-like YAML: keys unquoted).
      let notJson = false;
      const streamed =
        validateStreamed((sink) => {
          if (looksLikeJson(input.file, input.text)) {
            const json = parseJson(input.text, sink);
            notJson = !json.ok && !/\.json$/i.test(input.file);
            return json.ok ? json.document : undefined;
          }
          return parseYamlFast(input.text, sink);
        }) ?? (notJson ? validateStreamed((sink) => parseYamlFast(input.text, sink)) : undefined);
      if (streamed) {
        // The rules and the output need about as much again as the estate holds (a rule may gather
        // its hosts before its first item): an estate that leaves less is refused now, with exit 2,
        // rather than by V8 later, with SIGABRT, between two of the heap's checks.
        if (validationWontFit(before) !== undefined) return fail(input.file, tooLargeForHeap(input.text.length));
        return { ok: true, data: streamed.data, document: released(streamed.document, input), file: input.file, dir: input.dir };
      }
    } catch (err) {
      // The heap filled up while the entries were read: refused with the sizes (exit 2), never a SIGABRT.
      if (err instanceof OutOfHeap) return fail(input.file, tooLargeForHeap(input.text.length));
      throw err;
    }
  }
  return loadText(input, estateSchema, what);
}

export function loadText<S extends z.ZodType>(input: InputText, schema: S, what: string): Loaded<z.output<S>> {
  // The heap is watched (src/input/memory.ts): an estate too large for it is refused, never a SIGABRT.
  const before = heapBefore(input.text.length);
  const parsed = parseText(input.file, input.text);
  if (!parsed.ok) {
    return { ok: false, diagnostics: parsed.problems.map((p) => ({ file: input.file, position: p.position, message: p.message })) };
  }
  const { document } = parsed;
  if (document.data === null || document.data === undefined) {
    return fail(input.file, `the file is empty: expected ${what}`);
  }
  const over = checkLimits(document.data, document, input.file);
  if (over.length > 0) return { ok: false, diagnostics: sortDiagnostics(over) };
  const needed = validationWontFit(before);
  if (needed !== undefined) return fail(input.file, tooLargeForHeap(input.text.length, needed));
  // zod compiles each object schema into a function (new Function, which no code cache keeps) on
  // its first parse: ~3 ms an object, repaid only over many entries. A small file is checked without.
  // An estate whose entries have more problems than are located is validated without the entries
  // past them, whose problems are only counted: zod would hold every one of them at once.
  const jitless = input.text.length < JIT_FROM_CHARS;
  const bounded = (schema as z.ZodType) === estateSchema ? leaveOutEntries(document.data, jitless) : undefined;
  const result = schema.safeParse(bounded?.data ?? document.data, { reportInput: true, jitless });
  if (!result.success) {
    const diagnostics = issuesToDiagnostics(result.error.issues, document, input.file, schema);
    const more = diagnostics.at(-1);
    if (bounded !== undefined && more?.more !== undefined) {
      more.more += bounded.leftOut;
      more.message = more.message.replace(/^[\d,]+/, groupThousands(String(more.more)));
    }
    return { ok: false, diagnostics };
  }
  return { ok: true, data: result.data, document: released(document, input), file: input.file, dir: input.dir };
}

/** Entries validated at once while their problems are counted (src/input/load.ts leaveOutEntries). */
const LEAVE_OUT_CHUNK = 1024;

/** An estate section's list in parsed data, when it is one. */
function listAt(data: Record<string, unknown>, section: Section): unknown[] | undefined {
  const [key, sub] = section.split('.') as [string, string | undefined];
  const holder = sub === undefined ? data : Object.hasOwn(data, key) ? data[key] : undefined;
  const at = sub ?? key;
  const list = isEntry(holder) && Object.hasOwn(holder, at) ? holder[at] : undefined;
  return Array.isArray(list) ? list : undefined;
}

/**
 * zod holds every problem of a validation until its end (~1 KB each: a path, the input, a message),
 * and a few megabytes of entries can have millions (`hosts: [1, 1, ...]` has two for each two
 * characters): no heap holds them (V8 aborted, SIGABRT), and only the first MAX_LOCATED are located.
 * So the entries of a parsed estate are validated first, a chunk at a time, their problems counted
 * and then garbage; when they pass MAX_LOCATED, the estate to validate whole is a copy without the
 * entries after the one where they did, and `leftOut` is how many problems those entries have.
 * zod finds problems in the order of the sections and of their entries, so the problems it then
 * locates are those it would have located with every entry; the duplicate names and unknown
 * references of the entries left out are not counted. Undefined when no entry is left out.
 */
function leaveOutEntries(data: unknown, jitless: boolean): { data: Record<string, unknown>; leftOut: number } | undefined {
  if (!isEntry(data)) return undefined;
  // An entry has at most a problem for each of its keys and a few more (lists inside it aside):
  // a few hundred entries are validated whole at once, without counting them first.
  let entries = 0;
  for (const section of SECTIONS) entries += listAt(data, section)?.length ?? 0;
  if (entries * 20 <= MAX_LOCATED) return undefined;
  let problems = 0;
  let leftOut = 0;
  let cut: { section: Section; index: number } | undefined;
  // A message of its own for every problem: zod's would be built for each (a Decimal has 110 "keys").
  const params = { error: () => '', jitless };
  for (const section of SECTIONS) {
    const list = listAt(data, section);
    if (list === undefined) continue;
    // A chunk of entries at a time: each failed safeParse makes a ZodError, which took most of the time.
    const schema = z.array(ENTRY_SCHEMAS[section]() as z.ZodType);
    /** An entry that is not a mapping has as many problems as any other of its kind (a number, a text, a list...). */
    const byKind = new Map<string, number>();
    for (let start = 0; start < list.length; start += LEAVE_OUT_CHUNK) {
      const end = Math.min(list.length, start + LEAVE_OUT_CHUNK);
      const found = new Array<number>(end - start).fill(0);
      const mappings: unknown[] = [];
      const at: number[] = [];
      for (let i = start; i < end; i++) {
        const entry = list[i];
        const kind = isDecimal(entry) ? 'number' : Array.isArray(entry) ? 'list' : entry === null ? 'null' : typeof entry;
        if (kind === 'object') {
          mappings.push(entry);
          at.push(i - start);
          continue;
        }
        let n = byKind.get(kind);
        if (n === undefined) {
          const result = schema.safeParse([entry], params);
          byKind.set(kind, (n = result.success ? 0 : result.error.issues.length));
        }
        found[i - start] = n;
      }
      const result = mappings.length > 0 ? schema.safeParse(mappings, params) : undefined;
      // The first segment of a problem's path is the index of its entry among the mappings.
      if (result?.success === false) for (const issue of result.error.issues) found[at[issue.path[0] as number]!]!++;
      // In the order zod finds them: an entry's problems after the previous entry's.
      for (let i = start; i < end; i++) {
        const n = found[i - start]!;
        if (n === 0) continue;
        if (cut !== undefined) leftOut += n;
        else if ((problems += n) > MAX_LOCATED) cut = { section, index: i };
      }
    }
  }
  if (cut === undefined) return undefined;
  const copy: Record<string, unknown> = { ...data };
  if (isEntry(copy.synthetic)) copy.synthetic = { ...copy.synthetic };
  let past = false;
  for (const section of SECTIONS) {
    const list = listAt(copy, section);
    if (list === undefined) continue;
    const kept = past ? [] : section === cut.section ? list.slice(0, cut.index + 1) : list;
    if (section === cut.section) past = true;
    const [key, sub] = section.split('.') as [string, string | undefined];
    if (sub === undefined) copy[key] = kept;
    else (copy[key] as Record<string, unknown>)[sub] = kept;
  }
  return { data: copy, leftOut };
}

/**
 * The document without its parsed data, which only `explain` reads again (the values as written):
 * parsed again if asked for, so that a large estate does not keep two trees of its entries in
 * memory (the parsed one and the validated one) while it is estimated.
 */
function released(document: ParsedDocument, input: InputText): ParsedDocument {
  let data: unknown;
  let parsed = false;
  return {
    locate: document.locate,
    ...(document.prepare ? { prepare: document.prepare } : {}),
    get data() {
      if (!parsed) {
        const again = parseText(input.file, input.text);
        data = again.ok ? again.document.data : undefined;
        parsed = true;
      }
      return data;
    },
  };
}
