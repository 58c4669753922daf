// Renderers: JSON exactly as SPEC "JSON output", RFC 4180 CSV, Markdown that survives a table.
import { describe, expect, it } from 'vitest';
import { renderCsv } from '../src/render/csv.js';
import { chunked, textOf } from '../src/render/chunk.js';
import { jsonChunks, lineItemText, lineItemToJson, quoter, renderJson } from '../src/render/json.js';
import { markdownChunks, renderMarkdown } from '../src/render/markdown.js';
import { group, money, quantity, roundHalfUp } from '../src/core/format.js';
import fc from 'fast-check';
import { PLAIN } from '../src/render/style.js';
import { renderTable, tableChunks, wrap } from '../src/render/table.js';
import stringWidth from 'string-width';
import { displayWidth, drawTable, fit } from '../src/render/box.js';
import { D } from '../src/core/decimal.js';
import { asStream } from '../src/estimate/run.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, run } from './helpers.js';

const SPEC_ESTATE = `version: 1
name: Acme retail
budget: { total: 25000 }
synthetic:
  browser:
    - { name: checkout-clickpath, billableSteps: 3, frequencyMinutes: 15, locations: 3 }
`;

describe('JSON (schemaVersion 1)', () => {
  it('reproduces the example of SPEC "JSON output"', () => {
    const json = JSON.parse(renderJson([run(SPEC_ESTATE)], '9.9.9'));
    expect(json).toMatchObject({
      schemaVersion: 1,
      tool: { name: 'dtcost', version: '9.9.9' },
      estate: 'Acme retail',
      model: 'dps',
      period: { label: 'month', days: '30', hours: '720' },
      currency: 'USD',
      totals: { cost: '116.64', costByCapability: { 'browser-monitor': '116.64' }, quantityByUnit: { 'synthetic-action': '25920' } },
      budget: { total: '25000', cost: '116.64', exceeded: false, violations: [] },
      warnings: [],
    });
    expect(json.lineItems).toEqual([
      {
        id: 'browser-monitor/checkout-clickpath',
        capabilityId: 'browser-monitor',
        capability: 'Browser Monitor or Clickpath',
        subject: 'checkout-clickpath',
        file: 'test.yaml',
        path: 'synthetic.browser[0]',
        quantity: '25920',
        unit: 'synthetic-action',
        unitPrice: '0.0045',
        cost: '116.64',
        formula: '3 billable steps × 4 executions/h × 3 locations × 720 h',
        priceSource: 'list price, Dynatrace public rate card, March 2026 (450 per 100,000) (grade D)',
        provisional: false,
        rule: 'dps/browser-monitor',
      },
    ]);
    expect(json.rules).toEqual({ 'dps/browser-monitor': { doc: 'dps-browser-monitor.txt: Counting rules; Consumption formula; Cost example' } });
  });

  it('streams: line items one per line, whatever the chunking, and the chunks join into valid JSON', () => {
    const e = run('version: 1\nsynthetic: { http: [' + Array.from({ length: 3000 }, (_, i) => `{ name: h${i}, frequencyMinutes: 5, locations: 1 }`).join(', ') + '] }');
    const chunks = [...jsonChunks([asStream(e)], '1')];
    expect(chunks.length).toBeGreaterThan(1);
    const text = textOf(chunks);
    expect(JSON.parse(text).lineItems).toHaveLength(3000);
    expect(text.split('\n').filter((l) => l.startsWith('    {"id":"http-monitor/'))).toHaveLength(3000);
  });

  it('money and quantities are decimal strings, never rounded; unknown prices are null', () => {
    const e = run('version: 1\nperiod: year\nlicensing: classic\nsynthetic: { thirdParty: [{ name: t, resultsPerMonth: 7 }] }');
    const json = JSON.parse(renderJson([e], '1'));
    expect(json.lineItems[0]).toMatchObject({ quantity: '8.516666666666666666666666666666667', unitPrice: null, cost: null, priceSource: null });
    expect(json.totals).toMatchObject({ cost: null, pricedCost: '0', unpricedLineItems: 1, costByCapability: { 'dem-third-party': null } });
  });

  it('writes each line item exactly as JSON.stringify would (every example, both models, names that need escaping)', () => {
    const estimates = readdirSync(join(ROOT, 'examples'))
      .filter((f) => f.endsWith('.yaml'))
      .flatMap((f) => {
        const text = readFileSync(join(ROOT, 'examples', f), 'utf8');
        return (['dps', 'classic'] as const).map((model) => run(text, { model }));
      });
    estimates.push(run('version: 1\nlicensing: classic\nsynthetic: { http: [{ name: plain, frequencyMinutes: 5, locations: 1 }, { name: "quote \\" back\\\\slash \\t tab é ✓ 🚀 \\u2028", frequencyMinutes: 5, locations: 1 }] }'));
    const quoted = quoter();
    let n = 0;
    for (const e of estimates) {
      for (const i of e.lineItems) {
        expect(lineItemText(i, quoted)).toBe(JSON.stringify(lineItemToJson(i)));
        n++;
      }
    }
    expect(n).toBeGreaterThan(100);
    expect(estimates.some((e) => e.lineItems.some((i) => i.cost === null))).toBe(true);
  });

  it('several estates are an array', () => {
    expect(Array.isArray(JSON.parse(renderJson([run(SPEC_ESTATE), run(SPEC_ESTATE)], '1')))).toBe(true);
  });
});

