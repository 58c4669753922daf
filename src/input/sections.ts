// The estate sections that hold named entries, as paths, and access to them.
import type { EstateData } from './schema.js';

export const SECTIONS = [
  'hosts',
  'containers',
  'pods',
  'activity',
  'applications',
  'synthetic.browser',
  'synthetic.http',
  'synthetic.thirdParty',
  'synthetic.nam',
  'logs',
  'metrics',
  'traces',
  'events',
  'serverless',
  'mainframe',
  'securityPosture',
  'automation',
  'functions',
] as const;
export type Section = (typeof SECTIONS)[number];

export function sectionEntries(data: EstateData, section: Section): { name: string }[] {
  switch (section) {
    case 'synthetic.browser':
      return data.synthetic.browser;
    case 'synthetic.http':
      return data.synthetic.http;
    case 'synthetic.thirdParty':
      return data.synthetic.thirdParty;
    case 'synthetic.nam':
      return data.synthetic.nam;
    default:
      return data[section];
  }
}

/** The sections under `synthetic`, by their key there. */
const SYNTHETIC: Record<string, Section> = { browser: 'synthetic.browser', http: 'synthetic.http', thirdParty: 'synthetic.thirdParty', nam: 'synthetic.nam' };
const TOP = new Set<string>(SECTIONS.filter((s) => !s.startsWith('synthetic.')));

/**
 * The section whose list of entries is at `path` in an estate (['hosts'], ['synthetic', 'http']),
 * or undefined: what the parsers hand to an EntrySink entry by entry (src/input/stream.ts).
 */
export function sectionAt(path: readonly (string | number)[]): Section | undefined {
  if (path.length === 1) return typeof path[0] === 'string' && TOP.has(path[0]) ? (path[0] as Section) : undefined;
  if (path.length === 2 && path[0] === 'synthetic' && typeof path[1] === 'string') return Object.hasOwn(SYNTHETIC, path[1]) ? SYNTHETIC[path[1]] : undefined;
  return undefined;
}

/**
 * Takes the entries of an estate's sections as a parser reads them, in order, instead of the
 * parser's list: the list it returns for the section stays empty.
 */
export type EntrySink = (section: Section, entry: unknown) => void;
