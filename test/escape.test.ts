// Input text made inert: on a terminal (safeForTerminal), in Markdown (a name renders as the
// literal name: checked with micromark and its GFM extension, the CommonMark and GFM reference
// parser in JavaScript) and in CSV (no cell a spreadsheet would run as a formula).
import fc from 'fast-check';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { safeForTerminal } from '../src/core/safe-text.js';
import { csvText, markdownCode, markdownText, md } from '../src/render/escape.js';
import { CONTROL, HOSTILE } from './hostile-text.js';

const html = (markdown: string) => micromark(markdown, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });
/** The text inside the one paragraph (or code span in one) of a document's HTML; null for anything else. */
const inner = (h: string, open = '<p>', close = '</p>') => {
  const m = new RegExp(`^${open}([\\s\\S]*)${close}\\s*$`).exec(h);
  return m ? decode(m[1]!) : null;
};
const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

describe('safeForTerminal', () => {
  it('shows every control and bidirectional control as an escape, and leaves the rest', () => {
    expect(safeForTerminal('\u001b[2J')).toBe('\\x1B[2J');
    expect(safeForTerminal('a\u009bb\u007f')).toBe('a\\x9Bb\\x7F');
    expect(safeForTerminal('pay\u202eLTR\u202c')).toBe('pay\\u202ELTR\\u202C');
    expect(safeForTerminal('tab\there\nline')).toBe('tab\\x09here\\x0Aline');
    expect(safeForTerminal('tab\there\nline', true)).toBe('tab\\x09here\nline');
    for (const plain of ['web-shop', '漢字 🚀 👩‍💻', 'e\u0301', '× − ≥ é']) expect(safeForTerminal(plain)).toBe(plain);
  });

  it('no control is left in any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(CONTROL.test(safeForTerminal(s))).toBe(false);
        expect(CONTROL.test(safeForTerminal(s, true).replace(/\n/g, ''))).toBe(false);
      }),
      { numRuns: 2000 },
    );
  }, 60_000);
});

describe('Markdown', () => {
  it('a hostile name renders as the literal name: no HTML, image, link, emphasis or block', () => {
    for (const name of HOSTILE) {
      expect(inner(html(`Estate: ${markdownText(name)}`)), name).toBe(`Estate: ${safeForTerminal(name)}`);
      // At the start of a line and in a table cell too.
      expect(inner(html(markdownText(name))), name).toBe(safeForTerminal(name));
      const table = html(`| a | b |\n|---|---|\n| ${markdownText(name)} | x |\n`);
      expect(table.match(/<td>/g)).toHaveLength(2);
      expect(decode(/<td>(.*?)<\/td>/.exec(table)![1]!)).toBe(safeForTerminal(name));
    }
  });

  it('any text, in a paragraph and in a table cell', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'abw <>![]()|`*_~&$@#-+=.1\\:/\u001b\n '.split('')) }), (s) => {
        const text = s.trim() === '' ? `x${s}x` : s;
        const expected = safeForTerminal(text).trim();
        expect(inner(html(`Name: ${md(text)}`))).toBe(`Name: ${safeForTerminal(text)}`.trimEnd());
        const table = html(`| a | b |\n|---|---|\n| ${md(text)} | x |\n`);
        expect(table.match(/<td>/g)).toHaveLength(2);
        expect(decode(/<td>(.*?)<\/td>/s.exec(table)![1]!)).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  }, 30_000);

  it('code spans hold any text, backticks included', () => {
    for (const text of ['plain', '`', 'a`b', '``x``', ' a ', '`x']) {
      expect(inner(html(markdownCode(text)), '<p><code>', '</code></p>')).toBe(text);
    }
  });

  it('ordinary names are left as they are', () => {
    for (const name of ['web-shop', 'api v2.1', '漢字 🚀', 'Foundation & Discovery'.replace('&', 'and')]) expect(md(name)).toBe(name);
    expect(md('checkout_clickpath')).toBe('checkout\\_clickpath');
    expect(markdownText('0.009')).toBe('0.009');
    expect(markdownText('1. first')).toBe('1\\. first');
  });
});

describe('CSV cells', () => {
  it('a text cell that starts a formula is prefixed with an apostrophe', () => {
    expect(['=1+1', '+1', '-5', '@SUM(A1)'].map(csvText)).toEqual(["'=1+1", "'+1", "'-5", "'@SUM(A1)"]);
    expect(['web', '', 'a=b', ' =x', '5'].map(csvText)).toEqual(['web', '', 'a=b', ' =x', '5']);
  });

  it('control and bidirectional characters are escaped as on a terminal: a leading tab or carriage return starts no formula', () => {
    expect(['\tx', '\rx', 'a\u001b[2Jb', 'x\u202ey', 'line\nbreak'].map(csvText)).toEqual(['\\x09x', '\\x0Dx', 'a\\x1B[2Jb', 'x\\u202Ey', 'line\\x0Abreak']);
  });
});
