// Streamed output (JSON, CSV, the table, Markdown): pieces of text gathered into chunks of about a
// quarter of a megabyte of characters before they are written. Smaller than the engine's young
// generation by far, so a chunk being built is rarely alive across a garbage collection (1 MB
// chunks were: the render of 100,000 entries promoted 40 MB to the old generation; 256 KB chunks
// promote 10 MB). Pieces are joined once per chunk: one flat string, not a rope of thousands.
const CHUNK_CHARS = 1 << 18;

/** The pieces, in order, joined into chunks of about CHUNK_CHARS characters (none empty). */
export function* chunked(pieces: Iterable<string>): Generator<string> {
  let parts: string[] = [];
  let size = 0;
  for (const piece of pieces) {
    parts.push(piece);
    size += piece.length;
    if (size > CHUNK_CHARS) {
      yield parts.join('');
      parts = [];
      size = 0;
    }
  }
  if (size > 0) yield parts.join('');
}
