// What the output commands print, beyond the snapshots: hostile names made inert in every format,
// budgets of zero, ...
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import stringWidth from 'string-width';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTROL, HOSTILE } from './hostile-text.js';
import { outputColumns } from '../src/cli/columns.js';
import { D } from '../src/core/decimal.js';
import { money, quantity } from '../src/core/format.js';
import { renderMarkdown } from '../src/render/markdown.js';
import { ROOT, run } from './helpers.js';

const BIN = join(ROOT, 'bin/dtcost');
const TMP = mkdtempSync(join(tmpdir(), 'dtcost-output-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

function dtcost(args: string[], env: Record<string, string> = {}, input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8', input, maxBuffer: 1 << 26 });
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

describe('hostile names, paths and rate-card sources', { timeout: 30_000 }, () => {
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

  it.each([
    // A note naming hosts, under classic licensing.
    [['estimate', 'HOSTS', '--model', 'classic']],
    // A duplicate name, as an error.
    [['validate', 'DUPLICATE']],
    // An unknown line item, with a did-you-mean.
    [['explain', 'HOSTS', 'full-stack-monitoring/\u001b[2Jx']],
    // A flag's value.
    [['estimate', 'HOSTS', '--period', '\u001b]52;c;x\u0007']],
  ])('standard error of %j: names escaped as on standard output', (args) => {
    const hosts = join(TMP, 'hosts.json');
    writeFileSync(hosts, JSON.stringify({ version: 1, hosts: [{ name: `\u001b[2J disc \u202e`, memoryGiB: 8, mode: 'discovery' }, { name: 'web', memoryGiB: 8 }] }));
    const duplicate = join(TMP, 'duplicate.json');
    writeFileSync(duplicate, JSON.stringify({ version: 1, hosts: [{ name: `a\u001b[2J`, memoryGiB: 8 }, { name: `a\u001b[2J`, memoryGiB: 8 }] }));
    const r = dtcost(args.map((a) => (a === 'HOSTS' ? hosts : a === 'DUPLICATE' ? duplicate : a)));
    expect(r.stderr).not.toBe('');
    expect(CONTROL.test(r.stderr.replace(/\n/g, ''))).toBe(false);
    expect(r.stderr).toMatch(/\\x1B[\[\]]/);
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

describe('the table fits the terminal', { timeout: 30_000 }, () => {
  const names = ['東京のウェブサーバー', '🚀 launch-pad', '👩‍💻 dev-box', 'サービス-ゲートウェイ-本番環境-東日本-第二データセンター', 'ordinary-name', `very-long-${'x'.repeat(70)}`, 'é́ combining', '한국어 서버'];
  const file = join(TMP, 'wide.json');
  writeFileSync(
    file,
    JSON.stringify({
      version: 1,
      name: `Estate ${names[3]}`,
      hosts: names.map((name, i) => ({ name, count: i + 1, memoryGiB: 16 * (i + 1) })),
      applications: names.slice(0, 3).map((name) => ({ name, visitsPerMonth: 1_000_000, bounceRate: 0.3, visitMinutes: 12, replayRate: 0.05 })),
      synthetic: { http: names.map((name) => ({ name, requests: 1, frequencyMinutes: 5, locations: 2 })) },
    }),
  );
  const width = (line: string) => stringWidth(line);

  it.each([80, 120])('in %i columns: every line, names in CJK and emoji included', (columns) => {
    for (const model of ['dps', 'classic']) {
      const r = dtcost(['estimate', file, '--model', model, '--budget', '10'], { COLUMNS: String(columns) });
      // Over budget (1), or the budget cannot be checked without classic prices.
      expect([0, 1]).toContain(r.status);
      const lines = r.stdout.split('\n');
      for (const line of lines) expect({ line, width: width(line) <= columns }).toEqual({ line, width: true });
      // The box: every line of it as wide as the others (no cell pushed out by a wide character).
      const box = lines.filter((l) => /^[┌├│└]/.test(l));
      expect(new Set(box.map(width)).size).toBe(1);
      if (columns === 80) expect(width(box[0]!)).toBe(80);
      for (const name of ['ordinary-name', 'launch-pad', 'dev-box']) expect(r.stdout).toContain(name);
    }
  });

  it('narrower than 80: lines of 80; COLUMNS unset and no terminal: 120', () => {
    const narrow = dtcost(['estimate', file], { COLUMNS: '40' }).stdout.split('\n');
    expect(Math.max(...narrow.map(width))).toBe(80);
    const unset = dtcost(['estimate', file]).stdout.split('\n');
    expect(Math.max(...unset.map(width))).toBe(120);
  });

  it('--wide: the table as wide as its cells, every name and formula on one line', () => {
    const r = dtcost(['estimate', file, '--wide'], { COLUMNS: '80' });
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(Math.max(...lines.map(width))).toBeGreaterThan(120);
    for (const name of names) expect(lines.some((l) => l.includes(`│   ${name} `))).toBe(true);
    const json = JSON.parse(dtcost(['estimate', file, '--format', 'json']).stdout) as { lineItems: { formula: string }[] };
    for (const item of json.lineItems) expect(r.stdout).toContain(`= ${item.formula}`);
  });

  it('the terminal decides, else COLUMNS, else 120', () => {
    expect(outputColumns({ isTTY: true, columns: 100 }, { COLUMNS: '90' })).toBe(100);
    expect(outputColumns({ isTTY: false, columns: 100 }, { COLUMNS: '90' })).toBe(90);
    expect(outputColumns(undefined, { COLUMNS: ' 132 ' })).toBe(132);
    expect(outputColumns(undefined, { COLUMNS: 'wide' })).toBe(120);
    expect(outputColumns(undefined, {})).toBe(120);
  });
});

describe("Markdown for pull-request comments stays under GitHub's 65,536 characters", { timeout: 60_000 }, () => {
  const LIMIT = 65_536;
  // 3,000 entries: the table of every line item would be about four times the limit.
  const big = (requests: number, extra = 0) =>
    JSON.stringify({
      version: 1,
      name: 'large estate',
      applications: Array.from({ length: 1000 }, (_, i) => ({ name: `application-${i}`, visitsPerMonth: 10_000 + i, bounceRate: 0.3, visitMinutes: 8, replayRate: 0.05 })),
      synthetic: { http: Array.from({ length: 2000 + extra }, (_, i) => ({ name: `endpoint-${i}`, requests, frequencyMinutes: 5, locations: 2 })) },
    });
  const base = join(TMP, 'large-base.json');
  const head = join(TMP, 'large-head.json');
  writeFileSync(base, big(1));
  writeFileSync(head, big(2, 500));

  const comment = (args: string[]) => {
    const r = dtcost(args);
    expect([0, 1]).toContain(r.status);
    expect(r.stdout.length).toBeLessThanOrEqual(LIMIT);
    return r.stdout;
  };

  it('estimate: a table by capability that says how many line items it leaves out', () => {
    const out = comment(['estimate', base, '--format', 'markdown']);
    // One row per capability, agreeing with the JSON's line items and totals.
    const json = JSON.parse(dtcost(['estimate', base, '--format', 'json']).stdout) as { lineItems: { capabilityId: string; capability: string; unit: string; quantity: string }[]; totals: { costByCapability: Record<string, string> } };
    for (const [id, cost] of Object.entries(json.totals.costByCapability)) {
      const items = json.lineItems.filter((i) => i.capabilityId === id);
      const sum = items.reduce((a, i) => a.plus(i.quantity), new D(0));
      expect(out).toContain(`| ${items[0]!.capability} | ${items.length.toLocaleString('en-US')} | ${quantity(sum)} | ${items[0]!.unit} | ${money(new D(cost))} |`);
    }
    expect(Object.keys(json.totals.costByCapability)).toHaveLength(3);
    expect(out).toContain('> ℹ️ 4,000 line items summarised by capability');
    expect(out).not.toContain('endpoint-1');
    // The full table, in CSV, is indeed longer than a comment.
    expect(dtcost(['estimate', base, '--format', 'csv']).stdout.length).toBeGreaterThan(LIMIT);
  });

  it('estimate of two files: each in its half', () => {
    const out = comment(['estimate', base, head, '--format', 'markdown']);
    expect(out.match(/summarised by capability/g)).toHaveLength(2);
  });

  it('diff: changes counted by capability, with their cost delta', () => {
    const out = comment(['diff', base, head, '--format', 'markdown']);
    expect(out).toContain('| HTTP Monitor | 500 |  | 2,000 | +51,840.00 |');
    expect(out).toContain('> ℹ️ 2,500 changed line items summarised by capability');
    expect(out).toMatch(/^### dtcost: monitoring cost change\n\n\*\*Total: /);
    expect(out).toMatch(/<sub>.*large-base\.json → .*large-head\.json · DPS · month<\/sub>\n$/);
  });

  it('explain: items counted by capability', () => {
    const out = comment(['explain', base, '--format', 'markdown']);
    expect(out).toContain('| HTTP Monitor | 2,000 | 34,560,000 | synthetic-request | 34,560.00 |');
    expect(out).toContain('> ℹ️ 4,000 line items summarised by capability');
  });

  it('compare', () => {
    expect(comment(['compare', base, '--format', 'markdown'])).toContain('### dtcost compare: large estate');
  });

  it('below the limit nothing changes: every line item, and its derivation', () => {
    const out = comment(['estimate', 'examples/retail-web-shop.yaml', '--format', 'markdown']);
    expect(out).toContain('<details><summary>How each number is derived</summary>');
    expect(out).not.toContain('summarised');
  });
});

describe('the limit of a comment, at any size', () => {
  const e = run(`version: 1\nsynthetic:\n  http:\n${Array.from({ length: 60 }, (_, i) => `    - { name: "endpoint-${i}", requests: 1, frequencyMinutes: 5, locations: 2 }`).join('\n')}\n`);
  const full = renderMarkdown([e]);

  it('every line item while they fit, the summary past it, never longer than the limit', () => {
    for (let limit = 1500; limit <= full.length + 200; limit += 97) {
      const out = renderMarkdown([e], limit);
      expect(out.length).toBeLessThanOrEqual(limit);
      if (limit >= full.length) expect(out).toBe(full);
      else expect(out).toContain('60 line items summarised by capability');
    }
  });
});
