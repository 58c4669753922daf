// Differential test of the streamed validation of large estates (src/input/stream.ts, through
// load.ts loadEstateText) against the whole-file path (loadText): for ANY text, the same outcome,
// the same validated data when the estate is valid, the same diagnostics when it is not. Estates are
// generated valid and subtly invalid (wrong types, numbers at and past the edges, unknown keys with
// and without a did-you-mean, duplicate names within and across sections, classic cross-references,
// entries that are not mappings, sections that are not lists, `__proto__` and `constructor` keys,
// deep nesting inside an entry, NUL and odd Unicode in names, plan keys, both licensing models),
// written as JSON, as block YAML and as YAML with flow collections, anchors, aliases and merge keys,
// and padded past STREAM_FROM_CHARS with valid filler entries (before or after the generated ones)
// or with blank space and a comment. A valid estate the fast parsers read must take the streamed
// path. CI runs 15 estates of each form; `npm run fuzz` runs a tenth of FUZZ_RUNS.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadEstateText, loadText, STREAM_FROM_CHARS, type Loaded } from '../../src/input/load.js';
import { parseJson } from '../../src/input/parse-json.js';
import { parseYamlFast } from '../../src/input/parse-yaml-fast.js';
import { estateSchema, type EstateData } from '../../src/input/schema.js';
import { sectionEntries, SECTIONS as ESTATE_SECTIONS } from '../../src/input/sections.js';
import { validateStreamed } from '../../src/input/stream.js';

/** Each estate is 64 KiB or more, validated three times: a tenth of FUZZ_RUNS (1,000 in `npm run fuzz`). */
const RUNS = process.env.FUZZ_RUNS ? Math.ceil(Number(process.env.FUZZ_RUNS) / 10) : 15;
/** Synchronous properties cannot be interrupted: the limit only has to exceed the run. */
const TIMEOUT = Math.max(60_000, RUNS * 400);

// --- the document model ------------------------------------------------------------------------

/** A number as written (its exact text). */
class Num {
  constructor(readonly text: string) {}
}
/** A mapping as written: its keys in order (a `__proto__` key is a key like any other). */
class Obj {
  constructor(readonly pairs: [string, Val][]) {}
  get(key: string): Val | undefined {
    return this.pairs.find(([k]) => k === key)?.[1];
  }
  set(key: string, value: Val): Obj {
    return new Obj(this.pairs.some(([k]) => k === key) ? this.pairs.map(([k, v]) => [k, k === key ? value : v]) : [...this.pairs, [key, value]]);
  }
  without(key: string): Obj {
    return new Obj(this.pairs.filter(([k]) => k !== key));
  }
}
type Val = null | boolean | string | Num | Val[] | Obj;

const n = (text: string | number) => new Num(String(text));
const obj = (o: Record<string, Val | undefined>) => new Obj(Object.entries(o).filter((e): e is [string, Val] => e[1] !== undefined));

// --- serialisers -------------------------------------------------------------------------------

function json(v: Val, pretty: boolean, indent = ''): string {
  if (v instanceof Num) return v.text;
  if (v instanceof Obj) {
    if (v.pairs.length === 0) return '{}';
    const inner = `${indent} `;
    const parts = v.pairs.map(([k, x]) => `${JSON.stringify(k)}:${pretty ? ' ' : ''}${json(x, pretty, inner)}`);
    return pretty ? `{\n${parts.map((p) => inner + p).join(',\n')}\n${indent}}` : `{${parts.join(',')}}`;
  }
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    const inner = `${indent} `;
    const parts = v.map((x) => json(x, pretty, inner));
    return pretty ? `[\n${parts.map((p) => inner + p).join(',\n')}\n${indent}]` : `[${parts.join(',')}]`;
  }
  return JSON.stringify(v);
}

