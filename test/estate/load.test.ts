// Loading estates: exact numbers, located errors with expected vs found, did-you-mean, and inputs
// that must be refused cleanly.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/input/diagnostics.js';
import { decode, loadText } from '../../src/input/load.js';
import { estateSchema } from '../../src/input/schema.js';
import { ROOT } from '../helpers.js';

function problems(text: string, file = 'e.yaml'): string[] {
  const r = loadText({ file, dir: ROOT, text }, estateSchema, 'an estate');
  if (r.ok) throw new Error('expected problems');
  return r.diagnostics.map((d: Diagnostic) => `${d.position ? `${d.position.line}:${d.position.col} ` : ''}${d.path ? `${d.path}: ` : ''}${d.message}${d.hint ? ` (${d.hint})` : ''}`);
}

function fixture(name: string): string[] {
  return problems(readFileSync(join(ROOT, 'test/fixtures/invalid', name), 'utf8'), name);
}

function data(text: string, file = 'e.yaml') {
  const r = loadText({ file, dir: ROOT, text }, estateSchema, 'an estate');
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  return r.data;
}

describe('numbers stay exact', () => {
  it('YAML decimals keep every digit', () => {
    const d = data('version: 1\napplications: [{ name: a, visitsPerMonth: 1000000.000000000000000000001, bounceRate: 0.1 }]');
    expect(d.applications[0]!.visitsPerMonth.toFixed()).toBe('1000000.000000000000000000001');
    expect(d.applications[0]!.bounceRate.toFixed()).toBe('0.1');
  });

  it('JSON decimals keep every digit, and numeric strings are numbers', () => {
    const d = data(readFileSync(join(ROOT, 'test/fixtures/valid/monitors.json'), 'utf8'), 'monitors.json');
    expect(d.applications[0]!.visitsPerMonth.toFixed()).toBe('1000000.000000000000000000001');
    expect(d.synthetic.http[0]!.requests.toFixed()).toBe('2');
  });

  it('YAML hexadecimal and exponent forms are read exactly; -0 is 0', () => {
    const d = data('version: 1\napplications: [{ name: a, visitsPerMonth: 0x10, bounceRate: -0 }, { name: b, visitsPerMonth: 1.5e3 }]');
    expect(d.applications.map((a) => a.visitsPerMonth.toFixed())).toEqual(['16', '1500']);
    expect(d.applications[0]!.bounceRate.isNegative()).toBe(false);
  });
});

