// Classic DEM unit overages: DEM units consumed beyond `license.demUnits`, "counted just as with
// regular DEM unit consumption". Source: classic-dem-units.txt, "Digital Experience Monitoring
// overages".
import { consumptionIn, priorSum } from '../kit/prior.js';
import { overage } from '../kit/quota.js';
import { n } from '../../core/text.js';
import { defineRule } from '../types.js';

export const overageDemUnits = defineRule({
  id: 'classic/overage-dem-units',
  model: 'classic',
  sections: [],
  licenseKeys: ['demUnits'],
  emits: ['overage-dem-units'],
  after: consumptionIn('dem-unit'),
  doc: 'classic-dem-units.txt: Digital Experience Monitoring overages',
  estimate(estate, { prior, note }) {
    const license = estate.license;
    if (license?.demUnits === undefined) return [];
    const used = priorSum(prior, consumptionIn('dem-unit'));
    return overage(license, 'overage-dem-units', used, license.demUnits, ['DEM unit', 'DEM units'], `${n(used)} DEM units`, note);
  },
});
