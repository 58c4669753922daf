// --merge-into: the imported entries spliced into an existing YAML estate as text, after the last
// entry of each section (or in a new section at the end). The existing file's bytes, comments
// included, stay as they are; names already used there are not reused (a suffix -2, -3...).
import YAML from 'yaml';
import type { Diagnostic } from '../input/diagnostics.js';
import { loadText } from '../input/load.js';
import { estateSchema } from '../input/schema.js';
import { IMPORT_SECTIONS, type ImportResult, type ImportSection } from './model.js';
import { assignNames, commentLines, itemsText, noteText } from './write.js';

export type Merged = { ok: true; text: string; renamed: string[] } | { ok: false; diagnostics: Diagnostic[] };

const columnOf = (text: string, offset: number) => offset - (text.lastIndexOf('\n', offset - 1) + 1);
const lineEnd = (text: string, offset: number) => {
  const i = text.indexOf('\n', offset);
  return i < 0 ? text.length : i + 1;
};

export function mergeInto(existing: string, file: string, dir: string, result: ImportResult, command: string): Merged {
  const loaded = loadText({ file, dir, text: existing }, estateSchema, 'an estate');
  if (!loaded.ok) return { ok: false, diagnostics: loaded.diagnostics };
  const doc = YAML.parseDocument(existing, { keepSourceTokens: false });
  const root = doc.contents;
  const refuse = (message: string): Merged => ({ ok: false, diagnostics: [{ file, message }] });
  if (!YAML.isMap(root) || root.flow) return refuse('--merge-into writes into a YAML estate in block style (keys on their own lines); this one is JSON or a flow mapping: import into a new file and merge by hand');

  const taken = new Map<ImportSection, Set<string>>();
  for (const section of IMPORT_SECTIONS) taken.set(section, new Set(loaded.data[section].map((e) => e.name)));
  const named = assignNames(result.entries, taken);
  const crlf = existing.includes('\r\n');
  const header = [...commentLines(`Imported by: ${command}`, ''), ...result.notes.flatMap((n) => commentLines(noteText(n), ''))];

  // Edits as [offset, remove, insert], applied from the end so that earlier offsets stay right.
  const edits: [number, number, string][] = [];
  let appended = '';
  for (const section of IMPORT_SECTIONS) {
    const items = named.filter((n) => n.entry.section === section);
    if (items.length === 0) continue;
    const pair = root.items.find((p) => YAML.isScalar(p.key) && p.key.value === section);
    const heading = (indent: string) => header.map((l) => `${indent}${l}\n`).join('');
    if (!pair) {
      appended += `\n${section}:\n${heading('  ')}${itemsText(items, '  ')}`;
      continue;
    }
    const value = pair.value;
    const keyRange = YAML.isNode(pair.key) ? pair.key.range : undefined;
    if (!keyRange) return refuse(`cannot find where ${section} is written`);
    const keyIndent = ' '.repeat(columnOf(existing, keyRange[0]) + 2);
    if (value === null || (YAML.isScalar(value) && value.value === null)) {
      edits.push([lineEnd(existing, keyRange[1]), 0, `${heading(keyIndent)}${itemsText(items, keyIndent)}`]);
    } else if (YAML.isSeq(value) && value.flow && value.items.length === 0 && value.range) {
      edits.push([value.range[0], value.range[1] - value.range[0], '']);
      edits.push([lineEnd(existing, value.range[1]), 0, `${heading(keyIndent)}${itemsText(items, keyIndent)}`]);
    } else if (YAML.isSeq(value) && !value.flow && value.range) {
      const indent = ' '.repeat(columnOf(existing, value.range[0]));
      const at = existing[value.range[1] - 1] === '\n' ? value.range[1] : lineEnd(existing, value.range[1]);
      const before = at === existing.length && !existing.endsWith('\n') ? '\n' : '';
      edits.push([at, 0, `${before}${heading(indent)}${itemsText(items, indent)}`]);
    } else {
      return refuse(`${section} is written as a flow list ([...]) or is not a list: write it as a block list (one "- name: ..." per line) to merge into it`);
    }
  }
  let text = existing;
  for (const [offset, remove, insert] of edits.sort((a, b) => b[0] - a[0])) text = text.slice(0, offset) + insert + text.slice(offset + remove);
  if (appended !== '') text = `${text}${text.endsWith('\n') || text === '' ? '' : '\n'}${appended}`;
  if (crlf) text = text.replace(/\r?\n/g, '\r\n');
  return { ok: true, text, renamed: named.filter((n) => n.renamedFrom !== undefined).map((n) => `${n.entry.section}: "${n.renamedFrom}" is taken in ${file}; imported as "${n.name}"`) };
}
