// The estate format as JSON Schema (draft 2020-12), generated from the zod schema, for editors:
// `# yaml-language-server: $schema=<path or URL of this schema>` gives completion and validation.
// It describes the input: numbers may be written as numbers or as decimal strings.
import { z } from 'zod';
import { isDecimal } from '../core/decimal.js';
import { estateSchema } from './schema.js';

function plain(value: unknown): unknown {
  // Defaults such as `hoursPerDay: 24` are Decimals in the zod schema; a schema shows numbers.
  if (isDecimal(value)) return value.toNumber();
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
}

export function estateJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(estateSchema, {
    io: 'input',
    unrepresentable: 'any',
    // A default such as `hoursPerDay: 24` is a Decimal, which zod would write as the string "24".
    override: ({ zodSchema, jsonSchema }) => {
      const def = zodSchema._zod.def as { type: string; defaultValue?: unknown };
      if (def.type === 'default' && isDecimal(def.defaultValue)) jsonSchema.default = def.defaultValue.toNumber();
    },
  }) as Record<string, unknown>;
  return {
    $schema: generated.$schema,
    title: 'dtcost estate (version 1)',
    description: 'A Dynatrace estate to estimate with dtcost: hosts, containers, applications, synthetic monitors, logs, metrics, traces, events.',
    ...(plain(generated) as Record<string, unknown>),
  };
}
