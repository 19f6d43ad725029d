/**
 * Opt-in SMTP probe for files (`mxDoctor.smtpProbe`, trusted workspaces only): for each MX RRset
 * whose targets are all outside the file's zone and resolved live, connect to their addresses on
 * port 25 (EHLO, STARTTLS?, QUIT; never sends mail) and place the transport findings on the MX
 * records. Results are kept ten minutes per address so editing does not re-probe.
 */
import { runSmtpChecks, type FileCheck, type Finding, type SmtpProbeResult, type TargetFacts } from '@mx-doctor/core';
import { probeSmtp } from '@mx-doctor/smtp-probe';

const KEEP_MS = 10 * 60_000;

export class SmtpProbes {
  private readonly memo = new Map<string, { result: Promise<SmtpProbeResult[]>; expires: number }>();

  /** `options.port`: the `mxDoctor.smtpPort` setting (25 unless a test server or port forward). */
  async findings(check: FileCheck, liveTargets: ReadonlyMap<string, TargetFacts>, options: { port: number; timeoutMs?: number }): Promise<Finding[]> {
    const findings: Finding[] = [];
    for (const [owner, set] of check.mxSets) {
      const targets = set.filter((mx) => !mx.unresolved && mx.entry.exchange !== '');
      if (targets.length === 0 || !targets.every((mx) => liveTargets.has(mx.entry.exchange))) continue;
      const pairs = targets.flatMap((mx) => liveTargets.get(mx.entry.exchange)!.addresses.map((a) => ({ host: mx.entry.exchange, address: a.address })));
      const unique = pairs.filter((pair, index) => pairs.findIndex((other) => other.host === pair.host && other.address === pair.address) === index);
      if (unique.length === 0) continue;
      const results = (await Promise.all(unique.map((pair) => this.probe(pair, options)))).flat();
      for (const found of runSmtpChecks(owner, results)) {
        const mx = targets.find((item) => item.entry.exchange === found.subject) ?? targets[0]!;
        findings.push({ ...found, range: found.subject === owner ? mx.record.range : mx.targetField.range });
      }
    }
    return findings;
  }

  private probe(target: { host: string; address: string }, options: { port: number; timeoutMs?: number }): Promise<SmtpProbeResult[]> {
    const key = `${target.host} ${target.address} ${options.port}`;
    const now = Date.now();
    const cached = this.memo.get(key);
    if (cached && now < cached.expires) return cached.result;
    const result = probeSmtp([target], options);
    this.memo.set(key, { result, expires: now + KEEP_MS });
    return result;
  }
}
