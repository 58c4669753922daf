// How much streamed output (JSON, CSV) is gathered before it is written: a quarter of a megabyte
// of characters. Smaller than the engine's young generation by far, so a chunk being built is
// rarely alive across a garbage collection (1 MB chunks were: the render of 100,000 entries
// promoted 40 MB to the old generation; 256 KB chunks promote 10 MB).
export const CHUNK_CHARS = 1 << 18;
