// Activity files: true concurrency (classic) and 15-minute intervals (DPS) from observed runs.
import { describe, expect, it } from 'vitest';
import { D, toPlain } from '../../src/core/decimal.js';
import { ActivityReader, checkTime, parseTime } from '../../src/input/activity.js';

function fold(csv: string, defaults: { memoryGiB?: string; mode?: 'fullstack' | 'infrastructure' | 'discovery'; infrastructureCap?: boolean } = {}) {
  const reader = new ActivityReader('runs.csv', {
    memoryGiB: defaults.memoryGiB === undefined ? undefined : new D(defaults.memoryGiB),
    mode: defaults.mode ?? 'fullstack',
    infrastructureCap: defaults.infrastructureCap ?? true,
  });
  csv.split('\n').forEach((line, i) => reader.line(line, i + 1));
  return reader.finish();
}

function classicHours(csv: string): string {
  const r = fold(csv);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  return toPlain(r.summary.classic.hostUnitHours);
}

describe('true concurrency: classic-licensing-bundle.md "True concurrency", Examples 1 to 4', () => {
  it('Example 1: 10:00-10:30, then another host 10:30-11:00: 1 host unit hour', () => {
    expect(classicHours('a,2026-03-02T10:00Z,2026-03-02T10:30Z,16\nb,2026-03-02T10:30Z,2026-03-02T11:00Z,16')).toBe('1');
  });

  it('Example 2: 10:00-11:00 and 10:30-11:00 run together: 2 host unit hours', () => {
    expect(classicHours('a,2026-03-02T10:00Z,2026-03-02T11:00Z,16\nb,2026-03-02T10:30Z,2026-03-02T11:00Z,16')).toBe('2');
  });

  it('Example 3: started and stopped three times within an hour: 1 host unit hour', () => {
    expect(classicHours(['12:10', '12:30', '12:50'].map((t, i) => `a,2026-03-02T${t}Z,2026-03-02T${['12:20', '12:40', '13:00'][i]}Z,16`).join('\n'))).toBe('1');
  });

  it('Example 4: 10:23-11:23 spans two calendar hours: 2 host unit hours', () => {
    expect(classicHours('a,2026-03-02T10:23Z,2026-03-02T11:23Z,16')).toBe('2');
  });

  it('a run shorter than 5 minutes does not count; 5 minutes does', () => {
    const r = fold('a,2026-03-02T10:00Z,2026-03-02T10:04:59Z,16');
    expect(r.ok && [toPlain(r.summary.classic.hostUnitHours), r.summary.shortRuns]).toEqual(['0', 1]);
    expect(classicHours('a,2026-03-02T10:00Z,2026-03-02T10:05Z,16')).toBe('1');
  });

  it('a long run counts every calendar hour it touches, at its host units', () => {
    // 64 GiB = 4 host units, 2026-03-01T00:00 to 03-03T00:00 = 48 hours; plus 8 GiB = 0.5 from 47:30
    expect(classicHours('a,2026-03-01T00:00Z,2026-03-03T00:00Z,64\nb,2026-03-02T23:30Z,2026-03-03T00:30Z,8')).toBe('193');
  });

  it('infrastructure hosts weigh 0.3 per 16 GiB, capped at 1.0', () => {
    expect(classicHours('a,2026-03-02T10:00Z,2026-03-02T12:00Z,128,infrastructure')).toBe('2');
    const r = fold('a,2026-03-02T10:00Z,2026-03-02T12:00Z,128,infrastructure', { infrastructureCap: false });
    expect(r.ok && toPlain(r.summary.classic.hostUnitHours)).toBe('4.8');
  });

  it('rows in any order, a header, comments and blank lines', () => {
    expect(classicHours('# observed\nhost,end,start,memoryGiB\n\nb,2026-03-02T11:00Z,2026-03-02T10:30Z,16\na,2026-03-02T11:00Z,2026-03-02T10:00Z,16')).toBe('2');
  });
});

