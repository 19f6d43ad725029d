/** `file-differs-from-live`: a file's MX and SPF RRsets against what the authoritative servers serve now. */
import { describe, expect, it } from 'vitest';
import { checkFile, mailOwners } from '../../src/checks/file/check-file.js';
import { readZone } from '../../src/readers/zone/index.js';
import type { LiveRRsets } from '../../src/facts/authority.js';
import { failed, mx, txt, DOMAIN } from './facts.js';

const zone = (...lines: string[]) => readZone(`$ORIGIN ${DOMAIN}.\n$TTL 300\n${lines.join('\n')}\n`, { file: 'db.example' });
const SERVER = 'ns1.example.test (127.0.1.1)';
const differs = (read: ReturnType<typeof zone>, live: Record<string, LiveRRsets>) =>
  checkFile(read, { liveZone: new Map(Object.entries(live)) }).findings.filter((f) => f.id === 'file-differs-from-live');

describe('file-differs-from-live', () => {
  const file = zone('@ MX 10 mx1', '@ MX 20 mx3', '@ TXT "v=spf1 mx -all"', 'mx1 A 127.0.0.1', 'mx3 A 127.0.0.3');

  it('names the owners the file writes mail records for', () => {
    expect(mailOwners(file)).toEqual([DOMAIN]);
  });

  it('says nothing when the file writes what is served', () => {
    expect(differs(file, { [DOMAIN]: { server: SERVER, mx: mx('mx1.example.test', 'mx3.example.test'), txt: txt(DOMAIN, 'v=spf1 mx -all', 'other') } })).toEqual([]);
  });

  it('lists what the file adds and drops, MX and SPF, on the owner\'s first MX record', () => {
    const [found, ...rest] = differs(file, { [DOMAIN]: { server: SERVER, mx: mx('mx1.example.test', 'mx2.example.test'), txt: txt(DOMAIN, 'v=spf1 a -all') } });
    expect(rest).toEqual([]);
    expect(found).toMatchObject({
      severity: 'info',
      subject: DOMAIN,
      evidence: `the file adds MX 20 mx3.example.test.; drops MX 20 mx2.example.test.; the file adds TXT "v=spf1 mx -all"; drops TXT "v=spf1 a -all" (live: ${SERVER})`,
      range: { file: 'db.example', start: { line: 2, character: 0 } },
    });
  });

  it('says nothing from a failed or non-authoritative answer (rule zero)', () => {
    expect(differs(file, { [DOMAIN]: { server: SERVER, mx: failed(DOMAIN, 'MX', 'timeout'), txt: { ...txt(DOMAIN, 'v=spf1 a -all'), authoritative: false } } })).toEqual([]);
  });

  it('is not reported without live data', () => {
    expect(checkFile(file).findings.map((f) => f.id)).not.toContain('file-differs-from-live');
  });
});
