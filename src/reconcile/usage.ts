// Actual usage, folded from billing usage events (and DPS API rows) as they are read: per
// capability the exact sum of the billed field, per cost centre, product and entity, the 15-minute
// intervals the metrics and traces inclusions are worked out in, and the span of time the events
// cover. Memory grows with the distinct entities, cost centres and intervals, never with the
// number of events; an event can be taken back (`sign` -1) when a refreshed copy of it wins.
import { capability } from '../core/capabilities.js';
import { D, ZERO } from '../core/decimal.js';
import { parseTime } from '../input/activity.js';
import { didYouMean } from '../input/suggest.js';
import { EVENT_TYPE_NAMES, EVENT_TYPES, eventTypeIndex, type EventType } from './event-types.js';
import { ExactSum, quantityOf, type Quantity } from './exact-sum.js';
import { hashHigh, hashString, Table64 } from './hash-table.js';
import type { Problems } from './problems.js';
import { exactRecord, jsonCell, needsExact, type UsageRecord } from './sources.js';

export const QUARTER_HOUR_MS = 900_000;
export const HOUR_MS = 3_600_000;
const GIB = new D(2).pow(30);
const GIB_DAY = GIB.times(24);
/** Entities (hosts, monitors, buckets...) and cost centres kept apart per capability; more are summed as one. */
export const MAX_GROUPS = 100_000;
export const OTHERS = '(others)';

/** One event, as read: a scratch object reused from event to event (nothing is allocated per event). */
export interface EventView {
  typeIndex: number;
  type: EventType;
  id: string;
  quantity: Quantity | undefined;
  /** The window the event measures, in ms since the epoch (from usage.start/usage.end, or binned from timestamp). */
  start: number;
  end: number;
  record: UsageRecord;
}

interface EntityAcc {
  field: string;
  value: string;
  sum: ExactSum;
  /** Milliseconds of the windows of its events. */
  ms: number;
  events: number;
  label?: string;
}

interface CapAcc {
  key: string;
  capabilityId: string | null;
  unit: string;
  types: Set<string>;
  /** Events of types billed as another (Files as Events), by type. */
  billedAs: Map<string, number>;
  sum: ExactSum;
  events: number;
  costCenters: Map<string, ExactSum>;
  products: Map<string, ExactSum>;
  /** By field, then value. */
  entities: Map<string, Map<string, EntityAcc>>;
  entityCount: number;
  /** How `sum` (and the groups) convert to the capability's unit. */
  divisor: D | null;
  /** DPS API rows (value already in the capability's unit). */
  api: ExactSum;
  apiRows: number;
  booked: ExactSum;
  bookedRows: number;
  bookedCurrency: Set<string>;
}

interface WindowAcc {
  fullStackGiBHours: ExactSum;
  infrastructureHostHours: ExactSum;
  metricsFullStack: ExactSum;
  metricsInfrastructure: ExactSum;
  tracesFullStackBytes: ExactSum;
}

export interface GroupUsage {
  key: string;
  quantity: D;
}

export interface EntityUsage extends GroupUsage {
  /** The field that names it: dt.entity.host, usage.bucket, monitoring_source... */
  field: string;
  /** Hours of the windows of its events (distinct hours for Security Posture Management and Automation Workflow). */
  hours: D;
  events: number;
  label?: string;
}

export interface CapabilityUsage {
  /** The capability id, or `unmapped:<event.type>` for a type with no rate-card line. */
  key: string;
  capabilityId: string | null;
  eventTypes: string[];
  unit: string;
  /** What is billed: the gross less what host monitoring includes (metrics and traces ingest). */
  quantity: D;
  gross: D;
  included: D;
  events: number;
  /** DPS API usage rows summed in (their value, in the capability's unit). */
  apiRows: number;
  costCenters: GroupUsage[];
  products: GroupUsage[];
  entities: EntityUsage[];
  /** The contract's booked cost, from the DPS API's cost per capability (v3), when given. */
  bookedCost: D | null;
  bookedCurrency: string | null;
  notes: string[];
}

