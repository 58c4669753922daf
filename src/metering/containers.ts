// The memory that application-only monitoring sees for a container entry, by platform
// (classic-licensing-bundle.md "Application-only monitoring", its scenario table; for DPS the
// Full-Stack Monitoring page, "Memory-size calculations",
// https://www.dynatrace.com/docs/license/capabilities/app-infra-observability/full-stack-monitoring):
// - DPS, OneAgent 1.275+ on Kubernetes (1.297+ for serverless containers: Fargate, App Service on
//   Linux): the container's used memory (`memoryUsedGiB`); the limit (or the node's memory) is the
//   older basis;
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
  memoryLimitGiB?: D | undefined;
  nodeMemoryGiB?: D | undefined;
  memoryUsedGiB?: D | undefined;
  platform: string;
}

/**
 * The memory a container entry is billed by. `model` dps: the used memory where the estate gives it
 * (OneAgent 1.275+), and where it does not, the older basis with a word saying so; classic: the
 * limit or the node's memory, as the classic scenario table says.
 */
export function containerMemory(c: ContainerEntry, model: 'dps' | 'classic' = 'classic'): ContainerMemory {
  const limit = c.memoryLimitGiB;
  const node = c.nodeMemoryGiB;
  const usedApplies = c.platform !== 'azure-app-service-windows' && c.platform !== 'solaris-zone';
  // "OneAgent version 1.275+ (for Kubernetes containers)", "1.297+ (for serverless containers)";
  // App Service on Linux: "OneAgent version 1.297+".
  const since = c.platform === 'fargate' || c.platform === 'azure-app-service-linux' ? '1.297' : '1.275';
  if (model === 'dps' && usedApplies && c.memoryUsedGiB !== undefined) {
    return { memoryGiB: c.memoryUsedGiB, source: `used memory (OneAgent ${since}+)`, asHost: false, noun: ['container', 'containers'] };
  }
  const older = model === 'dps' && usedApplies ? `, the basis before OneAgent ${since}` : '';
  switch (c.platform) {
    case 'azure-app-service-windows':
      return { memoryGiB: (node ?? limit ?? c.memoryUsedGiB)!, source: 'plan instance memory', asHost: false, noun: ['plan instance', 'plan instances'] };
    case 'azure-app-service-linux':
      return { memoryGiB: (node ?? limit ?? c.memoryUsedGiB)!, source: `plan instance memory (no container limits on App Service for Linux${older})`, asHost: false, noun: ['container', 'containers'] };
    case 'solaris-zone':
      return { memoryGiB: (limit ?? node ?? c.memoryUsedGiB)!, source: 'zone memory (a Solaris zone counts as a host)', asHost: true, noun: ['zone', 'zones'] };
    default:
      if (limit !== undefined) return { memoryGiB: limit, source: `memory limit${older}`, asHost: false, noun: ['container', 'containers'] };
      if (node !== undefined) return { memoryGiB: node, source: `no memory limit: the node's ${n(node)} GiB${older}`, asHost: false, noun: ['container', 'containers'] };
      // Classic: only the used memory is known; the classic pages bill what OneAgent detects, and
      // without a limit or a node that is the best figure there is.
      return { memoryGiB: c.memoryUsedGiB!, source: 'used memory (no limit or node memory given)', asHost: false, noun: ['container', 'containers'] };
  }
}
