// The memory that application-only monitoring sees for a container entry, by platform
// (classic-licensing-bundle.md "Application-only monitoring", its scenario table):
// - a container memory limit when one is set; without one, the node's memory is what is detected;
// - Azure App Service on Windows: the plan's instances (count) and their memory;
// - Azure App Service on Linux: running containers (count) × the plan instance's memory, because
//   container limits cannot be set there;
// - Solaris zones are counted as hosts.
import type { D } from '../core/decimal.js';
import { n } from '../core/text.js';

export interface ContainerMemory {
  memoryGiB: D;
  /** How the memory was found, for formulas. */
  source: string;
  /** Counted as a host (Solaris zones): host minimums apply. */
  asHost: boolean;
  /** What `count` counts. */
  noun: [one: string, many: string];
}

/** What of a container entry its memory depends on. */
export interface ContainerEntry {
  memoryLimitGiB?: D;
  nodeMemoryGiB?: D;
  platform: string;
}

export function containerMemory(c: ContainerEntry): ContainerMemory {
  const limit = c.memoryLimitGiB;
  const node = c.nodeMemoryGiB;
  switch (c.platform) {
    case 'azure-app-service-windows':
      return { memoryGiB: (node ?? limit)!, source: 'plan instance memory', asHost: false, noun: ['plan instance', 'plan instances'] };
    case 'azure-app-service-linux':
      return { memoryGiB: (node ?? limit)!, source: 'plan instance memory (no container limits on App Service for Linux)', asHost: false, noun: ['container', 'containers'] };
    case 'solaris-zone':
      return { memoryGiB: (limit ?? node)!, source: 'zone memory (a Solaris zone counts as a host)', asHost: true, noun: ['zone', 'zones'] };
    default:
      return limit !== undefined
        ? { memoryGiB: limit, source: 'memory limit', asHost: false, noun: ['container', 'containers'] }
        : { memoryGiB: node!, source: `no memory limit: the node's ${n(node!)} GiB`, asHost: false, noun: ['container', 'containers'] };
  }
}
