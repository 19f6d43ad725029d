/**
 * Real SMTP servers for the transport checks, all on ONE port, each on its own loopback address
 * (all of 127.0.0.0/8 is local on Linux):
 *
 * - 127.0.0.25 good: `smtp-server`, offers STARTTLS after EHLO (its built-in self-signed certificate)
 * - 127.0.0.26 no STARTTLS: `smtp-server` with `hideSTARTTLS`
 * - 127.0.0.27 bad greeting: raw server that greets `554 go away`, answers QUIT with 221
 * - 127.0.0.28 closes at once: raw server that accepts and ends the connection immediately
 * - 127.0.0.29 unreachable: nothing listens there (checked at start)
 *
 * The DNS side (which domain's MX points where) is in zones/generate.ts and fixtures.ts.
 */
import { connect, createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { SMTP_ADDRESSES } from './zones/generate.js';

export { SMTP_ADDRESSES };

export interface SmtpServers {
  /** The one port every server listens on. */
  port: number;
  hosts: typeof SMTP_ADDRESSES;
  stop(): Promise<void>;
}

/** What every test SMTP server shares: a banner, no AUTH, no log, and no mail accepted (the probe never sends any). */
export const TEST_SMTP_OPTIONS = {
  banner: 'MX Doctor test server',
  authOptional: true,
  disabledCommands: ['AUTH'],
  logger: false,
  closeTimeout: 200,
  onMailFrom(_address, _session, callback) {
    callback(new Error('this test server accepts no mail'));
  },
} satisfies SMTPServerOptions;

function smtpServer(hideSTARTTLS: boolean): SMTPServer {
  return new SMTPServer({ ...TEST_SMTP_OPTIONS, name: hideSTARTTLS ? 'no-starttls.smtp-hosts.broken.test' : 'starttls.smtp-hosts.broken.test', hideSTARTTLS });
}

function badGreetingServer(): Server {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.write('554 go away\r\n');
    let buffer = '';
    socket.on('data', (chunk) => {
      buffer += chunk.toString('latin1');
      let end: number;
      while ((end = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, end).trim();
        buffer = buffer.slice(end + 1);
        if (/^quit$/i.test(line)) {
          socket.end('221 bye\r\n');
          return;
        }
        socket.write('503 5.5.1 go away\r\n');
      }
    });
  });
  server.on('close', () => {
    for (const s of sockets) s.destroy();
  });
  return server;
}

function closingServer(): Server {
  return createServer((socket) => {
    socket.on('error', () => undefined);
    socket.end();
  });
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

/** Resolves true if something accepts a TCP connection at host:port. */
export function tcpAccepts(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export async function startSmtpServers(): Promise<SmtpServers> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 20; attempt++) {
    const good = smtpServer(false);
    const noTls = smtpServer(true);
    const bad = badGreetingServer();
    const closing = closingServer();
    const started: Server[] = [];
    try {
      const port = await listen(good.server, 0, SMTP_ADDRESSES.good);
      started.push(good.server);
      await listen(noTls.server, port, SMTP_ADDRESSES.noStarttls);
      started.push(noTls.server);
      await listen(bad, port, SMTP_ADDRESSES.badGreeting);
      started.push(bad);
      await listen(closing, port, SMTP_ADDRESSES.closes);
      started.push(closing);
      // The unreachable address must really be unreachable on this port (no wildcard listener).
      const probe = createServer();
      await listen(probe, port, SMTP_ADDRESSES.unreachable);
      await closeServer(probe);
      if (await tcpAccepts(SMTP_ADDRESSES.unreachable, port, 500)) throw new Error('127.0.0.29 accepts connections');
      return {
        port,
        hosts: SMTP_ADDRESSES,
        stop: async () => {
          await Promise.all([
            new Promise<void>((resolve) => good.close(() => resolve())),
            new Promise<void>((resolve) => noTls.close(() => resolve())),
            closeServer(bad),
            closeServer(closing),
          ]);
        },
      };
    } catch (error) {
      lastError = error;
      for (const s of started) {
        if (s === good.server) await new Promise<void>((resolve) => good.close(() => resolve()));
        else if (s === noTls.server) await new Promise<void>((resolve) => noTls.close(() => resolve()));
        else await closeServer(s);
      }
    }
  }
  throw new Error(`could not start the SMTP test servers on one free port: ${String(lastError)}`);
}
