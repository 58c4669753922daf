// Runtime Application Protection (DPS): GiB-hours with the Full-Stack rounding, for the entries that
// run it; Runtime Vulnerability Analytics bills the same GiB-hours again (its own test file). The
// page's example is a golden estate.
import { describe, expect, it } from 'vitest';
import { rows } from '../../helpers.js';
import { dps } from './helpers.js';

describe('dps/runtime-application-protection', () => {
  it('only the entries that list rap; a container by its billed memory', () => {
    const e = dps('hosts: [{ name: h, memoryGiB: 8, appSecurity: [rva] }]\ncontainers: [{ name: c, memoryUsedGiB: 0.3, appSecurity: [rap] }]', 'day');
    expect(rows(e).filter(([id]) => id.startsWith('runtime-application-protection'))).toEqual([['runtime-application-protection/c', '12', '0.027']]);
  });
});
