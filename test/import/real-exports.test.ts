// dtcost import against real exports that nobody on this project wrote (test/fixtures/import/*/,
// copied from shared data with their SOURCES.md). Every total is checked against an independent
// count made with Python or jq over the same files (the command is above each expected value),
// never with dtcost's own parsers.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { D, ZERO } from '../../src/core/decimal.js';
import { importedEstate, runImport, type ImportKind, type ImportOptions } from '../../src/import/index.js';
import { noteText } from '../../src/import/write.js';
import { loadText } from '../../src/input/load.js';
import { estateSchema, type EstateData } from '../../src/input/schema.js';
import { ROOT } from '../helpers.js';

const FIX = join(ROOT, 'test/fixtures/import');
const TMP = mkdtempSync(join(tmpdir(), 'dtcost-import-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

/** A fixture rewritten in the shape the CLI prints (the recordings wrap the API's answer). */
function unwrap(name: string, from: string, pick: (json: any) => unknown): string {
  const out = join(TMP, name);
  writeFileSync(out, JSON.stringify(pick(JSON.parse(readFileSync(join(FIX, from), 'utf8'))), null, 1));
  return out;
}

async function imported(kind: ImportKind, files: string[], options: ImportOptions = {}) {
  const result = await runImport(kind, files, options);
  expect(result.problems).toEqual([]);
  const written = importedEstate(result, `dtcost import ${kind}`);
  if (!written.ok) throw new Error('not written');
  const loaded = loadText({ file: 'imported.yaml', dir: TMP, text: written.text }, estateSchema, 'an estate');
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.message).join('\n'));
  return { result, text: written.text, data: loaded.data };
}

const notes = (r: { notes: Parameters<typeof noteText>[0][] }) => r.notes.map((n) => noteText(n)).join('\n');

function totals(data: EstateData) {
  const sum = (xs: D[]) => xs.reduce((a, b) => a.plus(b), ZERO).toFixed();
  return {
    hostEntries: data.hosts.length,
    hosts: Number(sum(data.hosts.map((h) => h.count))),
    hostGiB: sum(data.hosts.map((h) => h.count.times(h.memoryGiB!))),
    containers: Number(sum(data.containers.map((c) => c.count))),
    containersWithLimit: Number(sum(data.containers.filter((c) => c.memoryLimitGiB).map((c) => c.count))),
    limitGiB: sum(data.containers.map((c) => c.count.times(c.memoryLimitGiB ?? ZERO))),
    nodeMemoryGiB: sum(data.containers.map((c) => c.count.times(c.nodeMemoryGiB && !c.memoryLimitGiB ? c.nodeMemoryGiB : ZERO))),
    pods: Number(sum(data.pods.map((p) => p.count))),
  };
}

