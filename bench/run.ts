/**
 * `pnpm bench`: every benchmark, each printing its figure beside a baseline measured in the same
 * run (see BENCHMARKS.md for recorded results and the machine they came from).
 */
import { startTestDns } from '../test/dns/fixture.js';
import { benchBulk, bulkMarkdown } from './bulk.js';
import { benchLint, PROXY_CA_LABEL } from './lint.js';
import { benchLsp } from './lsp.js';
import { benchPopup } from './popup.js';
import { benchRoundTrips } from './round-trips.js';

const only = process.argv.slice(2);
const wanted = (name: string) => only.length === 0 || only.includes(name);

// The fleet benchmark brings its own world (BIND + Unbound); the others share the test fixture.
const needsFixture = ['check', 'lint', 'lsp', 'popup'].some(wanted);
const dns = needsFixture ? await startTestDns() : undefined;
try {
  if (wanted('check')) {
    const { delayMs, domain, results } = await benchRoundTrips(dns!);
    console.log(`\n## check: critical path in round trips (${domain}, 5 MX hosts, +${delayMs} ms per DoH request)\n`);
    console.log('| order | wall time | wall ÷ delay (round trips) | queries |');
    console.log('|---|---:|---:|---:|');
    for (const r of results) console.log(`| ${r.label} | ${r.wallMs.toFixed(0)} ms | ${r.ratio.toFixed(2)} | ${r.queries} |`);
    const [plan, naive, withAuthority] = results;
    if (plan && naive) console.log(`\nThe plan needs ${(naive.wallMs / plan.wallMs).toFixed(1)}× less wall time than the naive order (target: plan ≤ 4, naive ≥ 15).`);
    if (withAuthority) console.log(`With the authority step (direct questions delayed alike): ${withAuthority.ratio.toFixed(2)} round trips (target ≤ 6).`);
  }
  if (wanted('lint')) {
    const { records, zones } = await benchLint();
    console.log(`\n## lint: ${records.toLocaleString('en')}-record zones, whole process, median of 7 (runs interleaved)\n`);
    console.log(`| zone | tool | wall time | peak memory | wall time, 10 records (start-up) | wall time above start-up |`);
    console.log('|---|---|---:|---:|---:|---:|');
    for (const { zone, results } of zones) {
      for (const r of results) console.log(`| ${zone} | ${r.label} | ${r.ms.toFixed(0)} ms | ${r.peakMiB.toFixed(0)} MiB | ${r.startupMs.toFixed(0)} ms | ${(r.ms - r.startupMs).toFixed(0)} ms |`);
    }
    for (const [z, { zone, results }] of zones.entries()) {
      const [ours, bind, withProxyCa] = results;
      if (!ours || !bind) continue;
      const ratio = ours.ms / bind.ms;
      // ≤ 1.3 since #18: plain code over speed tricks that measured within noise one by one.
      const target = z === 0 ? ` (target ≤ 1.3) ${ratio <= 1.3 ? '✓' : '✗ missed'}` : '';
      console.log(`\n${zone}: mx-doctor / named-checkzone ${ratio.toFixed(2)}${target}; above each tool's start-up ${((ours.ms - ours.startupMs) / (bind.ms - bind.startupMs)).toFixed(2)}.`);
      if (withProxyCa) {
        console.log(
          `With this machine's NODE_EXTRA_CA_CERTS (its TLS proxy's; Node parses the CA bundle at every start, ${(withProxyCa.startupMs - ours.startupMs).toFixed(0)} ms here): ${(withProxyCa.ms / bind.ms).toFixed(2)}.`,
        );
      }
    }
    if (zones[0]?.results[2]?.label === PROXY_CA_LABEL) {
      console.log('\nBoth tools ran without NODE_EXTRA_CA_CERTS, as on most machines and CI runners; see bench/lint.ts.');
    }
  }
  if (wanted('lsp')) await benchLsp(); // prints its own table
  if (wanted('popup')) console.log(`\n## popup: size and speed\n\n${(await benchPopup(dns!)).markdown}`);
  if (wanted('bulk')) console.log(`\n## bulk: check --from through a local Unbound (fleet world)\n\n${bulkMarkdown(await benchBulk())}`);
} finally {
  await dns?.stop();
}
