// Recorded API responses, as test suites keep them (the real exports in test/fixtures/import are
// such recordings): Cloud Custodian's placebo recordings of boto3 calls (`{"status_code": 200,
// "data": {...}}`), its GCP flight recordings (`{"headers": {...}, "body": {...}}`) and its Azure
// VCR cassettes (`{"interactions": [{"request": ..., "response": {"body": {"data": {...}}}}]}`).
// Inside each is what the command line tools print (or the REST response they print the items of),
// so each recorded response is read as a file of its own, its positions still those of the file.
import type { Path } from '../input/path.js';
import type { JsonFile } from './files.js';
import { get, identify, isObject } from './identify.js';

/** `file`'s value at `prefix` as a file of its own: paths are within it, lines those of `file`. */
function within(file: JsonFile, prefix: Path): JsonFile {
  return {
    file: file.file,
    data: prefix.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], file.data),
    line: (path) => file.line([...prefix, ...path]),
    prepare: (paths) => file.prepare(paths.map((p) => [...prefix, ...p])),
    prefix,
  };
}

/**
 * The responses a file holds: the file itself, or the recorded responses inside a recording. Of a
 * cassette, the responses of a known kind (a cassette also records calls dtcost does not read);
 * all of them when none is known, so that the error names what they are.
 */
export function responsesOf(file: JsonFile): JsonFile[] {
  const data = file.data;
  if (!isObject(data)) return [file];
  const keys = Object.keys(data);
  // placebo: {status_code, data}
  if (isObject(data.data) && data.status_code !== undefined && keys.every((k) => k === 'status_code' || k === 'data')) return [within(file, ['data'])];
  // GCP flight: {headers, body}
  if (isObject(data.body) && isObject(data.headers) && keys.every((k) => k === 'headers' || k === 'body')) return [within(file, ['body'])];
  // VCR cassette: {version?, interactions: [{request, response: {body: {data}}}]}
  if (Array.isArray(data.interactions) && keys.every((k) => k === 'interactions' || k === 'version')) {
    const responses = data.interactions.flatMap((it, i) => (isObject(get(it, 'response', 'body', 'data')) ? [within(file, ['interactions', i, 'response', 'body', 'data'])] : []));
    const known = responses.filter((r) => identify(r.data).shape !== 'unknown');
    return known.length > 0 ? known : responses.length > 0 ? responses : [file];
  }
  return [file];
}

