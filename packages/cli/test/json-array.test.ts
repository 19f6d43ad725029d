import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeJsonArray } from '../src/render/json-array.js';

function written(items: readonly unknown[], plain: (item: unknown) => unknown = (item) => item): string {
  let text = '';
  writeJsonArray(items, plain, (part) => (text += part));
  return text;
}

describe('writeJsonArray', () => {
  it('writes what JSON.stringify(items, null, 2) writes, whatever the items and however many slices', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { maxLength: 40 }), fc.nat(1100), (sample, length) => {
        // Lengths around and beyond a slice (512), made from a small random sample.
        const items = sample.length === 0 ? [] : Array.from({ length }, (_, k) => sample[k % sample.length]);
        expect(written(items)).toBe(`${JSON.stringify(items, null, 2)}\n`);
      }),
      { numRuns: 200 },
    );
  });

  it('writes each item as its plain form', () => {
    const items = Array.from({ length: 1030 }, (_, k) => ({ k }));
    const plain = (item: unknown) => ({ value: (item as { k: number }).k * 2 });
    expect(written(items, plain)).toBe(`${JSON.stringify(items.map(plain), null, 2)}\n`);
  });

  it.each([0, 1, 511, 512, 513, 1024, 1025])('%i items', (length) => {
    const items = Array.from({ length }, (_, k) => ({ id: `item-${k}`, nested: { list: [k, 'x'] } }));
    expect(written(items)).toBe(`${JSON.stringify(items, null, 2)}\n`);
  });
});
