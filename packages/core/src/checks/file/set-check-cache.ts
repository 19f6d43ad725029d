/**
 * Remembers the MX set checks between runs over successive versions of one file (an editor's
 * document): they are a pure function of the RRset's owner and its records' preference, target and
 * TTL, so an edit re-checks only the RRsets it touched. Findings are kept with the index of the
 * record whose range they carried and re-attached to the current read's ranges on a hit.
 * Entries not used by a run are dropped at the next, so the cache never outgrows the file.
 */
import { plainFinding, type Finding } from '../../findings/finding.js';
import type { MxEntry } from '../mx/mx-entry.js';
import { detached } from '../../util/detached.js';

interface Remembered {
  readonly finding: Finding;
  /** Index into the entries of the range the finding carried; -1 for none. */
  readonly entry: number;
}

/** The finding with copies of its texts: kept across edits, it must not keep old documents alive. */
function detachedTexts(found: Finding): Finding {
  return {
    ...plainFinding(found),
    subject: detached(found.subject),
    message: detached(found.message),
    ...(found.evidence !== undefined && { evidence: detached(found.evidence) }),
    ...(found.fix !== undefined && { fix: detached(found.fix) }),
  };
}

export class SetCheckCache {
  private current = new Map<string, readonly Remembered[]>();
  private previous = new Map<string, readonly Remembered[]>();

  /** Starts a run: what the last run did not use is forgotten. */
  begin(): void {
    this.previous = this.current;
    this.current = new Map();
  }

  get size(): number {
    return this.current.size;
  }

  /** The set checks' findings for `owner`/`entries`, from memory when this set was seen before. */
  findings(owner: string, entries: readonly MxEntry[], run: () => Finding[]): Finding[] {
    let built = owner;
    for (const entry of entries) built += `\u0000${entry.preference} ${entry.exchange} ${entry.ttl}`;
    // A key made by concatenation holds the document's text through its parts: keep a copy.
    const key = detached(built);
    let remembered = this.current.get(key) ?? this.previous.get(key);
    if (remembered === undefined) {
      remembered = run().map((finding) => ({ finding: detachedTexts(finding), entry: finding.range === undefined ? -1 : entries.findIndex((e) => e.range === finding.range) }));
    }
    this.current.set(key, remembered);
    return remembered.map(({ finding, entry }) => {
      const range = entries[entry]?.range;
      if (range === undefined) {
        const { range: _old, ...rest } = finding;
        return rest;
      }
      return { ...finding, range };
    });
  }
}