/** How a YAML document is written: which collections are flow, which entries are anchored. */
interface YamlStyle {
  /** Mappings and lists at this depth or deeper (and the entries of `flowSections`) are flow collections. */
  flowFrom: number;
  flowSections: readonly string[];
}

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
const yamlKey = (k: string) => (PLAIN_KEY.test(k) && !/^(?:true|false|null|yes|no|on|off|y|n)$/i.test(k) ? k : JSON.stringify(k));
const yamlScalar = (v: null | boolean | string | Num): string => (v instanceof Num ? v.text : v === null ? 'null' : typeof v === 'boolean' ? String(v) : JSON.stringify(v));
/** A value written on one line: a scalar, an alias or a flow collection. */
function flow(v: Val): string {
  if (v instanceof Obj) return `{${v.pairs.map(([k, x]) => `${yamlKey(k)}: ${flow(x)}`).join(', ')}}`;
  if (Array.isArray(v)) return `[${v.map(flow).join(', ')}]`;
  if (typeof v === 'string' && v.startsWith('*alias:')) return `*${v.slice(7)}`;
  return yamlScalar(v);
}
/** A value after `key:` or `- `, its lines indented by `indent`. */
function yamlValue(v: Val, indent: string, depth: number, style: YamlStyle, section?: string): string {
  if (typeof v === 'string' && v.startsWith('*alias:')) return ` *${v.slice(7)}`;
  if (v instanceof Obj && v.get('<<') !== undefined && typeof v.get('<<') === 'string') {
    // A merge key: `<<: *anchor` first, the mapping's own keys after it.
    const rest = v.without('<<');
    return `\n${indent}<<: *${(v.get('<<') as string).slice(7)}${rest.pairs.map(([k, x]) => `\n${indent}${yamlKey(k)}:${yamlValue(x, `${indent}  `, depth + 1, style)}`).join('')}`;
  }
  const isFlow = depth >= style.flowFrom;
  if (v instanceof Obj) {
    if (v.pairs.length === 0 || isFlow) return ` ${flow(v)}`;
    return v.pairs.map(([k, x]) => `\n${indent}${yamlKey(k)}:${yamlValue(x, `${indent}  `, depth + 1, style, depth === 0 || (depth === 1 && section === 'synthetic') ? k : undefined)}`).join('');
  }
  if (Array.isArray(v)) {
    if (v.length === 0 || isFlow) return ` ${flow(v)}`;
    const entryFlow = section !== undefined && style.flowSections.includes(section);
    return v
      .map((x) => {
        const anchored = x instanceof Obj && typeof x.get('&') === 'string' ? (x.get('&') as string) : undefined;
        const item = anchored !== undefined ? (x as Obj).without('&') : x;
        const head = `\n${indent}-${anchored !== undefined ? ` &${anchored}` : ''}`;
        if (entryFlow || !(item instanceof Obj) || item.pairs.length === 0) return `${head} ${flow(item)}`;
        return `${head}${yamlValue(item, `${indent}  `, depth + 1, style)}`;
      })
      .join('');
  }
  return ` ${yamlScalar(v)}`;
}
function yaml(root: Obj, style: YamlStyle): string {
  return `${yamlValue(root, '', 0, style).replace(/^\n/, '')}\n`;
}

// --- generated estates -------------------------------------------------------------------------

