/** `ns-delegation-mismatch`: the parent's NS set against the zone's own. */
import { describe, expect, it } from 'vitest';
import { nsDelegationMismatch } from '../../src/checks/authority/ns-delegation-mismatch.js';
import { authority, DOMAIN, failed, ns, serving } from './facts.js';

const servers = (zoneNs: string[]) => [serving('ns1.example.test', '127.0.1.1', { ns: ns(DOMAIN, ...zoneNs) }), serving('ns2.example.test', '127.0.2.1', { ns: ns(DOMAIN, ...zoneNs) })];

describe('ns-delegation-mismatch', () => {
  it('says nothing when the parent and the zone list the same servers (in any order)', () => {
    expect(nsDelegationMismatch(authority(servers(['ns2.example.test', 'ns1.example.test']), ['ns1.example.test', 'ns2.example.test']))).toEqual([]);
  });

  it('is a warning naming the servers on one side only', () => {
    const [found, ...rest] = nsDelegationMismatch(authority(servers(['ns1.example.test', 'ns3.example.test']), ['ns1.example.test', 'ns2.example.test']));
    expect(rest).toEqual([]);
    expect(found).toMatchObject({
      severity: 'warning',
      message: `The parent zone (test) and ${DOMAIN} itself list different name servers: ns2.example.test only at the parent, ns3.example.test only in the zone.`,
      evidence: `NS ${DOMAIN} at the parent (ns.test (127.0.0.10)): ns1.example.test, ns2.example.test; NS ${DOMAIN} in the zone: ns1.example.test, ns3.example.test`,
    });
  });

  it('is an error when the sets share no server', () => {
    const [found] = nsDelegationMismatch(authority(servers(['ns8.example.test', 'ns9.example.test']), ['ns1.example.test', 'ns2.example.test']));
    expect(found?.severity).toBe('error');
    expect(found?.message).toContain('delegates example.test to name servers the zone itself does not list');
  });

  it('says nothing when the delegation or the zone NS set is unknown (rule zero)', () => {
    expect(nsDelegationMismatch(authority(servers(['ns9.example.test']), null))).toEqual([]);
    const noNs = [serving('ns1.example.test', '127.0.1.1', { ns: failed(DOMAIN, 'NS', 'timeout') })];
    expect(nsDelegationMismatch(authority(noNs, ['ns7.example.test']))).toEqual([]);
  });
});