describe('CSV', () => {
  it('one row per line item, RFC 4180 quoting and CRLF', () => {
    const csv = renderCsv([run('version: 1\nname: \'Shop, "EU"\'\nsynthetic: { browser: [{ name: m, billableSteps: 3, frequencyMinutes: 15, locations: 3 }] }')]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('estate,file,model,period,currency,id,capabilityId,capability,subject,path,quantity,unit,unitPrice,cost,provisional,formula,priceSource');
    expect(lines[1]).toBe(
      '"Shop, ""EU""",test.yaml,dps,month,USD,browser-monitor/m,browser-monitor,Browser Monitor or Clickpath,m,synthetic.browser[0],25920,synthetic-action,0.0045,116.64,false,3 billable steps × 4 executions/h × 3 locations × 720 h,"list price, Dynatrace public rate card, March 2026 (450 per 100,000) (grade D)"',
    );
    expect(lines[2]).toBe('');
    expect(lines).toHaveLength(3);
  });
});

describe('Markdown', () => {
  it('escapes pipes in cells and folds the derivations', () => {
    const md = renderMarkdown([run("version: 1\nname: 'a|b'\nsynthetic: { http: [{ name: 'x|y', frequencyMinutes: 60, locations: 1 }] }")]);
    expect(md).toContain('### dtcost estimate: a\\|b');
    expect(md).toContain('| HTTP Monitor | x\\|y | 720 | synthetic-request | 0.001 | 0.72 |');
    expect(md).toContain('| **Total** | | | | | **0.72 USD** |');
    expect(md).toContain('<details><summary>How each number is derived</summary>');
  });

  it('streams in chunks; estimates one blank line apart, no blank line at the end', () => {
    const big = run('version: 1\nsynthetic: { http: [' + Array.from({ length: 3000 }, (_, i) => `{ name: h${i}, frequencyMinutes: 5, locations: 1 }`).join(', ') + '] }');
    const small = run('version: 1\nname: small\nsynthetic: { http: [{ name: one, frequencyMinutes: 5, locations: 1 }] }');
    // Past the limit of a comment (test/output.test.ts checks the summary there): every row.
    const limit = 10_000_000;
    const chunks = [...markdownChunks([big, small].map(asStream), limit)];
    expect(chunks.length).toBeGreaterThan(1);
    const md = textOf(chunks);
    expect(md).toBe(renderMarkdown([big, small], limit));
    expect(md).toContain('</details>\n\n### dtcost estimate: small\n');
    expect(md.endsWith('</details>\n')).toBe(true);
    expect(md.split('\n').filter((l) => l.startsWith('| HTTP Monitor |'))).toHaveLength(3001);
  });
});

describe('table', () => {
  it('streams in chunks of whole lines, estimates one empty line apart', () => {
    const big = run('version: 1\nsynthetic: { http: [' + Array.from({ length: 3000 }, (_, i) => `{ name: h${i}, frequencyMinutes: 5, locations: 1 }`).join(', ') + '] }');
    const small = run('version: 1\nsynthetic: { http: [{ name: one, frequencyMinutes: 5, locations: 1 }] }');
    const chunks = [...tableChunks([big, small].map(asStream), PLAIN)];
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(c.at(-1)).toBe(0x0a);
    expect(textOf(chunks)).toBe(`${renderTable([big], PLAIN)}\n${renderTable([small], PLAIN)}`);
    expect(renderTable([small], PLAIN)).toMatch(/^dtcost estimate: test.yaml\n.*\n┌─/);
  });

  it('draws a box table as cli-table3 did (compact): junctions where columns meet, spans, wrapping, wide characters', () => {
    const text = drawTable({
      head: ['Name', 'Qty'],
      widths: [12, 7],
      aligns: ['left', 'right'],
      rows: [[{ text: 'a title that wraps', span: 2 }], ['漢字 name', '1,234'], ['x', '5'], [{ text: 'Total', span: 1 }, '9']],
    });
    expect(text).toBe(
      [
        '┌────────────┬───────┐',
        '│ Name       │   Qty │',
        '├────────────┴───────┤',
        '│ a title that wraps │',
        '│ 漢字 name  │ 1,234 │',
        '│ x          │     5 │',
        '│ Total      │     9 │',
        '└────────────┴───────┘',
      ].join('\n'),
    );
    expect(drawTable({ head: ['A', 'B'], widths: [6, 5], aligns: ['left', 'left'], rows: [[{ text: 'too long to fit one line', span: 2 }]] }).split('\n').slice(3, -1)).toEqual([
      '│ too long   │',
      '│ to fit one │',
      '│ line       │',
    ]);
  });

  it('styles each line of a cell inside the borders, never the borders or the padding', () => {
    const bold = (t: string) => `\x1b[1m${t}\x1b[22m`;
    const lines = drawTable({ head: ['A'], widths: [9], aligns: ['left'], rows: [[{ text: 'one\ntwo', style: bold }]] }).split('\n');
    expect(lines.slice(3, 5)).toEqual(['│ \x1b[1mone\x1b[22m     │', '│ \x1b[1mtwo\x1b[22m     │']);
  });

  it('the characters measured by their length are each one column for string-width, and join no neighbour', () => {
    const ranges = [[0x20, 0x7e], [0xa0, 0xac], [0xae, 0x2ff], [0x2010, 0x2027], [0x2030, 0x205e], [0x2190, 0x21ff], [0x2200, 0x22ff], [0x2500, 0x259f]] as const;
    let checked = 0;
    for (const [from, to] of ranges) {
      for (let c = from; c <= to; c++) {
        const ch = String.fromCodePoint(c);
        expect({ c: c.toString(16), width: stringWidth(ch), pair: stringWidth(`a${ch}a`), length: displayWidth(`a${ch}a`) }).toEqual({ c: c.toString(16), width: 1, pair: 3, length: 3 });
        checked++;
      }
    }
    expect(checked).toBe(1301);
  });

  it('fits a long word between graphemes, at a hyphen where one leaves the line half full, keeping its indentation', () => {
    expect(fit('  checkout-clickpath', 13)).toEqual(['  checkout-', '  clickpath']);
    expect(fit('👩‍💻👩‍💻👩‍💻', 5)).toEqual(['👩‍💻👩‍💻', '👩‍💻']);
    expect(fit('東京のウェブサーバー', 7)).toEqual(['東京の', 'ウェブ', 'サーバ', 'ー']);
    expect(fit('a-bcdefghij', 6)).toEqual(['a-bcde', 'fghij']);
    for (const line of fit('  サービス-ゲートウェイ-本番環境 x'.repeat(3), 12)) expect(displayWidth(line)).toBeLessThanOrEqual(12);
  });

  it('measures terminal columns: wide characters count two, combining marks none', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('👩‍💻 dev')).toBe(6);
    expect(displayWidth('한국어')).toBe(6);
    expect(displayWidth('カタカナ-ー')).toBe(11);
    expect(displayWidth('漢字')).toBe(4);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('🚀 go')).toBe(5);
    expect(displayWidth('× − é')).toBe(5);
  });

  it('rounds money to cents for display only, and shows the derivation', () => {
    const out = renderTable([run('version: 1\napplications: [{ name: a, visitsPerMonth: 1, visitMinutes: 150 }]')], PLAIN);
    expect(out).toMatch(/│ +3 │ session +│ +0\.00225 │ +0\.01 │/);
    expect(out).toContain('= 1 visits/month × 3 sessions/visit (150 min)');
    expect(out).toContain('DPS · month (30 days, 720 h) · USD · rates: Dynatrace list prices (built-in)');
  });

  it('formats numbers for people', () => {
    expect(money(new D('27345.125'))).toBe('27,345.13');
    expect(money(new D('-1234.5'))).toBe('-1,234.50');
    expect(quantity(new D('6171.428571428571'))).toBe('6,171.4286');
  });
});