const EDGE_NUMBERS = ['1e15', '1e-15', '1e-16', '999999999999999', '-0', '0', '0.0', '0.1000000000000000000000000000000000000001', '1E3', '24', '24.000000000000000000001', '5', '-1', '1.5', '8', '0.5', '3657', '3658', '2'];
const numArb = fc.oneof(fc.constantFrom(...EDGE_NUMBERS), fc.integer({ min: 1, max: 500 }).map(String)).map(n);
const ODD_NAMES = ['web', 'db', ' web', 'web ', 'é', 'e\u0301', 'x\u0000y', '名前', 'a\u200bb', 'tab\tname', '', ' ', 'x'.repeat(257), '__proto__', 'constructor', 'toString', 'hasOwnProperty', '\u{1F600}', 'ﬁ'];
const ENVIRONMENTS = ['prod', 'test', 'prd', ' prod', 'PROD', 'staging'];
/** Wrong values for any key: each kind of value that a key of another kind refuses. */
const wrongArb: fc.Arbitrary<Val> = fc.oneof(
  numArb,
  fc.constantFrom<Val>('8', '4GiB', 'eight', '', null, true, false, [], [n(1)], obj({}), obj({ x: n(1) }), 'AKIAIOSFODNN7EXAMPLE'),
);
/** A value nested `depth` lists and mappings deep. */
const deep = (depth: number): Val => (depth === 0 ? n(1) : depth % 2 ? [deep(depth - 1)] : obj({ k: deep(depth - 1) }));

interface Section {
  path: string;
  /** A valid entry named `name`, with some of its optional keys, given a few choices. */
  entry: (name: string, pick: number[]) => Obj;
  /** Known keys with the typos people make. */
  typos: [string, string][];
}
const at = <T>(list: readonly T[], i: number | undefined) => list[(i ?? 0) % list.length]!;
const SECTIONS: Section[] = [
  { path: 'hosts', entry: (name, p) => obj({ name, memoryGiB: n(at(['8', '0.5', '1e-15', '16'], p[0])), mode: p[1]! % 2 ? at(['fullstack', 'infrastructure', 'discovery'], p[2]) : undefined, hoursPerDay: p[3]! % 3 === 0 ? n(at(['24', '7.5', '0'], p[4])) : undefined, appSecurity: p[5]! % 4 === 0 ? ['rva'] : undefined }), typos: [['memoryGib', '8'], ['moed', 'fullstack'], ['hoursperday', '1']] },
  { path: 'containers', entry: (name, p) => obj({ name, memoryLimitGiB: n(at(['2', '0.25'], p[0])), platform: p[1]! % 2 ? 'ecs' : undefined, count: p[2]! % 2 ? n(at(['3', '0'], p[3])) : undefined }), typos: [['memoryLimitGib', '2'], ['platfrom', 'ecs']] },
  { path: 'pods', entry: (name, p) => obj({ name, count: p[0]! % 2 ? n(at(['1', '10'], p[1])) : undefined, onFullStackHosts: p[2]! % 3 === 0 ? true : undefined }), typos: [['cont', '1']] },
  { path: 'applications', entry: (name, p) => obj({ name, visitsPerMonth: n(at(['1000', '0', '1e14'], p[0])), bounceRate: p[1]! % 2 ? n(at(['0.3', '1', '0'], p[2])) : undefined, type: p[3]! % 3 === 0 ? 'mobile' : undefined }), typos: [['visitsPerMonht', '1'], ['bounceRat', '0.1']] },
  { path: 'synthetic.http', entry: (name, p) => obj({ name, frequencyMinutes: n(at(['5', '1', '60'], p[0])), locations: p[1]! % 2 ? n(at(['1', '3'], p[2])) : ['eu', 'us'] }), typos: [['frequencyMinute', '5'], ['location', '1']] },
  { path: 'synthetic.browser', entry: (name, p) => obj({ name, frequencyMinutes: n(at(['5', '15'], p[0])), locations: p[1]! % 2 ? n(2) : ['eu'], billableSteps: p[2]! % 2 ? n(3) : undefined }), typos: [['billableStep', '3']] },
  { path: 'logs', entry: (name, p) => (p[0]! % 3 === 0 ? obj({ name, model: 'log-monitoring-classic', recordsPerMonth: n(1000) }) : p[0]! % 3 === 1 ? obj({ name, ingestGiBPerDay: n(at(['1', '0.5'], p[1])) }) : obj({ name, model: 'log-monitoring-classic', ingestGiBPerDay: n(1) })), typos: [['ingestGiBperDay', '1'], ['retention', '35']] },
  { path: 'metrics', entry: (name, p) => obj({ name, series: n(at(['10', '0'], p[0])), host: p[1]! % 2 ? at(['host-0', 'host-1', 'web', 'hots-0', ' host-0'], p[2]) : undefined }), typos: [['serie', '1'], ['hots', 'web']] },
  { path: 'traces', entry: (name, p) => obj({ name, requestsPerMonth: n(at(['100', '1e14'], p[0])), retentionDays: p[1]! % 2 ? n(at(['10', '3657'], p[2])) : undefined }), typos: [['requestPerMonth', '1']] },
  { path: 'events', entry: (name) => obj({ name, eventsPerMonth: n(10) }), typos: [['eventPerMonth', '1']] },
  { path: 'serverless', entry: (name) => obj({ name, invocationsPerMonth: n(5) }), typos: [['invocationPerMonth', '1']] },
  { path: 'functions', entry: (name, p) => obj({ name, invocationsPerMonth: n(at(['5', '0'], p[0])) }), typos: [['invocations', '1']] },
  { path: 'securityPosture', entry: (name) => obj({ name }), typos: [['count_', '1']] },
  { path: 'automation', entry: (name, p) => obj({ name, executionsPerMonth: p[0]! % 2 ? n(100) : undefined, minutesPerTask: p[1]! % 3 === 0 ? n(at(['2', '0.5'], p[2])) : undefined }), typos: [['executionPerMonth', '1']] },
];

