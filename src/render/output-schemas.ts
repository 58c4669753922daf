// The JSON Schema (draft 2020-12) of every command's JSON output: `dtcost schema --output-format
// <command>` prints one, and schema/<command>-output-v<N>.schema.json holds each (npm run schemas
// writes them; test/output-schemas.test.ts checks that they are what dtcost prints and that every
// command's output on every example, under both models, validates against its schema).
//
// Each schema describes exactly what that version of dtcost writes (additionalProperties: false):
// a key added to a document is added to its schema too, and a change that would break a reader
// (a key removed, renamed or of another type) raises the document's schemaVersion.
import { CAPABILITIES, FAMILIES, UNIT_IDS } from '../core/capabilities.js';
import { MESSAGES } from '../core/messages.js';
import { OUTPUT_COMMANDS, type OutputCommand } from './output-commands.js';

type Schema = Record<string, unknown>;

export { OUTPUT_COMMANDS, type OutputCommand };

/** The schemaVersion each command's document has now. */
export const OUTPUT_VERSIONS: Record<OutputCommand, number> = { estimate: 1, validate: 1, explain: 1, compare: 1, diff: 2, rates: 1 };

const DRAFT = 'https://json-schema.org/draft/2020-12/schema';

/** An object with exactly these keys, all required. */
function object(description: string, properties: Record<string, Schema>): Schema {
  return { type: 'object', description, required: Object.keys(properties), properties, additionalProperties: false };
}

const text = (description: string): Schema => ({ type: 'string', description });
const textOrNull = (description: string): Schema => ({ type: ['string', 'null'], description });
const bool = (description: string): Schema => ({ type: 'boolean', description });
const count = (description: string): Schema => ({ type: 'integer', minimum: 0, description });
const list = (description: string, items: Schema): Schema => ({ type: 'array', description, items });

/** Exact decimals, as strings: JSON numbers would be floats (no exponent, no "-0"). */
const DECIMAL = '^-?(0|[1-9][0-9]*)(\\.[0-9]*[1-9])?$';
const decimal = (description: string): Schema => ({ type: 'string', pattern: DECIMAL, description: `${description} (an exact decimal, as a string)` });
const decimalOrNull = (description: string): Schema => ({ type: ['string', 'null'], pattern: DECIMAL, description: `${description} (an exact decimal as a string, or null)` });

const capabilityId = { type: 'string', enum: CAPABILITIES.map((c) => c.id) };
const unitId = { type: 'string', enum: [...UNIT_IDS] };
const byCapability = (description: string, value: Schema): Schema => ({ type: 'object', description, propertyNames: capabilityId, additionalProperties: value });
const byUnit = (description: string, value: Schema): Schema => ({ type: 'object', description, propertyNames: unitId, additionalProperties: value });

const tool = object('The program that wrote the document.', { name: { const: 'dtcost' }, version: text('Its version (package.json).') });
const model = { type: 'string', enum: ['dps', 'classic'], description: 'The licensing model: DPS (Dynatrace Platform Subscription) or classic licensing.' };
const period = object('The period estimated.', {
  label: text('As given: month, year, week, day, <n>d or <n>h.'),
  days: decimal('Its length in days (a month is 30)'),
  hours: decimal('Its length in hours'),
});
const currency = { type: 'string', pattern: '^[A-Z]{3}$', description: 'The currency label of every amount (nothing is converted).' };
const rateCard = object('The rate card the prices come from.', { name: text("The card's name."), files: list('The rate card files merged over the built-in list prices, in order.', { type: 'string' }) });

/** The envelope every document about one estimate starts with (render/envelope.ts). */
const envelope = (version: number) => ({
  schemaVersion: { const: version, description: 'The version of this document format.' },
  tool,
  estate: text("The estate's name (its file name when it has none)."),
  file: text('The estate file.'),
  model,
  period,
  currency,
  rateCard,
});