describe('errors name the place, the expectation and what was found', () => {
  it('invalid YAML, with its line and column', () => {
    expect(fixture('bad-yaml.yaml')).toEqual([expect.stringMatching(/^5:1 invalid YAML: /)]);
  });

  it('invalid JSON, with its line and column', () => {
    expect(fixture('bad-json.json')).toEqual(['4:46 invalid JSON: expected a key in double quotes, found "}"']);
  });

  it('unknown keys, with did-you-mean', () => {
    expect(fixture('unknown-keys.yaml')).toEqual([
      '2:1 aplications: unknown key "aplications" (did you mean "applications"?)',
      '8:7 synthetic.browser[0].billableStep: unknown key "billableStep" (did you mean "billableSteps"?)',
      '11:3 synthetic.htp: unknown key "htp" (did you mean "http"?)',
    ]);
  });

  it('negative numbers', () => {
    expect(fixture('negative-number.yaml')).toEqual([
      '4:21 applications[0].visitsPerMonth: expected a number ≥ 0, found -5',
      '7:49 synthetic.http[0].frequencyMinutes: expected a number > 0, found -1',
      '7:64 synthetic.http[0].locations: expected a whole number ≥ 1, or a list, found 0',
    ]);
  });

  it('rates above 1', () => {
    expect(fixture('rate-above-one.yaml')).toEqual([
      '5:17 applications[0].bounceRate: expected a number from 0 to 1, found 1.5',
      '6:17 applications[0].replayRate: expected a number from 0 to 1, found 2',
      '7:23 applications[0].propertyPresence: expected a number from 0 to 1, found 1.01',
    ]);
  });

  it('wrong types', () => {
    expect(fixture('wrong-types.yaml')).toEqual([
      '3:11 applications[0].name: expected text, found 42',
      '4:21 applications[0].visitsPerMonth: expected a number ≥ 0, found "lots"',
      '5:17 applications[0].properties: expected a whole number ≥ 0, or a list, found true',
      '9:25 synthetic.browser[0].frequencyMinutes: expected a number ≥ 5, found "often"',
      '10:18 synthetic.browser[0].locations: expected a whole number ≥ 1, or a list, found a mapping',
      '11:16 synthetic.browser[0].enabled: expected true or false, found "yes"',
    ]);
  });

  it('duplicate names within a section', () => {
    expect(fixture('duplicate-names.yaml')).toEqual([
      '4:13 applications[1].name: expected a name not used by another entry (entry [0] is "shop"), found "shop"',
      '8:15 synthetic.browser[1].name: expected a name not used by another entry (entry [0] is "b"), found "b"',
    ]);
  });

  it('a name typed precomposed and decomposed is one name (Unicode normal form C): a duplicate, and the NFC form is kept', () => {
    const nfc = 'caf\u00e9';
    const nfd = 'cafe\u0301';
    const r = loadText({ file: 'n.yaml', dir: '.', text: `version: 1\nhosts:\n  - { name: ${nfc}, memoryGiB: 4 }\n  - { name: ${nfd}, memoryGiB: 4 }\n` }, estateSchema, 'an estate');
    expect(r.ok ? [] : r.diagnostics.map((d) => `${d.path}: ${d.message}`)).toEqual([`hosts[1].name: expected a name not used by another entry (entry [0] is "${nfc}"), found "${nfc}"`]);
    const one = loadText({ file: 'n.yaml', dir: '.', text: `version: 1\nhosts: [{ name: ${nfd}, memoryGiB: 4 }]\n` }, estateSchema, 'an estate');
    expect(one.ok && one.data.hosts[0]!.name).toBe(nfc);
  });

  it('unknown enum values, with did-you-mean', () => {
    expect(fixture('unknown-enums.yaml')).toEqual([
      '2:12 licensing: expected one of dps, classic, found "dsp" (did you mean "dps"?)',
      '4:25 applications[0].type: expected one of web, mobile, hybrid, found "webb" (did you mean "web"?)',
      '7:31 synthetic.nam[0].protocol: expected one of icmp, tcp, dns, found "udp"',
    ]);
  });

  it('missing required keys', () => {
    expect(fixture('missing-required.yaml')).toEqual([
      '1:1 version: expected 1 (the estate format this dtcost reads), found nothing (the key is missing)',
      '3:5 applications[0].visitsPerMonth: expected a number ≥ 0, found nothing (the key is missing)',
      '7:7 synthetic.browser[0].frequencyMinutes: expected a number ≥ 5, found nothing (the key is missing)',
    ]);
  });

  it('values that break a rule of the format', () => {
    expect(fixture('bad-values.yaml')).toEqual([
      '1:10 version: expected 1 (the estate format this dtcost reads), found 2',
      '2:9 period: expected a period: month (30 d), year (365 d), week, day, <n>d or <n>h, found "fortnight"',
      '3:11 currency: expected a three-letter currency code, found "dollars"',
      '7:19 applications[0].visitMinutes: expected shares that add up to 1, found shares adding up to 0.9',
      '8:18 applications[0].properties[0].maxLength: expected maxLength (characters) for a long-string property, found nothing (the key is missing)',
      '11:68 synthetic.browser[0].billableSteps: expected either steps or billableSteps, found both',
      '11:109 synthetic.browser[0].locations[1]: expected each location once, found "eu" again',
      '13:19 budget.capabilities.browser-monitr: unknown capability id "browser-monitr" (did you mean "browser-monitor"?)',
      '14:12 budget.units.dem-units: unknown unit id "dem-units" (did you mean "dem-unit"?)',
    ]);
  });

  it('an empty file', () => {
    expect(fixture('empty.yaml')).toEqual(['the file is empty: expected an estate']);
  });

  it('a file that is not a mapping', () => {
    expect(fixture('not-a-mapping.yaml')).toEqual(['1:1 expected a mapping, found a list of 2']);
  });

  it('custom YAML tags', () => {
    expect(fixture('custom-tag.yaml')).toEqual(['4:21 YAML tags are not allowed (an estate is plain data): found "!!python/object:os.system"']);
  });

  it('.inf and .nan', () => {
    expect(fixture('not-finite.yaml')).toEqual([
      '4:21 applications[0].visitsPerMonth: expected a number ≥ 0, found .inf',
      '5:17 applications[0].bounceRate: expected a number from 0 to 1, found .nan',
    ]);
  });

  it('__proto__ is an unknown key, never a prototype', () => {
    expect(problems('version: 1\n__proto__: { polluted: true }\n')).toEqual(['2:1 __proto__: unknown key "__proto__"']);
    expect(problems('{"version": 1, "__proto__": {"polluted": true}}', 'e.json')).toEqual(['1:16 __proto__: unknown key "__proto__"']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a YAML alias bomb is refused', () => {
    const lines = ['version: 1', 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    expect(problems(lines.join('\n'))).toEqual(['1:1 invalid YAML: too many alias expansions (an alias bomb?)']);
  });

  it('duplicate keys', () => {
    expect(problems('version: 1\nname: a\nname: b\n')).toEqual(['3:1 invalid YAML: duplicate key']);
    expect(problems('{"version": 1, "name": "a", "name": "b"}', 'e.json')).toEqual(['1:29 invalid JSON: duplicate key "name"']);
  });
});

describe('file contents that are not UTF-8 text', () => {
  it('UTF-16', () => {
    const r = decode(new Uint8Array([0xff, 0xfe, 0x76, 0x00]), 'u16.yaml');
    expect(r.ok ? '' : r.diagnostics[0]!.message).toBe('the file is UTF-16 text; save it as UTF-8');
  });

  it('binary', () => {
    const r = decode(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01]), 'a.out');
    expect(r.ok ? '' : r.diagnostics[0]!.message).toBe('the file is not text (it holds NUL bytes)');
  });

  it('a UTF-8 byte order mark is dropped', () => {
    const r = decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]), 'bom.yaml');
    expect(r.ok && r.text).toBe('a');
  });
});

describe('many problems in one file: bounded, and counted', () => {
  it('duplicate names beyond 1,000 in a section are one error that counts them', () => {
    const text = `version: 1\nhosts:\n${'  - { name: h, memoryGiB: 16 }\n'.repeat(1503)}`;
    const list = problems(text);
    expect(list).toHaveLength(1001);
    expect(list[0]).toBe('3:3 hosts: expected names not used by another entry, found 502 more duplicate names than the 1,000 listed');
    expect(list[1]).toMatch(/^4:\d+ hosts\[1\]\.name: expected a name not used by another entry \(entry \[0\] is "h"\), found "h"$/);
  });

  it('past 10,000 problems the rest are counted, not located', () => {
    const text = `version: 1\nhosts:\n${Array.from({ length: 10_250 }, (_, i) => `  - { name: h${i}, memoryGiB: -1 }\n`).join('')}`;
    const list = problems(text);
    expect(list).toHaveLength(10_001);
    expect(list[10_000]).toBe('250 more problems are not listed (dtcost locates the first 10,000 of a file)');
    expect(list[0]).toMatch(/^3:\d+ hosts\[0\]\.memoryGiB: expected a number > 0, found -1$/);
  });
});
