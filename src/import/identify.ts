// What a JSON file is, so that a file given to the wrong importer (or in the wrong place) is named:
// "this is a Kubernetes PodList, not a NodeList".
import { isDecimal, type D } from '../core/decimal.js';

export type Shape =
  | 'k8s-nodes'
  | 'k8s-pods'
  | 'k8s-list'
  | 'k8s-other'
  | 'aws-instances'
  | 'aws-types'
  | 'azure-vms'
  | 'azure-sizes'
  | 'gcp-instances'
  | 'gcp-types'
  | 'tf-plan'
  | 'tf-state'
  | 'unknown';

export interface Identified {
  shape: Shape;
  /** For people: "a Kubernetes PodList", "aws ec2 describe-instance-types output". */
  what: string;
}

/** A JSON object (numbers arrive as Decimals, which are objects too). */
export const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v) && !isDecimal(v);
/** The value at a key path, or undefined. */
export const get = (v: unknown, ...keys: string[]): unknown => keys.reduce<unknown>((o, k) => (isObject(o) ? o[k] : undefined), v);
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
export const dec = (v: unknown): D | undefined => (isDecimal(v) ? v : undefined);

export function isNodeShaped(o: unknown): boolean {
  return isObject(o) && (isObject(get(o, 'status', 'nodeInfo')) || (isObject(get(o, 'status', 'capacity')) && !isObject(get(o, 'spec', 'containers')) && !Array.isArray(get(o, 'spec', 'containers'))));
}
export function isPodShaped(o: unknown): boolean {
  return isObject(o) && Array.isArray(get(o, 'spec', 'containers'));
}

function kubeKind(o: Record<string, unknown>): string | undefined {
  if (typeof o.kind === 'string') return o.kind;
  if (isPodShaped(o)) return 'Pod';
  if (isNodeShaped(o)) return 'Node';
  return undefined;
}

export function identify(data: unknown): Identified {
  if (Array.isArray(data)) {
    const first = data.find(isObject);
    if (first === undefined) return { shape: 'unknown', what: data.length === 0 ? 'an empty list' : 'a list of values' };
    const kind = first.kind;
    if (kind === 'compute#instance' || (typeof first.machineType === 'string' && typeof first.status === 'string')) return { shape: 'gcp-instances', what: 'gcloud compute instances list output' };
    if (kind === 'compute#machineType' || (first.memoryMb !== undefined && first.guestCpus !== undefined)) return { shape: 'gcp-types', what: 'gcloud compute machine-types list output' };
    if (isObject(first.hardwareProfile) || isObject(get(first, 'properties', 'hardwareProfile'))) return { shape: 'azure-vms', what: 'az vm list output' };
    if ((first.memoryInMb !== undefined || first.memoryInMB !== undefined) && typeof first.name === 'string') return { shape: 'azure-sizes', what: 'az vm list-sizes output' };
    if (first.InstanceType !== undefined && first.MemoryInfo !== undefined) return { shape: 'aws-types', what: 'aws ec2 describe-instance-types output (its InstanceTypes)' };
    if (first.InstanceId !== undefined) return { shape: 'aws-instances', what: 'a list of EC2 instances' };
    if (isPodShaped(first)) return { shape: 'k8s-pods', what: 'a list of Kubernetes Pods' };
    if (isNodeShaped(first)) return { shape: 'k8s-nodes', what: 'a list of Kubernetes Nodes' };
    return { shape: 'unknown', what: 'a JSON list of unknown objects' };
  }
  if (!isObject(data)) return { shape: 'unknown', what: 'a single JSON value' };
  if (Array.isArray(data.Reservations)) return { shape: 'aws-instances', what: 'aws ec2 describe-instances output' };
  if (Array.isArray(data.InstanceTypes)) return { shape: 'aws-types', what: 'aws ec2 describe-instance-types output' };
  // Its InstanceTypes keyed by type name (moto's instance_types.json, written by describe_instance_types in every region).
  const firstValue = data[Object.keys(data)[0] ?? ''];
  if (isObject(firstValue) && firstValue.InstanceType !== undefined && firstValue.MemoryInfo !== undefined) return { shape: 'aws-types', what: 'instance types of describe-instance-types keyed by name' };
  if (typeof data.format_version === 'string' || Array.isArray(data.resource_changes)) {
    if (Array.isArray(data.resource_changes) || isObject(data.planned_values)) return { shape: 'tf-plan', what: 'terraform show -json of a plan' };
    if (isObject(data.values)) return { shape: 'tf-state', what: 'terraform show -json of a state (not of a plan)' };
  }
  const kind = typeof data.kind === 'string' ? data.kind : undefined;
  if (kind?.startsWith('compute#')) {
    if (/^compute#instance(List|AggregatedList)?$/.test(kind)) return { shape: 'gcp-instances', what: `a Compute Engine ${kind.slice(8)} response` };
    if (/^compute#machineType(List|AggregatedList)?$/.test(kind)) return { shape: 'gcp-types', what: `a Compute Engine ${kind.slice(8)} response` };
    return { shape: 'unknown', what: `a Compute Engine ${kind.slice(8)} response` };
  }
  if (Array.isArray(data.value)) {
    const inner = identify(data.value);
    if (inner.shape === 'azure-vms') return { shape: 'azure-vms', what: 'an Azure virtualMachines list response' };
    if (inner.shape === 'azure-sizes') return { shape: 'azure-sizes', what: 'an Azure vmSizes list response' };
  }
  if (Array.isArray(data.items) || kind !== undefined || isPodShaped(data) || isNodeShaped(data)) {
    if (Array.isArray(data.items)) {
      const kinds = new Set(data.items.filter(isObject).map((i) => kubeKind(i) ?? (kind?.endsWith('List') ? kind.slice(0, -4) : undefined)));
      const only = kinds.size === 1 ? [...kinds][0] : undefined;
      const listName = kind && kind !== 'List' ? kind : only ? `List of ${only}s` : 'List';
      if (only === 'Node' || kind === 'NodeList') return { shape: 'k8s-nodes', what: `a Kubernetes ${listName}` };
      if (only === 'Pod' || kind === 'PodList') return { shape: 'k8s-pods', what: `a Kubernetes ${listName}` };
      if (kind === 'List' || kinds.has('Node') || kinds.has('Pod')) return { shape: 'k8s-list', what: 'a Kubernetes List' };
      return { shape: 'k8s-other', what: `a Kubernetes ${kind ?? 'list'}` };
    }
    const k = kubeKind(data);
    if (k === 'Node') return { shape: 'k8s-nodes', what: 'a Kubernetes Node' };
    if (k === 'Pod') return { shape: 'k8s-pods', what: 'a Kubernetes Pod' };
    if (k !== undefined) return { shape: 'k8s-other', what: `a Kubernetes ${k}` };
  }
  return { shape: 'unknown', what: 'JSON of an unknown kind' };
}
