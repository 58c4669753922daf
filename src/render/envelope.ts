// What every command's JSON document starts with (README "JSON output"): its schemaVersion, the
// tool that wrote it, and, where they apply, the estate, its file, the model, the period, the
// currency and the rate card, in that order and in the same shapes. Each document's JSON Schema is
// in output-schemas.ts (`dtcost schema --output-format <command>`, schema/<command>-output-v<N>.schema.json).
import { toPlain } from '../core/decimal.js';
import type { Period } from '../core/period.js';
import type { EstimateHead } from '../estimate/run.js';

export const tool = (version: string) => ({ name: 'dtcost', version });

export const periodJson = (period: Period) => ({ label: period.label, days: toPlain(period.days), hours: toPlain(period.hours) });

/** The envelope of a document about one estimate (estimate, explain), before its own keys. */
export function estimateEnvelope(e: EstimateHead, version: string, schemaVersion = 1): Record<string, unknown> {
  return {
    schemaVersion,
    tool: tool(version),
    estate: e.estate,
    file: e.file,
    model: e.model,
    period: periodJson(e.period),
    currency: e.currency,
    rateCard: { name: e.rateCard.name, files: e.rateCard.files },
  };
}
