/**
 * The file's view of DNS for the file checks, built in one pass over a read's record table:
 * which records each owner has of the types the checks read, by record index.
 */
import type { RecordTable } from '../../facts/record-table.js';

/**
 * Records grouped by owner without an array per owner (a large zone has tens of thousands of
 * owners): the first record of each owner in a map, the rest chained through `next`.
 */
class OwnerGroups {
  /** Owner → its first record, in order of first appearance. */
  readonly heads = new Map<string, number>();

  constructor(private readonly chain: { readonly next: Int32Array; readonly tail: Int32Array }) {}

  add(owner: string, index: number): void {
    const { next, tail } = this.chain;
    next[index] = -1;
    const head = this.heads.get(owner);
    if (head === undefined) {
      this.heads.set(owner, index);
      tail[index] = index;
    } else {
      next[tail[head]!] = index;
      tail[head] = index;
    }
  }

  /** The owner's records in file order. */
  records(owner: string): number[] {
    const list: number[] = [];
    for (let i = this.heads.get(owner) ?? -1; i >= 0; i = this.chain.next[i]!) list.push(i);
    return list;
  }
}

/**
 * The file's view of DNS, one pass over its records: what the checks ask of each name (its MX
 * and TXT records, whether it is an alias, has an address, is a delegation), by record index.
 * Addresses and delegations are indexed on the first question (a file whose MX targets all lie
 * outside its zone never asks).
 */
export class FileIndex {
  readonly #chain: { readonly next: Int32Array; readonly tail: Int32Array };
  /** MX, TXT and SPF records by owner, in file order. */
  readonly mx: OwnerGroups;
  readonly txt: OwnerGroups;
  readonly spf: OwnerGroups;
  readonly #cname = new Map<string, number>();
  #addressed: Set<string> | undefined;
  #delegated: Set<string> | undefined;

  constructor(readonly table: RecordTable) {
    this.#chain = { next: new Int32Array(table.size), tail: new Int32Array(table.size) };
    this.mx = new OwnerGroups(this.#chain);
    this.txt = new OwnerGroups(this.#chain);
    this.spf = new OwnerGroups(this.#chain);
    for (let i = 0; i < table.size; i++) {
      switch (table.type(i)) {
        case 'MX':
          this.mx.add(table.owner(i), i);
          break;
        case 'TXT':
          this.txt.add(table.owner(i), i);
          break;
        case 'SPF':
          this.spf.add(table.owner(i), i);
          break;
        case 'CNAME': {
          const owner = table.owner(i);
          if (!this.#cname.has(owner)) this.#cname.set(owner, i);
          break;
        }
      }
    }
  }

  /** The next record of the same owner and group, or −1. */
  next(index: number): number {
    return this.#chain.next[index]!;
  }

  /** The first CNAME record owned by `name`. */
  alias(name: string): number | undefined {
    return this.#cname.get(name);
  }

  hasAddress(name: string): boolean {
    this.#addressed ??= this.#owners((type) => type === 'A' || type === 'AAAA');
    return this.#addressed.has(name);
  }

  hasNs(name: string): boolean {
    this.#delegated ??= this.#owners((type) => type === 'NS');
    return this.#delegated.has(name);
  }

  #owners(wanted: (type: string) => boolean): Set<string> {
    const owners = new Set<string>();
    for (let i = 0; i < this.table.size; i++) if (wanted(this.table.type(i))) owners.add(this.table.owner(i));
    return owners;
  }
}
