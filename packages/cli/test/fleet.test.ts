import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Readable } from 'node:stream';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fnv1a32, inShard, parseShard } from '../src/fleet/shard.js';
import { boundedLines, NoLineBreakError } from '../src/fleet/line-reader.js';
import { domainSource } from '../src/fleet/domain-source.js';
import { csvField } from '../src/fleet/csv.js';
import { AdaptiveConcurrency } from '../src/fleet/adaptive-concurrency.js';
import { FleetSummary } from '../src/fleet/fleet-summary.js';
import { escapeHtml, renderSummaryHtml } from '../src/render/summary-html.js';
import { readResumeFile } from '../src/fleet/resume.js';

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe('--shard', () => {
  it('parses I/N and refuses the rest', () => {
    expect(parseShard('2/8')).toEqual({ index: 2, count: 8 });
    for (const bad of ['0/4', '5/4', '1/0', 'a/b', '1-4', '']) expect(parseShard(bad)).toHaveProperty('error');
  });
  it('FNV-1a 32 matches the published test vectors', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });
  it('every domain is in exactly one shard of N (property)', () => {
    fc.assert(
      fc.property(fc.domain(), fc.integer({ min: 1, max: 64 }), (domain, count) => {
        const owners = Array.from({ length: count }, (_, i) => inShard(domain, { index: i + 1, count })).filter(Boolean);
        expect(owners).toHaveLength(1);
      }),
    );
  });
});

describe('bounded line reader', () => {
  it('splits lines, strips CR, keeps a last line without newline', async () => {
    const lines = await collect(boundedLines(Readable.from(['a.test\r\nb.t', 'est\n\nc.test']), 100));
    expect(lines).toEqual([
      { number: 1, text: 'a.test' },
      { number: 2, text: 'b.test' },
      { number: 3, text: '' },
      { number: 4, text: 'c.test' },
    ]);
  });
  it('reports a line over the limit and goes on with the next', async () => {
    const lines = await collect(boundedLines(Readable.from(['x'.repeat(500), 'y'.repeat(500), '\nok.test\n']), 100));
    expect(lines[0]).toHaveProperty('tooLong');
    expect(lines[1]).toEqual({ number: 2, text: 'ok.test' });
  });
  it('stops on a stream with no line break (as /dev/zero) instead of reading for ever', async () => {
    const zeros = Readable.from((function* () {
      for (let i = 0; i < 10_000; i++) yield '\0'.repeat(64 * 1024);
    })());
    await expect(collect(boundedLines(zeros, 2048))).rejects.toBeInstanceOf(NoLineBreakError);
  });
});

describe('domain source', () => {
  it('skips blanks and comments, checks duplicates once, names bad lines, applies shard and done', async () => {
    const text = '# fleet\nExample.com\n\nuser@example.com\nhttps://www.example.org/x\nnot a domain\nexample.net\n';
    const items = await collect(domainSource({ given: ['a.test'], from: { stream: Readable.from([text]), name: 'list' }, done: new Set(['example.net']) }));
    expect(items.filter((i) => i.kind === 'domain').map((i) => (i as { domain: string }).domain)).toEqual(['a.test', 'example.com', 'www.example.org']);
    const invalid = items.filter((i) => i.kind === 'invalid');
    expect(invalid).toHaveLength(1);
    expect(invalid[0]).toMatchObject({ where: 'list:6', input: 'not a domain' });
  });
  it('an unreadable list ends the list with a message, not a crash', async () => {
    const broken = new Readable({ read() { this.destroy(new Error('EIO: i/o error')); } });
    const items = await collect(domainSource({ given: [], from: { stream: broken, name: 'list' } }));
    expect(items).toEqual([expect.objectContaining({ kind: 'invalid', error: expect.stringContaining('EIO') })]);
  });
});

describe('CSV fields', () => {
  it('quotes commas, quotes and line breaks; guards formula starts', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('@cmd')).toBe("'@cmd");
  });
});

describe('adaptive concurrency (AIMD)', () => {
  it('halves once per round of trouble and climbs back one at a time', () => {
    const limiter = new AdaptiveConcurrency(8);
    const round = limiter.started();
    limiter.finished(round, true);
    limiter.finished(round, true); // same round: counted once
    expect(limiter.limit).toBe(4);
    limiter.finished(limiter.started(), true);
    expect(limiter.limit).toBe(2);
    for (let i = 0; i < 2; i++) limiter.finished(limiter.started(), false);
    expect(limiter.limit).toBe(3);
    for (let i = 0; i < 100; i++) limiter.finished(limiter.started(), false);
    expect(limiter.limit).toBe(8);
    for (let i = 0; i < 10; i++) limiter.finished(limiter.started(), true);
    expect(limiter.limit).toBe(1);
  });
});

describe('summary', () => {
  it('counts verdicts and ids per domain, lists the first unchecked', () => {
    const summary = new FleetSummary();
    summary.add({ domain: 'a.test', verdict: 'problems', findings: [{ id: 'mx-missing', severity: 'error' }, { id: 'mx-missing', severity: 'error' }] });
    summary.add({ domain: 'b.test', verdict: 'could-not-check', findings: [{ id: 'lookup-failed', severity: 'warning' }] });
    const data = summary.data();
    expect(data.verdicts).toMatchObject({ problems: 1, 'could-not-check': 1, 'receives-mail': 0 });
    expect(data.ids).toEqual([
      { id: 'lookup-failed', severity: 'warning', domains: 1 },
      { id: 'mx-missing', severity: 'error', domains: 1 },
    ]);
    expect(data.couldNotCheck).toEqual({ count: 1, first: ['b.test'] });
    expect(data.withErrors).toBe(1);
  });
  it('the HTML page escapes DNS data and loads nothing', () => {
    const summary = new FleetSummary();
    summary.add({ domain: '<img src=x onerror=alert(1)>.test', verdict: 'could-not-check', findings: [{ id: '<script>alert(1)</script>', severity: 'error' }] });
    const html = renderSummaryHtml(summary.data());
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain(escapeHtml('<img src=x onerror=alert(1)>.test'));
    expect(html).not.toMatch(/(src|href)=["']?https?:/);
  });
});

describe('--resume file', () => {
  it('drops a cut-short last line and counts the complete ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mxd-resume-'));
    const file = join(dir, 'out.jsonl');
    const line = (domain: string) => JSON.stringify({ domain, verdict: 'receives-mail', findings: [] });
    writeFileSync(file, `${line('a.test')}\n${line('b.test')}\nnot json\n${line('c.test').slice(0, 20)}`);
    const state = await readResumeFile(file);
    expect([...state.done]).toEqual(['a.test', 'b.test']);
    expect(state.skipped).toHaveLength(1);
    expect(state.truncatedBytes).toBe(20);
    expect(readFileSync(file, 'utf8').endsWith('not json\n')).toBe(true);
    expect((await readResumeFile(join(dir, 'missing.jsonl'))).done.size).toBe(0);
  });
});
