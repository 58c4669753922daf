// The classic host-unit weighting table and DPS memory rounding, at every boundary.
import { describe, expect, it } from 'vitest';
import { D, toPlain } from '../../src/core/decimal.js';
import { hostUnits } from '../../src/metering/host-units.js';
import { billedContainerMemory, billedHostMemory, billedHoursPerDay } from '../../src/metering/memory.js';

describe('classic host units (classic-licensing-bundle.md, "Host units" table)', () => {
  it.each([
    // RAM, Full-Stack, Infrastructure capped, Infrastructure uncapped
    ['0.5', '0.1', '0.03', '0.03'],
    ['1.6', '0.1', '0.03', '0.03'],
    ['1.7', '0.25', '0.075', '0.075'],
    ['4', '0.25', '0.075', '0.075'],
    ['4.1', '0.5', '0.15', '0.15'],
    ['8', '0.5', '0.15', '0.15'],
    ['12', '1', '0.3', '0.3'], // "a host with 12 GiB RAM consumes 1 host unit"
    ['16', '1', '0.3', '0.3'],
    ['16.1', '2', '0.6', '0.6'],
    ['32', '2', '0.6', '0.6'],
    ['48', '3', '0.9', '0.9'],
    ['64', '4', '1', '1.2'], // "64 GiB RAM (which equates to 4 host units)"; uncapped 64 GiB -> 1.2
    ['80', '5', '1', '1.5'],
    ['96', '6', '1', '1.8'],
    ['112', '7', '1', '2.1'],
    ['113', '8', '1', '2.4'], // n × 16 GiB -> n
    ['160', '10', '1', '3'],
  ])('%s GiB: Full-Stack %s, Infrastructure %s (capped) / %s (uncapped)', (ram, full, capped, uncapped) => {
    const m = new D(ram);
    expect([hostUnits(m, 'fullstack').value, hostUnits(m, 'infrastructure').value, hostUnits(m, 'infrastructure', false).value].map(toPlain)).toEqual([full, capped, uncapped]);
  });
});

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