/** What is done to an entry to make it (perhaps) invalid. */
type Mutation =
  | { k: 'none' }
  | { k: 'wrong'; key: number; value: Val }
  | { k: 'drop'; key: number }
  | { k: 'typo'; which: number }
  | { k: 'unknown'; key: string }
  | { k: 'not-a-mapping'; value: Val }
  | { k: 'deep'; depth: number }
  | { k: 'environment'; env: string };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: fc.constant<Mutation>({ k: 'none' }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('wrong' as const), key: fc.nat(), value: wrongArb }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('drop' as const), key: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('typo' as const), which: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('unknown' as const), key: fc.constantFrom('__proto__', 'constructor', 'toString', 'zzz', 'x'.repeat(129), 'AKIAIOSFODNN7EXAMPLE', 'name ') }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('not-a-mapping' as const), value: fc.constantFrom<Val>(n(1), 'host', null, true, [], [obj({ name: 'x' })]) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('deep' as const), depth: fc.constantFrom(3, 40, 200) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('environment' as const), env: fc.constantFrom(...ENVIRONMENTS) }) },
);

function mutate(entry: Obj, m: Mutation, section: Section): Val {
  switch (m.k) {
    case 'none':
      return entry;
    case 'wrong':
      return entry.set(at(entry.pairs, m.key)[0], m.value);
    case 'drop':
      return entry.without(at(entry.pairs, m.key)[0]);
    case 'typo': {
      const [key, value] = at(section.typos, m.which);
      return entry.set(key, /^[\d.]+$/.test(value) ? n(value) : value);
    }
    case 'unknown':
      return entry.set(m.key, n(1));
    case 'not-a-mapping':
      return m.value;
    case 'deep':
      return entry.set('name', deep(m.depth));
    case 'environment':
      return entry.set('environment', m.env);
  }
}

const generatedEntry = fc.record({ section: fc.nat(SECTIONS.length - 1), name: fc.oneof({ weight: 4, arbitrary: fc.nat(30).map((i) => `e-${i}`) }, { weight: 1, arbitrary: fc.constantFrom(...ODD_NAMES) }), pick: fc.array(fc.nat(11), { minLength: 6, maxLength: 6 }), mutation: mutationArb });

