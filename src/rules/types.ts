// What a rule is: pure estate entries in, unpriced line items out. Rules never see a price
// (pricing/price.ts attaches those); they say what is consumed, how much, and why.
//
// A rule declares what it may emit (`emits`, capability ids) and what it reads of other rules'
// items (`after`, capability ids). The orchestrator (estimate/run.ts) evaluates rules in an order
// derived from those declarations, so that every rule runs after all that it reads, and lists
// their items in the stable order of the catalogue (rules/index.ts), whatever that order is.
import type { Model } from '../core/capabilities.js';
import type { MessageId, MessageParams } from '../core/messages.js';
import type { D } from '../core/decimal.js';
import type { Period } from '../core/period.js';
import type { ActivitySummary } from '../input/activity.js';
import type { EstateData } from '../input/schema.js';
import type { Section } from '../input/sections.js';

export interface LineItemDraft {
  capabilityId: string;
  /** The estate entry's name. */
  subject: string;
  /** Where the entry is in the estate: `synthetic.browser[0]`. */
  path: string;
  quantity: D;
  /** The derivation in words and numbers: `3 billable steps × 4 executions/h × 3 locations × 720 h`. */
  formula: string;
  /**
   * Classic: the environment (`environments[].name`) whose consumption the item is, where a rule that
   * reads it needs to know (the DDU free tier is per environment). Read by `prior`, not shown.
   */
  environment?: string;
}

/**
 * A line item draft, for rules that make one per entry of a large section (sessions, monitors).
 * Its formula is made one flat string now: built from a dozen pieces, it would otherwise keep them
 * all alive (as a rope) until the output is written (charCodeAt flattens a rope in V8; elsewhere it
 * is a harmless read). Keys in this order everywhere: one hidden class for the pricing loop.
 */
export function lineItem(capabilityId: string, subject: string, path: string, quantity: D, formula: string): LineItemDraft {
  formula.charCodeAt(0);
  return { capabilityId, subject, path, quantity, formula };
}

export interface RuleContext {
  period: Period;
  /** Summaries of the estate's activity files, by activity entry name (read before the rules run). */
  activity: ReadonlyMap<string, ActivitySummary>;
  /** A caveat about the estimate, by its id in core/messages.ts, shown with the warnings (a rule has no other output but items). */
  note<K extends MessageId>(id: K, params: MessageParams<K>): void;
  /**
   * The summed quantity of the items of capability `capabilityId` made by the other rules: what
   * inclusions, free tiers and quotas are measured against. Only ids the rule declares in `after`
   * may be asked for (anything else is a bug, and throws): those rules have all run by then.
   * With `environment`, only the items made with that `environment`.
   */
  prior(capabilityId: string, environment?: string): D;
  /**
   * Classic: the account's allotted host units when the estate the rules read no longer says them
   * (a plan keeps the licensed host units itself, contract year by contract year, and takes them
   * from the estate the rules read): the custom-metric free tier is measured against them.
   */
  allottedHostUnits?: D;
}

export interface Rule {
  /** A stable name for the rule, shown by `explain`; `<model>/<file name>`. */
  id: string;
  model: Model;
  /** The estate sections the rule reads entries from. */
  sections: readonly Section[];
  /** The `license` keys the rule evaluates (classic quotas). */
  licenseKeys?: readonly string[];
  /** The capability ids of the items this rule makes (checked as each item is made). */
  emits: readonly string[];
  /** The capability ids whose items this rule reads through `prior`: it runs after every rule that emits them. */
  after?: readonly string[];
  /** The document section the rule implements. */
  doc: string;
  /** The items, in order: an array, or a generator for the rules of large sections (read once). */
  estimate(estate: EstateData, context: RuleContext): Iterable<LineItemDraft>;
}

/** Identity helper: gives a rule literal its type and keeps its exact shape. */
export function defineRule<const R extends Rule>(rule: R): R {
  return rule;
}
