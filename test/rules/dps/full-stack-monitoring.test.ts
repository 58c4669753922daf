// Full-Stack Monitoring (DPS): full-stack-monitoring.md, "How consumption is calculated" and
// "Memory-size calculations". The page's examples are golden estates (test/golden/dps/); these are
// the rounding boundaries and the memory bases, computed by hand.
import { describe, expect, it } from 'vitest';
import { item, rows, run } from '../../helpers.js';
import { dps, q } from './helpers.js';

describe('dps/full-stack-monitoring', () => {
  it('hosts: memory rounded up to the next 0.25 GiB, at least 4 GiB ("8.3 GiB ... 8.5 GiB", "2 GiB ... 4 GiB")', () => {
    expect(rows(dps('hosts: [{ name: a, memoryGiB: 8.3 }, { name: b, memoryGiB: 2 }, { name: c, count: 12, memoryGiB: 12 }]'))).toEqual([
      ['full-stack-monitoring/a', '6120', '61.2'],
      ['full-stack-monitoring/b', '2880', '28.8'],
      ['full-stack-monitoring/c', '103680', '1036.8'],
    ]);
  });

  it.each([
    ['0.1', '4'],
    ['3.99', '4'],
    ['4', '4'],
    ['4.01', '4.25'],
    ['8.25', '8.25'],
    ['8.26', '8.5'],
    ['1000', '1000'],
  ])('a host of %s GiB bills %s GiB an hour', (memory, billed) => {
    expect(q(dps(`hosts: [{ name: h, memoryGiB: ${memory} }]`, '1h'), 'full-stack-monitoring/h')).toBe(billed);
  });

  it('"$1,000 per 100,000 GiB-hours"', () => {
    expect(rows(dps('hosts: [{ name: h, count: 100, memoryGiB: 1000 }]', '1h'))).toEqual([['full-stack-monitoring/h', '100000', '1000']]);
  });

  it('15-minute intervals, a partial one counting whole: 7.9 h a day bill 8, 7.75 bill 7.75', () => {
    expect(q(dps('hosts: [{ name: h, memoryGiB: 4, hoursPerDay: 7.9 }]', 'day'), 'full-stack-monitoring/h')).toBe('32');
    expect(q(dps('hosts: [{ name: h, memoryGiB: 4, hoursPerDay: 7.75 }]', 'day'), 'full-stack-monitoring/h')).toBe('31');
    expect(q(dps('hosts: [{ name: h, memoryGiB: 4, hoursPerDay: 0.01 }]', 'day'), 'full-stack-monitoring/h')).toBe('1');
  });

  it('application-only containers: 256 MiB minimum, the same rounding ("780 MiB ... 1 GiB")', () => {
    const e = dps('containers: [{ name: a, memoryUsedGiB: 0.76171875 }, { name: b, memoryUsedGiB: 0.09765625 }, { name: c, memoryUsedGiB: 0.2509765625 }, { name: d, memoryUsedGiB: 0.25 }]', '1h');
    expect(['a', 'b', 'c', 'd'].map((n) => q(e, `full-stack-monitoring/${n}`))).toEqual(['1', '0.25', '0.5', '0.25']);
  });

  it('the used memory is the basis with OneAgent 1.275+; the limit, or the node\'s memory, is the older one, and the formula says which', () => {
    const e = dps('containers: [{ name: used, memoryUsedGiB: 0.5, memoryLimitGiB: 2 }, { name: limit, memoryLimitGiB: 2 }, { name: node, nodeMemoryGiB: 16 }]', '1h');
    expect([q(e, 'full-stack-monitoring/used'), q(e, 'full-stack-monitoring/limit'), q(e, 'full-stack-monitoring/node')]).toEqual(['0.5', '2', '16']);
    expect(item(e, 'full-stack-monitoring/used').formula).toBe('0.5 GiB used memory (OneAgent 1.275+) × 24 h/day × 0.041667 d');
    expect(item(e, 'full-stack-monitoring/limit').formula).toBe('2 GiB memory limit, the basis before OneAgent 1.275 × 24 h/day × 0.041667 d');
    expect(item(e, 'full-stack-monitoring/node').formula).toBe("16 GiB no memory limit: the node's 16 GiB, the basis before OneAgent 1.275 × 24 h/day × 0.041667 d");
  });

  it('a Solaris zone counts as a host (4 GiB minimum); Azure App Service on Windows bills its plan instances (256 MiB minimum)', () => {
    expect(rows(dps('containers: [{ name: z, memoryLimitGiB: 2, platform: solaris-zone }]'))).toEqual([['full-stack-monitoring/z', '2880', '28.8']]);
    expect(q(dps('containers: [{ name: w, count: 2, nodeMemoryGiB: 0.1, platform: azure-app-service-windows }]', '1h'), 'full-stack-monitoring/w')).toBe('0.5');
  });

  it('containers monitored with Code Monitoring and hosts in other modes bill no GiB-hours', () => {
    const e = dps('hosts: [{ name: i, memoryGiB: 8, mode: infrastructure }, { name: c, mode: code, processes: 3 }]\ncontainers: [{ name: k, memoryLimitGiB: 1, monitoring: code }]');
    expect(e.lineItems.filter((i) => i.capabilityId === 'full-stack-monitoring')).toEqual([]);
  });
});

describe('the OneAgent version that bills used memory, by platform (full-stack-monitoring.md "Memory-size calculations")', () => {
  it('1.275+ for Kubernetes containers, 1.297+ for serverless containers (Fargate) and App Service on Linux', () => {
    const e = run('version: 1\ncontainers:\n  - { name: k, memoryLimitGiB: 2, memoryUsedGiB: 1 }\n  - { name: f, platform: fargate, memoryLimitGiB: 2, memoryUsedGiB: 1 }\n  - { name: l, platform: azure-app-service-linux, nodeMemoryGiB: 4 }\n');
    expect(item(e, 'full-stack-monitoring/k').formula).toContain('used memory (OneAgent 1.275+)');
    expect(item(e, 'full-stack-monitoring/f').formula).toContain('used memory (OneAgent 1.297+)');
    expect(item(e, 'full-stack-monitoring/l').formula).toContain('the basis before OneAgent 1.297');
  });
});
