// A large estate validated entry by entry as it is parsed (issue 17): the parser hands each entry of
// a section to a sink (src/input/sections.ts EntrySink) instead of keeping it in its list, the entry
// is checked against the limits and its section's schema, its name against the others', and the
// parts that the cross-references read are kept; the parsed entry is then garbage, so the parsed
// and the validated trees of the entries never both live whole. What is left of the document (its
// settings, license, budget, plan, with empty sections) is validated by the estate's schema.
//
// This path only says yes: an estate with any problem at all (a value, a duplicate name, a
// reference, a limit) gives `undefined`, and the caller validates the whole file again by the
// ordinary path (src/input/load.ts loadText), which reports every problem, located, as it always
// has. So a valid estate gets the same data both ways (test/estate/streamed.test.ts), and the
// messages of an invalid one are those of the one path that makes them.
import type { z } from 'zod';
import { checkHeap } from './memory.js';
import { exceedsLimits } from './limits.js';
import { crossReferencesHold, ENTRY_SCHEMAS, estateSchema, type EstateData } from './schema.js';
import { SECTIONS, type EntrySink, type Section } from './sections.js';
import type { ParsedDocument } from './source.js';

/** The estate is not valid: the caller validates it again by the ordinary path, which says why. */
class NotValid extends Error {}

/** The parts of an entry that the estate's cross-references read (schema.ts classicChecks), once validated. */
const REFERENCE_KEYS: Partial<Record<Section, readonly string[]>> = {
  metrics: ['environment', 'host'],
  logs: ['environment', 'model', 'recordsPerMonth', 'ingestGiBPerDay'],
};

const isEntry = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Where a section's list is in the estate (['synthetic', 'http']). */
const pathOf = (section: Section): string[] => section.split('.');

/**
 * The estate `parse` reads (a parser given the sink), validated entry by entry, or undefined when
 * it has any problem, or when `parse` cannot read it (the ordinary path then reads it and says so).
 */
export function validateStreamed(parse: (sink: EntrySink) => ParsedDocument | undefined): { data: EstateData; document: ParsedDocument } | undefined {
  const entries = new Map<Section, unknown[]>();
  const names = new Map<Section, Set<string>>();
  /** Per section, the parts of its entries that the cross-references read (only of entries that have them). */
  const references = new Map<Section, Record<string, unknown>[]>();
  /** The names of the hosts: metrics may name them. */
  const hostNames: unknown[] = [];
  let made = 0;

  const sink: EntrySink = (section, _index, entry) => {
    // The heap is checked every 1,024 entries (~1 MB of validated entries: a small heap's last tenth
    // is a few MB): an estate too large for it is refused (exit 2), never a SIGABRT.
    if ((++made & 1023) === 0) checkHeap(`${made.toLocaleString('en-US')} entries were read`);
    if (exceedsLimits(entry)) throw new NotValid();
    const result = (ENTRY_SCHEMAS[section]() as z.ZodType).safeParse(entry);
    if (!result.success) throw new NotValid();
    const valid = result.data as { name: string };
    let seen = names.get(section);
    if (seen === undefined) names.set(section, (seen = new Set()));
    if (seen.has(valid.name)) throw new NotValid();
    seen.add(valid.name);
    let list = entries.get(section);
    if (list === undefined) entries.set(section, (list = []));
    list.push(valid);
    // The checks read the validated entries (defaults applied), as the estate's superRefine does.
    const checked = valid as unknown as Record<string, unknown>;
    if (section === 'hosts') hostNames.push(checked.name);
    const keys = REFERENCE_KEYS[section] ?? ['environment'];
    let parts: Record<string, unknown> | undefined;
    for (const key of keys) {
      if (checked[key] !== undefined) (parts ??= {})[key] = checked[key];
    }
    if (parts !== undefined) {
      let kept = references.get(section);
      if (kept === undefined) references.set(section, (kept = []));
      kept.push(parts);
    }
  };

  let document: ParsedDocument | undefined;
  try {
    document = parse(sink);
    if (document === undefined || !isEntry(document.data)) return undefined;
    const skeleton = document.data;
    // A list the parser kept (an anchored one in YAML, a flow list): its entries are taken here.
    for (const section of SECTIONS) {
      const [key, sub] = pathOf(section);
      const holder = sub === undefined ? skeleton : skeleton[key!];
      const at = sub ?? key!;
      if (!isEntry(holder) || !Array.isArray(holder[at]) || holder[at].length === 0) continue;
      (holder[at] as unknown[]).forEach((entry, i) => sink(section, i, entry));
      holder[at] = [];
    }
    if (exceedsLimits(skeleton)) return undefined;
    const result = estateSchema.safeParse(skeleton, { jitless: true });
    if (!result.success) return undefined;
    // The cross-references, over what they read of the entries.
    const crossed: Record<string, unknown> = { environments: result.data.environments, license: result.data.license, synthetic: {} };
    for (const [section, parts] of references) {
      const [key, sub] = pathOf(section);
      if (sub === undefined) crossed[key!] = parts;
      else (crossed.synthetic as Record<string, unknown>)[sub] = parts;
    }
    if (references.get('metrics')?.some((m) => m.host !== undefined)) {
      crossed.hosts = [...((crossed.hosts as unknown[] | undefined) ?? []), ...hostNames.map((name) => ({ name }))];
    }
    if (!crossReferencesHold(crossed)) return undefined;
    const data = result.data;
    for (const [section, list] of entries) {
      const [key, sub] = pathOf(section);
      if (sub === undefined) (data as Record<string, unknown>)[key!] = list;
      else data.synthetic = { ...data.synthetic, [sub]: list };
    }
    return { data, document };
  } catch (err) {
    if (err instanceof NotValid) return undefined;
    throw err;
  }
}
