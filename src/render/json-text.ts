// Large JSON documents written in pieces: JSON.stringify's own text (two-space indentation) for
// everything but one list, which is written element by element as its elements come.

/** Stands in a document for the list written separately; the text is split where it stands. */
export const LIST = '\u0000list\u0000';

/** JSON.stringify(value, null, 2), every line after the first indented by `indent`, split where LIST stands. */
export function splitAtList(value: unknown, indent = ''): { before: string; after: string } {
  const text = JSON.stringify(value, null, 2).replace(/\n/g, `\n${indent}`);
  const marker = JSON.stringify(LIST);
  const at = text.indexOf(marker);
  return { before: text.slice(0, at), after: text.slice(at + marker.length) };
}

/** An array as JSON.stringify(…, null, 2) writes it where the array's line is indented by `indent`, in pieces. */
export function* prettyArray<T>(items: Iterable<T>, toJson: (item: T) => unknown, indent: string): Generator<string> {
  const inner = `${indent}  `;
  let n = 0;
  for (const item of items) {
    yield n++ === 0 ? `[\n${inner}` : `,\n${inner}`;
    yield JSON.stringify(toJson(item), null, 2).replace(/\n/g, `\n${inner}`);
  }
  yield n === 0 ? '[]' : `\n${indent}]`;
}
