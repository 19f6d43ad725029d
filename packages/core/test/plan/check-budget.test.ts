/**
 * One check's time budget (plan/check-budget.ts): the resolver stack never waits past it, and a
 * question it cuts off is a failed lookup that says so, never an absence.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createResolver } from '../../src/dns/resolver-list.js';
import { checkDomain } from '../../src/plan/check-domain.js';
import { BudgetedResolver } from '../../src/plan/check-budget.js';
import { dnsHandler, startRawServer, type RawServer } from '../dns/raw-http-server.js';

const servers: RawServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const ABSENCE_IDS = ['mx-missing', 'spf-missing', 'dmarc-missing', 'domain-nxdomain', 'mx-target-no-address', 'mx-target-nxdomain'];

describe("a check's time budget", () => {
  it('a Retry-After inside the question\'s budget but past the check\'s is not waited for: one request per question', async () => {
    const limited = await startRawServer((_req, res) => {
      res.writeHead(503, { 'retry-after': '2', 'content-type': 'text/plain' }).end('maintenance');
    });
    servers.push(limited);
    // The question's own budget (2 × 3000 ms) would take the 2 s wait and ask again.
    const { resolver } = createResolver({ urls: [limited.url], timeoutMs: 3000 });
    const report = await checkDomain('example.com', { resolver, budgetMs: 1000 });
    // Wave 1 asks MX, A, AAAA, TXT, _dmarc TXT and the policy questions (the root's SOA, SOA, DNSKEY,
    // _mta-sts TXT, _smtp._tls TXT) once each; none is asked again after a wait.
    expect(limited.count).toBe(10);
    expect(report.verdict).toBe('could-not-check');
    expect(report.findings.map((f) => f.id).filter((id) => ABSENCE_IDS.includes(id))).toEqual([]);
    expect(report.findings.some((f) => f.id === 'lookup-failed' && /Retry-After/.test(f.evidence ?? ''))).toBe(true);
  });

  it('with the same Retry-After and a budget that holds it, the resolver is asked again and answers', async () => {
    let asked = 0;
    const answer = dnsHandler((name, type) => (type === 'MX' ? [{ type: 'MX', name, ttl: 300, data: { preference: 10, exchange: `mx.${name}` } }] : []));
    const limited = await startRawServer((req, res) => {
      if (asked++ === 0) {
        res.writeHead(503, { 'retry-after': '1', 'content-type': 'text/plain' }).end('maintenance');
        return;
      }
      return answer(req, res);
    });
    servers.push(limited);
    const { resolver } = createResolver({ urls: [limited.url], timeoutMs: 3000 });
    const budgeted = new BudgetedResolver(resolver, 10_000);
    const result = await budgeted.lookup('example.com', 'MX');
    budgeted.close();
    expect(result.kind).toBe('answer');
    expect(limited.count).toBe(2);
  });

  it('a question still open when the budget ends is a timeout that names the budget, not an absence', async () => {
    const silent = await startRawServer(() => undefined); // never answers
    servers.push(silent);
    const { resolver } = createResolver({ urls: [silent.url], timeoutMs: 5000 });
    const report = await checkDomain('example.com', { resolver, budgetMs: 300 });
    expect(report.verdict).toBe('could-not-check');
    const failed = report.findings.filter((f) => f.id === 'lookup-failed');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((f) => /time budget/.test(`${f.message} ${f.evidence ?? ''}`))).toBe(true);
    expect(report.findings.map((f) => f.id).filter((id) => ABSENCE_IDS.includes(id))).toEqual([]);
  });

  it('many questions open at once add no listener per question to a shared signal (no MaxListenersExceededWarning)', async () => {
    const answer = dnsHandler((name, type) => (type === 'A' ? [{ type: 'A', name, ttl: 300, data: '185.12.64.10' }] : []), { delayMs: 50 });
    const slow = await startRawServer(answer);
    servers.push(slow);
    const warnings: string[] = [];
    const onWarning = (warning: Error): void => void warnings.push(warning.name);
    process.on('warning', onWarning);
    try {
      const { resolver } = createResolver({ urls: [slow.url], timeoutMs: 3000 });
      const budgeted = new BudgetedResolver(resolver, 10_000);
      const results = await Promise.all(Array.from({ length: 40 }, (_, i) => budgeted.lookup(`h${i}.example`, 'A')));
      budgeted.close();
      expect(results.every((result) => result.kind === 'answer')).toBe(true);
      await new Promise((resolve) => setImmediate(resolve)); // warnings are emitted on the next tick
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings).not.toContain('MaxListenersExceededWarning');
  });
});
