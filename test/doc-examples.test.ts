// Every worked example of shared/docs/ on Digital Experience Monitoring, reproduced exactly from
// the golden estates in test/golden (each cites its source).
import { describe, expect, it } from 'vitest';
import { golden, item, rows, run } from './helpers.js';

describe('dps-browser-monitor.txt', () => {
  it('Cost example: 3 billable steps × 4 executions/h × 3 locations × 720 h = 25,920 actions = $116.64', () => {
    const e = run(golden('dps/browser-monitor/cost-example.yaml'));
    expect(rows(e)).toEqual([['browser-monitor/checkout-clickpath', '25920', '116.64']]);
    expect(item(e, 'browser-monitor/checkout-clickpath').formula).toBe('3 billable steps (of 4 steps) × 4 executions/h × 3 locations × 720 h');
    expect(e.totals.cost?.toFixed()).toBe('116.64');
  });
});

describe('dps-real-user-monitoring.txt', () => {
  it('a 2.5-hour visit to the same application counts as three sessions', () => {
    const e = run('version: 1\napplications: [{ name: app, visitsPerMonth: 1, visitMinutes: 150 }]');
    expect(rows(e)).toEqual([['real-user-monitoring/app', '3', '0.00675']]);
  });

  it('bounced sessions do not contribute to consumption', () => {
    const e = run('version: 1\napplications: [{ name: app, visitsPerMonth: 1000, bounceRate: 1 }]');
    expect(rows(e)).toEqual([['real-user-monitoring/app', '0', '0']]);
  });

  it('cost example: 3,600,000 sessions, 20% (720,000) with Session Replay, 30 properties', () => {
    const e = run(golden('dps/real-user-monitoring/cost-example.yaml'));
    // 2,880,000 × $0.00225 = $6,480; 720,000 × $0.0045 = $3,240; (30 − 20) × 3,600,000 × $0.0001 = $3,600
    expect(rows(e)).toEqual([
      ['real-user-monitoring/web-app', '2880000', '6480'],
      ['real-user-monitoring-session-replay/web-app', '720000', '3240'],
      ['real-user-monitoring-property/web-app', '36000000', '3600'],
    ]);
    expect(e.totals.cost?.toFixed()).toBe('13320');
  });

  it('cost example without Session Replay or properties: 3,600,000 × $0.00225 = $8,100', () => {
    const e = run('version: 1\napplications: [{ name: web-app, visitsPerMonth: 3600000 }]');
    expect(rows(e)).toEqual([['real-user-monitoring/web-app', '3600000', '8100']]);
  });
});
