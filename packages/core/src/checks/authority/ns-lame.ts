/**
 * `ns-lame`: a server the zone is delegated to (or that the zone names) does not serve it: it
 * times out, refuses, answers without the AA bit, or has no address (RFC 1034 §4.2.2: every NS of a
 * zone serves it). Resolvers that pick it lose time or fail; with every server lame, the domain's
 * mail DNS cannot be resolved at all. Error when all servers are lame, warning when some.
 */
import { finding, type Finding } from '../../findings/finding.js';
import type { AuthorityFacts } from '../../facts/authority.js';
import { defineCheck } from '../check.js';
import { lameReason, serverLabel } from './served.js';

export function nsLame(authority: AuthorityFacts): Finding[] {
  const { servers, zone } = authority;
  const lame = servers.flatMap((server) => {
    const reason = lameReason(server);
    return reason === undefined ? [] : [{ server, reason }];
  });
  if (lame.length === 0) return [];
  const all = lame.length === servers.length;
  const names = lame.map(({ server }) => server.name);
  return [
    finding(nsLameCheck, {
      severity: all ? 'error' : 'warning',
      message: all
        ? `No name server of ${zone} serves it: ${names.join(', ')} ${names.length === 1 ? 'does' : 'do'} not answer for the zone, so its MX, SPF and DMARC records cannot be looked up.`
        : `${lame.length} of ${servers.length} name servers of ${zone} do not serve it (${names.join(', ')}): resolvers that ask ${lame.length === 1 ? 'it' : 'them'} lose time or fail.`,
      subject: zone,
      evidence: lame.map(({ server, reason }) => `${serverLabel(server)}: ${reason}`).join('; '),
      fix: all
        ? `Load the zone ${zone} on its name servers, or change the delegation at the registrar to servers that serve it.`
        : `Load the zone ${zone} on ${names.join(', ')}, or remove ${lame.length === 1 ? 'it' : 'them'} from the NS records at the registrar and in the zone.`,
    }),
  ];
}

export const nsLameCheck = defineCheck({
  id: 'ns-lame',
  severity: 'error',
  scope: 'authority',
  title: 'A name server does not serve the zone',
  rfc: 'RFC 1034 §4.2.2',
  live: [{ on: 'authority', run: nsLame }],
});