describe('rvtools: kubev2v migration-planner example1.xlsx (RVTools 4.x, vInfo)', () => {
  // python3 - <<'EOF'   (zipfile + xml.etree; no spreadsheet library)
  //   z = zipfile.ZipFile('example1.xlsx'); shared strings from xl/sharedStrings.xml; the vInfo sheet
  //   found through xl/workbook.xml and its rels; for each row after the header with any cell:
  //   Template 'True' -> template; Powerstate != 'poweredOn' -> off; empty Memory -> no memory;
  //   else on += 1, MiB += int(Memory)
  // EOF
  // -> on 2 off 6 templates 0 MiB 37847 GiB 36.9599609375 blank 990 no memory 1
  //    (vm-3 row 4 3526 MiB, vm-8 row 9 34321 MiB; vm-9 row 10 powered on, Memory empty)
  it('2 powered-on VMs, 36.9599609375 GiB; 6 powered off and 1 without memory skipped and said', { timeout: 60_000 }, async () => {
    const { data, text, result } = await imported('rvtools', [join(FIX, 'rvtools/kubev2v-migration-planner_example1.xlsx')]);
    expect(totals(data)).toMatchObject({ hosts: 2, hostGiB: '36.9599609375' });
    expect(data.hosts.map((h) => [h.name, h.memoryGiB!.times(1024).toFixed()])).toEqual([
      ['Cluster/3526MiB', '3526'],
      ['Cluster/34321MiB', '34321'],
    ]);
    expect(notes(result)).toMatch(/Skipped 6 VMs with Powerstate poweredOff .* vInfo rows 2-3, 5-8: vm-1, vm-2, vm-4, vm-5, vm-6, vm-7/);
    expect(notes(result)).toMatch(/Skipped 1 powered-on VM without a Memory value .* vInfo row 10: vm-9/);
    expect(text.replace(/\n *# {3}/g, ' ')).toContain(`# from ${join(FIX, 'rvtools/kubev2v-migration-planner_example1.xlsx')} vInfo row 4: vm-3`);
  });

  it('the same sheet as CSV with RVTools CSV-export headers (vInfoVMName, vInfoPowerstate...) gives the same hosts', async () => {
    // The rows of the sheet above, as "Export all to csv" names the columns.
    const csv = join(TMP, 'RVTools_tabvInfo.csv');
    writeFileSync(
      csv,
      [
        'vInfoVMName,vInfoPowerstate,vInfoTemplate,vInfoCPUs,vInfoMemory,vInfoCluster',
        'vm-1,poweredOff,False,1,2224,Cluster',
        'vm-3,poweredOn,False,3,3526,Cluster',
        'vm-8,poweredOn,False,13,"34,321",Cluster',
        'tmpl,poweredOff,True,2,4096,Cluster',
        'vm-9,poweredOn,False,,,Cluster',
        ',,,,,',
      ].join('\r\n'),
    );
    const { data, result } = await imported('rvtools', [csv]);
    expect(totals(data)).toMatchObject({ hosts: 2, hostGiB: '36.9599609375' });
    expect(notes(result)).toMatch(/Skipped 1 template .* line 5: tmpl/);
  });
});

describe('kubernetes: sonobuoy kind cluster (3 nodes, kube-system and sonobuoy pods)', () => {
  const files = ['sonobuoy_kind_nodes.json', 'sonobuoy_kind_kube-system_pods.json', 'sonobuoy_kind_sonobuoy_pods.json'].map((f) => join(FIX, 'kubernetes', f));
  // jq -r '[.items[].status.capacity.memory | rtrimstr("Ki") | tonumber] | "\(length) nodes, \(add) Ki"' sonobuoy_kind_nodes.json
  //   -> 3 nodes, 92465688 Ki = 92465688 / 1048576 GiB = 88.18215179443359375
  // jq -r '[.items[] | select(.status.phase=="Running" or .status.phase=="Pending")] | "live pods \(length), pending \([.[]|select(.status.phase=="Pending")]|length)"' sonobuoy_kind_*_pods.json
  //   -> kube-system: live pods 14, pending 4; sonobuoy: live pods 4, pending 0 (the fifth pod Succeeded)
  // jq -s -r '[.[].items[] | select(.status.phase=="Running") | .spec.containers[]] | "running containers \(length), with limit \([.[]|select(.resources.limits.memory)]|length), limits \([.[]|.resources.limits.memory//empty])"' sonobuoy_kind_*_pods.json
  //   -> running containers 17, with limit 3, limits ["50Mi","50Mi","50Mi"]; the other 14 at their node's 30821896Ki
  it('fullstack: 3 nodes as hosts (88.18215179443359375 GiB), running pods included, 4 Pending pods as pods', async () => {
    const { data, result } = await imported('kubernetes', files, { monitoring: 'fullstack' });
    expect(totals(data)).toEqual({ hostEntries: 1, hosts: 3, hostGiB: '88.18215179443359375', containers: 0, containersWithLimit: 0, limitGiB: '0', nodeMemoryGiB: '0', pods: 4 });
    expect(noteText(result.notes[0]!)).toContain('they include the 14 running pods on them');
  });

  it('application: 17 containers (3 limits of 50Mi, 14 at the node memory), 18 running and pending pods', async () => {
    const { data } = await imported('kubernetes', files, { monitoring: 'application' });
    // 3 × 50 MiB = 150/1024 GiB; 14 × 30821896 KiB = 14 × 29.39405059814453125 GiB
    expect(totals(data)).toEqual({ hostEntries: 0, hosts: 0, hostGiB: '0', containers: 17, containersWithLimit: 3, limitGiB: '0.146484375', nodeMemoryGiB: '411.5167083740234375', pods: 18 });
    expect(data.containers.find((c) => c.name === 'kube-system/kindnet/kindnet-cni')).toMatchObject({ count: new D(3), platform: 'kubernetes' });
  });

  it('platform: the 18 running and pending pods only', async () => {
    const { data } = await imported('kubernetes', files, { monitoring: 'platform' });
    expect(totals(data)).toMatchObject({ hosts: 0, containers: 0, pods: 18 });
  });
});

describe('kubernetes: other real dumps', () => {
  // jq -r '[.items[].status.capacity.memory | rtrimstr("Ki") | tonumber] | "\(length) nodes, \(add) Ki"' troubleshoot_nodes.json
  //   -> 7 nodes, 94150084 Ki; python3 -c "from decimal import *; getcontext().prec=60; print(Decimal(94150084)/1048576)"
  //   -> 89.788516998291015625 GiB (capacity; allocatable mixes Ki and Mi and is not billed)
  it('troubleshoot NodeList: 7 nodes, 89.788516998291015625 GiB, grouped by instance type and memory', async () => {
    const { data } = await imported('kubernetes', [join(FIX, 'kubernetes/troubleshoot_nodes.json')]);
    expect(totals(data)).toMatchObject({ hosts: 7, hostGiB: '89.788516998291015625', hostEntries: 6 });
    expect(data.hosts.map((h) => [h.name, Number(h.count.toFixed())])).toContainEqual(['s-2vcpu-4gb (4041568Ki)', 2]);
  });

  // jq -c '{phase: .status.phase, init: [.spec.initContainers[] | {name, rp: .restartPolicy, lim: .resources.limits.memory}], c: [.spec.containers[] | {name, lim: .resources.limits.memory}]}' k9s_pod_sidecar.json
  //   -> Running; init "init" (333Mi, runs to completion), "sidecar" (restartPolicy Always, 40Mi); container "sleep" 40Mi
  it('a single Pod with a native sidecar: the sidecar and the app container count, the classic init container does not', async () => {
    const { data } = await imported('kubernetes', [join(FIX, 'kubernetes/k9s_pod_sidecar.json')], { monitoring: 'application' });
    expect(totals(data)).toMatchObject({ containers: 2, containersWithLimit: 2, limitGiB: '0.078125', pods: 1 });
  });

  // The insights-operator objects have no kind or apiVersion: recognised by their shape.
  // jq -c '.status.capacity.memory' insights-operator_node_worker-0.json -> "8153256Ki" = 7.775550842285156250 GiB
  // jq -c '{phase: .status.phase, c: [.spec.containers[].resources.limits.memory]}' insights-operator_pod_data-hub-flow-agent.json -> Pending, ["3Gi","256Mi"]
  it('objects without kind: a Node as a host; a Pending pod as a pod, its containers not running', async () => {
    const node = await imported('kubernetes', [join(FIX, 'kubernetes/insights-operator_node_worker-0.json')]);
    expect(totals(node.data)).toMatchObject({ hosts: 1, hostGiB: '7.77555084228515625' });
    const pod = await imported('kubernetes', [join(FIX, 'kubernetes/insights-operator_pod_data-hub-flow-agent.json')], { monitoring: 'application' });
    expect(totals(pod.data)).toMatchObject({ containers: 0, pods: 1 });
  });

  // troubleshoot_pods_oomkill.json: 1 Failed pod -> skipped; troubleshoot_pods_pending-node-affinity.json: 1 Pending pod (no node)
  it('a Failed pod is skipped and said; a Pending pod without a node is a pod entry', async () => {
    const { data, result } = await imported('kubernetes', [join(FIX, 'kubernetes/troubleshoot_pods_oomkill.json'), join(FIX, 'kubernetes/troubleshoot_pods_pending-node-affinity.json')], { monitoring: 'platform' });
    expect(totals(data)).toMatchObject({ pods: 1 });
    expect(notes(result)).toMatch(/Skipped 1 finished pod .*\(Failed\)/);
  });
});

describe('aws: Cloud Custodian placebo recordings of DescribeInstances + moto describe-instance-types', () => {
  const instances = [
    unwrap('resize.json', 'aws/c7n_placebo_test_ec2_resize_ec2.DescribeInstances_1.json', (j) => j.data),
    unwrap('md-access.json', 'aws/c7n_placebo_test_ec2_set_md_access_ec2.DescribeInstances_1.json', (j) => j.data),
  ];
  const types = unwrap('types.json', 'aws/moto_ec2_instance_types_subset.json', (j) => ({ InstanceTypes: Object.values(j) }));
  // jq -r '[.data.Reservations[].Instances[] | [.InstanceType, .State.Name]] | group_by(.) | map("\(.[0][0]) \(.[0][1]) x\(length)") | join("; ")' c7n_placebo_*.json
  //   -> m3.medium terminated x1; m4.2xlarge running x1; m4.2xlarge terminated x2; m4.4xlarge running x1; m4.4xlarge stopped x1
  //   -> t2.micro stopped x1; t3.small running x2; t3.xlarge stopped x1
  // jq -r '[.["m4.4xlarge"], .["m4.2xlarge"], .["t3.small"]] | map("\(.InstanceType)=\(.MemoryInfo.SizeInMiB)") | join(" ")' moto_ec2_instance_types_subset.json
  //   -> m4.4xlarge=65536 m4.2xlarge=32768 t3.small=2048: 64 + 32 + 2 × 2 = 100 GiB
  it('4 running instances, 100 GiB; 3 terminated and 3 stopped skipped', async () => {
    const { data, result } = await imported('aws', [...instances, types]);
    expect(totals(data)).toMatchObject({ hostEntries: 3, hosts: 4, hostGiB: '100' });
    expect(notes(result)).toMatch(/Skipped 3 instances in state terminated/);
    expect(notes(result)).toMatch(/Skipped 3 instances in state stopped/);
  });
});

describe('azure: Cloud Custodian VCR cassettes of virtualMachines list (ARM REST shape)', () => {
  // jq -c '[.interactions[1].response.body.data.value[] | .properties.hardwareProfile.vmSize]' VMTest.virtual_machine_tags.json
  //   -> ["Standard_B1ls","Standard_D2s_v3","Standard_A1_v2"]; sizes (az_vm_list-sizes.json): 512 + 8192 + 2048 MiB = 10.5 GiB
  // jq -c '[.interactions[0].response.body.data.value[] | .properties.hardwareProfile.vmSize]' ArmResourceTest.test_metric_filter_find.json
  //   -> 4 × "Standard_D2_v2" (7168 MiB) + "Basic_A0" (768 MiB) = 28 + 0.75 = 28.75 GiB
  it('3 VMs, 10.5 GiB; 5 VMs, 28.75 GiB; no power state in the listing is said', async () => {
    const sizes = join(FIX, 'azure/az_vm_list-sizes.json');
    const tags = unwrap('az-tags.json', 'azure/c7n_azure_cassette_VMTest.virtual_machine_tags.json', (j) => j.interactions[1].response.body.data);
    const arm = unwrap('az-arm.json', 'azure/c7n_azure_cassette_ArmResourceTest.test_metric_filter_find.json', (j) => j.interactions[0].response.body.data);
    const a = await imported('azure', [tags, sizes]);
    expect(totals(a.data)).toMatchObject({ hosts: 3, hostGiB: '10.5' });
    expect(notes(a.result)).toContain('3 VMs without a power state');
    const b = await imported('azure', [sizes, arm]);
    expect(totals(b.data)).toMatchObject({ hosts: 5, hostGiB: '28.75', hostEntries: 2 });
  });
});

describe('gcp: Cloud Custodian recordings of instances.aggregatedList + palladius machine types', () => {
  // jq -r '[.body.items[].instances[] | [(.machineType|split("/")|last), .status]] | map(join(" ")) | join("; ")' c7n_gcp_flight_instance-query_aggregated-instances_1.json
  //   -> n1-standard-1 TERMINATED; n1-standard-1 RUNNING; n1-standard-1 TERMINATED; n1-standard-2 RUNNING
  // jq -r '[.items[] | select(.name=="n1-standard-1" or .name=="n1-standard-2") | "\(.name)=\(.memoryMb)"] | join(" ")' palladius_machineTypes_us-central1-a.json
  //   -> n1-standard-1=3840 n1-standard-2=7680: 3.75 + 7.5 = 11.25 GiB
  it('2 running instances, 11.25 GiB; 2 TERMINATED skipped (zonal table and aggregated table alike)', async () => {
    const listing = unwrap('gcp.json', 'gcp/c7n_gcp_flight_instance-query_aggregated-instances_1.json', (j) => j.body);
    for (const table of ['gcp/palladius_machineTypes_us-central1-a.json', 'gcp/palladius_machineTypes.aggregatedList.json']) {
      const { data, result } = await imported('gcp', [listing, join(FIX, table)]);
      expect(totals(data)).toMatchObject({ hosts: 2, hostGiB: '11.25' });
      expect(notes(result)).toMatch(/Skipped 2 instances in state TERMINATED/);
    }
  });
});

describe('terraform: infracost plans and the Scalr policy mocks', () => {
  const types = unwrap('tf-types.json', 'aws/moto_ec2_instance_types_subset.json', (j) => ({ InstanceTypes: Object.values(j) }));
  // jq -r '.resource_changes[] | select(.type=="aws_instance") | "\(.address) \(.change.actions|join("/")) \(.change.after.instance_type)"' infracost_example_plan.json
  //   -> aws_instance.web_app create m5.4xlarge; aws_instance.zero_cost_instance create m5.4xlarge (65536 MiB each): 128 GiB
  it('example plan: 2 created m5.4xlarge, 128 GiB, one entry per resource', async () => {
    const { data } = await imported('terraform', [join(FIX, 'terraform/infracost_example_plan.json')], { types: [types] });
    expect(totals(data)).toMatchObject({ hostEntries: 2, hosts: 2, hostGiB: '128' });
    expect(data.hosts.map((h) => h.name)).toEqual(['aws_instance.web_app', 'aws_instance.zero_cost_instance']);
  });

  // jq -r '[.resource_changes[] | select(.type=="aws_instance") | .change.actions[0]] | group_by(.) | map("\(.[0]) \(length)")' infracost_terraform_v0.14_plan.json
  //   -> create 6, no-op 6; all t3.nano (512 MiB): 3 GiB created
  it('v0.14 plan: the 6 created t3.nano (count and for_each expanded), not the 6 no-op ones', async () => {
    const { data, result } = await imported('terraform', [join(FIX, 'terraform/infracost_terraform_v0.14_plan.json')], { types: [types] });
    expect(totals(data)).toMatchObject({ hosts: 6, hostGiB: '3' });
    expect(data.hosts.map((h) => h.name)).toContain('aws_instance.instance_named');
    expect(notes(result)).toContain('6 VMs with action no-op');
  });

  // jq '.mock.denied_all.tfplan.resource_changes[] | {type, after: .change.after}' instance_types_mock.json
  //   -> aws_instance t2.medium (4096 MiB), azurerm_virtual_machine Standard_A4 (14336 MiB), google_compute_instance n1-highmem-2 (13312 MiB): 31 GiB
  it('one VM of each cloud, each resolved through its own table', async () => {
    const plan = unwrap('scalr.json', 'terraform/scalr_instance_types_mock.json', (j) => j.mock.denied_all.tfplan);
    const { data } = await imported('terraform', [plan], { types: [types, join(FIX, 'azure/az_vm_list-sizes.json'), join(FIX, 'gcp/palladius_machineTypes_us-central1-a.json')] });
    expect(totals(data)).toMatchObject({ hosts: 3, hostGiB: '31' });
  });
});

describe('splunk: licence usage in the documented formats (hand-written fixtures, see SOURCES.md)', () => {
  // python3: rows = csv.DictReader(open('license_usage_events.csv')); Usage rows only; days = {r['_time'][:10]};
  //   per idx: Fraction(sum(int(b)), 2**30 * len(days)) -> 3 days; main 5/4, security 61/24, web 11/48
  //   per st: access_combined 5/4, WinEventLog:Security 5/2, nginx:error 5/24, linux_secure 1/24, "nginx:access, json" 1/48
  it('license_usage.log events: GiB per day per index, averaged over the 3 days; RolloverSummary rows skipped', async () => {
    const { data, result } = await imported('splunk', [join(FIX, 'splunk/license_usage_events.csv')]);
    expect(data.logs.map((l) => [l.name, l.ingestGiBPerDay!.toFixed()])).toEqual([
      ['main', '1.25'],
      ['security', '2.541666667'], // 61/24 to 9 places
      ['web', '0.229166667'], // 11/48
    ]);
    expect(notes(result)).toContain('Skipped 2 rows whose type is not Usage');
    const st = await imported('splunk', [join(FIX, 'splunk/license_usage_events.csv')], { by: 'sourcetype' });
    expect(st.data.logs.map((l) => [l.name, l.ingestGiBPerDay!.toFixed()])).toEqual([
      ['access_combined', '1.25'],
      ['WinEventLog:Security', '2.5'],
      ['nginx:error', '0.208333333'],
      ['linux_secure', '0.041666667'],
      ['nginx:access, json', '0.020833333'],
    ]);
  });

  // python3: rows = csv.DictReader(open('license_usage_report_by_index.csv')); per column sum(Fraction(v or '0')) / len(rows)
  //   -> main 23/16, security 81/32, web 813/4000, _internal 21/2000 (4 days; an empty cell is 0)
  it("the usage report's daily split by index: each column averaged over the 4 days", async () => {
    const { data } = await imported('splunk', [join(FIX, 'splunk/license_usage_report_by_index.csv')]);
    expect(data.logs.map((l) => [l.name, l.ingestGiBPerDay!.toFixed()])).toEqual([
      ['main', '1.4375'],
      ['security', '2.53125'],
      ['web', '0.20325'],
      ['_internal', '0.0105'],
    ]);
  });
});

describe('the recordings as they are (no unwrapping): each recorded response read, positions in the file', () => {
  // The same counts as above, from the files as shipped: placebo {status_code, data}, GCP flight
  // {headers, body}, VCR cassettes {interactions: [... response.body.data ...]}, and moto's types
  // keyed by name.
  it('aws: placebo recordings with the keyed moto table: 4 running instances, 100 GiB; the source says data.Reservations[...] and its line', async () => {
    const { data, result, text } = await imported('aws', [join(FIX, 'aws/c7n_placebo_test_ec2_resize_ec2.DescribeInstances_1.json'), join(FIX, 'aws/c7n_placebo_test_ec2_set_md_access_ec2.DescribeInstances_1.json'), join(FIX, 'aws/moto_ec2_instance_types_subset.json')]);
    expect(totals(data)).toMatchObject({ hostEntries: 3, hosts: 4, hostGiB: '100' });
    expect(notes(result)).toMatch(/Skipped 3 instances in state terminated/);
    // jq: the m4.4xlarge running instance is .data.Reservations[1].Instances[0]; grep -n '"InstanceId": "i-0fd6bd23de18b49b0"' gives its object's lines
    expect(text).toContain('data.Reservations[1].Instances[0] (line 64): i-0fd6bd23de18b49b0');
    expect(text).toContain('["m4.4xlarge"]');
  });
  it('azure: both cassettes (the VM list recorded twice, and beside a metrics call): 7 distinct VMs, 38.5 GiB, the repeats counted once (the first listing kept)', async () => {
    // jq -s '[.[].interactions[].response.body.data.value[]? | select(.properties.hardwareProfile) | {id, size: .properties.hardwareProfile.vmSize}] | (length, (unique_by(.id) | length))' both cassettes
    //   -> 9 listed, 7 distinct ids: cctestvm, erinvm, stefanvm, 4 k8s agents. cctestvm is Standard_A1_v2 in the
    //   2021 cassette and Basic_A0 in the 2019 one (resized between recordings): the first listing given is kept,
    //   so Standard_A1_v2 + Standard_B1ls + Standard_D2s_v3 + 4 × Standard_D2_v2
    //   (az_vm_list-sizes.json: 2048 + 512 + 8192 + 4 × 7168 MiB = 39424 MiB = 38.5 GiB)
    const { data, result } = await imported('azure', [join(FIX, 'azure/c7n_azure_cassette_VMTest.virtual_machine_tags.json'), join(FIX, 'azure/c7n_azure_cassette_ArmResourceTest.test_metric_filter_find.json'), join(FIX, 'azure/az_vm_list-sizes.json')]);
    expect(totals(data)).toMatchObject({ hosts: 7, hostGiB: '38.5' });
    expect(notes(result)).toMatch(/2 VMs listed again \(the same id in two places\) counted once/);
  });
  it('gcp: a flight recording of the aggregated list: 2 running instances, 11.25 GiB', async () => {
    const { data } = await imported('gcp', [join(FIX, 'gcp/c7n_gcp_flight_instance-query_aggregated-instances_1.json'), join(FIX, 'gcp/palladius_machineTypes.aggregatedList.json')]);
    expect(totals(data)).toMatchObject({ hosts: 2, hostGiB: '11.25' });
  });
  it('terraform --types with the keyed moto table as it is', async () => {
    const { data } = await imported('terraform', [join(FIX, 'terraform/infracost_terraform_v0.14_plan.json')], { types: [join(FIX, 'aws/moto_ec2_instance_types_subset.json')] });
    expect(data.hosts.length).toBeGreaterThan(0);
  });
});
