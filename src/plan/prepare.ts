// A plan's inputs checked against each other, before anything is estimated: what the schema cannot
// see from one key (a change outside the contract, a name no entry has, an entry retired before it
// is added, more commitments than years), each a located error. The estate and the files that
// `changes` add are merged into one estate, each entry knowing when it is in service.
import { formatDate } from '../core/calendar.js';
import type { Diagnostic } from '../input/diagnostics.js';
import { mergeEstates, originOf, type Merged } from '../input/merge.js';
import { formatPath, type Path } from '../input/path.js';
import type { EstateData } from '../input/schema.js';
import { sectionEntries, SECTIONS, type Section } from '../input/sections.js';
import type { ParsedDocument } from '../input/source.js';
import { didYouMean } from '../input/suggest.js';
import { Factors, seasonalRules, type Scenario, type Service } from './factors.js';
import { timeline, type Timeline } from './timeline.js';
import { ONE } from '../core/decimal.js';
import { quotedName } from '../input/excerpt.js';

/** A name no entry has, as written, unless it looks like a key or a password; a near miss (a misspelt name) is shown. */
const shown = (name: string, near: string | undefined): string => (near ? `"${name}"` : quotedName(name));

export interface PlanSource {
  file: string;
  data: EstateData;
  document: ParsedDocument;
}

export interface PreparedPlan {
  base: PlanSource;
  /** The estate with the additions merged in (its name and settings the base's). */
  data: EstateData;
  merged: Merged;
  time: Timeline;
  factors: Factors;
  scenarios: Scenario[];
  /** Where a merged entry really is (an added file), for explain and the line items' files. */
  origin: (path: string) => { file: string; path: string } | undefined;
  /** The estate's document and those of the files added, by file. */
  documents: Map<string, ParsedDocument>;
}

export type Prepared = { ok: true; plan: PreparedPlan } | { ok: false; diagnostics: Diagnostic[] };

/** The files `changes` add, by change index, relative paths as written. */
export function additionsOf(data: EstateData): { index: number; file: string }[] {
  return (data.changes ?? []).flatMap((c, index) => (c.add !== undefined ? [{ index, file: c.add }] : []));
}

/** The scenarios in order of their multiplier, `base` (× 1) among them. */
export function scenariosOf(data: EstateData): Scenario[] {
  const given = Object.entries(data.scenarios ?? {}).map(([name, multiplier]) => ({ name, multiplier }));
  if (!given.some((s) => s.name === 'base')) given.push({ name: 'base', multiplier: ONE });
  return given.sort((a, b) => a.multiplier.comparedTo(b.multiplier) || (a.name === 'base' ? -1 : b.name === 'base' ? 1 : 0));
}