describe('chunks', () => {
  it('encode the pieces as UTF-8, never split a piece, and each decodes on its own', () => {
    // Two- to four-byte characters, pieces around the chunk size, one far larger, empty ones.
    const pieces = ['', ...Array.from({ length: 40_000 }, (_, i) => `${i % 7 === 0 ? '× − ≥ 😀 ' : ''}piece ${i}\n`), 'é'.repeat(300_000), '', 'end\n'];
    const chunks = [...chunked(pieces)];
    expect(chunks.length).toBeGreaterThan(3);
    for (const c of chunks) expect(c.length).toBeGreaterThan(0);
    const decoded = chunks.map((c) => new TextDecoder('utf-8', { fatal: true }).decode(c));
    expect(decoded.join('')).toBe(pieces.join(''));
    expect(decoded).toContain('é'.repeat(300_000));
    for (const d of decoded.filter((d) => !d.startsWith('é'))) expect(d.endsWith('\n')).toBe(true);
    expect(textOf(chunks)).toBe(pieces.join(''));
  });
});

describe('display numbers', () => {
  const decimals = fc
    .tuple(fc.boolean(), fc.stringMatching(/^[0-9]{1,12}$/), fc.stringMatching(/^[0-9]{0,20}$/))
    .map(([negative, int, frac]) => new D(`${negative ? '-' : ''}${int}${frac ? `.${frac}` : ''}`));

  it('money rounds the digits half up, as decimal.js does, then groups thousands', () => {
    fc.assert(
      fc.property(decimals, (v) => {
        expect(money(v)).toBe(group(v.toFixed(2, D.ROUND_HALF_UP)));
      }),
      { numRuns: 2000 },
    );
    for (const [v, text] of [
      ['0.005', '0.01'],
      ['0.004999', '0.00'],
      ['9.995', '10.00'],
      ['-9.995', '-10.00'],
      ['999999.995', '1,000,000.00'],
      ['-0.001', '-0.00'],
      ['12', '12.00'],
      ['1234.5', '1,234.50'],
    ] as const) {
      expect(money(new D(v))).toBe(group(new D(v).toFixed(2, D.ROUND_HALF_UP)));
      expect(money(new D(v))).toBe(text);
    }
  });

  it('roundHalfUp to any number of places agrees with decimal.js', () => {
    fc.assert(
      fc.property(decimals, fc.integer({ min: 0, max: 6 }), (v, places) => {
        expect(roundHalfUp(v.toFixed(), places)).toBe(v.toFixed(places, D.ROUND_HALF_UP));
      }),
      { numRuns: 2000 },
    );
  });

  it('groups thousands of plain decimal strings', () => {
    expect(['0', '-0', '999', '-999.5', '1000', '-1000.25', '1234567.891', '12'].map(group)).toEqual(['0', '-0', '999', '-999.5', '1,000', '-1,000.25', '1,234,567.891', '12']);
  });
});

