/**
 * Remembers a pure function's answers per string key: a zone often repeats one SPF record on many
 * names, and an editor checks the same file again on every edit. Bounded: the cache starts over
 * past `limit` keys, so memory stays flat on any input. Keys are kept (and answers computed) as
 * detached copies, so the cache never holds a file's text alive.
 */
import { detached } from './detached.js';

export function memoByString<T>(fn: (key: string) => T, limit = 20_000): (key: string) => T {
  let cache = new Map<string, T>();
  return (key: string) => {
    const hit = cache.get(key);
    if (hit !== undefined || cache.has(key)) return hit as T;
    const own = detached(key);
    const value = fn(own);
    if (cache.size >= limit) cache = new Map();
    cache.set(own, value);
    return value;
  };
}
