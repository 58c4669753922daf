// The DPS capabilities billed per running hour whatever the size: Infrastructure Monitoring and
// Foundation & Discovery (host-hours), Kubernetes Platform Monitoring (pod-hours), Code Monitoring
// (container-hours), Security Posture Management (host-hours, whole hours). Hand-computed; the pages'
// examples are golden estates.
import { describe, expect, it } from 'vitest';
import { item, rows } from '../../helpers.js';
import { dps } from './helpers.js';

describe('dps/infrastructure-monitoring and dps/foundation-discovery', () => {
  it('host-hours whatever the memory; a partial 15 minutes counts whole', () => {
    expect(rows(dps('hosts: [{ name: i, count: 4, memoryGiB: 64, mode: infrastructure, hoursPerDay: 7.9 }, { name: d, count: 20, memoryGiB: 2, mode: discovery }]'))).toEqual([
      ['infrastructure-monitoring/i', '960', '38.4'],
      ['foundation-discovery/d', '14400', '144'],
    ]);
  });
});

describe('dps/kubernetes-platform-monitoring', () => {
  it('pod-hours, whatever the pod size: 300 pods a month = 216,000 = $432', () => {
    expect(rows(dps('pods: [{ name: p, count: 300 }]'))).toEqual([['kubernetes-platform-monitoring/p', '216000', '432']]);
  });

  it('pods on Full-Stack hosts are included in Full-Stack Monitoring: shown, at zero, with the reason', () => {
    const e = dps('pods: [{ name: on-fullstack, count: 300, onFullStackHosts: true }, { name: pending, count: 5 }]');
    expect(rows(e)).toEqual([
      ['kubernetes-platform-monitoring/on-fullstack', '0', '0'],
      ['kubernetes-platform-monitoring/pending', '3600', '7.2'],
    ]);
    expect(item(e, 'kubernetes-platform-monitoring/on-fullstack').formula).toBe(
      'on Full-Stack hosts: included in Full-Stack Monitoring (OneAgent 1.301+; pending pods are billed: list them apart), 300 pods × 24 h/day × 30 d not billed',
    );
  });
});

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

describe('dps/security-posture-management', () => {
  it('each node scanned in an hour is a host-hour: whole hours, not 15-minute intervals', () => {
    const e = dps('securityPosture: [{ name: cluster, count: 10, hoursPerDay: 7.25 }]', 'day');
    expect(rows(e)).toEqual([['security-posture-management/cluster', '80', '0.56']]);
    expect(item(e, 'security-posture-management/cluster').formula).toBe('10 nodes × 8 h/day (7.25 h rounded up to whole hours) × 1 d');
  });
});
