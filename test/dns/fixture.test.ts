/**
 * Proves the DNS test fixture really serves what fixtures.ts promises: BIND loads every zone, dig and
 * DoH (GET and POST) answer, the alt view differs only where it should, the fault proxy produces
 * each fault, and each SMTP test server behaves as specified.
 */
import { EXPECTED as DNSSEC_EXPECTED, EXPECTED_WITH_SMTP as DNSSEC_EXPECTED_WITH_SMTP } from './dnssec/world.js';
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { base64url, dnsPacket, dohQuery, encodeQuery, rcodeOf } from './doh.js';
import type { Packet, RecordType } from './doh.js';
import { startTestDns } from './fixture.js';
import type { TestDns } from './fixture.js';
import { FAULT_FIXTURES, LIVE_FIXTURES, SMTP_FIXTURES } from './fixtures.js';
import { SHARED_ZONES, VIEW_ZONES, ZONES_DIR, renderZones } from './zones/generate.js';

const execFileAsync = promisify(execFile);

/** The ids of the "Live checks" and "Transport checks" tables of shared/checks.md. */
/** The live and transport ids of "Policies enforcing senders apply": their domains are the DNSSEC world's. */
const POLICY_IDS = [
  'dnssec-missing', 'dnssec-bogus', 'mx-target-dnssec-bogus', 'dnssec-signature-expiring', 'mta-sts-record-invalid',
  'mta-sts-policy-unavailable', 'mta-sts-policy-invalid', 'mta-sts-mx-mismatch', 'tlsrpt-invalid', 'tlsrpt-missing',
  'dane-tlsa-insecure', 'dane-tlsa-unusable', 'dane-partial', 'tlsa-lookup-failed', 'dane-no-rollover',
  'smtp-cert-invalid', 'dane-tlsa-mismatch', 'smtp-tls-old',
];

const LIVE_AND_TRANSPORT_IDS = [
  'domain-nxdomain', 'mx-missing', 'mx-null', 'mx-null-mixed', 'mx-null-nonzero-preference', 'domain-cname',
  'mx-target-ip-literal', 'mx-target-invalid-name', 'mx-target-cname', 'mx-target-nxdomain', 'mx-target-no-address',
  'mx-target-private-address', 'mx-target-ipv6-only', 'mx-all-targets-broken', 'mx-duplicate', 'mx-single',
  'mx-same-priority', 'mx-split-delivery', 'mx-mixed-providers', 'mx-provider-incomplete', 'mx-ttl-high',
  'mx-target-ptr-missing', 'mx-target-ptr-mismatch', 'resolvers-disagree', 'spf-missing', 'spf-multiple', 'spf-syntax',
  'spf-include-missing', 'spf-too-many-lookups', 'spf-permissive-all', 'spf-too-many-void-lookups', 'mx-null-incomplete',
  'dmarc-missing', 'dmarc-invalid', 'dmarc-not-enforced', 'mx-hosts-truncated', 'dmarc-inherited', 'lookup-failed',
  'smtp-unreachable', 'smtp-host-unreachable', 'smtp-bad-greeting', 'smtp-no-starttls',
];

function mxSet(packet: Packet | undefined): string[] {
  return (packet?.answers ?? [])
    .filter((a) => a.type === 'MX')
    .map((a) => {
      const data = a.data as { preference?: number; exchange: string };
      return `${data.preference ?? 0} ${data.exchange}`;
    })
    .sort();
}

async function dig(port: number, args: string[]): Promise<string[]> {
  const { stdout } = await execFileAsync('dig', ['+short', '+tries=1', '+time=2', '-p', String(port), '@127.0.0.1', ...args]);
  return stdout.trim().split('\n').filter(Boolean).sort();
}

// ---------------------------------------------------------------------------------------------

