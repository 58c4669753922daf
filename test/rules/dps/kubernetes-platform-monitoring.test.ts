// Kubernetes Platform Monitoring (DPS): pod-hours; pods on Full-Stack hosts included. Hand-computed.
import { describe, expect, it } from 'vitest';
import { item, rows } from '../../helpers.js';
import { dps } from './helpers.js';

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

