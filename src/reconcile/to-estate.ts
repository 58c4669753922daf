import type { Diagnostic } from '../input/diagnostics.js';
import type { CollectedUsage } from './collect.js';

export type MadeEstate = { ok: true; text: string; entries: number; notes: string[] } | { ok: false; diagnostics: Diagnostic[] };

export function usageEstate(_usage: CollectedUsage, _command: string): MadeEstate {
  return { ok: true, text: '', entries: 0, notes: [] };
}
