// Colour only where it helps and is wanted: never with --no-color or NO_COLOR (chalk 5 does not
// read NO_COLOR itself), never when the stream is not a terminal unless FORCE_COLOR asks for it.
import { PLAIN, type Style } from '../render/style.js';

export function wantsColor(stream: { isTTY?: boolean }, colorFlag: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  if (!colorFlag) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}

export async function styleFor(color: boolean): Promise<Style> {
  if (!color) return PLAIN;
  const { Chalk } = await import('chalk');
  const c = new Chalk({ level: 1 });
  return { bold: c.bold, dim: c.dim, red: c.red, yellow: c.yellow, green: c.green };
}
