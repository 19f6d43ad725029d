import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Readable } from 'node:stream';
import { getEventListeners } from 'node:events';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fnv1a32, inShard, parseShard } from '../src/fleet/shard.js';
import { boundedLines, NoLineBreakError } from '../src/fleet/line-reader.js';
import { domainSource } from '../src/fleet/domain-source.js';
import { csvField } from '../src/fleet/csv.js';
import { AdaptiveConcurrency } from '../src/fleet/adaptive-concurrency.js';
import { FleetSummary, renderSummaryText } from '../src/fleet/fleet-summary.js';
import { escapeHtml, renderSummaryHtml } from '../src/render/summary-html.js';
import { readResumeFile } from '../src/fleet/resume.js';
import { runFleet } from '../src/fleet/run-fleet.js';
import { TroubleCounter } from '../src/fleet/trouble-counter.js';
import type { DomainReport, LookupResult, Resolver } from '@mx-doctor/core';

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
  it('the text summary keeps every verdict count in one column, however long the label', () => {
    const summary = new FleetSummary();
    summary.add({ domain: 'a.test', verdict: 'null-mx', findings: [] });
    summary.add({ domain: 'b.test', verdict: 'receives-mail', findings: [] });
    const rows = renderSummaryText(summary.data()).split('\n').filter((line) => /^ {2}\S.*\s\d+\s+[\d.]+%$/.test(line));
    expect(rows.length).toBeGreaterThanOrEqual(4);
    expect(new Set(rows.map((row) => row.search(/\d+\s+[\d.]+%$/) + row.match(/\d+(?=\s+[\d.]+%$)/)![0].length)).size).toBe(1);
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

  it("checks an incomplete report's domain again (could not check, lookup-failed), unless a later line has it complete", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mxd-resume-'));
    const file = join(dir, 'out.jsonl');
    const line = (domain: string, verdict: string, ids: string[] = []) => JSON.stringify({ domain, verdict, findings: ids.map((id) => ({ id, severity: 'error' })) });
    writeFileSync(
      file,
      [line('a.test', 'could-not-check'), line('b.test', 'could-not-check'), line('b.test', 'receives-mail'), line('c.test', 'problems'), line('d.test', 'receives-mail', ['lookup-failed']), ''].join('\n'),
    );
    const state = await readResumeFile(file);
    expect([...state.done].sort()).toEqual(['b.test', 'c.test']);
    expect(state.summary.data().domains).toBe(2);
  });
});

describe('runFleet gives up when no resolver answers', () => {
  const report = (domain: string, verdict: DomainReport['verdict']): DomainReport => ({ domain, verdict, findings: [] }) as unknown as DomainReport;
  async function* domains(count: number) {
    for (let i = 1; i <= count; i++) yield { kind: 'domain' as const, domain: `d${i}.test`, input: `d${i}.test` };
  }

  it('stops taking domains after giveUpAfter unreachable domains in a row; a reachable one resets the count', async () => {
    const written: string[] = [];
    // Domains 1-20 fine, 21-30 unreachable, 31 fine, 32 on unreachable.
    const unreachable = (n: number) => (n >= 21 && n <= 30) || n >= 32;
    const result = await runFleet({
      source: domains(1000),
      concurrency: 1,
      giveUpAfter: 15,
      check: async (domain) => {
        const n = Number(domain.slice(1, -5));
        const down = unreachable(n);
        return { report: report(domain, down ? 'could-not-check' : 'receives-mail'), resolverTrouble: down, resolverUnreachable: down, unreachableDetail: 'connection refused' };
      },
      write: async (r) => void written.push(r.domain),
      invalid: () => {},
    });
    expect(result.gaveUp).toEqual({ after: 15, detail: 'connection refused' });
    expect(written).toHaveLength(31 + 15);
    expect(written.at(-1)).toBe('d46.test');
  });

  it('never gives up without giveUpAfter, nor on domains that were answered', async () => {
    const result = await runFleet({
      source: domains(200),
      concurrency: 4,
      giveUpAfter: 10,
      check: async (domain) => ({ report: report(domain, 'could-not-check'), resolverTrouble: true, resolverUnreachable: false }),
      write: async () => {},
      invalid: () => {},
    });
    expect(result.gaveUp).toBeUndefined();
    expect(result.summary.data().domains).toBe(200);
  });
});

describe('TroubleCounter', () => {
  const failing = (reason: 'network' | 'servfail'): Resolver => ({
    lookup: async (name, type) => ({ kind: 'failed', question: { name, type }, reason, detail: `${reason} for ${name}` }) as LookupResult,
  });

  it('counts "no resolver there" apart from SERVFAIL (often the fault of the domain itself)', async () => {
    const down = new TroubleCounter(failing('network'));
    await down.lookup('a.test', 'MX');
    expect(down.unreachable).toBe(1);
    expect(down.lastUnreachable).toBe('network for a.test');
    const lame = new TroubleCounter(failing('servfail'));
    await lame.lookup('a.test', 'MX');
    expect(lame.trouble).toBe(1);
    expect(lame.unreachable).toBe(0);
  });

  it('the interrupt cancels a lookup in flight and leaves no listener behind', async () => {
    const interrupt = new AbortController();
    let seen: AbortSignal | undefined;
    const slow: Resolver = {
      lookup: (name, type, options) =>
        new Promise((resolve) => {
          seen = options?.signal;
          options?.signal?.addEventListener('abort', () => resolve({ kind: 'failed', question: { name, type }, reason: 'aborted', detail: 'cancelled' } as LookupResult));
        }),
    };
    const counter = new TroubleCounter(slow, interrupt.signal);
    const pending = counter.lookup('a.test', 'MX');
    interrupt.abort();
    expect((await pending).kind).toBe('failed');
    expect(seen?.aborted).toBe(true);
    // Finished lookups leave no listener on the run-long signal.
    const runLong = new AbortController().signal;
    let answered = 0;
    const quick = new TroubleCounter({ lookup: async (name, type) => (answered++, { kind: 'records', question: { name, type }, records: [] }) as unknown as LookupResult }, runLong);
    for (let i = 0; i < 100; i++) expect((await quick.lookup(`d${i}.test`, 'MX')).kind).toBe('records');
    expect(answered).toBe(100);
    expect(getEventListeners(runLong, 'abort')).toHaveLength(0);
  });
});