export interface UsageTotals {
  capabilities: CapabilityUsage[];
  /** [first, last] ms covered by the events and rows, or null when none has a time. */
  span: [number, number] | null;
  events: number;
  /** Events of another `event.kind` (not billing usage events), skipped. */
  otherKinds: number;
  notes: string[];
  /** DPS API total cost rows (`GET .../cost`): the booked total for all capabilities. */
  bookedTotal: { value: D; currency: string | null; lastBookingDate: string | null } | null;
}


/** Text of an entity or cost-centre value: strings as they are, numbers as text; anything else is not a name. */
function nameOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof D) return value.toFixed();
  return undefined;
}

export class UsageAggregator {
  private readonly caps = new Map<string, CapAcc>();
  private readonly windows = new Map<number, WindowAcc>();
  /** Security Posture Management and Automation Workflow: (type, hour, value) -> events seen. */
  private readonly distinct = new Table64();
  private readonly timeCache: { text: string; ms: number }[] = [
    { text: '', ms: NaN },
    { text: '', ms: NaN },
    { text: '', ms: NaN },
  ];
  private spanStart = Infinity;
  private spanEnd = -Infinity;
  private eventCount = 0;
  otherKinds = 0;
  private metricsWithoutSource = 0;
  private tracesWithoutType = 0;
  private bookedTotal: { sum: ExactSum; currency: Set<string>; lastBookingDate: string | null } | undefined;
  private readonly view: EventView = { typeIndex: -1, type: EVENT_TYPES[0]!, id: '', quantity: undefined, start: 0, end: 0, record: {} };

  constructor(private readonly problems: Problems) {}

  private time(value: unknown, slot: number): number {
    if (typeof value !== 'string') return NaN;
    const cache = this.timeCache[slot]!;
    if (cache.text === value) return cache.ms;
    const ms = parseTime(value) ?? NaN;
    cache.text = value;
    cache.ms = ms;
    return ms;
  }

  /**
   * Reads and checks one record: the event it is, or undefined when it is not a billing usage
   * event (counted) or has a problem (reported). The view is reused by the next call.
   */
  read(record: UsageRecord, file: string, line: number, text?: string): EventView | undefined {
    const kind = record['event.kind'];
    if (kind !== undefined && kind !== 'BILLING_USAGE_EVENT') {
      this.otherKinds++;
      return undefined;
    }
    const typeName = record['event.type'];
    if (typeof typeName !== 'string' || typeName === '') {
      this.problems.add(file, line, `event.type: expected the billing usage event type (such as "Full-Stack Monitoring"), found ${typeName === undefined ? 'nothing' : JSON.stringify(typeName)}`, `${file}\u0000no-type`);
      return undefined;
    }
    const typeIndex = eventTypeIndex(typeName);
    if (typeIndex < 0) {
      const near = typeName.length <= 100 ? didYouMean(typeName, EVENT_TYPE_NAMES) : undefined;
      const shown = typeName.length > 80 ? `${typeName.slice(0, 77)}...` : typeName;
      this.problems.add(file, line, `event.type "${shown}" is not a billing usage event type dtcost knows${near ? ` (did you mean "${near}"?)` : ''}; dtcost never guesses what an unknown type bills`, `${file}\u0000type\u0000${typeName}`);
      return undefined;
    }
    const type = EVENT_TYPES[typeIndex]!;
    const rawId = record['event.id'];
    const id = typeof rawId === 'string' ? rawId : nameOf(rawId);
    if (id === undefined || id === '') {
      this.problems.add(file, line, 'event.id: missing; export event.id with the events, so that a refreshed event (the same event.id again) is counted once', `${file}\u0000no-id`);
      return undefined;
    }
    let quantity: Quantity | undefined;
    // A billed number with more digits than a double holds: the record again, with exact decimals.
    if (text !== undefined && type.field !== null && needsExact(text, type.field)) record = exactRecord(text) ?? record;
    if (type.field !== null) {
      const raw = record[type.field];
      quantity = quantityOf(raw);
      if (quantity === undefined) {
        const found = raw === undefined ? 'nothing (no such field)' : JSON.stringify(raw instanceof D ? raw.toFixed() : raw);
        this.problems.add(file, line, `${type.field}: expected the billed quantity of a "${type.type}" event (a number ≥ 0), found ${found}`, `${file}\u0000field\u0000${type.type}\u0000${raw === undefined ? 'missing' : 'bad'}`);
        return undefined;
      }
    } else if (type.distinct !== undefined && nameOf(record[type.distinct]) === undefined) {
      this.problems.add(file, line, `${type.distinct}: missing; a "${type.type}" event is counted by its distinct ${type.distinct} per hour`, `${file}\u0000distinct\u0000${type.type}`);
      return undefined;
    }
    let start = this.time(record['usage.start'], 0);
    let end = this.time(record['usage.end'], 1);
    if (record['usage.start'] !== undefined && Number.isNaN(start)) {
      this.problems.add(file, line, `usage.start: expected an ISO 8601 time (2026-03-01T10:00:00Z), found ${JSON.stringify(record['usage.start'])}`, `${file}\u0000start`);
      return undefined;
    }
    if (record['usage.end'] !== undefined && Number.isNaN(end)) {
      this.problems.add(file, line, `usage.end: expected an ISO 8601 time (2026-03-01T10:15:00Z), found ${JSON.stringify(record['usage.end'])}`, `${file}\u0000end`);
      return undefined;
    }
    if (Number.isNaN(start)) {
      const ts = this.time(record.timestamp, 2);
      if (Number.isNaN(ts)) {
        this.problems.add(file, line, `timestamp: expected an ISO 8601 time, found ${record.timestamp === undefined ? 'nothing' : JSON.stringify(record.timestamp)}; an event without usage.start is placed in time by its timestamp`, `${file}\u0000ts`);
        return undefined;
      }
      // Binned as Dynatrace's own queries do: bin(timestamp, 15m or 1h); executions are instants.
      const size = type.interval === 'quarter-hour' ? QUARTER_HOUR_MS : type.interval === 'hour' ? HOUR_MS : 0;
      start = size === 0 ? ts : Math.floor(ts / size) * size;
      end = start + size;
    } else if (Number.isNaN(end)) {
      end = start + (type.interval === 'hour' ? HOUR_MS : type.interval === 'quarter-hour' ? QUARTER_HOUR_MS : 0);
    } else if (end < start) {
      this.problems.add(file, line, `usage.end (${String(record['usage.end'])}) is before usage.start (${String(record['usage.start'])})`, `${file}\u0000order`);
      return undefined;
    }
    const v = this.view;
    v.typeIndex = typeIndex;
    v.type = type;
    v.id = id;
    v.quantity = quantity;
    v.start = start;
    v.end = end;
    v.record = record;
    return v;
  }

