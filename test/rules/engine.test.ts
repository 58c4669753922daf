// The rule engine's contract: what each rule declares (emits, after) is checked, the evaluation
// order is derived from it, and the listing order is the catalogue's whatever the evaluation order.
import { describe, expect, it } from 'vitest';
import { CAPABILITIES, capability } from '../../src/core/capabilities.js';
import { D, toPlain } from '../../src/core/decimal.js';
import { runEstimate } from '../../src/estimate/run.js';
import { RULES } from '../../src/rules/index.js';
import { evaluationOrder, RuleOrderError } from '../../src/rules/order.js';
import { defineRule, type Rule } from '../../src/rules/types.js';
import { card, estate } from '../helpers.js';

const IDS = new Set(CAPABILITIES.map((c) => c.id));

describe('the catalogue of rules', () => {
  it('has unique ids of the form <model>/<name>', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of RULES) expect(r.id.startsWith(`${r.model}/`), r.id).toBe(true);
  });

  it('declares only capabilities of the catalogue, each of the rule\'s own model, emitted by one rule', () => {
    const emitter = new Map<string, string>();
    for (const r of RULES) {
      for (const id of r.emits) {
        expect(IDS.has(id), `${r.id} emits ${id}`).toBe(true);
        expect(capability(id).model, `${r.id} emits ${id}`).toBe(r.model);
        expect(emitter.get(id), `${id} is emitted by ${emitter.get(id)} and ${r.id}`).toBeUndefined();
        emitter.set(id, r.id);
      }
      for (const id of r.after ?? []) {
        expect(IDS.has(id), `${r.id} reads ${id}`).toBe(true);
        expect(r.emits.includes(id), `${r.id} reads its own ${id}`).toBe(false);
      }
    }
  });

  it('has no cycle of reads, and lists every rule after the rules it reads (so nothing waits to be listed)', () => {
    for (const model of ['dps', 'classic'] as const) {
      const rules = RULES.filter((r) => r.model === model);
      expect(evaluationOrder(rules).map((r) => r.id)).toEqual(rules.map((r) => r.id));
    }
  });
});

describe('evaluation order', () => {
  const rule = (id: string, emits: string[], after: string[] = []): Rule =>
    defineRule({ id, model: 'classic', sections: [], emits, after, doc: id, estimate: () => [] });

  it('puts a rule after every rule that emits what it reads, otherwise keeps the catalogue order', () => {
    const order = evaluationOrder([rule('c/free', ['ddu-free-tier'], ['ddu-metrics', 'ddu-custom-events']), rule('c/metrics', ['ddu-metrics']), rule('c/events', ['ddu-custom-events']), rule('c/x', ['dem-third-party'])]);
    expect(order.map((r) => r.id)).toEqual(['c/metrics', 'c/events', 'c/free', 'c/x']);
  });

  it('refuses a cycle, naming the rules in it', () => {
    expect(() => evaluationOrder([rule('c/a', ['ddu-metrics'], ['ddu-custom-events']), rule('c/b', ['ddu-custom-events'], ['ddu-metrics'])])).toThrow(RuleOrderError);
    expect(() => evaluationOrder([rule('c/a', ['ddu-metrics'], ['ddu-custom-events']), rule('c/b', ['ddu-custom-events'], ['ddu-metrics'])])).toThrow(/c\/a, c\/b/);
  });
});

