// Plans from YAML text, for tests: the estate, the files its changes add, its rate cards.
import { loadText } from '../../src/input/load.js';
import { estateSchema } from '../../src/input/schema.js';
import { additionsOf, preparePlan, type PlanSource, type PreparedPlan } from '../../src/plan/prepare.js';
import { runPlan, type PlanOptions, type PlanResult } from '../../src/plan/plan.js';
import type { Diagnostic } from '../../src/input/diagnostics.js';
import { card } from '../helpers.js';
import { ROOT } from '../helpers.js';

export function source(file: string, yaml: string): PlanSource {
  const loaded = loadText({ file, dir: ROOT, text: yaml }, estateSchema, 'an estate');
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => `${d.file}:${d.position?.line}: ${d.path}: ${d.message}`).join('\n'));
  return { file, data: loaded.data, document: loaded.document };
}

export function prepared(yaml: string, files: Record<string, string> = {}): { ok: true; plan: PreparedPlan } | { ok: false; diagnostics: Diagnostic[] } {
  const base = source('plan.yaml', yaml);
  const additions = new Map(additionsOf(base.data).map((a) => [a.index, source(a.file, files[a.file] ?? 'version: 1\n')]));
  return preparePlan(base, additions);
}

export function plan(yaml: string, options: { files?: Record<string, string>; rates?: (string | undefined)[] } & Partial<PlanOptions> = {}): PlanResult {
  const p = prepared(yaml, options.files);
  if (!p.ok) throw new Error(p.diagnostics.map((d) => `${d.path}: ${d.message}`).join('\n'));
  const cards = (options.rates ?? [undefined]).map((r) => card(r));
  return runPlan(p.plan, { ...options, cards });
}
