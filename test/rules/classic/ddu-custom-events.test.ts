// classic/ddu-custom-events: 0.001 DDU per custom event, updates included (ddu-events.md,
// https://docs.dynatrace.com/managed/license/classic-licensing/davis-data-units/ddu-events).
import { describe, expect, it } from 'vitest';
import { toPlain } from '../../../src/core/decimal.js';
import { golden, item, run } from '../../helpers.js';

describe('ddu-custom-events', () => {
  it('0.001 DDU each: 20,000 a month = 20 DDUs', () => {
    const e = run(golden('classic/ddu-custom-events/events.yaml'));
    expect(toPlain(item(e, 'ddu-custom-events/deployments').quantity)).toBe('20');
    expect(item(e, 'ddu-custom-events/deployments').formula).toBe('20,000 events/month × 0.001 DDU/event');
  });
});
