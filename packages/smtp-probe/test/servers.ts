/**
 * Real SMTP-ish servers on 127.0.0.1 for the probe's tests: each scenario is a small script over
 * a `node:net` socket. They record what the probe sent so tests can check the conversation.
 */

import { createServer, type Server, type Socket } from 'node:net';

export interface TestServer {
  readonly port: number;
  /** Lines received from clients, all connections together. */
  readonly received: string[];
  /** Resolves once the server has no open connection left (or rejects after `ms`). */
  idle(ms?: number): Promise<void>;
  close(): Promise<void>;
}

/** Starts a server; `onLine` answers each CRLF-terminated line the client sends. */
export async function startServer(
  onConnect: (socket: Socket) => void,
  onLine: (socket: Socket, line: string) => void = () => {},
  options: { allowHalfOpen?: boolean } = {},
): Promise<TestServer> {
  const received: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer({ allowHalfOpen: options.allowHalfOpen ?? false }, (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    socket.setEncoding('utf8');
    let buffer = '';
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\r\n')) !== -1) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        received.push(line);
        if (!socket.destroyed) onLine(socket, line);
      }
    });
    onConnect(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    port: address.port,
    received,
    async idle(ms = 2000) {
      const until = Date.now() + ms;
      while (sockets.size > 0) {
        if (Date.now() > until) throw new Error(`${sockets.size} connection(s) still open`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A well-behaved MTA: 220 greeting, multi-line EHLO reply with the given extensions, 221 on QUIT. */
export function smtpServer(greeting: string, extensions: string[], ehloCode = 250): Promise<TestServer> {
  return startServer(
    (socket) => socket.write(greeting),
    (socket, line) => {
      const verb = line.split(' ', 1)[0]?.toUpperCase();
      if (verb === 'EHLO') {
        const lines = ['mx.test greets you', ...extensions];
        socket.write(lines.map((text, i) => `${ehloCode}${i === lines.length - 1 ? ' ' : '-'}${text}\r\n`).join(''));
      } else if (verb === 'QUIT') {
        socket.end('221 2.0.0 Bye\r\n');
      } else {
        socket.write('502 5.5.2 Error: command not recognized\r\n');
      }
    },
  );
}

/** A port on 127.0.0.1 that nothing listens on (a server's port, after it closed). */
export async function refusedPort(): Promise<number> {
  const server = await startServer(() => {});
  await server.close();
  return server.port;
}
