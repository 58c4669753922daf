// classic/ddu-serverless: 0.002 DDU per invocation (serverless-monitoring.md,
// https://docs.dynatrace.com/managed/license/classic-licensing/davis-data-units/serverless-monitoring).
import { describe, expect, it } from 'vitest';
import { toPlain } from '../../../src/core/decimal.js';
import { golden, item, run } from '../../helpers.js';

describe('ddu-serverless', () => {
  it('1 function × 1 million invocations × 0.002 = 2,000 DDUs a month', () => {
    expect(toPlain(item(run(golden('classic/ddu-serverless/2000-ddus.yaml')), 'ddu-serverless/function').quantity)).toBe('2000');
  });

  it('3,000,000 invocations: 6,000', () => {
    expect(toPlain(item(run('version: 1\nlicensing: classic\nserverless: [{ name: s, invocationsPerMonth: 3000000 }]'), 'ddu-serverless/s').quantity)).toBe('6000');
  });
});