  /** The deduplication key of the event just read (low half; the high half in `hashHigh`). */
  static keyOf(v: EventView): number {
    return hashString(v.id, v.typeIndex);
  }

  private capFor(type: EventType): CapAcc {
    const key = type.capabilityId ?? `unmapped:${type.type}`;
    let acc = this.caps.get(key);
    if (!acc) {
      const conversion = type.conversion;
      acc = {
        key,
        capabilityId: type.capabilityId,
        unit: type.capabilityId ? capability(type.capabilityId).unit : type.unit,
        types: new Set(),
        billedAs: new Map(),
        sum: new ExactSum(),
        events: 0,
        costCenters: new Map(),
        products: new Map(),
        entities: new Map(),
        entityCount: 0,
        divisor: conversion === 'bytes-gib' ? GIB : conversion === 'bytes-gib-day' ? GIB_DAY : null,
        api: new ExactSum(),
        apiRows: 0,
        booked: new ExactSum(),
        bookedRows: 0,
        bookedCurrency: new Set(),
      };
      this.caps.set(key, acc);
    }
    return acc;
  }

  private window(start: number): WindowAcc {
    const index = Math.floor(start / QUARTER_HOUR_MS);
    let w = this.windows.get(index);
    if (!w) {
      w = { fullStackGiBHours: new ExactSum(), infrastructureHostHours: new ExactSum(), metricsFullStack: new ExactSum(), metricsInfrastructure: new ExactSum(), tracesFullStackBytes: new ExactSum() };
      this.windows.set(index, w);
    }
    return w;
  }

  private group(map: Map<string, ExactSum>, key: string, q: Quantity, sign: 1 | -1): void {
    let sum = map.get(key);
    if (!sum) {
      if (map.size >= MAX_GROUPS) key = OTHERS;
      sum = map.get(key);
      if (!sum) map.set(key, (sum = new ExactSum()));
    }
    sum.add(q, sign);
  }