const lineItem = object('One quantity of one capability, from one estate entry.', {
  id: text('<capabilityId>/<subject>: unique in the estimate.'),
  capabilityId: { ...capabilityId, description: 'The capability consumed (SPEC "Capability ids and units").' },
  capability: text("The capability's name."),
  subject: text('The estate entry: its name.'),
  file: text('The estate file the entry is in.'),
  path: text('Where the entry is in its file: synthetic.browser[0].'),
  quantity: decimal('How much is consumed in the period, in `unit`'),
  unit: { ...unitId, description: 'The unit of the quantity.' },
  unitPrice: decimalOrNull('The price of one unit; null: no rate card prices it'),
  cost: decimalOrNull('quantity × unitPrice; null: no price'),
  formula: text('How the quantity is derived, in words and numbers.'),
  priceSource: textOrNull('Where the price comes from; null: no price.'),
  provisional: bool('Whether the price is provisional (grade S: a secondary source).'),
  rule: text('The rule that made the line item: <model>/<rule id>.'),
});

const check = object('One budget cap and how the estimate stands against it.', {
  kind: { type: 'string', enum: ['total', 'capability', 'unit'], description: 'A cap on the total, on a capability (money) or on a unit (quantity).' },
  key: { type: ['string', 'null'], description: 'The capability or unit id; null for the total.' },
  limit: decimal('The cap'),
  actual: decimal('What the estimate comes to'),
  excess: decimal('How much over the cap (0 when within)'),
  exceeded: bool('Whether the cap is exceeded.'),
  unpriced: list('The capabilities in its scope with unpriced line items: a money cap that cannot be verified fails (a violation).', { ...capabilityId }),
  drivers: list('The largest contributors, at most three.', object('A contributor.', { id: text('A capability or line item id.'), amount: decimal('What it contributes') })),
});

const warning = object('A caveat of the estimate.', {
  code: { type: 'string', enum: [...new Set(Object.values(MESSAGES).map((m) => m.code))], description: 'What kind of caveat it is.' },
  id: { type: 'string', enum: Object.keys(MESSAGES), description: 'Which caveat exactly: stable across versions.' },
  message: text('The caveat in words.'),
});

const estimateDocument = object('One estimate.', {
  ...envelope(1),
  lineItems: list('Every line item, in catalogue order.', lineItem),
  rules: { type: 'object', description: 'For each rule used, the document section it implements.', additionalProperties: object('A rule.', { doc: text('The document and section.') }) },
  totals: object('Sums of the line items.', {
    cost: decimalOrNull('The total cost; null when any line item is unpriced'),
    pricedCost: decimal('The sum of the priced line items'),
    unpricedLineItems: count('How many line items have no price.'),
    costByCapability: byCapability('Cost by capability; null where a line item is unpriced.', { type: ['string', 'null'], pattern: DECIMAL }),
    quantityByUnit: byUnit('Quantity by unit (overage lines left out: they are part of what other lines consume).', { type: 'string', pattern: DECIMAL }),
  }),
  budget: {
    oneOf: [
      { type: 'null', description: 'No budget.' },
      object('The budget and how the estimate stands against it.', {
        total: decimalOrNull('The total budget for the period'),
        cost: decimalOrNull('What the budget is checked against'),
        exceeded: bool('Whether any cap is exceeded.'),
        complete: bool('False when unpriced line items make a money budget unverifiable.'),
        capabilities: byCapability('Caps by capability.', { type: ['string', 'null'], pattern: DECIMAL }),
        units: byUnit('Quotas by unit.', { type: ['string', 'null'], pattern: DECIMAL }),
        checks: list('Every cap.', check),
        violations: list('The caps exceeded.', check),
      }),
    ],
  },
  warnings: list('Caveats, also written to standard error.', warning),
});

