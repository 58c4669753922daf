// DPS memory rounding, at every boundary (the classic weighting table: test/rules/classic/host-unit-hours.test.ts).
import { describe, expect, it } from 'vitest';
import { D, toPlain } from '../../src/core/decimal.js';
import { billedContainerMemory, billedHostMemory, billedHoursPerDay } from '../../src/metering/memory.js';

describe('DPS memory and time rounding (prices-and-rules.md)', () => {
  it.each([
    ['8.3', '8.5'],
    ['2', '4'],
    ['4', '4'],
    ['4.01', '4.25'],
    ['12', '12'],
  ])('host %s GiB is billed as %s GiB', (ram, billed) => {
    expect(toPlain(billedHostMemory(new D(ram)))).toBe(billed);
  });

  it.each([
    ['0.76171875', '1'], // 780 MiB -> 1 GiB
    ['0.1', '0.25'], // 256 MiB minimum
    ['0.25', '0.25'],
    ['1.5', '1.5'],
  ])('container %s GiB is billed as %s GiB', (ram, billed) => {
    expect(toPlain(billedContainerMemory(new D(ram)))).toBe(billed);
  });

  it.each([
    ['24', '24'],
    ['7.9', '8'],
    ['0.1', '0.25'],
    ['0', '0'],
  ])('%s hours a day are billed as %s (15-minute intervals)', (h, billed) => {
    expect(toPlain(billedHoursPerDay(new D(h)))).toBe(billed);
  });
});