/** The estate's keys other than its sections: settings, license, environments, plan keys. */
const settingsArb = fc.record({
  licensing: fc.constantFrom('dps', 'classic', 'classic', undefined, 'clasic'),
  version: fc.constantFrom<Val>(n(1), n(1), n(1), n('1.0'), '1', n(2)),
  environments: fc.constantFrom<Val | undefined>(undefined, [obj({ name: 'prod', hostUnits: n(10) }), obj({ name: 'test' })], [obj({ name: 'prod' }), obj({ name: 'prod' })], obj({ name: 'prod' })),
  license: fc.constantFrom<Val | undefined>(undefined, obj({ deployment: 'managed' }), obj({ logStorageGiBPerDay: n(1) }), obj({ logStorageGiB: n(100), logStorageDays: n(30) }), obj({ logStorageGiBPerDay: n(1), logStorageGiB: n(1) }), obj({ hostUnits: n(10), overages: false }), obj({ hostUnit: n(1) })),
  contract: fc.constantFrom<Val | undefined>(undefined, obj({ start: '2027-01-01', years: n(3), commitments: [n(1000), n(2000)] }), obj({ start: '2027-02-30', years: n(11) })),
  growth: fc.constantFrom<Val | undefined>(undefined, [obj({ percentPerMonth: n(1) })], [obj({ section: 'hosts', percentPerYear: n(-100) })], [obj({ percentPerMonth: n(1), percentPerYear: n(1) })]),
  changes: fc.constantFrom<Val | undefined>(undefined, [obj({ from: '2027-02-01', remove: obj({ hosts: ['e-1'] }) })], [obj({ from: '2027-02-01' })], [obj({ from: '2027-02-01', remove: obj({ hostz: ['a'] }) })]),
  scenarios: fc.constantFrom<Val | undefined>(undefined, obj({ low: n('0.8'), high: n('1.2') }), obj({ Bad: n(1) }), obj({ base: n(2) })),
  extra: fc.constantFrom<[string, Val] | undefined>(undefined, undefined, ['hostz', []], ['__proto__', obj({ hosts: [] })], ['constructor', n(1)], ['synthetic', obj({ htttp: [] })], ['hosts', obj({})], ['pods', 'none'], ['hosts', null], ['metrics', []]),
});

/** Filler: valid entries that take the text past STREAM_FROM_CHARS, or blank space and a comment. */
const paddingArb = fc.record({
  kind: fc.constantFrom('entries', 'entries', 'space'),
  section: fc.constantFrom('hosts', 'pods', 'functions', 'metrics', 'synthetic.http'),
  /** Before the generated entries of its section (which then end the section), or after them. */
  first: fc.boolean(),
});

/** Settings that are valid together (so that whole estates are valid often enough to be streamed). */
const tidySettingsArb = fc.record({
  licensing: fc.constantFrom('dps', 'classic', undefined),
  version: fc.constantFrom<Val>(n(1), n('1.0'), '1'),
  environments: fc.constant<Val | undefined>([obj({ name: 'prod', hostUnits: n(10) }), obj({ name: 'test' })]),
  license: fc.constantFrom<Val | undefined>(undefined, obj({ deployment: 'managed' }), obj({ logStorageGiBPerDay: n(1) }), obj({ logStorageGiB: n(100), logStorageDays: n(30) }), obj({ hostUnits: n(10), overages: false })),
  contract: fc.constantFrom<Val | undefined>(undefined, obj({ start: '2027-01-01', years: n(3), commitments: [n(1000), n(2000)] })),
  growth: fc.constantFrom<Val | undefined>(undefined, [obj({ percentPerMonth: n(1) })], [obj({ section: 'hosts', percentPerYear: n('-99.9') })]),
  changes: fc.constantFrom<Val | undefined>(undefined, [obj({ from: '2027-02-01', remove: obj({ hosts: ['e-1'] }) })]),
  scenarios: fc.constantFrom<Val | undefined>(undefined, obj({ low: n('0.8'), high: n('1.2'), base: n(1) })),
  extra: fc.constant<[string, Val] | undefined>(undefined),
});
/** Entries without mutations (but a valid environment), with distinct names. */
const tidyEntries = fc
  .uniqueArray(fc.record({ section: fc.nat(SECTIONS.length - 1), name: fc.oneof(fc.nat(30).map((i) => `e-${i}`), fc.constantFrom('é', 'e\u0301', 'x\u0000y', '名前', '\u{1F600}', ' web ')), pick: fc.array(fc.nat(11), { minLength: 6, maxLength: 6 }), mutation: fc.constantFrom<Mutation>({ k: 'none' }, { k: 'none' }, { k: 'environment', env: 'prod' }, { k: 'environment', env: ' test' }) }), {
    maxLength: 12,
    selector: (e) => `${SECTIONS[e.section]!.path}/${e.name.trim().normalize('NFC')}`,
  });
