// `dtcost explain`: each line item with the estate inputs behind it, each with the line it is on.
import { isDecimal } from '../core/decimal.js';
import type { ParsedDocument } from '../input/source.js';
import type { PathSegment } from '../input/path.js';
import type { LineItem } from '../pricing/price.js';

export interface Input {
  key: string;
  value: string;
  line: number;
}

export interface Explanation {
  item: LineItem;
  /** The entry's line in its file. */
  line: number;
  inputs: Input[];
}

export function parseItemPath(path: string): PathSegment[] {
  const out: PathSegment[] = [];
  for (const m of path.matchAll(/([A-Za-z_$][\w$-]*)|\[(\d+)\]/g)) out.push(m[1] !== undefined ? m[1] : Number(m[2]));
  return out;
}

function show(value: unknown): string {
  if (isDecimal(value)) return value.toString();
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string')) return `[${value.join(', ')}]`;
    return `${value.length} ${value.length === 1 ? 'entry' : 'entries'}`;
  }
  if (value && typeof value === 'object') return `{${Object.keys(value).join(', ')}}`;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The inputs of the entry at `path`: its keys as written, each with its line. */
function inputsAt(document: ParsedDocument, path: PathSegment[]): Input[] {
  let value: unknown = document.data;
  for (const seg of path) value = value && typeof value === 'object' ? (value as Record<PathSegment, unknown>)[seg] : undefined;
  if (!value || typeof value !== 'object') return [];
  if (Array.isArray(value)) return [{ key: '(section)', value: show(value), line: document.locate(path).line }];
  return Object.entries(value as Record<string, unknown>).map(([key, v]) => ({ key, value: show(v), line: document.locate([...path, key], { key: true }).line }));
}

/** The items, each with the inputs behind it, as written in `document`; made as they are read. */
export function* explain(document: ParsedDocument, items: readonly LineItem[]): Generator<Explanation> {
  const paths = items.map((item) => parseItemPath(item.path));
  // The entries and their keys are all that is located: one pass over a large file finds them.
  document.prepare?.(paths);
  for (let n = 0; n < items.length; n++) yield { item: items[n]!, line: document.locate(paths[n]!).line, inputs: inputsAt(document, paths[n]!) };
}
