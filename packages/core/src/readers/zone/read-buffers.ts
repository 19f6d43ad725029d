/**
 * Arrays a caller may keep between zone reads (the language server rereads one large zone on every
 * edit). Its own module: the read's state and the reader both name it, and neither may import the other.
 */
import { LexScratch } from './lexer.js';
import { TableColumns } from './zone-table.js';

/**
 * The top-level file's token arrays and the table's growable columns, kept from one read to the
 * next by a caller that owns them (an editor reads the same large zone on every edit; see
 * `LexScratch`): pass the same `ReadBuffers` as `options.buffers`. Taken by one read at a time.
 */
export class ReadBuffers {
  readonly lex = new LexScratch();
  readonly columns = new TableColumns();
  /** A read is using the buffers (a read inside it, if any, makes its own). */
  inUse = false;

  /** Lets go of the arrays kept between reads (an editor calls this once idle). */
  release(): void {
    if (this.inUse) return;
    this.lex.release();
    this.columns.release();
  }
}
