// Kubernetes: `kubectl get nodes -o json` and `kubectl get pods -A -o json` (List objects, or a
// single Node or Pod), imported for the deployment mode the customer will use, which decides what
// is billed. A workload is never counted twice:
//
// - fullstack (default): nodes become Full-Stack `hosts` (memory: status.capacity.memory); the pods
//   running on them are included in host-based Full-Stack monitoring (counted in a comment, not
//   listed). Pods stuck in Pending and pods on nodes not given are billed per pod-hour: `pods`.
// - application: the containers of running pods become application-only `containers` entries with
//   their memory limit, or the node's memory where none is set (nodeMemoryGiB, as Dynatrace
//   does); running and pending pods become `pods` entries (Kubernetes Platform Monitoring is not
//   included in application-only monitoring). Nodes are read for their memory only.
// - platform: running and pending pods become `pods` entries; nothing else.
//
// Succeeded and Failed pods (finished jobs) run nothing: skipped and counted. Classic init
// containers run to completion before the app starts; native sidecars (init containers with
// restartPolicy: Always) run alongside it and count as containers.
import type { D } from '../core/decimal.js';
import type { Diagnostic } from '../input/diagnostics.js';
import type { Path } from '../input/path.js';
import { readJson, type JsonFile } from './files.js';
import { groupBy, plural } from './group.js';
import { get, identify, isNodeShaped, isObject, isPodShaped, str } from './identify.js';
import type { ImportedEntry, ImportResult, SourceRef, Note } from './model.js';
import { quantityGiB, QUANTITY_HELP } from './quantity.js';

export type Monitoring = 'fullstack' | 'application' | 'platform';

interface Obj {
  file: JsonFile;
  path: Path;
  value: Record<string, unknown>;
}

interface Node {
  name: string;
  memory: string;
  gib: D;
  type: string | undefined;
  ref: SourceRef;
}

interface Container {
  name: string;
  /** The memory limit's text, when set. */
  limit?: string;
  limitGiB?: D;
  index: number;
  sidecar: boolean;
}

interface Pod {
  namespace: string;
  name: string;
  phase: string;
  node: string | undefined;
  workload: string;
  containers: Container[];
  ref: SourceRef;
  obj: Obj;
}

const INSTANCE_TYPE_LABELS = ['node.kubernetes.io/instance-type', 'beta.kubernetes.io/instance-type'];

/** The nodes and pods of the files; anything else is named and refused. */
function objects(files: readonly string[], problems: Diagnostic[]): { nodes: Obj[]; pods: Obj[] } {
  const nodes: Obj[] = [];
  const pods: Obj[] = [];
  for (const name of files) {
    const file = readJson(name);
    const { data } = file;
    const what = identify(data);
    const items: [Path, unknown][] = isObject(data) && Array.isArray(data.items) ? data.items.map((item, i) => [['items', i], item]) : Array.isArray(data) ? data.map((item, i) => [[i], item]) : [[[], data]];
    if (!what.shape.startsWith('k8s')) {
      problems.push({ file: name, message: `this is ${what.what}, not a Kubernetes NodeList or PodList (kubectl get nodes -o json, kubectl get pods -A -o json)` });
      continue;
    }
    const listKind = isObject(data) && typeof data.kind === 'string' && data.kind.endsWith('List') && data.kind !== 'List' ? data.kind.slice(0, -4) : undefined;
    const others = new Map<string, number>();
    for (const [path, item] of items) {
      if (!isObject(item)) continue;
      const kind = str(item.kind) ?? listKind ?? (isPodShaped(item) ? 'Pod' : isNodeShaped(item) ? 'Node' : 'unknown object');
      if (kind === 'Node') nodes.push({ file, path, value: item });
      else if (kind === 'Pod') pods.push({ file, path, value: item });
      else others.set(kind, (others.get(kind) ?? 0) + 1);
    }
    if (others.size > 0) {
      const list = [...others].map(([k, n]) => plural(n, k)).join(', ');
      problems.push({ file: name, message: `this is ${what.what} with ${list}: dtcost import kubernetes reads Nodes and Pods only (kubectl get nodes -o json, kubectl get pods -A -o json)` });
    }
  }
  return { nodes, pods };
}

function ref(o: Obj, label: string, path: Path = o.path): SourceRef {
  const where = path.length === 0 ? undefined : path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
  return { file: o.file.file, line: o.file.line(path), ...(where ? { where } : {}), label };
}