describe('DPS: 15-minute intervals, a partial interval counts whole, once per host', () => {
  it('Full-Stack GiB-hours with memory rounding and minimum; Infrastructure and discovery host-hours', () => {
    const r = fold(
      [
        'a,2026-03-02T10:00Z,2026-03-02T11:00Z,8.3', // 4 intervals × 8.5 GiB × 0.25 h = 8.5
        'b,2026-03-02T10:05Z,2026-03-02T10:20Z,2', // 2 intervals (10:00, 10:15) × 4 GiB × 0.25 h = 2
        'c,2026-03-02T10:00Z,2026-03-02T10:01Z,64,infrastructure', // 1 interval: 0.25 h
        'd,2026-03-02T10:00Z,2026-03-02T12:00Z,2,discovery', // 2 h
      ].join('\n'),
    );
    expect(r.ok && [r.summary.dps.fullStackGiBHours, r.summary.dps.infrastructureHostHours, r.summary.dps.discoveryHostHours].map(toPlain)).toEqual(['10.5', '0.25', '2']);
  });

  it('a host restarting within an interval counts the interval once', () => {
    const r = fold('a,2026-03-02T10:00Z,2026-03-02T10:10Z,4\na,2026-03-02T10:12Z,2026-03-02T10:20Z,4');
    // intervals 10:00 and 10:15: 2 × 4 GiB × 0.25 h
    expect(r.ok && toPlain(r.summary.dps.fullStackGiBHours)).toBe('2');
  });
});

describe('bad rows: every one reported with its line, nothing estimated', () => {
  it('end before start, unparseable times, bad memory and mode', () => {
    const r = fold('a,2026-03-02T10:00Z,2026-03-02T09:00Z,16\nb,yesterday,2026-03-02T09:00Z,16\nc,2026-03-02T10:00Z,2026-03-02T11:00Z,-4\nd,2026-03-02T10:00Z,2026-03-02T11:00Z,4,turbo\n,2026-03-02T10:00Z,2026-03-02T11:00Z,4');
    expect(r.ok ? [] : r.diagnostics.map((d) => `${d.file}:${d.position?.line}: ${d.message}`)).toEqual([
      'runs.csv:1: end 2026-03-02T09:00Z is before start 2026-03-02T10:00Z',
      'runs.csv:2: start: expected an ISO 8601 date and time (2026-03-01T10:00:00Z), found "ye…" (9 characters)',
      'runs.csv:3: memoryGiB: expected a number > 0 and ≤ 1,048,576, found "-4"',
      'runs.csv:4: mode: expected one of fullstack, infrastructure, discovery, found "turbo"',
      'runs.csv:5: host: expected a host name, found nothing',
    ]);
  });

  it('no memory column and no default', () => {
    const r = fold('a,2026-03-02T10:00Z,2026-03-02T11:00Z');
    expect(r.ok ? [] : r.diagnostics.map((d) => d.message)).toEqual(['memoryGiB: no memory column and no memoryGiB on the activity entry']);
    expect(fold('a,2026-03-02T10:00Z,2026-03-02T11:00Z', { memoryGiB: '16' }).ok).toBe(true);
  });
});

describe('times', () => {
  it.each([
    ['2026-03-02T10:00Z', '2026-03-02T10:00:00.000Z'],
    ['2026-03-02T10:00:30Z', '2026-03-02T10:00:30.000Z'],
    ['2026-03-02 10:00', '2026-03-02T10:00:00.000Z'],
    ['2026-03-02T12:00+02:00', '2026-03-02T10:00:00.000Z'],
  ])('%s is %s (no offset: UTC)', (text, iso) => {
    expect(new Date(parseTime(text)!).toISOString()).toBe(iso);
  });

  it.each(['2026-03-02', 'yesterday', '10:00', '2026-13-02T10:00Z'])('%s is not a time', (text) => {
    expect(parseTime(text)).toBeUndefined();
  });
});