const explanation = object('One line item, explained.', {
  id: text('The line item id.'),
  capabilityId: { ...capabilityId, description: 'The capability consumed.' },
  capability: text("The capability's name."),
  subject: text('The estate entry: its name.'),
  file: text('The estate file the entry is in.'),
  path: text('Where the entry is in its file.'),
  line: count("The entry's line in its file."),
  quantity: decimal('The quantity, in `unit`'),
  unit: { ...unitId, description: 'The unit of the quantity.' },
  formula: text('How the quantity is derived.'),
  inputs: list("The entry's keys as written, each with its line.", object('An input.', { key: text('The key.'), value: text('Its value, as shown.'), line: count('Its line.') })),
  rule: text('The rule: <model>/<rule id>.'),
  doc: text('The document section the rule implements.'),
  unitPrice: decimalOrNull('The unit price; null: no price'),
  cost: decimalOrNull('The cost; null: no price'),
  priceSource: textOrNull('Where the price comes from; null: no price.'),
  provisional: bool('Whether the price is provisional.'),
});

const side = object("One model's side of a family.", {
  quantities: byUnit('Quantities consumed, by unit.', { type: 'string', pattern: DECIMAL }),
  licensed: byUnit('Classic licensed quotas (host units, host unit hours, DEM units, DDUs, ...) by unit, apart from what is consumed; empty under DPS.', { type: 'string', pattern: DECIMAL }),
  cost: decimalOrNull('The cost; null when the family has no line items under the model or one is unpriced'),
});

const diffRow = object('One line item matched between the two estimates (by capability, section and entry name).', {
  id: text('The line item id.'),
  capabilityId: { ...capabilityId, description: 'The capability.' },
  subject: text('The estate entry.'),
  status: { type: 'string', enum: ['added', 'removed', 'changed', 'unchanged'], description: 'What happened to it.' },
  unit: { ...unitId, description: 'The unit.' },
  baseQuantity: decimalOrNull('Before; null: added'),
  headQuantity: decimalOrNull('After; null: removed'),
  quantityDelta: decimal('After − before'),
  baseCost: decimalOrNull('Cost before; null: added, or no price'),
  headCost: decimalOrNull('Cost after; null: removed, or no price'),
  costDelta: decimalOrNull('After − before; null when either side has no price'),
});

const side2 = (when: string) => object(`The estate ${when}.`, { file: text('Its file.'), estate: text('Its name.'), cost: decimalOrNull('Its total cost; null: unpriced line items') });

const price = object('One price of the rate card.', {
  key: text('A capability id, or a classic unit id.'),
  kind: { type: 'string', enum: ['capability', 'unit'], description: 'Priced per capability, or per classic unit.' },
  model,
  unit: { ...unitId, description: 'The unit priced.' },
  listPrice: decimalOrNull('The price before the discount; null: none known'),
  unitPrice: decimalOrNull('The price with the discount applied; null: none known'),
  grade: textOrNull('How sure the price is: D (the documentation), S (a secondary source), card (a rate card).'),
  provisional: bool('Whether the price is provisional (grade S).'),
  source: textOrNull('Where the price comes from.'),
});

