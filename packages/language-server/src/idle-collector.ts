/**
 * After a large analysis the heap holds hundreds of MB of garbage (the previous read, the checks'
 * temporaries) that V8 may keep resident for a long time. Once the server has been idle for a
 * moment, ask V8 for a full collection, so an editor left open on a big zone does not sit on it.
 * Small documents are left to V8's own heuristics.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { readBuffers } from './analysis.js';

/** Documents below this many characters are not worth a full collection. */
const LARGE_TEXT = 1_000_000;
const IDLE_MS = 1500;
const SECOND_MS = 300;

let collect: (() => void) | undefined;

function collector(): () => void {
  if (!collect) {
    // The documented way to reach `gc` without starting Node with --expose-gc.
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  return collect;
}

export class IdleCollector {
  private timer: NodeJS.Timeout | undefined;

  /** Call after publishing results for a document of `textLength` characters. */
  analysed(textLength: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (textLength < LARGE_TEXT) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      // The reader's token arrays (megabytes for a large zone) are made again on the next edit.
      readBuffers.release();
      collector()();
      // Typed arrays found dead by that collection give their memory back as they are swept;
      // a second one a moment later finds the heap settled and releases the pages left over
      // (measured: 126 → 115 MiB at rest for a 100,000-record zone). New work cancels it.
      this.timer = setTimeout(() => {
        this.timer = undefined;
        collector()();
      }, SECOND_MS);
      this.timer.unref();
    }, IDLE_MS);
    this.timer.unref();
  }

  /** New work arrived: the idle moment is over. */
  busy(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