const estateArb = fc.oneof(
  fc.record({ settings: settingsArb, entries: fc.array(generatedEntry, { maxLength: 12 }), padding: paddingArb, settingsFirst: fc.boolean() }),
  fc.record({ settings: tidySettingsArb, entries: tidyEntries, padding: paddingArb, settingsFirst: fc.boolean() }),
);
type Generated = typeof estateArb extends fc.Arbitrary<infer T> ? T : never;

const FILLER: Record<string, (i: number) => Obj> = {
  hosts: (i) => obj({ name: `fill-${i}`, memoryGiB: n(8) }),
  pods: (i) => obj({ name: `fill-${i}` }),
  functions: (i) => obj({ name: `fill-${i}`, invocationsPerMonth: n(1) }),
  metrics: (i) => obj({ name: `fill-${i}`, series: n(1) }),
  'synthetic.http': (i) => obj({ name: `fill-${i}`, frequencyMinutes: n(5), locations: n(1) }),
};

/** The estate as a mapping, with `fillers` filler entries. */
function build(g: Generated, fillers: number): Obj {
  const lists = new Map<string, Val[]>();
  const list = (path: string) => {
    let l = lists.get(path);
    if (l === undefined) lists.set(path, (l = []));
    return l;
  };
  if (g.padding.kind === 'entries' && g.padding.first) for (let i = 0; i < fillers; i++) list(g.padding.section).push(FILLER[g.padding.section]!(i));
  for (const e of g.entries) {
    const section = SECTIONS[e.section]!;
    list(section.path).push(mutate(section.entry(e.name, e.pick), e.mutation, section));
  }
  if (g.padding.kind === 'entries' && !g.padding.first) for (let i = 0; i < fillers; i++) list(g.padding.section).push(FILLER[g.padding.section]!(i));
  const s = g.settings;
  const settings: [string, Val][] = Object.entries({ version: s.version, licensing: s.licensing, environments: s.environments, license: s.license, contract: s.contract, growth: s.growth, changes: s.changes, scenarios: s.scenarios }).filter((e): e is [string, Val] => e[1] !== undefined);
  const sections: [string, Val][] = [];
  const synthetic: [string, Val][] = [];
  for (const [path, l] of lists) {
    if (path.startsWith('synthetic.')) synthetic.push([path.slice(10), l]);
    else sections.push([path, l]);
  }
  if (synthetic.length > 0) sections.push(['synthetic', new Obj(synthetic)]);
  let pairs = g.settingsFirst ? [...settings, ...sections] : [...sections, ...settings];
  // An extra key: unknown, or a section of the wrong kind (replacing the generated one).
  if (s.extra !== undefined) pairs = [...pairs.filter(([k]) => k !== s.extra![0]), s.extra];
  return new Obj(pairs);
}