describe('wrapping a formula', () => {
  /** The words-and-spaces algorithm the table used before working on positions: the oracle. */
  function wordByWord(text: string, width: number, first: string, rest: string): string {
    const lines: string[] = [];
    let line = first;
    for (const word of text.split(' ')) {
      if (line.length + word.length + 1 > width && line.trim() !== first.trim()) {
        lines.push(line.trimEnd());
        line = rest;
      }
      line += `${word} `;
    }
    lines.push(line.trimEnd());
    return lines.join('\n');
  }

  it('breaks where adding word after word breaks, double spaces and over-long words included', () => {
    const text = fc.array(fc.oneof(fc.constantFrom('', '=', '×', '−', '3', 'h', 'GiB'), fc.stringMatching(/^[a-z0-9,.()]{1,30}$/)), { maxLength: 40 }).map((words) => words.join(' '));
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 120 }), fc.constantFrom(['    = ', '      '], ['', ''], ['= ', '  '], ['x', '']), (t, width, [first, rest]) => {
        expect(wrap(t, width, first!, rest!)).toBe(wordByWord(t, width, first!, rest!));
      }),
      { numRuns: 3000 },
    );
    expect(wrap('3 billable steps × 4 executions/h × 3 locations × 720 h', 30, '    = ', '      ')).toBe('    = 3 billable steps × 4\n      executions/h × 3\n      locations × 720 h');
  });
});