  /** Cost centre or product: a name (the whole quantity), or records `{key, <billed field>}` (their values). */
  private costGroups(map: Map<string, ExactSum>, value: unknown, type: EventType, q: Quantity, sign: 1 | -1): void {
    const v = jsonCell(value);
    // A list of names without quantities ("string or list"): the event is the names' jointly, one
    // group named by them all ("shop + eu"), never split by a guess nor counted once for each.
    if (Array.isArray(v) && v.length > 0 && v.every((part) => typeof part === 'string')) {
      const names = [...new Set((v as string[]).map((part) => nameOf(part)).filter((n): n is string => n !== undefined))];
      if (names.length > 0) this.group(map, names.join(' + '), q, sign);
      return;
    }
    if (Array.isArray(v)) {
      for (const part of v) {
        if (part === null || typeof part !== 'object') continue;
        const key = nameOf((part as Record<string, unknown>).key) ?? 'unassigned';
        const partQ = type.field ? quantityOf((part as Record<string, unknown>)[type.field]) : undefined;
        if (partQ !== undefined) this.group(map, key, partQ, sign);
      }
      return;
    }
    const key = nameOf(v);
    if (key !== undefined) this.group(map, key, q, sign);
  }

  private entity(acc: CapAcc, field: string, value: string, q: Quantity, ms: number, sign: 1 | -1, label?: string): void {
    let byValue = acc.entities.get(field);
    if (!byValue) acc.entities.set(field, (byValue = new Map()));
    let e = byValue.get(value);
    if (!e) {
      if (acc.entityCount >= MAX_GROUPS) {
        value = OTHERS;
        e = byValue.get(value);
      }
      if (!e) {
        byValue.set(value, (e = { field, value, sum: new ExactSum(), ms: 0, events: 0 }));
        acc.entityCount++;
      }
    }
    e.sum.add(q, sign);
    e.ms += sign * ms;
    e.events += sign;
    if (label !== undefined && e.label === undefined) e.label = label;
  }

  /** Adds the event just read (sign 1), or takes it back (sign -1). */
  add(v: EventView, sign: 1 | -1): void {
    const { type, record } = v;
    const acc = this.capFor(type);
    acc.events += sign;
    this.eventCount += sign;
    if (sign === 1) {
      acc.types.add(type.type);
      if (v.start < this.spanStart) this.spanStart = v.start;
      if (v.end > this.spanEnd) this.spanEnd = v.end;
    }
    if (type.billedAs) acc.billedAs.set(type.type, (acc.billedAs.get(type.type) ?? 0) + sign);

    if (type.conversion === 'distinct-hour') {
      const value = nameOf(record[type.distinct!])!;
      const hour = Math.floor(v.start / HOUR_MS);
      const low = hashString(value, (hour * 64 + v.typeIndex) | 0);
      const slot = this.distinct.insert(low, hashHigh, 0);
      const before = this.distinct.value(slot);
      this.distinct.setValue(slot, before + sign);
      const counts = (sign === 1 && before === 0) || (sign === -1 && before === 1);
      if (counts) {
        acc.sum.add(1, sign);
        this.entity(acc, type.distinct!, value, 1, HOUR_MS, sign, nameOf(record['workflow.title']));
      }
      return;
    }

    const q = v.quantity!;
    acc.sum.add(q, sign);
    const cc = record['dt.cost.costcenter'];
    if (cc !== undefined && cc !== null) this.costGroups(acc.costCenters, cc, type, q, sign);
    const product = record['dt.cost.product'];
    if (product !== undefined && product !== null) this.costGroups(acc.products, product, type, q, sign);
    for (const field of type.entities) {
      const value = nameOf(record[field]);
      if (value !== undefined) {
        this.entity(acc, field, value, q, v.end - v.start, sign);
        break;
      }
    }

    switch (type.capabilityId) {
      case 'full-stack-monitoring':
        this.window(v.start).fullStackGiBHours.add(q, sign);
        break;
      case 'infrastructure-monitoring':
        this.window(v.start).infrastructureHostHours.add(q, sign);
        break;
      case 'metrics-ingest': {
        const source = record.monitoring_source;
        if (source === 'fullstack') this.window(v.start).metricsFullStack.add(q, sign);
        else if (source === 'infrastructure') this.window(v.start).metricsInfrastructure.add(q, sign);
        else if (source === undefined) this.metricsWithoutSource += sign;
        break;
      }
      case 'traces-ingest': {
        const licensing = record.licensing_type;
        if (licensing === 'fullstack-adaptive' || licensing === 'fullstack-fixed-rate') this.window(v.start).tracesFullStackBytes.add(q, sign);
        else if (licensing === undefined) this.tracesWithoutType += sign;
        break;
      }
      default:
    }
  }

