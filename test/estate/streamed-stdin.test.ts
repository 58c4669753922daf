// Issue 17: text on standard input (no name to go by) that starts like JSON is tried as JSON, and
// when it is not JSON, as YAML, as parseText reads it: JSON-like YAML (keys unquoted) on standard
// input is validated entry by entry too, not left to the whole-file path.
import { describe, expect, it, vi } from 'vitest';
import { loadEstateText, loadText, STREAM_FROM_CHARS } from '../../src/input/load.js';
import { estateSchema } from '../../src/input/schema.js';
import { ROOT } from '../helpers.js';

const { streamedLoads } = vi.hoisted(() => ({ streamedLoads: [] as boolean[] }));
vi.mock('../../src/input/stream.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/input/stream.js')>();
  return {
    ...original,
    validateStreamed: (...args: Parameters<typeof original.validateStreamed>) => {
      const r = original.validateStreamed(...args);
      streamedLoads.push(r !== undefined);
      return r;
    },
  };
});

const monitors = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `http-${i}`, requests: 2, frequencyMinutes: 5, locations: 3 }));
/** JSON-like YAML: the estate as JSON with its keys unquoted, an entry a line. */
const flow = (n: number) => `{ version: 1,\n  synthetic: { http: [\n${monitors(n).map((m) => `    ${JSON.stringify(m).replace(/"(\w+)":/g, '$1: ')}`).join(',\n')}\n  ] }\n}\n`;

describe('standard input that starts like JSON', () => {
  it('JSON-like YAML is validated as it is read (after the JSON parser gives up), to the data of the whole-file path', () => {
    const text = flow(2_000);
    expect(text.length).toBeGreaterThan(STREAM_FROM_CHARS);
    streamedLoads.length = 0;
    const r = loadEstateText({ file: '<stdin>', dir: ROOT, text }, 'an estate');
    expect(streamedLoads).toEqual([false, true]);
    const whole = loadText({ file: '<stdin>', dir: ROOT, text }, estateSchema, 'an estate');
    expect(r.ok && whole.ok).toBe(true);
    if (r.ok && whole.ok) expect(r.data).toEqual(whole.data);
  });

  it('JSON is read once, as JSON; a file named .json is never read as YAML', () => {
    const json = JSON.stringify({ version: 1, synthetic: { http: monitors(2_000) } });
    streamedLoads.length = 0;
    expect(loadEstateText({ file: '<stdin>', dir: ROOT, text: json }, 'an estate').ok).toBe(true);
    expect(streamedLoads).toEqual([true]);
    streamedLoads.length = 0;
    const r = loadEstateText({ file: 'estate.json', dir: ROOT, text: flow(2_000) }, 'an estate');
    expect(streamedLoads).toEqual([false]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics[0]!.message).toMatch(/^invalid JSON/);
  });

  it('an invalid JSON-like estate gets the problems of the whole-file path', () => {
    const text = flow(2_000).replace('requests: 2', 'requests: -2');
    const r = loadEstateText({ file: '<stdin>', dir: ROOT, text }, 'an estate');
    const whole = loadText({ file: '<stdin>', dir: ROOT, text }, estateSchema, 'an estate');
    expect(r.ok).toBe(false);
    expect(r).toEqual(whole);
  });
});
