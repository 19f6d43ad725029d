/**
 * The opt-in SMTP transport probe. A browser cannot open port 25; Node can. For each MX address
 * it connects, reads the greeting (RFC 5321 §3.1, §4.3.1), sends `EHLO` (§4.1.1.1), notes whether
 * the reply offers `STARTTLS` (RFC 3207 §4); when it does, it starts TLS (RFC 3207 §4.2) and notes
 * the protocol, whether the chain verifies and names the host, and the certificates' digests for
 * DANE (RFC 7672 §3); then says `QUIT` (§4.1.1.10). It never sends mail. Every path ends in a
 * result: the probe resolves, never rejects, and destroys every socket it opens. The core's
 * transport checks (`runSmtpChecks`) judge the results.
 */

import { createHash, X509Certificate } from 'node:crypto';
import { isIP, Socket } from 'node:net';
import { connect as tlsConnect, type PeerCertificate, type TLSSocket } from 'node:tls';
import { parseSmtpReply, type SmtpCertificate, type SmtpOutcome, type SmtpProbeResult, type SmtpTlsFacts } from '@mx-doctor/core';

/** One address to probe and the MX host it belongs to. */
export interface SmtpProbeTarget {
  readonly host: string;
  /** An IPv4 or IPv6 address; names are not resolved here (the query plan already did). */
  readonly address: string;
}

export interface SmtpProbeOptions {
  /** TCP port; default 25, the SMTP port (RFC 5321 §4.5.4.2). Tests use others. */
  readonly port?: number;
  /**
   * Milliseconds per address for connect, greeting and EHLO reply together; default 8000.
   * Saying QUIT afterwards may take up to one more second.
   */
  readonly timeoutMs?: number;
  /** The name sent with `EHLO`; default `mx-doctor.invalid` (RFC 2606 §2: never a real host). */
  readonly heloName?: string;
  /** How many addresses to probe at once; default 8. */
  readonly concurrency?: number;
  /** Start TLS when STARTTLS is offered (default true). */
  readonly tls?: boolean;
}

/** Certificates of a chain read for DANE (a leaf and its issuers; chains are rarely longer). */
const MAX_CHAIN = 5;

/** A certificate's DANE digests (RFC 6698 §2.1.2–2.1.3: full certificate or SPKI, SHA-256/512, or the data itself). */
function certificateFacts(raw: Buffer): SmtpCertificate {
  const x509 = new X509Certificate(raw);
  const spki = x509.publicKey.export({ type: 'spki', format: 'der' });
  const digest = (algorithm: string, data: Buffer) => createHash(algorithm).update(data).digest('hex');
  return {
    subject: x509.subject.replace(/\n/g, ', ').slice(0, 200),
    validTo: new Date(x509.validTo).toISOString(),
    certificate: { sha256: digest('sha256', raw), sha512: digest('sha512', raw), full: raw.length <= 16384 ? raw.toString('hex') : '' },
    spki: { sha256: digest('sha256', spki), sha512: digest('sha512', spki), full: spki.toString('hex') },
  };
}

/** The leaf, then each issuer the server sent (stopping at a self-signed one or after `MAX_CHAIN`). */
function chainOf(socket: TLSSocket): SmtpCertificate[] {
  const chain: SmtpCertificate[] = [];
  let cert: PeerCertificate | undefined = socket.getPeerCertificate(true);
  const seen = new Set<string>();
  while (cert !== undefined && cert.raw !== undefined && chain.length < MAX_CHAIN && !seen.has(cert.fingerprint256)) {
    seen.add(cert.fingerprint256);
    chain.push(certificateFacts(cert.raw));
    const issuer: PeerCertificate | undefined = (cert as PeerCertificate & { issuerCertificate?: PeerCertificate }).issuerCertificate;
    cert = issuer === cert ? undefined : issuer;
  }
  return chain;
}

function tlsFactsOf(socket: TLSSocket, host: string): SmtpTlsFacts {
  const chain = chainOf(socket);
  const leaf = socket.getPeerX509Certificate();
  const error = socket.authorizationError;
  return {
    protocol: socket.getProtocol() ?? 'unknown',
    trusted: socket.authorized,
    ...(error !== null && error !== undefined && { trustError: String((error as Error & { code?: string }).code ?? error) }),
    namesHost: leaf !== undefined && leaf.checkHost(host) !== undefined,
    chain,
  };
}

interface Settings {
  readonly port: number;
  readonly timeoutMs: number;
  readonly heloName: string;
  readonly tls: boolean;
}

const DEFAULT_PORT = 25;
const DEFAULT_TIMEOUT_MS = 8000;
const DEFAULT_HELO_NAME = 'mx-doctor.invalid';
const DEFAULT_CONCURRENCY = 8;
/** How long to wait for the server's 221 and close after QUIT before dropping the connection. */
const QUIT_GRACE_MS = 1000;
/** A reply longer than this is not SMTP (RFC 5321 §4.5.3.1.5 limits a reply line to 512 octets). */
const MAX_REPLY_CHARS = 64 * 1024;

