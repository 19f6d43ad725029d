import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSmtpChecks } from '@mx-doctor/core';
import { probeSmtp } from '../src/index.js';
import { refusedPort, smtpServer, startServer, type TestServer } from './servers.js';

const HOST = 'mx.test';
const ADDRESS = '127.0.0.1';
const servers: TestServer[] = [];

async function started(server: Promise<TestServer>): Promise<TestServer> {
  const s = await server;
  servers.push(s);
  return s;
}

async function probeOne(server: TestServer | number, timeoutMs = 2000, tls = true) {
  const port = typeof server === 'number' ? server : server.port;
  const results = await probeSmtp([{ host: HOST, address: ADDRESS }], { port, timeoutMs, tls });
  expect(results).toHaveLength(1);
  // Every path leaves no connection open.
  if (typeof server !== 'number') await server.idle();
  return results[0]!;
}

afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

describe('probeSmtp against local servers', () => {
  let good: TestServer;
  beforeAll(async () => {
    good = await started(smtpServer('220-mx.test ESMTP\r\n220 no UCE\r\n', ['PIPELINING', 'SIZE 10240000', 'STARTTLS', '8BITMIME']));
  });

  it('reads a multi-line greeting and EHLO reply, sees STARTTLS and says QUIT (TLS off)', async () => {
    const result = await probeOne(good, 2000, false);
    expect(result).toMatchObject({
      host: HOST,
      address: ADDRESS,
      outcome: 'connected',
      greeting: { code: 220, text: 'mx.test ESMTP\nno UCE' },
      ehlo: { code: 250, lines: ['mx.test greets you', 'PIPELINING', 'SIZE 10240000', 'STARTTLS', '8BITMIME'] },
      starttls: true,
    });
    expect(result.closedEarly).toBeUndefined();
    expect(result.detail).toBeUndefined();
    expect(result.elapsedMs).toBeGreaterThanOrEqual(0);
    expect(good.received.slice(-2)).toEqual(['EHLO mx-doctor.invalid', 'QUIT']);
  });

  it('with TLS on, asks STARTTLS after EHLO; a refusal is a tlsError, and it still says QUIT', async () => {
    const result = await probeOne(good);
    expect(result).toMatchObject({ outcome: 'connected', starttls: true, tlsError: 'STARTTLS refused: "502 5.5.2 Error: command not recognized"' });
    expect(result.tls).toBeUndefined();
    expect(good.received.slice(-3)).toEqual(['EHLO mx-doctor.invalid', 'STARTTLS', 'QUIT']);
  });

  it('sends the configured EHLO name, and falls back to the default for an unsafe one', async () => {
    await probeSmtp([{ host: HOST, address: ADDRESS }], { port: good.port, heloName: 'probe.example.net', tls: false });
    expect(good.received.slice(-2)).toEqual(['EHLO probe.example.net', 'QUIT']);
    await probeSmtp([{ host: HOST, address: ADDRESS }], { port: good.port, heloName: 'x\r\nMAIL FROM:<a@b>', tls: false });
    expect(good.received.slice(-2)).toEqual(['EHLO mx-doctor.invalid', 'QUIT']);
    await good.idle();
  });

  it('reports starttls false when the EHLO reply lacks it', async () => {
    const server = await started(smtpServer('220 mx.test ESMTP\r\n', ['PIPELINING', '8BITMIME']));
    const result = await probeOne(server);
    expect(result).toMatchObject({ outcome: 'connected', greeting: { code: 220 }, starttls: false });
    expect(result.ehlo?.lines).toEqual(['mx.test greets you', 'PIPELINING', '8BITMIME']);
  });

  it('reports starttls false when EHLO is rejected', async () => {
    const server = await started(smtpServer('220 old.test\r\n', ['STARTTLS'], 502));
    const result = await probeOne(server);
    expect(result).toMatchObject({ outcome: 'connected', ehlo: { code: 502 }, starttls: false });
  });

  it('does not send EHLO after a 554 greeting, only QUIT', async () => {
    const server = await started(smtpServer('554 5.7.1 No SMTP service here\r\n', ['STARTTLS']));
    const result = await probeOne(server);
    expect(result).toMatchObject({ outcome: 'connected', greeting: { code: 554, text: '5.7.1 No SMTP service here' } });
    expect(result.ehlo).toBeUndefined();
    expect(result.starttls).toBeUndefined();
    expect(server.received).toEqual(['QUIT']);
  });

  it('notes a server that closes at once', async () => {
    const server = await started(startServer((socket) => socket.end()));
    const result = await probeOne(server);
    expect(result).toMatchObject({ outcome: 'connected', closedEarly: true });
    expect(result.greeting).toBeUndefined();
    expect(result.detail).toMatch(/closed by the server before the greeting/);
  });

  it('notes a server that resets the connection', async () => {
    const server = await started(startServer((socket) => socket.resetAndDestroy()));
    const result = await probeOne(server);
    expect(result).toMatchObject({ outcome: 'connected', closedEarly: true });
    expect(result.detail).toMatch(/(reset|closed) .*before the greeting/);
  });

  it('notes a server that greets then hangs up before answering EHLO', async () => {
    const server = await started(startServer((socket) => socket.write('220 mx.test\r\n'), (socket) => socket.end()));
    const result = await probeOne(server);
    expect(result).toMatchObject({ outcome: 'connected', greeting: { code: 220 }, closedEarly: true });
    expect(result.ehlo).toBeUndefined();
  });

  it('drops a server that ignores QUIT after a short grace', async () => {
    const server = await started(
      startServer(
        (socket) => socket.write('220 mx.test\r\n'),
        (socket, line) => {
          if (line.startsWith('EHLO')) socket.write('250-mx.test\r\n250 STARTTLS\r\n');
        },
        { allowHalfOpen: true },
      ),
    );
    const before = Date.now();
    // The server keeps its half of the connection open, so its side never goes idle by itself.
    const [result] = await probeSmtp([{ host: HOST, address: ADDRESS }], { port: server.port, timeoutMs: 5000, tls: false });
    expect(result).toMatchObject({ outcome: 'connected', starttls: true });
    expect(Date.now() - before).toBeGreaterThanOrEqual(900);
    expect(Date.now() - before).toBeLessThan(2500);
    expect(server.received.slice(-1)).toEqual(['QUIT']);
  });

  it('times out on a server that never greets', async () => {
    const server = await started(startServer(() => {}));
    const result = await probeOne(server, 200);
    expect(result.outcome).toBe('timeout');
    expect(result.detail).toBe('TCP connection accepted but no complete greeting within 200 ms');
    expect(result.elapsedMs).toBeGreaterThanOrEqual(190);
    expect(result.elapsedMs).toBeLessThan(1500);
  });

  it('times out on a greeting that never completes, quoting what came', async () => {
    const server = await started(startServer((socket) => socket.write('220-mx.test\r\n220 still typ')));
    const result = await probeOne(server, 200);
    expect(result.outcome).toBe('timeout');
    expect(result.detail).toContain('"220-mx.test\\r\\n220 still typ"');
  });

  it('keeps the greeting when the EHLO reply never comes', async () => {
    const server = await started(startServer((socket) => socket.write('220 mx.test\r\n')));
    const result = await probeOne(server, 200);
    expect(result).toMatchObject({ outcome: 'connected', greeting: { code: 220 }, detail: 'no complete EHLO reply within 200 ms' });
    expect(result.ehlo).toBeUndefined();
    expect(result.starttls).toBeUndefined();
  });

  it('reads a greeting that arrives in pieces', async () => {
    const server = await started(
      startServer(
        (socket) => {
          socket.write('22');
          setTimeout(() => socket.write('0-mx.test\r'), 20);
          setTimeout(() => socket.write('\n220 ready\r\n'), 40);
        },
        (socket, line) => {
          if (line.startsWith('EHLO')) socket.write('250-mx.test\r\n250 STARTTLS\r\n');
          else socket.end('221 bye\r\n');
        },
      ),
    );
    const result = await probeOne(server);
    expect(result).toMatchObject({ outcome: 'connected', greeting: { code: 220, text: 'mx.test\nready' }, starttls: true });
  });

  it('gives up on a greeting that is not SMTP', async () => {
    const server = await started(startServer((socket) => socket.write('HTTP/1.1 400 Bad Request\r\n\r\n')));
    const result = await probeOne(server);
    expect(result.outcome).toBe('connected');
    expect(result.greeting).toBeUndefined();
    expect(result.detail).toMatch(/^malformed greeting: "HTTP\/1.1 400/);
    expect(server.received).toEqual(['QUIT']);
  });

  it('reports a refused port', async () => {
    const result = await probeOne(await refusedPort());
    expect(result.outcome).toBe('refused');
    expect(result.detail).toContain('ECONNREFUSED');
  });

  it('does not resolve names: a target that is not an IP address is an error', async () => {
    const [result] = await probeSmtp([{ host: HOST, address: 'localhost' }], { port: good.port });
    expect(result).toMatchObject({ outcome: 'error', detail: 'not an IP address: "localhost"' });
  });

  it('returns an error result, not a rejection, for a bad port', async () => {
    const [result] = await probeSmtp([{ host: HOST, address: ADDRESS }], { port: 70000 });
    expect(result?.outcome).toBe('error');
  });

  it('probes many targets with bounded concurrency and keeps their order', async () => {
    let open = 0;
    let peak = 0;
    const server = await started(
      startServer(
        (socket) => {
          open++;
          peak = Math.max(peak, open);
          socket.on('close', () => open--);
          setTimeout(() => socket.write('220 mx.test\r\n'), 100); // long enough that three are open together, even on a loaded machine
        },
        (socket, line) => {
          if (line.startsWith('EHLO')) socket.write('250 mx.test\r\n');
          else socket.end('221 bye\r\n');
        },
      ),
    );
    const dead = await refusedPort();
    const targets = Array.from({ length: 10 }, (_, i) => ({ host: `mx${i}.test`, address: ADDRESS }));
    const results = await probeSmtp(targets, { port: server.port, concurrency: 3 });
    expect(results.map((r) => r.host)).toEqual(targets.map((t) => t.host));
    expect(results.every((r) => r.outcome === 'connected' && r.starttls === false)).toBe(true);
    // Exactly the bound: more is a flood, fewer (one at a time) means the bound is never reached.
    expect(peak).toBe(3);
    await server.idle();
    expect(await probeSmtp([], { port: dead })).toEqual([]);
  });

  it('feeds the core checks', async () => {
    const bare = await started(smtpServer('220 mx.test\r\n', ['PIPELINING']));
    const dead = await refusedPort();
    const results = [
      ...(await probeSmtp([{ host: 'mx1.example.com', address: ADDRESS }], { port: good.port })),
      ...(await probeSmtp([{ host: 'mx2.example.com', address: ADDRESS }], { port: bare.port })),
      ...(await probeSmtp([{ host: 'mx3.example.com', address: ADDRESS }], { port: dead })),
    ];
    expect(runSmtpChecks('example.com', results).map((f) => `${f.id} ${f.subject}`)).toEqual([
      'smtp-host-unreachable mx3.example.com',
      'smtp-no-starttls mx2.example.com',
    ]);
  });
});
