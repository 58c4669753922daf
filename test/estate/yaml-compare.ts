// The fast YAML path against the `yaml` package path, as dtcost's pipeline uses them: the fast path
// gives up, or both read the same data and place every value and key at the same line and column.
import { expect } from 'vitest';
import { isDecimal } from '../../src/core/decimal.js';
import { NonFiniteNumber, parseYaml } from '../../src/input/parse-yaml.js';
import { parseYamlFast } from '../../src/input/parse-yaml-fast.js';
import type { Path } from '../../src/input/path.js';
import type { ParsedDocument } from '../../src/input/source.js';

/** Data with numbers as tagged text, so both parsers' results compare exactly. */
export function plain(v: unknown): unknown {
  if (isDecimal(v)) return `decimal:${v.toString()}`;
  if (v instanceof NonFiniteNumber) return `nonfinite:${v.text}`;
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) Object.defineProperty(out, k, { value: plain(x), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return v;
}

/** Every path in `data` (aliases followed), with a missing key below each mapping: at most `max`. */
export function pathsOf(data: unknown, max = 3000): Path[] {
  const out: Path[] = [[]];
  const walk = (v: unknown, path: Path): void => {
    if (out.length >= max) return;
    if (Array.isArray(v)) {
      v.forEach((x, i) => {
        out.push([...path, i]);
        walk(x, [...path, i]);
      });
    } else if (v && typeof v === 'object' && !isDecimal(v) && !(v instanceof NonFiniteNumber)) {
      out.push([...path, '~missing~']);
      for (const [k, x] of Object.entries(v)) {
        out.push([...path, k]);
        walk(x, [...path, k]);
      }
    }
  };
  walk(data, []);
  return out.slice(0, max);
}

function positions(doc: ParsedDocument, paths: Path[]): string[] {
  return paths.map((p) => {
    const v = doc.locate(p);
    const k = doc.locate(p, { key: true });
    return `${JSON.stringify(p)} ${v.line}:${v.col} key ${k.line}:${k.col}`;
  });
}

/**
 * Whether the fast path read `text` ('fast') or gave up ('gave up'); fails the test when it read
 * something else than the `yaml` package path, or placed a value or key elsewhere.
 */
export function compareParsers(text: string, label = ''): 'fast' | 'gave up' {
  const fast = parseYamlFast(text);
  if (fast === undefined) return 'gave up';
  const slow = parseYaml(text);
  const context = { label, text };
  expect({ ...context, result: slow.ok ? 'ok' : slow.problems }).toEqual({ ...context, result: 'ok' });
  if (!slow.ok) return 'fast';
  expect({ ...context, data: plain(fast.data) }).toEqual({ ...context, data: plain(slow.document.data) });
  // An empty document is refused as such: nothing in it is ever located.
  if (slow.document.data === null) return 'fast';
  const paths = pathsOf(slow.document.data);
  const expected = positions(slow.document, paths);
  expect({ ...context, positions: positions(fast, paths) }).toEqual({ ...context, positions: expected });
  // Located after `prepare` (one pass for just these paths), as diagnostics are.
  const prepared = parseYamlFast(text)!;
  prepared.prepare?.(paths);
  expect({ ...context, prepared: positions(prepared, paths) }).toEqual({ ...context, prepared: expected });
  return 'fast';
}