describe('the orchestrator', () => {
  const classic = estate('version: 1\nlicensing: classic');
  const draft = (capabilityId: string, quantity: number) => ({ capabilityId, subject: capabilityId, path: 'license', quantity: new D(quantity), formula: String(quantity) });

  it('lists items in catalogue order even where a rule must run after one listed later', () => {
    const seen: string[] = [];
    // The free tier is listed first here, but reads the metrics, listed after it.
    const rules: Rule[] = [
      defineRule({ id: 'classic/free', model: 'classic', sections: [], emits: ['ddu-free-tier'], after: ['ddu-metrics'], doc: 'free', estimate: (_e, { prior }) => (seen.push('free'), [draft('ddu-free-tier', -prior('ddu-metrics').toNumber())]) }),
      defineRule({ id: 'classic/metrics', model: 'classic', sections: [], emits: ['ddu-metrics'], doc: 'metrics', estimate: () => (seen.push('metrics'), [draft('ddu-metrics', 7), draft('ddu-metrics', 5)]) }),
    ];
    const e = runEstimate(classic, card(), 'test.yaml', { rules });
    expect(seen).toEqual(['metrics', 'free']);
    expect(e.lineItems.map((i) => [i.capabilityId, toPlain(i.quantity)])).toEqual([['ddu-free-tier', '-12'], ['ddu-metrics', '7'], ['ddu-metrics', '5']]);
    expect(Object.keys(e.rules)).toEqual(['classic/free', 'classic/metrics']);
  });

  it('refuses a read that the rule does not declare', () => {
    const rules: Rule[] = [defineRule({ id: 'classic/sneaky', model: 'classic', sections: [], emits: ['ddu-free-tier'], doc: 'x', estimate: (_e, { prior }) => [draft('ddu-free-tier', prior('ddu-metrics').toNumber())] })];
    expect(() => runEstimate(classic, card(), 'test.yaml', { rules })).toThrow(/reads? ddu-metrics, which it does not declare in after/);
  });

  it('refuses an item of a capability the rule does not declare in emits', () => {
    const rules: Rule[] = [defineRule({ id: 'classic/liar', model: 'classic', sections: [], emits: ['ddu-metrics'], doc: 'x', estimate: () => [draft('ddu-custom-events', 1)] })];
    expect(() => runEstimate(classic, card(), 'test.yaml', { rules })).toThrow(/ddu-custom-events, which it does not declare in emits/);
  });

  it("gives a rule what the rules it reads made, fixed as it starts: its own items, yielded as read, are not in it", () => {
    const reads: string[] = [];
    const rules: Rule[] = [
      defineRule({ id: 'classic/metrics', model: 'classic', sections: [], emits: ['ddu-metrics'], doc: 'm', estimate: () => [draft('ddu-metrics', 5)] }),
      defineRule({
        id: 'classic/events',
        model: 'classic',
        sections: [],
        emits: ['ddu-custom-events'],
        after: ['ddu-metrics'],
        doc: 'e',
        *estimate(_e, { prior }) {
          for (let i = 0; i < 3; i++) {
            reads.push(toPlain(prior('ddu-metrics')));
            yield draft('ddu-custom-events', 1);
          }
        },
      }),
    ];
    runEstimate(classic, card(), 'test.yaml', { rules });
    expect(reads).toEqual(['5', '5', '5']);
  });

  it('checks every item of every example against its rule\'s emits (the engine throws otherwise)', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { ROOT } = await import('../helpers.js');
    for (const f of readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.yaml'))) {
      const text = readFileSync(join(ROOT, 'examples', f), 'utf8').replace(/^\s*(rates|file):.*$/gm, '');
      if (/activity:/.test(text)) continue; // activity files are read by the CLI, not by estate()
      for (const model of ['dps', 'classic'] as const) {
        const e = runEstimate(estate(text), card(), f, { model });
        for (const item of e.lineItems) expect(RULES.find((r) => r.id === item.rule)!.emits).toContain(item.capabilityId);
      }
    }
  });
});

describe('tests by rule', () => {
  it('every DPS rule has its test file, test/rules/dps/<name>.test.ts', async () => {
    const { existsSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { ROOT } = await import('../helpers.js');
    const missing = RULES.filter((r) => r.model === 'dps').filter((r) => !existsSync(join(ROOT, 'test', 'rules', `${r.id}.test.ts`)));
    expect(missing.map((r) => r.id)).toEqual([]);
  });
});
