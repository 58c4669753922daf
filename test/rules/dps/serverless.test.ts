// Serverless functions (DPS): Serverless Functions Classic per invocation.
import { describe, expect, it } from 'vitest';
import { rows } from '../../helpers.js';
import { dps } from './helpers.js';

describe('dps/serverless', () => {
  it('Serverless Functions Classic per invocation, and a note where the subscription may not have it', () => {
    const e = dps('serverless: [{ name: s, invocationsPerMonth: 1000 }]');
    expect(rows(e)).toEqual([['serverless-functions-classic/s', '1000', null]]);
    expect(e.warnings.map((w) => w.id)).toEqual(['serverless-extension', 'unpriced-capability']);
  });
});