describe('zones', () => {
  it('the committed zone files are what zones/generate.ts produces', () => {
    const rendered = renderZones();
    expect(rendered.size).toBeGreaterThan(5);
    for (const [file, text] of rendered) {
      expect(readFileSync(join(ZONES_DIR, file), 'utf8'), `${file} is stale: pnpm tsx test/dns/zones/generate.ts`).toBe(text);
    }
  });

  it('named-checkzone loads every zone (deliberate faults are let through with -k/-m/-M/-n ignore)', () => {
    const files: [string, string][] = [
      ...SHARED_ZONES.map(({ zone, file }): [string, string] => [zone, file]),
      ...Object.entries(VIEW_ZONES).flatMap(([zone, files]): [string, string][] => [
        [zone, files.main],
        [zone, files.alt],
      ]),
    ];
    expect(files.length).toBeGreaterThan(5);
    for (const [zone, file] of files) {
      const out = execFileSync(
        'named-checkzone',
        ['-i', 'none', '-k', 'ignore', '-m', 'ignore', '-M', 'ignore', '-S', 'ignore', '-n', 'ignore', zone, join(ZONES_DIR, file)],
        { encoding: 'utf8' },
      );
      expect(out, file).toMatch(/loaded serial/);
      expect(out.trim().split('\n').at(-1), file).toBe('OK');
    }
  });

  it('covers every live and transport id with a domain named after it', () => {
    const all = [...LIVE_FIXTURES, ...SMTP_FIXTURES];
    const domains = new Set(all.map((f) => f.domain));
    expect(domains.size, 'no domain twice').toBe(all.length);
    for (const id of LIVE_AND_TRANSPORT_IDS) {
      if (id === 'lookup-failed') {
        expect(FAULT_FIXTURES.some((f) => f.expected.includes(id))).toBe(true);
        continue;
      }
      if (id === 'dmarc-inherited') {
        // Needs a record at its organisational domain: good.test has one; broken.test must not
        // (dmarc-missing.broken.test finds none at either name).
        expect(all.find((f) => f.domain === 'dmarc-inherited.good.test')?.expected, id).toContain(id);
        continue;
      }
      expect(domains.has(`${id}.broken.test`), `${id}.broken.test`).toBe(true);
      expect(all.find((f) => f.domain === `${id}.broken.test`)?.expected, id).toContain(id);
    }
    for (const f of [...all, ...FAULT_FIXTURES]) {
      for (const id of f.expected) expect([...LIVE_AND_TRANSPORT_IDS, ...POLICY_IDS], `${f.domain}: ${id}`).toContain(id);
    }
  });

  it('every live id of the policies section has a domain in the DNSSEC world (test/dns/dnssec) that yields it', () => {
    const yielded = new Set([...Object.values(DNSSEC_EXPECTED), ...Object.values(DNSSEC_EXPECTED_WITH_SMTP)].flat());
    for (const id of POLICY_IDS) expect(yielded.has(id), id).toBe(true);
  });

  it('every *.broken.test / *.good.test apex with an MX, SPF or CNAME in the zones has a fixture row', () => {
    const text = [readFileSync(join(ZONES_DIR, 'broken.test.zone'), 'utf8'), readFileSync(join(ZONES_DIR, 'good.test.zone'), 'utf8')].join('\n');
    const apexes = new Set<string>();
    for (const line of text.split('\n')) {
      const m = /^([a-z0-9-]+\.(?:broken|good)\.test)\. \d+ IN (MX|CNAME|TXT) /.exec(line);
      if (m?.[1] && !m[1].startsWith('smtp-hosts')) apexes.add(m[1]);
    }
    const rows = new Set([...LIVE_FIXTURES, ...SMTP_FIXTURES].map((f) => f.domain));
    expect([...apexes].filter((d) => !rows.has(d))).toEqual([]);
  });
});

