/**
 * Remembers a pure function's answers per string key, for one caller that owns the memo (a check
 * of one file: a zone often repeats one SPF record on many names). Never kept at module level:
 * the memo lives as long as its owner, so nothing of one file outlives the check of it (see the
 * module-state test). Bounded: the memo starts over past `limit` keys, so memory stays flat on
 * any input.
 */
export class StringMemo<T> {
  #answers = new Map<string, T>();

  constructor(
    private readonly fn: (key: string) => T,
    private readonly limit = 20_000,
  ) {}

  get(key: string): T {
    const hit = this.#answers.get(key);
    if (hit !== undefined || this.#answers.has(key)) return hit as T;
    const value = this.fn(key);
    if (this.#answers.size >= this.limit) this.#answers = new Map();
    this.#answers.set(key, value);
    return value;
  }
}