  /** A DPS API usage row: `value` in the capability's unit. */
  addApiUsage(capabilityId: string, value: D, start: number, end: number): void {
    const acc = this.capForId(capabilityId);
    acc.api.add(value);
    acc.apiRows++;
    this.cover(start, end);
  }

  /** A DPS API cost row of one capability (v3, per environment). */
  addApiCost(capabilityId: string, value: D, currency: string | undefined, start: number, end: number): void {
    const acc = this.capForId(capabilityId);
    acc.booked.add(value);
    acc.bookedRows++;
    if (currency) acc.bookedCurrency.add(currency);
    this.cover(start, end);
  }

  /** A DPS API total cost row (all capabilities). */
  addApiTotalCost(value: D, currency: string | undefined, lastBookingDate: string | undefined, start: number, end: number): void {
    this.bookedTotal ??= { sum: new ExactSum(), currency: new Set(), lastBookingDate: null };
    this.bookedTotal.sum.add(value);
    if (currency) this.bookedTotal.currency.add(currency);
    if (lastBookingDate && (this.bookedTotal.lastBookingDate === null || lastBookingDate > this.bookedTotal.lastBookingDate)) this.bookedTotal.lastBookingDate = lastBookingDate;
    this.cover(start, end);
  }

  /** Whether events and API usage rows both gave a capability's quantity (they would count it twice). */
  doubleCounted(): string[] {
    return [...this.caps.values()].filter((c) => c.apiRows > 0 && c.events > 0).map((c) => c.key);
  }

  private capForId(capabilityId: string): CapAcc {
    const type = EVENT_TYPES.find((t) => t.capabilityId === capabilityId && !t.billedAs);
    if (type) return this.capFor(type);
    const cap = capability(capabilityId);
    return this.capFor({ type: cap.name, capabilityId, unit: cap.unit, field: null, conversion: 'count', entities: [], interval: 'quarter-hour' });
  }

  private cover(start: number, end: number): void {
    if (!Number.isNaN(start) && start < this.spanStart) this.spanStart = start;
    if (!Number.isNaN(end) && end > this.spanEnd) this.spanEnd = end;
  }

