// What the output commands print, beyond the snapshots: hostile names made inert in every format,
// budgets of zero, ...
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTROL, HOSTILE } from './hostile-text.js';
import { ROOT } from './helpers.js';

const BIN = join(ROOT, 'bin/dtcost');
const TMP = mkdtempSync(join(tmpdir(), 'dtcost-output-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

function dtcost(args: string[], env: Record<string, string> = {}, input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8', input });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('a budget of zero', () => {
  it('says by how much it is exceeded, without a percentage of zero or empty parentheses', () => {
    const table = dtcost(['estimate', 'examples/retail-web-shop.yaml', '--budget', '0']);
    expect(table.status).toBe(1);
    expect(table.stdout).toContain('Budget: 11,224.98 USD of 0.00 USD: EXCEEDED by 11,224.98 USD\n');
    expect(table.stderr).toContain('dtcost: total budget exceeded: 11,224.98 USD is over 0.00 USD by 11,224.98 USD; driven by real-user-monitoring 8,869.50 USD (79%)');
    const markdown = dtcost(['estimate', 'examples/retail-web-shop.yaml', '--budget', '0', '--format', 'markdown']);
    for (const text of [table.stdout, table.stderr, markdown.stdout]) {
      expect(text).not.toContain('()');
      expect(text).not.toContain('(0%)');
    }
  });
});

describe('hostile names, paths and rate-card sources', () => {
  // Every hostile text as an entry name, the estate's name, a rate card's name and source, and a
  // file name (with an escape sequence in it).
  const names = HOSTILE.map((h, i) => `${h} ${i}`);
  const rates = join(TMP, 'rates.json');
  writeFileSync(rates, JSON.stringify({ name: `card ${HOSTILE[1]}`, prices: { 'http-monitor': { unitPrice: 0.001, source: `${HOSTILE[0]} ${HOSTILE[6]} ${HOSTILE[4]}` } } }));
  const estate = (requests: number) =>
    JSON.stringify({ version: 1, name: `shop ${HOSTILE[0]}${HOSTILE[7]}`, rates, synthetic: { http: names.map((name) => ({ name, requests, frequencyMinutes: 5, locations: 1 })) } });
  const base = join(TMP, 'base\u001b[2J.json');
  const head = join(TMP, 'head\u202e.json');
  writeFileSync(base, estate(1));
  writeFileSync(head, estate(2));

  const run = (args: string[]) => {
    const r = dtcost(args);
    expect(r.status, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    return r.stdout;
  };

  it.each([
    [['estimate', base]],
    [['explain', base]],
    [['compare', base]],
    [['diff', base, head]],
    [['rates', '--rates', rates]],
  ])('terminal text of %j: no control character, every one shown as an escape', (args) => {
    const out = run(args);
    expect(CONTROL.test(out.replace(/\n/g, ''))).toBe(false);
    expect(out).toMatch(/\\x1B\[2J|\\x1B\]52/);
  });

  const html = (markdown: string) => micromark(markdown, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });

  it.each([
    [['estimate', base, '--format', 'markdown']],
    [['explain', base, '--format', 'markdown']],
    [['compare', base, '--format', 'markdown']],
    [['diff', base, head, '--format', 'markdown']],
    [['rates', '--rates', rates, '--format', 'markdown']],
  ])('Markdown of %j: no HTML, image or link from a name, one cell per column', (args) => {
    const out = run(args);
    expect(CONTROL.test(out.replace(/\n/g, ''))).toBe(false);
    const rendered = html(out);
    // The only elements are the ones dtcost writes itself.
    const tags = new Set([...rendered.matchAll(/<([a-z0-9]+)[\s>]/g)].map((m) => m[1]));
    for (const tag of tags) expect(['h3', 'h4', 'p', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'ul', 'li', 'code', 'strong', 'details', 'summary', 'sub', 'blockquote', 'em']).toContain(tag);
    expect(rendered).not.toMatch(/<(img|a|script|h1|h2|del|ol)[\s>]/);
    // Every row of a table has as many cells as its head.
    for (const table of rendered.split('<table>').slice(1)) {
      const heads = (table.split('</thead>')[0]!.match(/<th[\s>]/g) ?? []).length;
      for (const row of table.split('</thead>')[1]!.split('</table>')[0]!.split('<tr>').slice(1)) expect((row.match(/<td[\s>]/g) ?? []).length).toBe(heads);
    }
  });

  it('CSV: text cells that start a formula are prefixed with an apostrophe; numbers stay as they are', () => {
    const out = run(['estimate', base, '--format', 'csv']);
    const hyperlink = out.split('\r\n').find((l) => l.includes('HYPERLINK'))!;
    expect(hyperlink).toContain(`"'=HYPERLINK(""https://evil.example"",""x"") 21"`);
    expect(hyperlink).toMatch(/,8640,synthetic-request,0\.001,8\.64,false,/);
    const cells = run(['rates', '--rates', rates, '--format', 'csv']).split('\r\n').map((l) => l.split(','));
    expect(cells.find((c) => c[0] === 'http-monitor')!.slice(4, 6)).toEqual(['0.001', '0.001']);
  });
});