const DOCUMENTS: Record<OutputCommand, { title: string; schema: Schema }> = {
  estimate: {
    title: 'dtcost estimate --format json',
    schema: { oneOf: [estimateDocument, { type: 'array', description: 'Several estate files (without --merge): one estimate each, in order.', minItems: 2, items: estimateDocument }] },
  },
  validate: {
    title: 'dtcost validate --format json',
    schema: object('Whether every file is valid, and every problem found.', {
      schemaVersion: { const: 1, description: 'The version of this document format.' },
      tool,
      valid: bool('Whether every file (with its rate cards and activity files) is valid.'),
      files: list('Each file given, in order.', object('A file.', {
        file: text('The file.'),
        valid: bool('Whether it is valid.'),
        entries: { oneOf: [{ type: 'null', description: 'Not valid.' }, { type: 'object', description: 'Entries by section.', additionalProperties: count('Entries.') }] },
      })),
      errors: list('Every problem, located.', object('A problem.', {
        file: text('The file it is in.'),
        line: { type: ['integer', 'null'], minimum: 1, description: 'Its line; null when it has none.' },
        column: { type: ['integer', 'null'], minimum: 1, description: 'Its column; null when it has none.' },
        path: textOrNull('The key path: hosts[3].memoryGiB.'),
        message: text('What was expected and what was found.'),
        hint: textOrNull('A did-you-mean or other hint.'),
      })),
    }),
  },
  explain: {
    title: 'dtcost explain --format json',
    schema: object('Line items with their formulas, inputs and lines, rules, documents and prices.', {
      ...envelope(1),
      explanations: list('The line items asked for, in catalogue order.', explanation),
    }),
  },
  compare: {
    title: 'dtcost compare --format json',
    schema: object('One estate under both models, by family of capabilities.', {
      schemaVersion: { const: 1, description: 'The version of this document format.' },
      tool,
      estate: text("The estate's name."),
      file: text('The estate file.'),
      period,
      currency: { type: ['string', 'null'], pattern: '^[A-Z]{3}$', description: 'The currency of both sides; null when their rate cards differ in currency (see currencies: nothing is converted).' },
      currencies: object('The currency of each side.', { dps: { type: 'string', pattern: '^[A-Z]{3}$', description: 'Under DPS.' }, classic: { type: 'string', pattern: '^[A-Z]{3}$', description: 'Under classic licensing.' } }),
      rateCards: object('The rate card of each side (compare --rates-dps, --rates-classic: one contract never prices the other).', { dps: rateCard, classic: rateCard }),
      totals: object('Total cost under each model.', { dps: decimalOrNull('Under DPS; null: unpriced line items'), classic: decimalOrNull('Under classic licensing; null: unpriced line items') }),
      families: list('Each family with line items under either model.', object('A family.', { family: { type: 'string', enum: [...FAMILIES] }, dps: side, classic: side })),
      summary: list('Which model is cheaper, by how much and where, in words.', { type: 'string' }),
    }),
  },
  diff: {
    title: 'dtcost diff --format json',
    schema: object('What changes between two estates, line item by line item.', {
      schemaVersion: { const: 2, description: 'The version of this document format (2: `period` is an object; it was the label in 1).' },
      tool,
      base: side2('before'),
      head: side2('after'),
      model,
      period,
      currency,
      costDelta: decimalOrNull("head's total − base's; null when either is unpriced"),
      lineItems: list('Every line item of either estate, by capability, then by subject (code-point order).', diffRow),
      gates: object('The gates (--budget, --max-increase).', { passed: bool('Whether every gate passed.'), failures: list('Each gate crossed, in words.', { type: 'string' }) }),
    }),
  },
  rates: {
    title: 'dtcost rates --format json',
    schema: object('The rate card in use: built-in list prices, with rate cards merged over them.', {
      schemaVersion: { const: 1, description: 'The version of this document format.' },
      tool,
      name: text("The card's name."),
      currency,
      discount: decimal('The discount applied to every price, as a fraction'),
      files: list('The rate card files merged, in order.', { type: 'string' }),
      prices: list('Every capability and classic unit, priced or not.', price),
    }),
  },
};

/** The JSON Schema of a command's JSON output. */
export function outputJsonSchema(command: OutputCommand): Schema {
  const { title, schema } = DOCUMENTS[command];
  return { $schema: DRAFT, $id: `urn:dtcost:${command}-output:v${OUTPUT_VERSIONS[command]}`, title, ...schema };
}

/** Where the schema is committed, and shipped in the package: schema/<command>-output-v<N>.schema.json. */
export const outputSchemaFile = (command: OutputCommand) => `schema/${command}-output-v${OUTPUT_VERSIONS[command]}.schema.json`;
