// `dtcost import` as a user runs it: the built CLI, its exit codes, what it writes (or does not),
// and the estate it writes passing `dtcost validate`.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const BIN = join(ROOT, 'bin/dtcost');
const FIX = join(ROOT, 'test/fixtures/import');
const TMP = mkdtempSync(join(tmpdir(), 'dtcost-import-cli-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

function dtcost(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' }, timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
const tmp = (name: string) => join(TMP, name);
const write = (name: string, text: string) => {
  writeFileSync(tmp(name), text);
  return tmp(name);
};
const K8S = (f: string) => join(FIX, 'kubernetes', f);

describe('dtcost import: the estate it writes', () => {
  it('-o writes the estate (the same as standard output), and dtcost validate passes on it', () => {
    const out = tmp('k8s.yaml');
    const args = ['import', 'kubernetes', K8S('sonobuoy_kind_nodes.json'), K8S('sonobuoy_kind_kube-system_pods.json'), '--monitoring', 'application'];
    const written = dtcost([...args, '-o', out]);
    expect(written.status).toBe(0);
    expect(written.stdout).toBe('');
    expect(written.stderr).toMatch(/^dtcost: 10 containers of 10 running pods .*\ndtcost: wrote .*k8s\.yaml: \d+ entries\. Next: dtcost estimate/s);
    expect(dtcost(args).stdout).toBe(readFileSync(out, 'utf8'));
    const validate = dtcost(['validate', out]);
    expect(validate).toMatchObject({ status: 0, stderr: '' });
    expect(validate.stdout).toMatch(/^ok: .*k8s\.yaml \(\d+ containers, \d+ pods\)\n$/);
    // every entry has a comment naming its source right above it
    const lines = readFileSync(out, 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (/^ {2}- name:/.test(line)) expect(lines.slice(0, i).reverse().find((l) => l.trimStart().startsWith('# from '))).toBeDefined();
    });
    const entries = lines.filter((l) => /^ {2}- name:/.test(l)).length;
    const froms = lines.filter((l) => /^ {2}# from /.test(l)).length;
    expect(froms).toBe(entries);
  });

  it('every kind, imported from its fixtures, validates', { timeout: 60_000 }, () => {
    const splunk = join(FIX, 'splunk/license_usage_events.csv');
    const cases: string[][] = [
      ['rvtools', join(FIX, 'rvtools/kubev2v-migration-planner_example1.xlsx')],
      ['kubernetes', K8S('troubleshoot_nodes.json')],
      ['kubernetes', K8S('k9s_pod_sidecar.json'), '--monitoring', 'platform'],
      ['splunk', splunk, '--by', 'sourcetype'],
      ['azure', write('az.json', JSON.stringify([{ name: 'vm1', hardwareProfile: { vmSize: 'Standard_D2s_v3' }, powerState: 'VM running' }, { name: 'vm2', hardwareProfile: { vmSize: 'Standard_D2s_v3' }, powerState: 'VM deallocated' }])), join(FIX, 'azure/az_vm_list-sizes.json')],
    ];
    for (const [kind, ...rest] of cases) {
      const out = tmp(`${kind}-${rest.length}.yaml`);
      const r = dtcost(['import', kind!, ...rest, '-o', out, '-q']);
      expect({ kind, status: r.status, stderr: r.stderr }).toEqual({ kind, status: 0, stderr: '' });
      expect(dtcost(['validate', out]).status).toBe(0);
    }
  });

  it('-o does not overwrite an existing file without --force', () => {
    const out = write('exists.yaml', 'keep me\n');
    const r = dtcost(['import', 'kubernetes', K8S('sonobuoy_kind_nodes.json'), '-o', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('already exists; pass --force');
    expect(readFileSync(out, 'utf8')).toBe('keep me\n');
    expect(dtcost(['import', 'kubernetes', K8S('sonobuoy_kind_nodes.json'), '-o', out, '--force', '-q']).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('memoryGiB: 29.39405059814453125');
  });
});

describe('dtcost import: bad input is named, all of it at once, and nothing is written', () => {
  it('a file of the wrong kind says what it is', () => {
    const pods = dtcost(['import', 'kubernetes', K8S('sonobuoy_kind_sonobuoy_pods.json')]);
    expect(pods.status).toBe(2);
    expect(pods.stderr).toContain('this is a Kubernetes PodList, not a NodeList');
    const types = write('types.json', JSON.stringify({ InstanceTypes: [{ InstanceType: 't3.small', MemoryInfo: { SizeInMiB: 2048 } }] }));
    const aws = dtcost(['import', 'aws', types]);
    expect(aws.stderr).toContain('this is aws ec2 describe-instance-types output (the memory table), not aws ec2 describe-instances output');
    const wrong = dtcost(['import', 'aws', K8S('sonobuoy_kind_nodes.json'), types]);
    expect(wrong.stderr).toContain('this is a Kubernetes NodeList, not aws ec2 describe-instances output');
    expect(dtcost(['import', 'kubernetes', types]).stderr).toContain('this is aws ec2 describe-instance-types output, not a Kubernetes NodeList or PodList');
    expect(dtcost(['import', 'terraform', join(FIX, 'terraform/infracost_terraform_v0.14_state.json')]).stderr).toContain('this is terraform show -json of a state (not of a plan), not terraform show -json of a plan');
    const vhost = write('vHost.csv', 'Host,Datacenter,Cluster,# CPU,# Memory\nesx1,dc,c1,2,261797\n');
    expect(dtcost(['import', 'rvtools', vhost]).stderr).toContain('this is the vHost tab, not the vInfo tab');
    expect(dtcost(['import', 'rvtools', types]).stderr).toContain('this is JSON, not an RVTools vInfo export');
    expect(dtcost(['import', 'splunk', join(FIX, 'rvtools/kubev2v-migration-planner_example1.xlsx')]).stderr).toContain('this is an xlsx workbook');
  });

  it('rows that cannot be read are listed with their lines, all of them; exit 2 and no file', () => {
    const csv = write('vinfo-bad.csv', ['VM,Powerstate,Template,Memory', 'a,poweredOn,False,4096', 'b,poweredOn,False,lots', 'c,poweredOn,False,-1', 'd,poweredOff,False,oops', 'e,poweredOn,False,"8192', 'f,poweredOn,False,0'].join('\n'));
    const out = tmp('never.yaml');
    const r = dtcost(['import', 'rvtools', csv, '-o', out]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${csv}:3:4: error: Memory of VM "b": expected a number of MiB > 0, found "lots"`);
    expect(r.stderr).toContain(`${csv}:4:4: error: Memory of VM "c": expected a number of MiB > 0, found "-1"`);
    expect(r.stderr).toMatch(/vinfo-bad\.csv:6:1: error: this row cannot be read as CSV/);
    expect(r.stderr).toMatch(/dtcost: [\d,]+ errors in 1 file; nothing was written\.\n$/);
    expect(r.stderr).not.toContain('"oops"'); // a powered-off VM is skipped before its memory is read
    expect(existsSync(out)).toBe(false);
  });

  it('a memory quantity that is not one is located (file:line, path)', () => {
    const nodes = JSON.parse(readFileSync(K8S('sonobuoy_kind_nodes.json'), 'utf8'));
    nodes.items[1].status.capacity.memory = '30 GB';
    const file = write('nodes-bad.json', JSON.stringify(nodes, null, 2));
    const r = dtcost(['import', 'kubernetes', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/nodes-bad\.json:\d+:1: error: items\[1\]\.status\.capacity\.memory: node "kind-worker": expected a Kubernetes quantity such as 512Mi, 2Gi, 1G, 129e6 or 128974848, found "30 GB"/);
  });

  it('an instance type missing from the table is an error with a did-you-mean, never a guess', () => {
    const instances = write('instances.json', JSON.stringify({ Reservations: [{ Instances: [{ InstanceId: 'i-1', InstanceType: 't3.smal', State: { Name: 'running' } }, { InstanceId: 'i-2', InstanceType: 't3.smal', State: { Name: 'running' } }] }] }, null, 1));
    const types = write('types2.json', JSON.stringify({ InstanceTypes: [{ InstanceType: 't3.small', MemoryInfo: { SizeInMiB: 2048 } }, { InstanceType: 'm5.large', MemoryInfo: { SizeInMiB: 8192 } }] }));
    const r = dtcost(['import', 'aws', instances, types]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/instances\.json:\d+:1: error: Reservations\[0\]\.Instances\[0\]: instance type "t3\.smal" is not in the memory table \(.*types2\.json, 2 types\) \(2 instances; the first here\); its memory is not guessed: add the type's listing \(did you mean "t3\.small"\?\)/);
  });

  it('terraform: no --types, and a size known only after apply', () => {
    const plan = join(FIX, 'terraform/infracost_example_plan.json');
    expect(dtcost(['import', 'terraform', plan]).stderr).toContain('the plan creates 2 instances (aws_instance.web_app...) and no aws type table was given: add --types <file>');
    const unknown = write('plan-unknown.json', JSON.stringify({ format_version: '1.2', resource_changes: [{ address: 'aws_instance.x', mode: 'managed', type: 'aws_instance', name: 'x', change: { actions: ['create'], after: {}, after_unknown: { instance_type: true } } }] }));
    expect(dtcost(['import', 'terraform', unknown]).stderr).toContain('aws_instance.x: its instance_type is known only after apply');
  });

  it('not JSON, not UTF-8, not there: said, exit 2', () => {
    expect(dtcost(['import', 'aws', write('x.json', 'hello')]).stderr).toContain('this is not JSON');
    expect(dtcost(['import', 'aws', write('y.json', '{"Reservations": [')]).stderr).toMatch(/y\.json:1:\d+: error: this is not valid JSON/);
    expect(dtcost(['import', 'gcp', tmp('missing.json')]).stderr).toContain('cannot read the file: no such file');
    expect(dtcost(['import', 'nosuchkind', 'x']).status).toBe(2);
  });
});

describe('dtcost import --merge-into', () => {
  const EXAMPLE = join(ROOT, 'examples/platform-hosts.yaml');

  it('adds the entries after the existing ones; every existing line stays, names stay unique', () => {
    const estate = tmp('merge.yaml');
    copyFileSync(EXAMPLE, estate);
    const before = readFileSync(estate, 'utf8');
    const nodes = K8S('sonobuoy_kind_nodes.json');
    for (let i = 0; i < 2; i++) expect(dtcost(['import', 'kubernetes', nodes, '--merge-into', estate, '-q']).status).toBe(0);
    const after = readFileSync(estate, 'utf8');
    // Taking out the added lines gives the file back byte for byte.
    const added = after.split('\n').filter((l) => !before.split('\n').includes(l));
    expect(after.split('\n').filter((l) => !added.includes(l)).join('\n')).toBe(before);
    expect(after).toContain('- name: nodes\n');
    expect(after).toContain('- name: nodes-2\n');
    expect(added.filter((l) => l.includes('# Imported by: dtcost import kubernetes'))).toHaveLength(2);
    // validate (its activity file is relative to the example's folder: validate a copy there)
    const copy = join(ROOT, 'examples', `.merge-test-${process.pid}.yaml`);
    writeFileSync(copy, after);
    try {
      expect(dtcost(['validate', copy])).toMatchObject({ status: 0 });
    } finally {
      rmSync(copy, { force: true });
    }
  });

  it('a new section goes at the end; --output leaves the estate merged into as it was', () => {
    const estate = write('small.yaml', '# my estate\nversion: 1\nname: small   # title\nhosts:\n  - { name: web, count: 2, memoryGiB: 8 }\n');
    const out = tmp('small-merged.yaml');
    const r = dtcost(['import', 'splunk', join(FIX, 'splunk/license_usage_report_by_index.csv'), '--merge-into', estate, '-o', out, '-q']);
    expect(r.status).toBe(0);
    expect(readFileSync(estate, 'utf8')).toBe('# my estate\nversion: 1\nname: small   # title\nhosts:\n  - { name: web, count: 2, memoryGiB: 8 }\n');
    const merged = readFileSync(out, 'utf8');
    expect(merged.startsWith(readFileSync(estate, 'utf8'))).toBe(true);
    expect(merged).toMatch(/\nlogs:\n {2}# Imported by: dtcost import splunk --by index/);
    expect(dtcost(['validate', out]).stdout).toContain('(1 hosts, 4 logs)');
  });

  it('into a JSON estate or an invalid one: refused, the file untouched, no temporary file left', () => {
    const json = write('estate.json', '{"version": 1, "hosts": []}');
    const r = dtcost(['import', 'kubernetes', K8S('sonobuoy_kind_nodes.json'), '--merge-into', json]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--merge-into writes into a YAML estate in block style');
    expect(readFileSync(json, 'utf8')).toBe('{"version": 1, "hosts": []}');
    const invalid = write('invalid.yaml', 'version: 1\nhosts:\n  - { name: a, memoryGiB: -4 }\n');
    const bad = dtcost(['import', 'kubernetes', K8S('sonobuoy_kind_nodes.json'), '--merge-into', invalid]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/invalid\.yaml:3:\d+: error: hosts\[0\]\.memoryGiB/);
    expect(readdirSync(TMP).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