/** YAML with anchors: the first entry of a section anchored, repeated by an alias in another section or as a merge. */
function withAnchors(root: Obj, how: number): Obj {
  const sections = root.pairs.filter(([k, v]) => SECTIONS.some((s) => s.path === k) && Array.isArray(v) && v.length > 0 && v[0] instanceof Obj);
  if (sections.length === 0) return root;
  const [key, list] = at(sections, how) as [string, Val[]];
  const first = list[0] as Obj;
  const anchoredList = [first.set('&', 'a1'), ...list.slice(1)];
  let out = root.set(key, anchoredList);
  // Mostly a merge into the same section (valid), else an alias (a duplicate name) or another section.
  const other = how % 4 < 2 ? key : at(['securityPosture', 'pods', 'functions', 'serverless', key], how >> 2);
  const use: Val = how % 4 === 1 ? `*alias:a1` : obj({ '<<': '*alias:a1', name: 'merged' });
  const target = out.get(other);
  // Another section moves to the end, after the anchor (an alias before its anchor: see below).
  out = (other === key ? out : out.without(other)).set(other, Array.isArray(target) ? [...target, use] : [use]);
  return out;
}

// --- the comparison ----------------------------------------------------------------------------

/** What a load gave, to compare: the data, or the diagnostics. */
const outcome = (r: Loaded<EstateData>) => (r.ok ? { data: r.data } : { diagnostics: r.diagnostics });

function compare(file: string, text: string): 'streamed' | 'whole' | 'invalid' {
  expect(text.length).toBeGreaterThanOrEqual(STREAM_FROM_CHARS);
  const input = { file, dir: '/nowhere', text };
  const whole = loadText(input, estateSchema, 'an estate');
  const streamed = loadEstateText(input, 'an estate');
  expect(outcome(streamed)).toEqual(outcome(whole));
  const json = file.endsWith('.json');
  const alone = validateStreamed((sink) => {
    if (json) {
      const r = parseJson(text, sink);
      return r.ok ? r.document : undefined;
    }
    return parseYamlFast(text, sink);
  });
  if (!whole.ok) {
    // The streamed path never says yes to an invalid estate.
    expect(alone).toBeUndefined();
    return 'invalid';
  }
  // A valid estate the fast parsers read is streamed, to the same data and the same positions.
  if (json || parseYamlFast(text) !== undefined) expect(alone).toBeDefined();
  if (alone === undefined) return 'whole';
  expect(alone.data).toEqual(whole.data);
  if (streamed.ok) {
    // explain locates what it shows in the streamed document: the same places.
    const paths = [...Object.keys(whole.data).map((k) => [k]), ...ESTATE_SECTIONS.filter((s) => sectionEntries(whole.data, s).length > 0).map((s) => [...s.split('.'), 0])];
    for (const path of paths) expect(streamed.document.locate(path)).toEqual(whole.document.locate(path));
  }
  return 'streamed';
}

/** The text of `g` in `format`, padded past STREAM_FROM_CHARS. */
function text(g: Generated, format: (root: Obj) => string, comment: (pad: string) => string): string {
  if (g.padding.kind === 'space') {
    const body = format(build(g, 0));
    return body + comment(' '.repeat(Math.max(0, STREAM_FROM_CHARS - body.length + 10)));
  }
  // Enough filler entries: one of them is at most ~70 characters in any of the forms.
  const one = format(build(g, 2)).length - format(build(g, 1)).length;
  const fillers = Math.ceil(STREAM_FROM_CHARS / Math.max(10, one)) + 1;
  const padded = format(build(g, fillers));
  // The filler's section may have been replaced by a value of the wrong kind (settings.extra).
  return padded.length >= STREAM_FROM_CHARS ? padded : padded + comment(' '.repeat(STREAM_FROM_CHARS - padded.length + 10));
}

