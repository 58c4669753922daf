// A large estate validated entry by entry as it is parsed (issue 17): the parser hands each entry of
// a section to a sink (src/input/sections.ts EntrySink) instead of keeping it in its list, the entry
// is checked against the limits and its section's schema and its name against the others'; the
// parsed entry is then garbage, so the parsed and the validated trees of the entries never both
// live whole. What is left of the document (its settings, license, budget, plan, with empty
// sections) is validated by the estate's schema, and the cross-references over the whole estate.
//
// This path only says yes: an estate with any problem at all (a value, a duplicate name, a
// reference, a limit) gives `undefined`, and the caller validates the whole file again by the
// ordinary path (src/input/load.ts loadText), which reports every problem, located, as it always
// has. So a valid estate gets the same data both ways (test/estate/streamed.test.ts), and the
// messages of an invalid one are those of the one path that makes them.
import type { z } from 'zod';
import { checkHeap } from './memory.js';
import { exceedsLimits } from './limits.js';
import { crossReferencesHold, ENTRY_SCHEMAS, estateSchema, isEntry, type EstateData } from './schema.js';
import { SECTIONS, type EntrySink, type Section } from './sections.js';
import type { ParsedDocument } from './source.js';

/** The estate is not valid: the caller validates it again by the ordinary path, which says why. */
class NotValid extends Error {}

/** Where a section's list is in the estate (['synthetic', 'http']). */
const pathOf = (section: Section): string[] => section.split('.');

/**
 * The estate `parse` reads (a parser given the sink), validated entry by entry, or undefined when
 * it has any problem, or when `parse` cannot read it (the ordinary path then reads it and says so).
 */
export function validateStreamed(parse: (sink: EntrySink) => ParsedDocument | undefined): { data: EstateData; document: ParsedDocument } | undefined {
  const entries = new Map<Section, unknown[]>();
  const names = new Map<Section, Set<string>>();
  let made = 0;

  const sink: EntrySink = (section, entry) => {
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
  };

  let document: ParsedDocument | undefined;
  try {
    document = parse(sink);
    if (document === undefined || !isEntry(document.data)) return undefined;
    const skeleton = document.data;
    // A list the parser kept (an anchored one in YAML): its entries are taken here.
    for (const section of SECTIONS) {
      const [key, sub] = pathOf(section);
      const holder = sub === undefined ? skeleton : skeleton[key!];
      const at = sub ?? key!;
      if (!isEntry(holder) || !Array.isArray(holder[at]) || holder[at].length === 0) continue;
      for (const entry of holder[at] as unknown[]) sink(section, entry);
      holder[at] = [];
    }
    if (exceedsLimits(skeleton, true)) return undefined;
    const result = estateSchema.safeParse(skeleton, { jitless: true });
    if (!result.success) return undefined;
    const data = result.data;
    for (const [section, list] of entries) {
      const [key, sub] = pathOf(section);
      if (sub === undefined) (data as Record<string, unknown>)[key!] = list;
      else data.synthetic = { ...data.synthetic, [sub]: list };
    }
    // The cross-references, over the validated estate, as the estate's schema checks them (superRefine).
    if (!crossReferencesHold(data)) return undefined;
    return { data, document };
  } catch (err) {
    if (err instanceof NotValid) return undefined;
    throw err;
  }
}
