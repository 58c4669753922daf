// The estate sections that hold named entries, as paths, and access to them.
import type { EstateData } from './schema.js';

export const SECTIONS = [
  'hosts',
  'containers',
  'pods',
  'activity',
  'applications',
  'synthetic.browser',
  'synthetic.http',
  'synthetic.thirdParty',
  'synthetic.nam',
  'logs',
  'metrics',
  'traces',
  'events',
  'serverless',
  'mainframe',
  'securityPosture',
  'automation',
  'functions',
] as const;
export type Section = (typeof SECTIONS)[number];

export function sectionEntries(data: EstateData, section: Section): { name: string }[] {
  switch (section) {
    case 'synthetic.browser':
      return data.synthetic.browser;
    case 'synthetic.http':
      return data.synthetic.http;
    case 'synthetic.thirdParty':
      return data.synthetic.thirdParty;
    case 'synthetic.nam':
      return data.synthetic.nam;
    default:
      return data[section];
  }
}