/** The workload a pod belongs to: its controller, with a Deployment's ReplicaSet hash taken off. */
export function workloadOf(pod: Record<string, unknown>): string {
  const name = str(get(pod, 'metadata', 'name')) ?? '';
  const owners = get(pod, 'metadata', 'ownerReferences');
  const owner = Array.isArray(owners) ? (owners.find((o) => isObject(o) && o.controller === true) ?? owners[0]) : undefined;
  if (!isObject(owner) || typeof owner.name !== 'string') return name;
  if (owner.kind === 'Node') return name; // a static (mirror) pod: its own name
  const hash = str(get(pod, 'metadata', 'labels', 'pod-template-hash'));
  if (owner.kind === 'ReplicaSet' && hash && owner.name.endsWith(`-${hash}`)) return owner.name.slice(0, -hash.length - 1);
  return owner.name;
}

export function importKubernetes(files: readonly string[], monitoring: Monitoring): ImportResult {
  const problems: Diagnostic[] = [];
  const { nodes: nodeObjs, pods: podObjs } = objects(files, problems);
  // Every object's line, found in one pass per file.
  for (const file of new Set([...nodeObjs, ...podObjs].map((o) => o.file))) {
    const paths: Path[] = [];
    for (const o of [...nodeObjs, ...podObjs]) if (o.file === file) paths.push(o.path, [...o.path, 'spec', 'containers'], [...o.path, 'spec', 'initContainers']);
    file.prepare(paths);
  }

  const nodes = new Map<string, Node>();
  let duplicates = 0;
  for (const o of nodeObjs) {
    const name = str(get(o.value, 'metadata', 'name')) ?? `(unnamed node ${String(o.path.at(-1))})`;
    if (nodes.has(name)) {
      duplicates++;
      continue;
    }
    const memory = get(o.value, 'status', 'capacity', 'memory');
    const gib = typeof memory === 'string' ? quantityGiB(memory) : undefined;
    if (typeof memory !== 'string' || gib === undefined || gib.isZero() || gib.isNegative()) {
      problems.push({ file: o.file.file, position: { line: o.file.line([...o.path, 'status', 'capacity']), col: 1 }, path: `${ref(o, name).where ?? ''}.status.capacity.memory`, message: `node "${name}": expected ${QUANTITY_HELP}, found ${memory === undefined ? 'nothing' : JSON.stringify(typeof memory === 'string' ? memory : String(memory))}` });
      continue;
    }
    const labels = get(o.value, 'metadata', 'labels');
    const type = INSTANCE_TYPE_LABELS.map((l) => str(get(labels, l))).find((t) => t !== undefined);
    nodes.set(name, { name, memory, gib, type, ref: ref(o, name) });
  }

  const pods: Pod[] = [];
  const podIds = new Set<string>();
  for (const o of podObjs) {
    const namespace = str(get(o.value, 'metadata', 'namespace')) ?? 'default';
    const name = str(get(o.value, 'metadata', 'name')) ?? `(unnamed pod ${String(o.path.at(-1))})`;
    const id = str(get(o.value, 'metadata', 'uid')) ?? `${namespace}/${name}`;
    if (podIds.has(id)) {
      duplicates++;
      continue;
    }
    podIds.add(id);
    const containers: Container[] = [];
    const read = (key: 'containers' | 'initContainers') => {
      const list = get(o.value, 'spec', key);
      if (!Array.isArray(list)) return;
      list.forEach((c, index) => {
        if (!isObject(c)) return;
        const sidecar = key === 'initContainers';
        if (sidecar && c.restartPolicy !== 'Always') return; // runs to completion before the pod starts
        const cname = str(c.name) ?? `#${index}`;
        const limit = get(c, 'resources', 'limits', 'memory');
        if (limit === undefined) {
          containers.push({ name: cname, index, sidecar });
          return;
        }
        const gib = typeof limit === 'string' ? quantityGiB(limit) : undefined;
        if (typeof limit !== 'string' || gib === undefined || !gib.isPositive() || gib.isZero()) {
          const path: Path = [...o.path, 'spec', key, index, 'resources', 'limits', 'memory'];
          problems.push({ file: o.file.file, position: { line: o.file.line(path.slice(0, -3)), col: 1 }, path: `${ref(o, name).where ?? ''}.spec.${key}[${index}].resources.limits.memory`, message: `container "${cname}" of pod ${namespace}/${name}: expected ${QUANTITY_HELP}, found ${JSON.stringify(typeof limit === 'string' ? limit : String(limit))}` });
          return;
        }
        containers.push({ name: cname, limit, limitGiB: gib, index, sidecar });
      });
    };
    read('initContainers');
    read('containers');
    pods.push({ namespace, name, phase: str(get(o.value, 'status', 'phase')) ?? 'Unknown', node: str(get(o.value, 'spec', 'nodeName')), workload: workloadOf(o.value), containers, ref: ref(o, `${namespace}/${name}`), obj: o });
  }

  if (monitoring === 'fullstack' && nodes.size === 0 && pods.length > 0 && problems.length === 0) {
    for (const file of new Set(podObjs.map((o) => o.file.file))) {
      problems.push({ file, message: `this is ${identify(podObjs.find((o) => o.file.file === file)!.file.data).what}, not a NodeList: --monitoring fullstack bills the nodes (Full-Stack hosts), so give them too (kubectl get nodes -o json), or use --monitoring application or platform for pods and containers alone` });
    }
  }
  if (problems.length > 0) return { title: '', entries: [], notes: [], problems };

  const entries: ImportedEntry[] = [];
  const notes: Note[] = [];
  const finished = pods.filter((p) => p.phase !== 'Running' && p.phase !== 'Pending');
  const live = pods.filter((p) => p.phase === 'Running' || p.phase === 'Pending');
  const podEntries = (list: Pod[], why?: string) => {
    for (const group of groupBy(list, (p) => `${p.namespace}\u0000${p.workload}`).values()) {
      const pending = group.filter((p) => p.phase === 'Pending').length;
      entries.push({
        section: 'pods',
        name: `${group[0]!.namespace}/${group[0]!.workload}`,
        fields: [
          ['count', group.length],
          ['hoursPerDay', 24],
        ],
        sources: group.map((p) => p.ref),
        notes: [...(why ? [why] : []), ...(pending > 0 ? [`${plural(pending, 'pod')} Pending (billed per pod-hour too)`] : [])],
      });
    }
  };

  if (monitoring === 'fullstack') {
    const onHosts = live.filter((p) => p.phase === 'Running' && p.node !== undefined && nodes.has(p.node));
    const covered = groupBy(onHosts, (p) => p.node!);
    const nodeGroups = groupBy(nodes.values(), (n) => `${n.type ?? ''}\u0000${n.gib.toFixed()}`);
    const baseCount = new Map<string, number>();
    for (const g of nodeGroups.values()) baseCount.set(g[0]!.type ?? 'nodes', (baseCount.get(g[0]!.type ?? 'nodes') ?? 0) + 1);
    for (const group of nodeGroups.values()) {
      const first = group[0]!;
      const base = first.type ?? 'nodes';
      const podCount = group.reduce((n, node) => n + (covered.get(node.name)?.length ?? 0), 0);
      const containerCount = group.reduce((n, node) => n + (covered.get(node.name) ?? []).reduce((m, p) => m + p.containers.length, 0), 0);
      entries.push({
        section: 'hosts',
        name: baseCount.get(base)! > 1 ? `${base} (${first.memory})` : base,
        fields: [
          ['count', group.length],
          ['memoryGiB', first.gib],
          ['mode', 'fullstack'],
          ['hoursPerDay', 24],
        ],
        sources: group.map((n) => n.ref),
        notes: [`memory: status.capacity.memory ${first.memory}${podObjs.length > 0 ? `; includes Kubernetes Platform Monitoring of the ${plural(podCount, 'running pod')} (${plural(containerCount, 'container')}) on ${group.length === 1 ? 'this node' : 'these nodes'}` : ''}`],
      });
    }
    const elsewhere = live.filter((p) => !onHosts.includes(p));
    const pending = elsewhere.filter((p) => p.phase === 'Pending');
    const offHost = elsewhere.filter((p) => p.phase !== 'Pending');
    podEntries(pending, 'Pending pods are not included in host-based Full-Stack monitoring: billed per pod-hour');
    podEntries(offHost, 'running on nodes not in the files (not Full-Stack hosts here): billed per pod-hour');
    notes.push(`${plural(nodes.size, 'node')} as Full-Stack hosts in ${plural(nodeGroups.size, 'hosts entry', 'hosts entries')}${podObjs.length > 0 ? `; they include the ${plural(onHosts.length, 'running pod')} on them (not listed, never counted twice)` : ' (no pods given: the pods on Full-Stack hosts are included in them)'}.`);
    if (pending.length > 0) notes.push({ text: `${plural(pending.length, 'Pending pod')} as pods entries (billed per pod-hour)`, rows: pending.map((p) => p.ref) });
    if (offHost.length > 0) notes.push({ text: `${plural(offHost.length, 'running pod')} on nodes that are not in the files, as pods entries`, rows: offHost.map((p) => p.ref) });
  } else if (monitoring === 'application') {
    const running = live.filter((p) => p.phase === 'Running');
    const noNode: SourceRef[] = [];
    interface Row {
      pod: Pod;
      c: Container;
      nodeGiB?: D;
      nodeMemory?: string;
    }
    const rows: Row[] = [];
    for (const pod of running) {
      for (const c of pod.containers) {
        if (c.limitGiB) rows.push({ pod, c });
        else {
          const node = pod.node === undefined ? undefined : nodes.get(pod.node);
          if (!node) noNode.push({ ...ref(pod.obj, `${pod.namespace}/${pod.name} container ${c.name} (node ${pod.node ?? 'none'})`) });
          else rows.push({ pod, c, nodeGiB: node.gib, nodeMemory: node.memory });
        }
      }
    }
    if (noNode.length > 0) {
      return {
        title: '',
        entries: [],
        notes: [],
        problems: noNode.map((r) => ({ file: r.file, ...(r.line ? { position: { line: r.line, col: 1 } } : {}), ...(r.where ? { path: r.where } : {}), message: `${r.label} has no memory limit, and its node is not in the files: Dynatrace bills the node's memory then; give the nodes too (kubectl get nodes -o json)` })),
      };
    }
    const groups = groupBy(rows, (r) => `${r.pod.namespace}\u0000${r.pod.workload}\u0000${r.c.name}\u0000${r.c.limitGiB?.toFixed() ?? `node:${r.nodeGiB!.toFixed()}`}`);
    const baseCount = new Map<string, number>();
    const base = (r: Row) => `${r.pod.namespace}/${r.pod.workload}/${r.c.name}`;
    for (const g of groups.values()) baseCount.set(base(g[0]!), (baseCount.get(base(g[0]!)) ?? 0) + 1);
    for (const group of groups.values()) {
      const r = group[0]!;
      const memoryText = r.c.limit ?? `node ${r.nodeMemory}`;
      entries.push({
        section: 'containers',
        name: baseCount.get(base(r))! > 1 ? `${base(r)} (${memoryText})` : base(r),
        fields: [['count', group.length], r.c.limitGiB ? ['memoryLimitGiB', r.c.limitGiB] : ['nodeMemoryGiB', r.nodeGiB!], ['platform', 'kubernetes'], ['hoursPerDay', 24]],
        sources: group.map((x) => ref(x.pod.obj, `${x.pod.namespace}/${x.pod.name}`, [...x.pod.obj.path, 'spec', x.c.sidecar ? 'initContainers' : 'containers', x.c.index])),
        notes: [r.c.limit ? `memory: resources.limits.memory ${r.c.limit}${r.c.sidecar ? ' (native sidecar)' : ''}` : `no memory limit: the node's memory (${r.nodeMemory}) is what is billed${r.c.sidecar ? ' (native sidecar)' : ''}`],
      });
    }
    podEntries(live, 'Kubernetes Platform Monitoring (not included in application-only monitoring)');
    const pendingCount = live.length - running.length;
    notes.push(`${plural(rows.length, 'container')} of ${plural(running.length, 'running pod')} as application-only containers entries (${plural(rows.filter((r) => r.c.limitGiB).length, 'with a memory limit', 'with a memory limit')}, ${rows.filter((r) => !r.c.limitGiB).length} billed at their node's memory); ${plural(live.length, 'pod')} (${pendingCount} Pending) as pods entries. Nodes are not hosts in this mode.`);
  } else {
    podEntries(live);
    notes.push(`${plural(live.length, 'pod')} (${live.filter((p) => p.phase === 'Pending').length} Pending) as pods entries for Kubernetes Platform Monitoring.${nodes.size > 0 ? ` The ${plural(nodes.size, 'node')} given are not billed in this mode.` : ''}`);
  }
  if (duplicates > 0) notes.push(`${plural(duplicates, 'node or pod', 'nodes or pods')} listed again (the same name or uid in two places) counted once.`);
  if (finished.length > 0) notes.push({ text: `Skipped ${plural(finished.length, 'finished pod')} (Succeeded, Failed or Unknown: nothing runs)`, rows: finished.map((p) => ({ ...p.ref, label: `${p.ref.label} (${p.phase})` })) });
  return { title: `Kubernetes import (--monitoring ${monitoring})`, entries, notes, problems: [] };
}