  /** What the events add up to, converted to the rate card's units, inclusions subtracted. */
  totals(): UsageTotals {
    const notes: string[] = [];
    // The inclusions, interval by interval (no rollover between intervals).
    let metricsIncluded = ZERO;
    let tracesIncludedBytes = ZERO;
    for (const w of this.windows.values()) {
      const gibHours = w.fullStackGiBHours.value();
      const hostHours = w.infrastructureHostHours.value();
      const fs = w.metricsFullStack.value();
      if (!fs.isZero()) metricsIncluded = metricsIncluded.plus(D.min(fs, gibHours.times(3600)));
      const infra = w.metricsInfrastructure.value();
      if (!infra.isZero()) metricsIncluded = metricsIncluded.plus(D.min(infra, hostHours.times(6000)));
      const traces = w.tracesFullStackBytes.value();
      if (!traces.isZero() && gibHours.greaterThan(0)) {
        // 200 KiB/min per GiB (GiB in the interval = its GiB-hours × 4), at least 64,000 KiB/min, for 15 minutes.
        const perMinuteKiB = D.max(64000, gibHours.times(4).times(200));
        tracesIncludedBytes = tracesIncludedBytes.plus(D.min(traces, perMinuteKiB.times(15).times(1024)));
      }
    }
    const capabilities: CapabilityUsage[] = [];
    for (const acc of this.caps.values()) {
      if (acc.events <= 0 && acc.apiRows === 0 && acc.bookedRows === 0) continue;
      const convert = (s: ExactSum) => (acc.divisor ? s.value().div(acc.divisor) : s.value());
      const gross = convert(acc.sum).plus(acc.api.value());
      let included = ZERO;
      const capNotes: string[] = [];
      if (acc.capabilityId === 'metrics-ingest' && acc.events > 0) {
        included = metricsIncluded;
        capNotes.push('included data points worked out per 15-minute interval (Full-Stack: 900 per GiB, from the Full-Stack GiB-hours of the interval; Infrastructure: 1,500 per host, from its host-hours), for the points of monitoring_source fullstack and infrastructure; other sources are billed in full; no rollover between intervals');
        if (this.metricsWithoutSource > 0) capNotes.push(`${this.metricsWithoutSource.toLocaleString('en-US')} events without monitoring_source: billed in full`);
      }
      if (acc.capabilityId === 'traces-ingest' && acc.events > 0) {
        included = tracesIncludedBytes.div(GIB);
        capNotes.push('included trace volume worked out per 15-minute interval for licensing_type fullstack-adaptive and fullstack-fixed-rate: 200 KiB/min per Full-Stack GiB of the interval, at least 64,000 KiB/min (Dynatrace itself uses a metric the events do not carry); otlp-trace-ingest and serverless are billed in full');
        if (this.tracesWithoutType > 0) capNotes.push(`${this.tracesWithoutType.toLocaleString('en-US')} events without licensing_type: billed in full`);
      }
      for (const [type, n] of acc.billedAs) if (n > 0) capNotes.push(`${n.toLocaleString('en-US')} "${type}" events are billed at the ${acc.capabilityId} price (Files are billed as Events)`);
      if (acc.capabilityId === 'automation-workflow') capNotes.push('workflow-hours: each workflow.id seen in a calendar hour (UTC) is one');
      if (acc.capabilityId === 'security-posture-management') capNotes.push('host-hours: each Kubernetes node seen in a calendar hour (UTC) is one');
      if (acc.divisor?.equals(GIB_DAY)) capNotes.push('GiB-days: the bytes of the hourly events summed, ÷ (2^30 × 24)');
      else if (acc.divisor) capNotes.push('GiB: the bytes summed, ÷ 2^30');
      const groups = (map: Map<string, ExactSum>): GroupUsage[] =>
        [...map].map(([key, s]) => ({ key, quantity: convert(s) })).filter((g) => !g.quantity.isZero()).sort((a, b) => b.quantity.comparedTo(a.quantity) || (a.key < b.key ? -1 : 1));
      const entities: EntityUsage[] = [...acc.entities.values()]
        .flatMap((m) => [...m.values()])
        .filter((e) => e.events > 0)
        .map((e) => ({ key: e.value, field: e.field, quantity: convert(e.sum), hours: new D(e.ms).div(HOUR_MS), events: e.events, ...(e.label !== undefined ? { label: e.label } : {}) }))
        .sort((a, b) => b.quantity.comparedTo(a.quantity) || (a.key < b.key ? -1 : 1));
      capabilities.push({
        key: acc.key,
        capabilityId: acc.capabilityId,
        eventTypes: [...acc.types],
        unit: acc.unit,
        quantity: gross.minus(included),
        gross,
        included,
        events: Math.max(0, acc.events),
        apiRows: acc.apiRows,
        costCenters: groups(acc.costCenters),
        products: groups(acc.products),
        entities,
        bookedCost: acc.bookedRows > 0 ? acc.booked.value() : null,
        bookedCurrency: acc.bookedCurrency.size === 1 ? [...acc.bookedCurrency][0]! : null,
        notes: capNotes,
      });
    }
    if (this.otherKinds > 0) notes.push(`${this.otherKinds.toLocaleString('en-US')} records of another event.kind than BILLING_USAGE_EVENT were skipped`);
    const bookedTotal = this.bookedTotal
      ? { value: this.bookedTotal.sum.value(), currency: this.bookedTotal.currency.size === 1 ? [...this.bookedTotal.currency][0]! : null, lastBookingDate: this.bookedTotal.lastBookingDate }
      : null;
    return {
      capabilities,
      span: this.spanStart <= this.spanEnd ? [this.spanStart, this.spanEnd] : null,
      events: this.eventCount,
      otherKinds: this.otherKinds,
      notes,
      bookedTotal,
    };
  }
}

