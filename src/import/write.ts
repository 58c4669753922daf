// Imported entries as the text of a commented YAML estate. Written as text (not through a YAML
// library's data model) so that every number keeps its exact decimal digits and every entry gets
// the comment naming its source rows right above it.
import { isDecimal } from '../core/decimal.js';
import { IMPORT_SECTIONS, type FieldValue, type ImportedEntry, type ImportResult, type ImportSection, type Note, type SourceRef } from './model.js';

/** Names are cut to this many characters (the estate has no limit; tables and reports need one). */
export const NAME_MAX = 80;
const WRAP = 100;
const LABELS_SHOWN = 10;

const PLAIN = /^[A-Za-z][A-Za-z0-9._/-]*$/;
const RESERVED = /^(?:true|false|null|yes|no|on|off|y|n|~)$/i;

/** A string as a YAML scalar: plain when that reads back as the same string, else double-quoted. */
export function yamlString(value: string): string {
  return PLAIN.test(value) && !RESERVED.test(value) ? value : JSON.stringify(value);
}

function scalar(value: FieldValue): string {
  if (isDecimal(value)) return value.isZero() ? '0' : value.toFixed();
  if (typeof value === 'string') return yamlString(value);
  return String(value);
}

/** Text safe inside a one-line comment: no line breaks or control characters. */
export function commentText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g, ' ');
}

/** A name as the estate can hold it: one line, trimmed, at most NAME_MAX characters. */
export function cleanName(name: string, fallback: string): string {
  const one = commentText(name).replace(/\s+/g, ' ').trim();
  const cut = [...one].slice(0, NAME_MAX).join('').trim();
  return cut === '' ? fallback : cut;
}

const SINGULAR: Record<ImportSection, string> = { hosts: 'host', containers: 'container', pods: 'pods', logs: 'logs' };

/** Gives each entry a valid name, unique in its section (a suffix -2, -3... where one is taken). */
export function assignNames(entries: ImportedEntry[], taken: Map<ImportSection, Set<string>> = new Map()): { entry: ImportedEntry; name: string; renamedFrom?: string }[] {
  return entries.map((entry) => {
    let used = taken.get(entry.section);
    if (!used) taken.set(entry.section, (used = new Set()));
    const base = cleanName(entry.name, SINGULAR[entry.section]);
    let name = base;
    for (let i = 2; used.has(name); i++) {
      const suffix = `-${i}`;
      name = `${[...base].slice(0, NAME_MAX - suffix.length).join('')}${suffix}`;
    }
    used.add(name);
    return name === base ? { entry, name } : { entry, name, renamedFrom: base };
  });
}

/** "2, 4-7, 9" for sorted line numbers; with `limit`, at most that many parts and "... and N more". */
export function ranges(numbers: readonly number[], limit = Infinity): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const parts: string[] = [];
  let i = 0;
  for (; i < sorted.length && parts.length < limit; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(i === j ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  const rest = sorted.length - i;
  return `${parts.join(', ')}${rest > 0 ? ` ... and ${rest.toLocaleString('en-US')} more` : ''}`;
}

/** Where an entry comes from, as comment phrases: one per file. */
export function describeSources(sources: readonly SourceRef[], limit = Infinity): string[] {
  const byFile = new Map<string, SourceRef[]>();
  for (const s of sources) {
    const list = byFile.get(s.file);
    if (list) list.push(s);
    else byFile.set(s.file, [s]);
  }
  const out: string[] = [];
  for (const [file, refs] of byFile) {
    const sheet = refs[0]!.where !== undefined && refs.every((r) => r.where === refs[0]!.where && r.line !== undefined && !(r.where ?? '').includes('['));
    let text: string;
    if (refs.every((r) => r.where === undefined && r.line !== undefined)) text = `${file} ${refs.length === 1 ? 'line' : 'lines'} ${ranges(refs.map((r) => r.line!), limit)}`;
    else if (sheet) text = `${file} ${refs[0]!.where} ${refs.length === 1 ? 'row' : 'rows'} ${ranges(refs.map((r) => r.line!), limit)}`;
    else {
      const shown = refs.slice(0, limit).map((r) => (r.line !== undefined ? `${r.where ?? ''}${r.where ? ' ' : ''}(line ${r.line})` : (r.where ?? '')));
      text = `${file} ${shown.join(', ')}${refs.length > shown.length ? ` ... and ${(refs.length - shown.length).toLocaleString('en-US')} more` : ''}`;
    }
    const labels = refs.map((r) => r.label).filter((l): l is string => l !== undefined && l !== '');
    if (labels.length > 0) {
      const n = Math.min(LABELS_SHOWN, limit);
      const shown = labels.slice(0, n).join(', ');
      text += `: ${shown}${labels.length > n ? ` and ${(labels.length - n).toLocaleString('en-US')} more` : ''}`;
    }
    out.push(text);
  }
  return out;
}

/** A note as text: with all its rows (the estate), or the first `limit` ranges of them (standard error). */
export function noteText(note: Note, limit = Infinity): string {
  return typeof note === 'string' ? note : `${note.text}: ${describeSources(note.rows, limit).join('; ')}.`;
}

/** Comment lines of at most WRAP columns (a longer word stays whole), each starting with `indent# `. */
export function commentLines(text: string, indent: string, continuation = '  '): string[] {
  const words = commentText(text).split(' ').filter((w) => w !== '');
  const lines: string[] = [];
  let line = `${indent}#`;
  let first = true;
  for (const word of words) {
    if (line.length + 1 + word.length > WRAP && line.trim() !== '#') {
      lines.push(line);
      line = `${indent}#${continuation}`;
      first = false;
    }
    line += ` ${word}`;
  }
  if (line.trim() !== '#' || first) lines.push(line);
  return lines;
}

/** The list items of `entries`, at `indent` (the column of their `-`), with their comments. */
export function itemsText(named: readonly { entry: ImportedEntry; name: string }[], indent: string): string {
  const out: string[] = [];
  for (const { entry, name } of named) {
    for (const source of describeSources(entry.sources)) out.push(...commentLines(`from ${source}`, indent));
    for (const note of entry.notes ?? []) out.push(...commentLines(note, indent));
    out.push(`${indent}- name: ${yamlString(name)}`);
    for (const [key, value] of entry.fields) out.push(`${indent}  ${key}: ${scalar(value)}`);
  }
  return out.length > 0 ? `${out.join('\n')}\n` : '';
}

/** The whole estate: a header comment (command, notes), version, name and the sections. */
export function estateText(result: ImportResult, command: string): { text: string; renamed: string[] } {
  const named = assignNames(result.entries);
  const lines: string[] = [...commentLines(`Imported by: ${command}`, ''), ...result.notes.flatMap((n) => commentLines(noteText(n), ''))];
  lines.push('# Check the entries (hoursPerDay, mode, counts) before estimating: dtcost estimate <this file>');
  let text = `${lines.join('\n')}\nversion: 1\nname: ${yamlString(cleanName(result.title, 'imported estate'))}\n`;
  for (const section of IMPORT_SECTIONS) {
    const items = named.filter((n) => n.entry.section === section);
    if (items.length === 0) continue;
    text += `\n${section}:\n${itemsText(items, '  ')}`;
  }
  return { text, renamed: named.filter((n) => n.renamedFrom !== undefined).map((n) => `${n.entry.section}: "${n.renamedFrom}" written as "${n.name}"`) };
}