/**
 * Probes every target, at most `concurrency` at a time, and returns one result per target in the
 * order given. Never rejects.
 */
export async function probeSmtp(
  targets: readonly SmtpProbeTarget[],
  options: SmtpProbeOptions = {},
): Promise<SmtpProbeResult[]> {
  const settings: Settings = {
    port: options.port ?? DEFAULT_PORT,
    timeoutMs: positive(options.timeoutMs) ?? DEFAULT_TIMEOUT_MS,
    heloName: validHeloName(options.heloName) ?? DEFAULT_HELO_NAME,
    tls: options.tls ?? true,
  };
  const concurrency = Math.floor(positive(options.concurrency) ?? DEFAULT_CONCURRENCY) || 1;
  const results: SmtpProbeResult[] = new Array<SmtpProbeResult>(targets.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < targets.length) {
      const index = next++;
      const target = targets[index];
      if (target !== undefined) results[index] = await probeAddress(target, settings);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, targets.length) }, worker));
  return results;
}

/**
 * Whether an EHLO reply offers STARTTLS: a `250` reply whose extension lines (all but the first,
 * which names the server; RFC 5321 §4.1.1.1) include the keyword, in any case (RFC 3207 §4).
 * Mirrors the core's `offersStarttls`, which the core's public index does not export.
 */
function offersStarttls(ehlo: { readonly code: number; readonly lines: readonly string[] }): boolean {
  if (ehlo.code !== 250) return false;
  return ehlo.lines.slice(1).some((line) => line.trim().split(/\s+/, 1)[0]?.toUpperCase() === 'STARTTLS');
}

function positive(value: number | undefined): number | undefined {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : undefined;
}

/** The EHLO argument goes on the wire: refuse anything that could end or split the command. */
function validHeloName(name: string | undefined): string | undefined {
  return name !== undefined && /^[\x21-\x7e]{1,255}$/.test(name) ? name : undefined;
}

/** Server text for `detail`: quoted, control characters escaped, shortened. */
function quoted(text: string): string {
  return JSON.stringify(text.length > 120 ? `${text.slice(0, 120)}…` : text);
}

type Stage = 'connect' | 'greeting' | 'ehlo' | 'starttls' | 'tls' | 'quit';