function run(name: string, arb: fc.Arbitrary<string>, file: string, minStreamed: number): void {
  it(
    name,
    () => {
      const seen = { streamed: 0, whole: 0, invalid: 0 };
      fc.assert(
        fc.property(arb, (t) => {
          seen[compare(file, t)]++;
        }),
        { numRuns: RUNS },
      );
      if (process.env.FUZZ_RUNS) process.stdout.write(`\nstreamed differential, ${name}: ${JSON.stringify(seen)}\n`);
      // The generator must reach both valid (streamed) and invalid estates, or it tests little
      // (checked on runs long enough for it not to fail by chance).
      if (RUNS >= 100) {
        expect(seen.streamed).toBeGreaterThanOrEqual(Math.floor(RUNS * minStreamed));
        expect(seen.invalid).toBeGreaterThan(0);
      }
    },
    TIMEOUT,
  );
}

describe(`streamed and whole-file validation agree on generated estates (${RUNS} of each form; FUZZ_RUNS sets more)`, () => {
  const jsonText = (pretty: boolean) => estateArb.map((g) => text(g, (root) => json(root, pretty), (pad) => `\n${pad}\n`));
  run('JSON, one line', jsonText(false), 'estate.json', 0.05);
  run('JSON, indented', jsonText(true), 'estate.json', 0.05);
  run(
    'block YAML',
    estateArb.map((g) => text(g, (root) => yaml(root, { flowFrom: 99, flowSections: [] }), (pad) => `#${pad}\n`)),
    'estate.yaml',
    0.05,
  );
  run(
    'YAML with flow collections, anchors, aliases and merge keys',
    fc.tuple(estateArb, fc.nat(63), fc.constantFrom(2, 3, 99), fc.subarray(['hosts', 'pods', 'functions', 'metrics', 'securityPosture', 'http'])).map(([g, how, flowFrom, flowSections]) =>
      text(g, (root) => yaml(withAnchors(root, how), { flowFrom, flowSections }), (pad) => `\n# padding${pad}\n`),
    ),
    'estate.yaml',
    0.02,
  );
});

describe('hand-picked estates past STREAM_FROM_CHARS', () => {
  const fill = (k: number) => Array.from({ length: k }, (_, i) => `  - name: fill-${i}\n    memoryGiB: 8\n`).join('');
  const cases: [string, 'streamed' | 'invalid', string][] = [
    ['an invalid last entry after thousands of valid ones', 'invalid', `version: 1\nhosts:\n${fill(3000)}  - name: last\n    memoryGiB: -1\n`],
    ['a duplicate of the first entry at the end', 'invalid', `version: 1\nhosts:\n${fill(3000)}  - name: fill-0\n    memoryGiB: 8\n`],
    ['a duplicate once normalised (NFC) at the end', 'invalid', `version: 1\nhosts:\n  - name: "\\u00e9"\n    memoryGiB: 8\n${fill(3000)}  - name: "e\\u0301"\n    memoryGiB: 8\n`],
    ['an entry that is a number', 'invalid', `version: 1\nhosts:\n${fill(3000)}  - 1\n`],
    ['a metric naming a host the streamed path saw long before', 'streamed', `version: 1\nlicensing: classic\nhosts:\n${fill(3000)}metrics:\n  - name: m\n    series: 1\n    host: "fill-2999 "\n`],
    ['a metric naming a host after the metrics', 'invalid', `version: 1\nlicensing: classic\nmetrics:\n  - name: m\n    series: 1\n    host: fill-3000\nhosts:\n${fill(3000)}`],
    ['an anchored section repeated by an alias as another section', 'streamed', `version: 1\npods: &p\n${Array.from({ length: 4000 }, (_, i) => `  - name: p-${i}\n`).join('')}securityPosture: *p\n`],
    ['a merge of an entry into the next ones', 'streamed', `version: 1\nhosts:\n  - &h\n    name: a\n    memoryGiB: 8\n${Array.from({ length: 500 }, (_, i) => `  - <<: *h\n    name: m-${i}\n`).join('')}${fill(2500)}`],
  ];
  it.each(cases)('%s', (_, expected, t) => {
    expect(compare('estate.yaml', t)).toBe(expected);
  });
});
