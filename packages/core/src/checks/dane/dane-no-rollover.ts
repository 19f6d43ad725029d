/**
 * `dane-no-rollover` (info): an MX host has a single usable TLSA record. When its certificate (or
 * key) changes, DANE senders defer mail until the new record is published and cached; with a second
 * record for the next key, or a DANE-TA(2) record beside the DANE-EE(3) one, the change is
 * seamless (RFC 7671 §8.1; internet.nl's rollover test: "3 1 1" + "3 1 1", or "3 1 1" + "2 1 1").
 */
import { finding, type Finding } from '../../findings/finding.js';
import type { MailDnsSnapshot } from '../../facts/snapshot.js';
import { defineCheck } from '../check.js';
import { acceptsNoMail, listWords } from '../dnssec/dnssec-state.js';
import { tlsaState, tlsaText } from './tlsa-state.js';

export function daneNoRollover(snapshot: MailDnsSnapshot): Finding[] {
  if (acceptsNoMail(snapshot)) return [];
  const single = snapshot.targets.flatMap((target) => {
    const state = tlsaState(target);
    return state !== undefined && state.secure && state.usable.length === 1 ? [state] : [];
  });
  if (single.length === 0) return [];
  const hosts = single.map((state) => state.host);
  return [
    finding(daneNoRolloverCheck, {
      message: `${listWords(hosts)} ${hosts.length === 1 ? 'has' : 'have'} one usable TLSA record each: the next certificate change breaks DANE senders unless the new record is published first.`,
      subject: snapshot.domain,
      evidence: single.map((state) => `TLSA _25._tcp.${state.host}: ${state.usable.map(tlsaText).join(', ')}`).join('; '),
      fix: `Publish a second record for the next key beside the current one (\`3 1 1\` + \`3 1 1\`, or \`3 1 1\` + \`2 1 1\` for the issuing CA), and keep both through every change.`,
    }),
  ];
}

export const daneNoRolloverCheck = defineCheck({
  id: 'dane-no-rollover',
  severity: 'info',
  scope: 'live',
  title: 'One TLSA record per host: no rollover',
  rfc: 'RFC 7671 §8.1',
  live: [{ on: 'snapshot', run: daneNoRollover }],
});