describe('a fixture of its own: start, logs, stop', () => {
  let dns: TestDns;
  beforeAll(async () => {
    dns = await startTestDns();
  });
  afterAll(async () => {
    await dns?.stop();
  });

  it('named loaded every zone in both views and logged no zone as not loaded', () => {
    const log = dns.logs().named;
    expect(log).not.toMatch(/not loaded/);
    for (const { zone } of SHARED_ZONES) expect(log).toContain(`zone ${zone === '.' ? '.' : zone}/IN/main: loaded serial`);
    for (const zone of Object.keys(VIEW_ZONES)) {
      expect(log).toContain(`zone ${zone}/IN/main: loaded serial`);
      expect(log).toContain(`zone ${zone}/IN/alt: loaded serial`);
    }
    expect(log).toMatch(/all zones loaded/);
    expect(readFileSync(join(dns.dir, 'named.pid'), 'utf8')).toMatch(/^\d+/);
  });

  it('stop() ends both processes and removes the temp dir', async () => {
    const pid = Number(readFileSync(join(dns.dir, 'named.pid'), 'utf8').trim());
    const { dir, dohUrl } = dns;
    await dns.stop();
    expect(existsSync(dir)).toBe(false);
    expect(() => process.kill(pid, 0)).toThrow();
    await expect(fetch(`${dohUrl}?dns=${base64url(encodeQuery('selfhosted.good.test', 'MX'))}`)).rejects.toThrow();
  });
});