export function preparePlan(base: PlanSource, additions: ReadonlyMap<number, PlanSource>): Prepared {
  const data = base.data;
  const diagnostics: Diagnostic[] = [];
  const at = (path: Path, message: string, key = false): void => {
    diagnostics.push({ file: base.file, position: base.document.locate(path, { key }), path: formatPath(path), message });
  };
  const contract = data.contract;
  if (!contract) {
    diagnostics.push({ file: base.file, message: 'no contract: dtcost plan needs `contract: { start: 2027-01-01, years: 3, commitments: [...] }`' });
    return { ok: false, diagnostics };
  }
  const commitments = contract.commitments === undefined ? [] : Array.isArray(contract.commitments) ? contract.commitments : [contract.commitments];
  if (commitments.length > contract.years) at(['contract', 'commitments'], `expected at most ${contract.years} commitments (one per contract year), found ${commitments.length}`);
  const rates = contract.rates === undefined ? [] : Array.isArray(contract.rates) ? contract.rates : [contract.rates];
  if (rates.length > contract.years) at(['contract', 'rates'], `expected at most ${contract.years} rate cards (one per contract year), found ${rates.length}`);
  const time = timeline(contract.start, contract.years, commitments);
  const span = `${formatDate(time.start)}..${formatDate(time.end - 1)}`;

  // Changes: inside the contract (one outside is checked no further).
  const outside = new Set<number>();
  (data.changes ?? []).forEach((c, i) => {
    if (c.from >= time.start && c.from < time.end) return;
    outside.add(i);
    at(['changes', i, 'from'], `expected a date inside the contract (${span}), found ${formatDate(c.from)}`);
  });

  // The additions merged in, in the order of the changes.
  const order = [...additions.keys()].sort((a, b) => a - b);
  const files = [base, ...order.map((i) => additions.get(i)!)];
  const merged = mergeEstates(files);
  for (const d of merged.diagnostics) diagnostics.push(d);
  const mergedData: EstateData = { ...merged.data, name: data.name };
  const changeOfFile = new Map<string, number>();
  for (const i of order) if (!changeOfFile.has(additions.get(i)!.file)) changeOfFile.set(additions.get(i)!.file, i);

  // When each entry is in service: its addition (if a change added it), its retirement.
  const services = new Map<string, Service>();
  const names = new Map<Section, Map<string, number>>();
  for (const section of SECTIONS) {
    const byName = new Map<string, number>();
    sectionEntries(mergedData, section).forEach((e, index) => byName.set(e.name, index));
    names.set(section, byName);
    (merged.origins.get(section) ?? []).forEach((o, index) => {
      const change = changeOfFile.get(o.file);
      if (change === undefined) return;
      const c = data.changes![change]!;
      services.set(`${section}[${index}]`, { from: c.from, until: c.until ?? Infinity, added: change });
    });
  }
  const retired = new Map<string, number>();
  (data.changes ?? []).forEach((c, i) => {
    if (outside.has(i)) return;
    for (const [section, list] of Object.entries(c.remove ?? {}) as [Section, string[]][]) {
      list.forEach((name, j) => {
        const path = ['changes', i, 'remove', section, j];
        const index = names.get(section)?.get(name);
        if (index === undefined) {
          const near = diagnostics.length < 20 ? didYouMean(name, [...(names.get(section)?.keys() ?? [])]) : undefined;
          at(path, `expected the name of an entry of ${section} (in the estate or a file a change adds), found ${shown(name, near)}${near ? ` (did you mean "${near}"?)` : ''}`);
          return;
        }
        const key = `${section}[${index}]`;
        if (retired.has(key)) {
          at(path, `"${name}" is already retired by changes[${retired.get(key)}]`);
          return;
        }
        const service = services.get(key) ?? { from: time.start, until: Infinity };
        if (c.from <= service.from) {
          at(path, `"${name}" is retired on ${formatDate(c.from)}, not after it is added (${formatDate(service.from)})`);
          return;
        }
        retired.set(key, i);
        services.set(key, { ...service, until: Math.min(service.until, c.from), retired: i });
      });
    }
  });

  // Growth and seasonality: names that exist, one rule per target.
  const allNames = (section: string | undefined) => (section ? [...(names.get(section as Section)?.keys() ?? [])] : [...names.values()].flatMap((m) => [...m.keys()]));
  const hasName = (section: string | undefined, name: string) => (section ? names.get(section as Section)?.has(name) ?? false : [...names.values()].some((m) => m.has(name)));
  const checkTargets = (key: 'growth' | 'seasonality', rules: readonly { section?: string | undefined; entry?: string | undefined }[], pathOf: (i: number) => Path) => {
    const seen = new Map<string, number>();
    rules.forEach((r, i) => {
      if (r.entry !== undefined && !hasName(r.section, r.entry)) {
        // A did-you-mean for the first few only: each is a pass over every name.
        const near = diagnostics.length < 20 ? didYouMean(r.entry, allNames(r.section)) : undefined;
        at([...pathOf(i), 'entry'], `expected the name of an entry${r.section ? ` of ${r.section}` : ''}, found ${shown(r.entry, near)}${near ? ` (did you mean "${near}"?)` : ''}`);
      }
      const target = `${r.section ?? ''}|${r.entry ?? ''}`;
      if (seen.has(target)) at(pathOf(i), `a second ${key} rule for ${r.entry ?? r.section ?? 'the whole estate'} (${formatPath(pathOf(seen.get(target)!))} is the first): one rule per target`);
      else seen.set(target, i);
    });
  };
  checkTargets('growth', data.growth ?? [], (i) => ['growth', i]);
  const seasons = seasonalRules(data);
  checkTargets('seasonality', seasons, (i) => (Array.isArray(data.seasonality) ? ['seasonality', i] : ['seasonality']));

  if (diagnostics.length > 0) return { ok: false, diagnostics };
  const serviced = new Set([...services.keys()].map((path) => path.slice(0, path.indexOf('['))));
  const factors = new Factors(mergedData, time, (path) => services.get(path), serviced);
  return {
    ok: true,
    plan: {
      base,
      data: mergedData,
      merged,
      time,
      factors,
      scenarios: scenariosOf(data),
      origin: (path) => (order.length > 0 ? originOf(merged, path) : undefined),
      documents: new Map(files.map((f) => [f.file, f.document])),
    },
  };
}
