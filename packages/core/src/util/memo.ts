/**
 * Remembers a pure function's answers per string key. Several checks ask the same questions of
 * one MX host (is it a valid name? who operates it?); a large zone asks them for every RRset.
 * Bounded: the cache starts over past `limit` keys, so memory stays flat on any input. Keys are
 * kept (and answers computed) as detached copies, so the cache never holds a file's text alive.
 */
import { detached } from './detached.js';

export function memoByString<T>(fn: (key: string) => T, limit = 20_000): (key: string) => T {
  let cache = new Map<string, Answer<T>>();
  // The checks ask about one host several times in a row: the last two questions are answered
  // by comparing names, without hashing (the name is a new string on every read of a file).
  let last: Answer<T> | undefined;
  let beforeLast: Answer<T> | undefined;
  return (key: string) => {
    if (last !== undefined && key === last.key) return last.value;
    if (beforeLast !== undefined && key === beforeLast.key) return beforeLast.value;
    let answer = cache.get(key);
    if (answer === undefined) {
      const own = detached(key);
      answer = { key: own, value: fn(own) };
      if (cache.size >= limit) cache = new Map();
      cache.set(own, answer);
    }
    beforeLast = last;
    last = answer;
    return answer.value;
  };
}

/** Boxed, so that an answer of `undefined` is one lookup, not a miss and a `has`; with its own key. */
interface Answer<T> {
  readonly key: string;
  readonly value: T;
}
