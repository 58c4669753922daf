// Problems with usage files, each reported once however many records have it: "on 2,880 records,
// the first at line 12". A file of 10,000,000 events with the same wrong column gives one error,
// not ten million; different problems are all reported (up to a limit).
import type { Diagnostic } from '../input/diagnostics.js';

const MAX_KINDS = 100;

export class Problems {
  private readonly byKind = new Map<string, { diagnostic: Diagnostic; count: number }>();
  private dropped = 0;

  /** A problem at `file:line`; `kind` groups the records that have the same one (default: the message). */
  add(file: string, line: number | undefined, message: string, kind = `${file}\u0000${message}`, path?: string): void {
    const known = this.byKind.get(kind);
    if (known) {
      known.count++;
      return;
    }
    if (this.byKind.size >= MAX_KINDS) {
      this.dropped++;
      return;
    }
    this.byKind.set(kind, { diagnostic: { file, ...(line !== undefined ? { position: { line, col: 1 } } : {}), ...(path ? { path } : {}), message }, count: 1 });
  }

  get size(): number {
    return this.byKind.size + this.dropped;
  }

  list(): Diagnostic[] {
    const out = [...this.byKind.values()].map(({ diagnostic, count }) =>
      count > 1 ? { ...diagnostic, message: `${diagnostic.message} (${count.toLocaleString('en-US')} records have this problem; the first is here)` } : diagnostic,
    );
    if (this.dropped > 0) out.push({ file: out[out.length - 1]?.file ?? '', message: `${this.dropped.toLocaleString('en-US')} more problems of other kinds are not listed` });
    return out;
  }
}