describe('impossible dates, limits, letter case', () => {
  it.each([
    ['2026-02-30T10:00Z', 'February 2026 has no day 30'],
    ['2026-02-29T10:00Z', 'February 2026 has no day 29'],
    ['2026-04-31T10:00Z', 'April 2026 has no day 31'],
    ['2026-13-01T10:00Z', 'there is no month 13'],
    ['2026-03-01T24:00Z', '24:00 is not a time of day'],
    ['2026-03-01T10:60Z', '10:60 is not a time of day'],
    ['2026-03-01T10:00+25:00', '+25:00 is not a time-zone offset'],
    ['0000-01-01T00:00Z', 'the year 0000 is outside 1970 to 9999'],
    ['1969-12-31T23:59Z', 'the year 1969 is outside 1970 to 9999'],
  ])('%s is refused: %s', (text, problem) => {
    expect(checkTime(text)).toEqual({ problem });
    const r = fold(`a,${text},2026-03-02T10:00Z,16`);
    expect(r.ok ? [] : r.diagnostics.map((d) => `${d.position?.line}: ${d.message}`)).toContainEqual(`1: start: ${text} is not a valid date and time: ${problem}`);
  });

  it('29 February of a leap year, and 9999-12-31, are dates', () => {
    expect(parseTime('2028-02-29T10:00Z')).toBe(Date.UTC(2028, 1, 29, 10));
    expect(parseTime('9999-12-31T23:59:59.999Z')).toBe(Date.UTC(9999, 11, 31, 23, 59, 59, 999));
  });

  it('a header in any letter case names the columns', () => {
    const r = fold('HOST,END,START,MEMORYGIB\na,2026-03-02T11:00Z,2026-03-02T10:00Z,16');
    expect(r.ok && toPlain(r.summary.classic.hostUnitHours)).toBe('1');
  });

  it('one file covers at most 3,653 days: one long run, or runs far apart', () => {
    const long = fold('a,1970-01-01T00:00Z,9999-12-31T00:00Z,16');
    expect(long.ok ? [] : long.diagnostics.map((d) => d.message)).toEqual(['the run lasts more than 3,653 days (10 years), the most an activity file may cover']);
    const apart = fold('a,2020-01-01T00:00Z,2020-01-01T01:00Z,16\nb,2026-03-01T00:00Z,2026-03-01T01:00Z,16\nc,2031-01-01T00:00Z,2031-01-01T01:00Z,16');
    expect(apart.ok ? [] : apart.diagnostics.map((d) => `${d.position?.line}: ${d.message}`)).toEqual([
      '3: the runs span more than 3,653 days (10 years), the most an activity file may cover: from 2020-01-01T00:00Z to 2031-01-01T01:00Z (with line 1); split the file',
    ]);
  });

  it('a host name of more than 256 characters', () => {
    const r = fold(`${'h'.repeat(300)},2026-03-02T10:00Z,2026-03-02T11:00Z,16`);
    expect(r.ok ? [] : r.diagnostics.map((d) => d.message)).toEqual(['host: expected a host name of at most 256 characters, found 300']);
  });

  it('a credentials CSV: no value is echoed beyond a masked excerpt', () => {
    const r = fold('User name,Password,Access key ID,Secret access key\nalice,Pa55word!x,AKIAIOSFODNN7EXAMPLE,wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
    const text = r.ok ? '' : r.diagnostics.map((d) => d.message).join('\n');
    expect(text).toContain('start: expected an ISO 8601 date and time (2026-03-01T10:00:00Z), found "Pa…" (10 characters)');
    expect(text).toContain('end: expected an ISO 8601 date and time (2026-03-01T11:00:00Z), found a text of 20 characters (not shown: it looks like a key or a password)');
    for (const secret of ['Pa55word', 'AKIAIOSFODNN7EXAMPLE', 'wJalr', 'Access key', 'Secret access']) expect(text).not.toContain(secret);
  });
});

describe('times: every valid instant from 1970 to 9999 reads back as itself', () => {
  it('ISO strings of random instants, with and without seconds, offsets and fractions', async () => {
    const fc = (await import('fast-check')).default;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Date.UTC(9999, 11, 31, 23, 59, 59, 999) }), fc.integer({ min: -14 * 60, max: 14 * 60 }), (ms, offsetMinutes) => {
        const iso = new Date(ms).toISOString();
        expect(parseTime(iso)).toBe(ms);
        expect(parseTime(iso.replace('T', ' ').replace(/\.\d+Z$/, ''))).toBe(Math.floor(ms / 1000) * 1000);
        const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 23);
        const sign = offsetMinutes < 0 ? '-' : '+';
        const zone = `${sign}${String(Math.floor(Math.abs(offsetMinutes) / 60)).padStart(2, '0')}:${String(Math.abs(offsetMinutes) % 60).padStart(2, '0')}`;
        if (Number(local.slice(0, 4)) >= 1970 && !local.startsWith('+')) expect(parseTime(`${local}${zone}`)).toBe(ms);
      }),
      { numRuns: 2000 },
    );
  });

  it.each(['2026-03-02T10:00:', '2026-03-02T10:00:5', '2026-03-02T10:00:00.', '2026-03-02T10:00+1', '2026-03-02T10:00ZZ', '2026-3-02T10:00Z', '2026-03-02t10:00Z', ' 2026-03-02T10:00Z'])('%s is not a time', (text) => {
    expect(checkTime(text)).toEqual({ problem: 'format' });
  });
});