describe('DNS served to dig and over DoH', () => {
  const port = () => inject('dnsPort');

  it('dig +short against BIND (main view)', async () => {
    expect(await dig(port(), ['selfhosted.good.test', 'MX'])).toEqual(['10 mx1.selfhosted.good.test.', '20 mx2.selfhosted.good.test.']);
    expect(await dig(port(), ['mx1.selfhosted.good.test', 'A'])).toEqual(['46.23.80.10']);
    expect(await dig(port(), ['mx1.selfhosted.good.test', 'AAAA'])).toEqual(['2a01:4f8:1c1c:80::10']);
    expect(await dig(port(), ['-x', '46.23.80.10'])).toEqual(['mx1.selfhosted.good.test.']);
    expect(await dig(port(), ['-x', '2a01:4f8:1c1c:80::20'])).toEqual(['mx2.selfhosted.good.test.']);
    expect(await dig(port(), ['google.good.test', 'MX'])).toEqual(['1 smtp.google.com.']);
    expect(await dig(port(), ['mx-target-ip-literal.broken.test', 'MX'])).toEqual([
      '10 mx1.mx-target-ip-literal.broken.test.',
      '20 mx2.mx-target-ip-literal.broken.test.',
      '5 203.0.113.10.',
    ]);
    expect(await dig(port(), ['mx-target-invalid-name.broken.test', 'MX'])).toContain('5 mail_1.mx-target-invalid-name.broken.test.');
    expect(await dig(port(), ['nullmx.good.test', 'MX'])).toEqual(['0 .']);
    expect(await dig(port(), ['m365-good-test.mail.protection.outlook.com', 'A'])).toEqual(['52.101.68.5', '52.101.68.6']);
    expect(await dig(port(), ['spf-split.good.test', 'TXT'])).toEqual(['"v=spf1 ip4:46.23.81.0/2" "4 ip6:2a01:4f8:1c1c:81::/64" " -all"']);
    expect(await dig(port(), ['mx1.smtp-no-starttls.broken.test', 'A'])).toEqual(['127.0.0.26']);
    // The alt view is chosen by source address.
    expect(await dig(port(), ['-b', '127.0.0.2', 'resolvers-disagree.broken.test', 'MX'])).toEqual([
      '10 mx1.resolvers-disagree.broken.test.',
      '20 mx3.resolvers-disagree.broken.test.',
    ]);
  });

  it('NXDOMAIN where promised, also for names outside the test zones (root zone)', async () => {
    const status = async (name: string) => {
      const { stdout } = await execFileAsync('dig', ['+tries=1', '+time=2', '-p', String(port()), '@127.0.0.1', name, 'MX']);
      return /status: (\w+)/.exec(stdout)?.[1];
    };
    expect(await status('domain-nxdomain.broken.test')).toBe('NXDOMAIN');
    expect(await status('mxl.mx-target-nxdomain.broken.test')).toBe('NXDOMAIN');
    expect(await status('203.0.113.10')).toBe('NXDOMAIN');
    expect(await status('example.org')).toBe('NXDOMAIN');
    expect(await status('mx-missing.broken.test')).toBe('NOERROR');
  });

  it.each(['GET', 'POST'] as const)('DoH %s answers MX of selfhosted.good.test', async (method) => {
    const reply = await dohQuery(inject('dohUrl'), 'selfhosted.good.test', 'MX', { method, id: 4242 });
    expect(reply.status).toBe(200);
    expect(reply.contentType).toMatch(/^application\/dns-message/);
    expect(reply.packet?.id).toBe(4242);
    expect(rcodeOf(reply.packet!)).toBe('NOERROR');
    expect(reply.packet?.questions?.[0]).toMatchObject({ name: 'selfhosted.good.test', type: 'MX' });
    expect(mxSet(reply.packet)).toEqual(['10 mx1.selfhosted.good.test', '20 mx2.selfhosted.good.test']);
    expect(reply.packet?.answers?.[0]?.ttl).toBe(3600);
  });

  it('DoH sends CORS headers', async () => {
    const response = await fetch(`${inject('dohUrl')}?dns=${base64url(encodeQuery('google.good.test', 'MX'))}`);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('every fixture domain answers as expected over DoH (exists, or NXDOMAIN for domain-nxdomain)', async () => {
    for (const f of [...LIVE_FIXTURES, ...SMTP_FIXTURES]) {
      const reply = await dohQuery(inject('dohUrl'), f.domain, 'MX');
      expect(rcodeOf(reply.packet!), f.domain).toBe(f.domain === 'domain-nxdomain.broken.test' ? 'NXDOMAIN' : 'NOERROR');
    }
  });

  it('the alt DoH URL differs from the main one only for resolvers-disagree.broken.test', async () => {
    const types: RecordType[] = ['MX', 'TXT', 'A'];
    for (const f of [...LIVE_FIXTURES, ...SMTP_FIXTURES]) {
      for (const type of types) {
        const [main, alt] = await Promise.all([
          dohQuery(inject('dohUrl'), f.domain, type),
          dohQuery(inject('altDohUrl'), f.domain, type),
        ]);
        const view = (p: Packet | undefined) =>
          JSON.stringify({ rcode: p?.rcode, answers: (p?.answers ?? []).map((a) => [a.name, a.type, a.data]).map((x) => JSON.stringify(x)).sort() });
        if (f.domain === 'resolvers-disagree.broken.test' && type === 'MX') {
          expect(mxSet(main.packet)).toEqual(['10 mx1.resolvers-disagree.broken.test', '20 mx2.resolvers-disagree.broken.test']);
          expect(mxSet(alt.packet)).toEqual(['10 mx1.resolvers-disagree.broken.test', '20 mx3.resolvers-disagree.broken.test']);
        } else {
          expect(view(alt.packet), `${f.domain} ${type}`).toBe(view(main.packet));
        }
      }
    }
    // Reverse zones are shared too.
    for (const url of [inject('dohUrl'), inject('altDohUrl')]) {
      const reply = await dohQuery(url, '10.80.23.46.in-addr.arpa', 'PTR');
      expect(reply.packet?.answers?.[0]?.data).toBe('mx1.selfhosted.good.test');
    }
  });
});

describe('fault proxy', () => {
  const url = (fault: string) => `${inject('faultBaseUrl')}/${fault}/dns-query`;
  const ask = (fault: string, method: 'GET' | 'POST' = 'GET', name = 'selfhosted.good.test', type: RecordType = 'MX') =>
    dohQuery(url(fault), name, type, { method, id: 777, signal: AbortSignal.timeout(5000) });

  describe.each(['GET', 'POST'] as const)('%s', (method) => {
    it('ok passes through', async () => {
      const r = await ask('ok', method);
      expect(r.status).toBe(200);
      expect(r.packet?.id).toBe(777);
      expect(mxSet(r.packet)).toEqual(['10 mx1.selfhosted.good.test', '20 mx2.selfhosted.good.test']);
    });

    it.each([
      ['servfail', 'SERVFAIL'],
      ['refused', 'REFUSED'],
    ])('%s answers a well-formed %s for the same id and question', async (fault, rcode) => {
      const r = await ask(fault, method);
      expect(r.status).toBe(200);
      expect(r.contentType).toBe('application/dns-message');
      expect(r.packet?.type).toBe('response');
      expect(r.packet?.id).toBe(777);
      expect(rcodeOf(r.packet!)).toBe(rcode);
      expect(r.packet?.questions).toEqual([{ name: 'selfhosted.good.test', type: 'MX', class: 'IN' }]);
      expect(r.packet?.answers).toEqual([]);
    });

    it('timeout never answers', async () => {
      const started = Date.now();
      await expect(
        dohQuery(url('timeout'), 'selfhosted.good.test', 'MX', { method, signal: AbortSignal.timeout(700) }),
      ).rejects.toThrow(/abort|timeout/i);
      expect(Date.now() - started).toBeGreaterThanOrEqual(650);
    });

    it('garbage is a 200 application/dns-message that does not decode', async () => {
      const r = await ask('garbage', method);
      expect(r.status).toBe(200);
      expect(r.contentType).toBe('application/dns-message');
      expect(r.body.length).toBeGreaterThan(0);
      expect(r.packet).toBeUndefined();
    });

    it('http500 is an HTTP 500', async () => {
      const r = await ask('http500', method);
      expect(r.status).toBe(500);
      expect(r.packet).toBeUndefined();
    });

    it('content-type is the real answer served as text/html', async () => {
      const r = await ask('content-type', method);
      expect(r.status).toBe(200);
      expect(r.contentType).toMatch(/^text\/html/);
      expect(mxSet(r.packet)).toHaveLength(2);
    });

    it('truncated has the TC bit set and no answers', async () => {
      const r = await ask('truncated', method);
      expect(r.packet?.flag_tc).toBe(true);
      expect(r.packet?.id).toBe(777);
      expect(r.packet?.answers).toEqual([]);
    });

    it('wrong-question answers for another name, same id', async () => {
      const r = await ask('wrong-question', method);
      expect(r.packet?.id).toBe(777);
      expect(r.packet?.questions?.[0]?.name).toBe('google.good.test');
      expect(mxSet(r.packet)).toEqual(['1 smtp.google.com']);
      const other = await ask('wrong-question', method, 'google.good.test');
      expect(other.packet?.questions?.[0]?.name).toBe('selfhosted.good.test');
    });

    it('delay-<ms> passes through after the delay', async () => {
      const started = Date.now();
      const r = await ask('delay-300', method);
      expect(Date.now() - started).toBeGreaterThanOrEqual(290);
      expect(mxSet(r.packet)).toHaveLength(2);
    });

    it('servfail-only-TXT fails TXT and passes the rest through', async () => {
      const txt = await ask('servfail-only-TXT', method, 'selfhosted.good.test', 'TXT');
      expect(rcodeOf(txt.packet!)).toBe('SERVFAIL');
      const mxReply = await ask('servfail-only-TXT', method, 'selfhosted.good.test', 'MX');
      expect(rcodeOf(mxReply.packet!)).toBe('NOERROR');
      expect(mxSet(mxReply.packet)).toHaveLength(2);
      const a = await ask('servfail-only-TXT', method, 'mx1.selfhosted.good.test', 'A');
      expect(a.packet?.answers?.[0]?.data).toBe('46.23.80.10');
    });
  });

  it('unknown faults and paths are 404; OPTIONS preflight is answered with CORS', async () => {
    expect((await ask('no-such-fault')).status).toBe(404);
    expect((await fetch(`${inject('faultBaseUrl')}/dns-query`)).status).toBe(404);
    const pre = await fetch(url('ok'), { method: 'OPTIONS' });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('every fault named in FAULT_FIXTURES is served', async () => {
    for (const fault of new Set(FAULT_FIXTURES.map((f) => f.fault))) {
      if (fault === 'timeout') continue;
      const r = await ask(fault);
      expect(r.status, fault).not.toBe(404);
    }
  });

  it('the raw bytes of servfail decode with dns-packet as a response', async () => {
    const response = await fetch(url('servfail'), {
      method: 'POST',
      headers: { 'content-type': 'application/dns-message' },
      body: new Uint8Array(encodeQuery('m365.good.test', 'MX', 9)),
    });
    const packet = dnsPacket.decode(new Uint8Array(await response.arrayBuffer()));
    expect(packet).toMatchObject({ type: 'response', id: 9, rcode: 'SERVFAIL' });
  });
});

// ---------------------------------------------------------------------------------------------

interface SmtpTalk {
  connected: boolean;
  greeting?: string;
  ehlo?: string;
  closedEarly: boolean;
  error?: string;
}

/** Connect, read the greeting, EHLO, read the reply, QUIT: what the product's probe does. */
function talk(host: string, port: number): Promise<SmtpTalk> {
  return new Promise((resolve) => {
    const result: SmtpTalk = { connected: false, closedEarly: false };
    const socket = connect({ host, port });
    let buffer = '';
    let stage: 'greeting' | 'ehlo' | 'quit' = 'greeting';
    const finish = () => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(3000, () => {
      result.error = 'timeout';
      finish();
    });
    socket.on('connect', () => (result.connected = true));
    socket.on('error', (error) => {
      result.error = (error as NodeJS.ErrnoException).code ?? error.message;
      finish();
    });
    socket.on('close', () => {
      if (stage !== 'quit') result.closedEarly = true;
      finish();
    });
    socket.on('data', (chunk) => {
      buffer += chunk.toString('latin1');
      // A reply is complete at a line "NNN " (not "NNN-").
      const lines = buffer.split('\r\n');
      const last = lines.findIndex((l) => /^\d{3}( |$)/.test(l));
      if (last < 0) return;
      const reply = lines.slice(0, last + 1).join('\n');
      buffer = lines.slice(last + 1).join('\r\n');
      if (stage === 'greeting') {
        result.greeting = reply;
        stage = 'ehlo';
        socket.write('EHLO probe.mx-doctor.test\r\n');
      } else if (stage === 'ehlo') {
        result.ehlo = reply;
        stage = 'quit';
        socket.write('QUIT\r\n');
      }
    });
  });
}

describe('SMTP test servers (one port, one loopback address each)', () => {
  const port = () => inject('smtpPort');
  const hosts = () => inject('smtpHosts');

  it('127.0.0.25 greets 220 and offers STARTTLS', async () => {
    const t = await talk(hosts().good, port());
    expect(t.greeting).toMatch(/^220 /);
    expect(t.ehlo).toMatch(/^250/);
    expect(t.ehlo).toMatch(/STARTTLS/);
    expect(t.closedEarly).toBe(false);
  });

  it('127.0.0.26 greets 220 and does not offer STARTTLS', async () => {
    const t = await talk(hosts().noStarttls, port());
    expect(t.greeting).toMatch(/^220 /);
    expect(t.ehlo).toMatch(/^250/);
    expect(t.ehlo).not.toMatch(/STARTTLS/);
  });

  it('127.0.0.27 greets "554 go away"', async () => {
    const t = await talk(hosts().badGreeting, port());
    expect(t.greeting).toBe('554 go away');
    expect(t.ehlo).toMatch(/^503/);
  });

  it('127.0.0.28 accepts and closes at once', async () => {
    const t = await talk(hosts().closes, port());
    expect(t.connected).toBe(true);
    expect(t.greeting).toBeUndefined();
    expect(t.closedEarly).toBe(true);
  });

  it('127.0.0.29 refuses the connection', async () => {
    const t = await talk(hosts().unreachable, port());
    expect(t.connected).toBe(false);
    expect(t.error).toBe('ECONNREFUSED');
  });

  it('the SMTP domains point their MX hosts at these addresses', async () => {
    const a = async (name: string) => (await dohQuery(inject('dohUrl'), name, 'A')).packet?.answers?.map((x) => x.data);
    expect(await a('mx1.smtp-ok.broken.test')).toEqual([hosts().good]);
    expect(await a('mx1.smtp-no-starttls.broken.test')).toEqual([hosts().noStarttls]);
    expect(await a('mx1.smtp-bad-greeting.broken.test')).toEqual([hosts().badGreeting]);
    expect(await a('mx1.smtp-bad-greeting-close.broken.test')).toEqual([hosts().closes]);
    expect(await a('mx1.smtp-host-unreachable.broken.test')).toEqual([hosts().unreachable]);
    expect(await a('mx2.smtp-unreachable.broken.test')).toEqual([hosts().unreachable]);
  });
});
