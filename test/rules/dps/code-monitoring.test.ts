// Code Monitoring (DPS): container-hours per concurrent process. Hand-computed.
import { describe, expect, it } from 'vitest';
import { item, rows } from '../../helpers.js';
import { dps } from './helpers.js';

describe('dps/code-monitoring', () => {
  it('a container monitored with Code Monitoring is one process: container-hours', () => {
    expect(rows(dps('containers: [{ name: f, count: 10, memoryLimitGiB: 1, monitoring: code, hoursPerDay: 12 }]'))).toEqual([['code-monitoring/f', '3600', '18']]);
  });

  it('"A host consumes the total container-hours of all its concurrent processes"', () => {
    const e = dps('hosts: [{ name: batch, count: 2, mode: code, processes: 5, hoursPerDay: 10 }]', 'day');
    expect(rows(e)).toEqual([['code-monitoring/batch', '100', '0.5']]);
    expect(item(e, 'code-monitoring/batch').formula).toBe('2 hosts × 5 processes × 10 h/day × 1 d');
  });

  it('a code host needs no memory; processes without mode code are an error', () => {
    expect(() => dps('hosts: [{ name: h, memoryGiB: 8, processes: 2 }]')).toThrow(/hosts\[0\]\.processes: expected processes only with mode: code, found mode: fullstack/);
    expect(() => dps('hosts: [{ name: h }]')).toThrow(/hosts\[0\]\.memoryGiB: expected memoryGiB \(the host's memory\) for a fullstack host, found nothing/);
  });
});

