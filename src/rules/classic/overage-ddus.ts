// Classic DDU overages: DDUs consumed (after the free tier) beyond `license.ddus`.
// Sources: prices-and-rules.md "Classic licensing" (DDUs sold in volumes of 1M, free tier);
// classic-licensing-bundle.md "Davis data units" pages.
import { consumptionIn, priorSum } from '../kit/prior.js';
import { overage } from '../kit/quota.js';
import { n } from '../../core/text.js';
import { defineRule } from '../types.js';

export const overageDdus = defineRule({
  id: 'classic/overage-ddus',
  model: 'classic',
  sections: [],
  licenseKeys: ['ddus'],
  emits: ['overage-ddus'],
  after: consumptionIn('ddu'),
  doc: 'prices-and-rules.md: Classic licensing (DDU volumes, free tier); classic-licensing-bundle.md DDU pages',
  estimate(estate, { prior, note }) {
    const license = estate.license;
    if (license?.ddus === undefined) return [];
    const used = priorSum(prior, consumptionIn('ddu'));
    return overage(license, 'overage-ddus', used, license.ddus, ['DDU', 'DDUs'], `${n(used)} DDUs after the free tier`, note);
  },
});
