// Estates and rate cards from files or standard input, with every problem collected.
import { relative, resolve } from 'node:path';
import { readActivity, readActivityWindows, type ActivitySummary } from '../input/activity.js';
import type { Diagnostic } from '../input/diagnostics.js';
import type { ParsedDocument } from '../input/source.js';
import type { ReadFile } from './output-file.js';
import { loadEstateText, loadText, MAX_STDIN_BYTES, readInput, readStandardInput, type StdinBytes } from '../input/load.js';
import type { EstateData } from '../input/schema.js';
import { builtinRateCard, mergeRateCard, rateCardSchema, withLicensePrices, type RateCard, type RateCardData } from '../pricing/rate-card.js';

export interface LoadedEstate {
  file: string;
  dir: string;
  data: EstateData;
  document: ParsedDocument;
}

/** `card` with the estate's `license.prices` over it (the contract's own prices, the last layer). */
export function contractPrices(card: RateCard, estate: LoadedEstate): RateCard {
  const prices = estate.data.license?.prices;
  return prices && Object.keys(prices).length > 0 ? withLicensePrices(card, prices, estate.data.currency, estate.file) : card;
}

export class Inputs {
  readonly diagnostics: Diagnostic[] = [];
  /** Every file read (not standard input): an output file must not be one of them. */
  readonly reads: ReadFile[] = [];

  /** Adds problems one by one: an estate can have more of them than a call to push(...) takes. */
  report(diagnostics: readonly Diagnostic[]): void {
    for (const d of diagnostics) this.diagnostics.push(d);
  }
  private stdinUsed = false;
  private readonly cards = new Map<string, RateCardData | undefined>();

  /** Standard input, read once, and no further than one byte past the size limit. */
  private readStdin = (): StdinBytes => {
    if (this.stdinUsed) return { ok: true, bytes: new Uint8Array() };
    this.stdinUsed = true;
    return readStandardInput(MAX_STDIN_BYTES);
  };

  estate(path: string): LoadedEstate | undefined {
    if (path === '-' && this.stdinUsed) {
      this.diagnostics.push({ file: '<stdin>', message: 'standard input can be read only once' });
      return undefined;
    }
    if (path !== '-') this.reads.push({ path, role: 'the estate' });
    const input = readInput(path, this.readStdin);
    if (!input.ok) {
      this.report(input.diagnostics);
      return undefined;
    }
    const loaded = loadEstateText(input.input, 'an estate (a mapping with version: 1)');
    if (!loaded.ok) {
      this.report(loaded.diagnostics);
      return undefined;
    }
    return { file: loaded.file, dir: loaded.dir, data: loaded.data, document: loaded.document };
  }

  private rateCardData(path: string, shownAs: string): RateCardData | undefined {
    const key = resolve(path);
    if (this.cards.has(key)) return this.cards.get(key);
    if (path !== '-') this.reads.push({ path: shownAs === '-' ? path : shownAs, role: 'a rate card' });
    const input = readInput(path, this.readStdin, shownAs);
    let data: RateCardData | undefined;
    if (!input.ok) this.report(input.diagnostics);
    else {
      const loaded = loadText(input.input, rateCardSchema(), 'a rate card (a mapping with prices)');
      if (loaded.ok) data = loaded.data;
      else this.report(loaded.diagnostics);
    }
    this.cards.set(key, data);
    return data;
  }

  /** Streams the estate's activity files (relative to the estate) into summaries, by entry name. */
  async activities(estate: LoadedEstate): Promise<Map<string, ActivitySummary>> {
    const out = new Map<string, ActivitySummary>();
    for (const a of estate.data.activity) {
      const path = resolve(estate.dir, a.file);
      this.reads.push({ path: relative(process.cwd(), path) || path, role: 'an activity file' });
      const defaults = { mode: a.mode, infrastructureCap: estate.data.license?.infrastructureCap ?? true, ...(a.memoryGiB ? { memoryGiB: a.memoryGiB } : {}) };
      const read = await readActivity(path, relative(process.cwd(), path) || path, defaults);
      if (read.ok) out.set(a.name, read.summary);
      else this.report(read.diagnostics);
    }
    return out;
  }

  /**
   * Plans: each activity file read once into the runs of each window [from, to) (ms): by window
   * index, the summaries by activity entry name.
   */
  async activityWindows(estate: LoadedEstate, windows: readonly (readonly [number, number])[]): Promise<Map<string, ActivitySummary>[]> {
    const out = windows.map(() => new Map<string, ActivitySummary>());
    for (const a of estate.data.activity) {
      const path = resolve(estate.dir, a.file);
      this.reads.push({ path: relative(process.cwd(), path) || path, role: 'an activity file' });
      const defaults = { mode: a.mode, infrastructureCap: estate.data.license?.infrastructureCap ?? true, ...(a.memoryGiB ? { memoryGiB: a.memoryGiB } : {}) };
      const read = await readActivityWindows(path, relative(process.cwd(), path) || path, defaults, windows);
      if (read.ok) read.summaries.forEach((summary, i) => out[i]!.set(a.name, summary));
      else this.report(read.diagnostics);
    }
    return out;
  }

  /**
   * The built-in card, then the estate's `rates` file (relative to the estate), then `extra` (a
   * plan's card of a contract year, relative to the estate too), then --rates.
   */
  rateCard(estate: LoadedEstate | undefined, ratesFlag: string | undefined, extra?: string): RateCard | undefined {
    let card = builtinRateCard();
    const layers: { path: string; shownAs: string }[] = [];
    for (const file of [estate?.data.rates, extra]) {
      if (!estate || !file) continue;
      const path = resolve(estate.dir, file);
      layers.push({ path, shownAs: relative(process.cwd(), path) || path });
    }
    if (ratesFlag) layers.push({ path: ratesFlag, shownAs: ratesFlag });
    for (const layer of layers) {
      const data = this.rateCardData(layer.path, layer.shownAs);
      if (!data) return undefined;
      card = mergeRateCard(card, data, layer.shownAs);
    }
    return estate ? contractPrices(card, estate) : card;
  }
}