/** One conversation with one address. Resolves exactly once, after the socket is destroyed. */
function probeAddress(target: SmtpProbeTarget, settings: Settings): Promise<SmtpProbeResult> {
  return new Promise((resolve) => {
    const { host, address } = target;
    const started = performance.now();
    const elapsed = (): number => Math.round(performance.now() - started);

    let stage: Stage = 'connect';
    let buffer = '';
    let outcome: SmtpOutcome = 'connected';
    let greeting: { code: number; text: string } | undefined;
    let ehlo: { code: number; lines: string[] } | undefined;
    let tls: SmtpTlsFacts | undefined;
    let tlsError: string | undefined;
    let secure: TLSSocket | undefined;
    let closedEarly = false;
    let detail: string | undefined;
    let elapsedMs: number | undefined;
    let settled = false;
    let quitTimer: NodeJS.Timeout | undefined;

    const socket = new Socket();
    const deadline = setTimeout(onDeadline, settings.timeoutMs);

    function settle(): void {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      clearTimeout(quitTimer);
      secure?.destroy();
      socket.destroy();
      resolve({
        host,
        address,
        outcome,
        ...(greeting !== undefined && { greeting }),
        ...(closedEarly && { closedEarly }),
        ...(ehlo !== undefined && { ehlo, starttls: offersStarttls(ehlo) }),
        ...(tls !== undefined && { tls }),
        ...(tlsError !== undefined && { tlsError }),
        ...(detail !== undefined && { detail }),
        elapsedMs: elapsedMs ?? elapsed(),
      });
    }

    /** Our side is done: say QUIT, then give the server a moment to answer 221 and close. */
    function quit(): void {
      elapsedMs = elapsed();
      stage = 'quit';
      clearTimeout(deadline);
      quitTimer = setTimeout(settle, QUIT_GRACE_MS);
      const channel = secure ?? socket;
      if (channel.writable) channel.end('QUIT\r\n');
      else settle();
    }

    function onDeadline(): void {
      const limit = `within ${settings.timeoutMs} ms`;
      const sent = buffer === '' ? '' : `; it sent ${quoted(buffer)}`;
      if (stage === 'connect') {
        outcome = 'timeout';
        detail = `no TCP connection ${limit}`;
      } else if (stage === 'greeting') {
        outcome = 'timeout';
        detail = `TCP connection accepted but no complete greeting ${limit}${sent}`;
      } else if (stage === 'ehlo') {
        detail = `no complete EHLO reply ${limit}${sent}`;
      } else if (stage === 'starttls' || stage === 'tls') {
        tlsError = stage === 'starttls' ? `no complete reply to STARTTLS ${limit}` : `the TLS handshake did not finish ${limit}`;
      }
      settle();
    }

    /** After `220` to STARTTLS: the handshake on the same connection (RFC 3207 §4.2). */
    function startTls(): void {
      stage = 'tls';
      socket.removeAllListeners('data');
      socket.removeAllListeners('end');
      socket.removeAllListeners('close');
      // Verification is judged, not enforced: the checks say what is wrong with the certificate.
      // minVersion TLSv1 and security level 0, so an old server is seen (smtp-tls-old), not refused.
      secure = tlsConnect({ socket, servername: isIP(host) === 0 ? host : undefined, rejectUnauthorized: false, minVersion: 'TLSv1', ciphers: 'DEFAULT:@SECLEVEL=0' });
      secure.once('secureConnect', () => {
        try {
          tls = tlsFactsOf(secure!, host);
        } catch (error) {
          tlsError = `could not read the certificate: ${error instanceof Error ? error.message : String(error)}`;
        }
        quit();
      });
      secure.on('error', (error: NodeJS.ErrnoException) => {
        if (settled) return;
        if (stage === 'tls') tlsError = `TLS handshake failed: ${error.message}`;
        settle();
      });
      secure.on('close', () => settle());
    }

    function onData(chunk: string): void {
      if (stage === 'starttls') {
        buffer += chunk;
        const reply = parseSmtpReply(buffer);
        if (!reply.complete) return;
        if (reply.code === 220) return startTls();
        tlsError = `STARTTLS refused: ${quoted(buffer.trim())}`;
        quit();
        return;
      }
      if (stage !== 'greeting' && stage !== 'ehlo') return;
      buffer += chunk;
      const reply = parseSmtpReply(buffer);
      if (!reply.complete) {
        if (buffer.length > MAX_REPLY_CHARS) {
          detail = `${stage === 'greeting' ? 'greeting' : 'EHLO reply'} longer than ${MAX_REPLY_CHARS} characters`;
          quit();
        }
        return;
      }
      if (reply.code === undefined) {
        detail = `malformed ${stage === 'greeting' ? 'greeting' : 'EHLO reply'}: ${quoted(buffer)}`;
        quit();
        return;
      }
      if (stage === 'greeting') {
        greeting = { code: reply.code, text: reply.lines.join('\n') };
        // RFC 5321 §3.1: only a 220 greeting opens a session; after any other, the client says QUIT.
        if (reply.code !== 220) {
          quit();
          return;
        }
        stage = 'ehlo';
        buffer = '';
        socket.write(`EHLO ${settings.heloName}\r\n`);
        return;
      }
      ehlo = { code: reply.code, lines: reply.lines };
      if (settings.tls && offersStarttls(ehlo)) {
        stage = 'starttls';
        buffer = '';
        socket.write('STARTTLS\r\n');
        return;
      }
      quit();
    }

    /** The server went away (FIN, reset, broken pipe) before we were done. */
    function onServerGone(how: string): void {
      if (settled) return;
      if (stage === 'quit' || stage === 'connect') return settle();
      if (stage === 'starttls') {
        tlsError = `${how} after STARTTLS`;
        return settle();
      }
      closedEarly = true;
      elapsedMs = elapsed();
      const waiting = stage === 'greeting' ? 'the greeting' : 'the EHLO reply';
      detail = `${how} before ${waiting} was complete${buffer === '' ? '' : `; it sent ${quoted(buffer)}`}`;
      settle();
    }

    socket.setEncoding('utf8');
    socket.on('connect', () => {
      stage = 'greeting';
    });
    socket.on('data', onData);
    socket.on('end', () => onServerGone('connection closed by the server'));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (settled) return;
      // A reset while connect() completes means the kernel had accepted and the server then reset:
      // it answered, like one that closes at once. A refused connection is ECONNREFUSED instead.
      if (stage === 'connect' && error.code === 'ECONNRESET') stage = 'greeting';
      if (stage === 'connect') {
        outcome = error.code === 'ECONNREFUSED' ? 'refused' : error.code === 'ETIMEDOUT' ? 'timeout' : 'error';
        detail = error.message;
        settle();
        return;
      }
      onServerGone(error.code === 'ECONNRESET' ? 'connection reset by the server' : `connection failed (${error.message})`);
    });
    socket.on('close', () => {
      if (settled) return;
      if (stage === 'connect') {
        outcome = 'error';
        detail ??= 'connection closed before it was established';
      }
      if (stage === 'connect' || stage === 'quit') settle();
      else onServerGone('connection closed');
    });

    if (isIP(address) === 0) {
      outcome = 'error';
      detail = `not an IP address: ${quoted(address)}`;
      settle();
      return;
    }
    try {
      socket.connect({ host: address, port: settings.port });
    } catch (error) {
      outcome = 'error';
      detail = error instanceof Error ? error.message : String(error);
      settle();
    }
  });
}
