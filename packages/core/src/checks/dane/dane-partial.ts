/**
 * `dane-partial` (warning): some MX hosts have usable, validated TLSA records and others have
 * none. A DANE sender authenticates the first and delivers to the others with unauthenticated TLS
 * (RFC 7672 §2.2.1), so an attacker who can steer traffic picks the unprotected host.
 */
import { finding, type Finding } from '../../findings/finding.js';
import type { MailDnsSnapshot } from '../../facts/snapshot.js';
import { defineCheck } from '../check.js';
import { acceptsNoMail, listWords } from '../dnssec/dnssec-state.js';
import { tlsaState } from './tlsa-state.js';

export function danePartial(snapshot: MailDnsSnapshot): Finding[] {
  if (acceptsNoMail(snapshot)) return [];
  const states = snapshot.targets.flatMap((target) => {
    const state = tlsaState(target);
    return state === undefined ? [] : [state];
  });
  const withDane = states.filter((state) => state.secure && state.usable.length > 0).map((state) => state.host);
  const without = states.filter((state) => state.answered && state.records.length === 0).map((state) => state.host);
  if (withDane.length === 0 || without.length === 0) return [];
  return [
    finding(danePartialCheck, {
      message: `${listWords(withDane)} ${withDane.length === 1 ? 'has' : 'have'} DANE (TLSA) records but ${listWords(without)} ${without.length === 1 ? 'has' : 'have'} none: mail sent to ${without.length === 1 ? 'that host' : 'those hosts'} is not protected by DANE.`,
      subject: snapshot.domain,
      evidence: `TLSA: ${withDane.map((host) => `${host} yes`).concat(without.map((host) => `${host} none`)).join(', ')}`,
      fix: `Publish TLSA records for ${listWords(without)} too (\`_25._tcp.${without[0]}. TLSA 3 1 1 <SHA-256 of its public key>\`), or drop the hosts without them from the MX set.`,
    }),
  ];
}

export const danePartialCheck = defineCheck({
  id: 'dane-partial',
  severity: 'warning',
  scope: 'live',
  title: 'DANE on some MX hosts only',
  rfc: 'RFC 7672 §2.2.1',
  live: [{ on: 'snapshot', run: danePartial }],
});
