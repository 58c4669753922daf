// Text that a terminal, a Markdown renderer or a spreadsheet would obey, for the escaping tests.

/** What a terminal would obey: C0 and C1 controls, DEL, bidirectional controls, line separators. */
export const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

export const HOSTILE = [
  '\u001b[2J\u001b[H', // clear the screen
  '\u001b]52;c;ZXZpbA==\u0007', // write the clipboard (OSC 52)
  '\u001b]0;title\u001b\\', // set the window title
  'a\u009b31mb', // C1 CSI
  'pay\u202eLTR\u202c', // bidi override
  'x\u2066y\u2069z\u200f',
  '<img src=https://evil.example/x.png>',
  '![x](https://evil.example/pixel.png)',
  '[click](https://evil.example)',
  '<script>alert(1)</script>',
  '&lt;b&gt;',
  'a | b',
  '# heading',
  '- item',
  '1. item',
  '> quote',
  '`code`',
  '``',
  '**bold** _em_ ~~gone~~',
  '$x^2$',
  'line\nbreak',
  '=HYPERLINK("https://evil.example","x")',
  'see https://evil.example/a or www.evil.example or me@evil.example',
];
