// The estate schema's sections are built when a file has them (schema-kit `deferred`, for start-up
// time). A deferred schema declares the `optin` and `optout` that zod's object parse reads of every
// key; they must be what the built schema has, or an absent key would be read differently.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { estateSchema } from '../src/input/schema.js';

type Internals = { def: { type: string; innerType?: z.core.$ZodType; shape?: Record<string, z.core.$ZodType>; getter?: () => z.core.$ZodType }; optin?: string; optout?: string };
const internals = (s: z.core.$ZodType) => s._zod as unknown as Internals;

/** Every deferred schema under a key of `shape` (one level of nesting: synthetic's own keys). */
function deferredSchemas(shape: Record<string, z.core.$ZodType>, prefix = ''): { key: string; lazy: z.core.$ZodType }[] {
  const found: { key: string; lazy: z.core.$ZodType }[] = [];
  for (const [key, wrapper] of Object.entries(shape)) {
    const inner = internals(wrapper).def.innerType;
    if (inner && internals(inner).def.type === 'lazy') found.push({ key: `${prefix}${key}`, lazy: inner });
  }
  return found;
}

describe('the estate schema, built section by section', () => {
  const top = internals(estateSchema as unknown as z.core.$ZodType).def.shape!;
  const deferred = deferredSchemas(top);

  it('defers every section, the license, the budget and the plan keys', () => {
    expect(deferred.map((d) => d.key)).toEqual(expect.arrayContaining(['hosts', 'applications', 'synthetic', 'metrics', 'environments', 'license', 'budget', 'contract', 'growth', 'seasonality', 'changes', 'scenarios']));
    expect(deferred.length).toBe(Object.keys(top).length - ['version', 'name', 'licensing', 'period', 'currency', 'rates'].length);
  });

  it('declares the optin and optout its schema has when built', () => {
    const synthetic = deferred.find((d) => d.key === 'synthetic')!;
    const syntheticShape = internals(internals(synthetic.lazy).def.getter!()).def.shape!;
    const all = [...deferred, ...deferredSchemas(syntheticShape, 'synthetic.')];
    expect(all.length).toBeGreaterThan(deferred.length);
    for (const { key, lazy } of all) {
      const built = internals(internals(lazy).def.getter!());
      expect({ key, optin: internals(lazy).optin, optout: internals(lazy).optout }).toEqual({ key, optin: built.optin, optout: built.optout });
    }
  });

  it('gives the same result for an absent section as for an empty one, and defaults it', () => {
    const absent = estateSchema.parse({ version: '1' });
    expect(absent.hosts).toEqual([]);
    expect(absent.synthetic).toEqual({ browser: [], http: [], thirdParty: [], nam: [] });
    expect('license' in absent).toBe(false);
    expect('contract' in absent).toBe(false);
  });
});
