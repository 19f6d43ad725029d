/**
 * The opt-in SMTP transport probe. A browser cannot open port 25; Node can. For each MX address
 * it connects, reads the greeting (RFC 5321 §3.1, §4.3.1), sends `EHLO` (§4.1.1.1), notes whether
 * the reply offers `STARTTLS` (RFC 3207 §4) and says `QUIT` (§4.1.1.10). It never sends mail and
 * never starts TLS. Every path ends in a result: the probe resolves, never rejects, and destroys
 * every socket it opens. The core's transport checks (`runSmtpChecks`) judge the results.
 */

import { isIP, Socket } from 'node:net';
import { parseSmtpReply, type SmtpOutcome, type SmtpProbeResult } from '@mx-doctor/core';

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
}

interface Settings {
  readonly port: number;
  readonly timeoutMs: number;
  readonly heloName: string;
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

type Stage = 'connect' | 'greeting' | 'ehlo' | 'quit';

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
      socket.destroy();
      resolve({
        host,
        address,
        outcome,
        ...(greeting !== undefined && { greeting }),
        ...(closedEarly && { closedEarly }),
        ...(ehlo !== undefined && { ehlo, starttls: offersStarttls(ehlo) }),
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
      if (socket.writable) socket.end('QUIT\r\n');
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
      }
      settle();
    }

    function onData(chunk: string): void {
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
      quit();
    }

    /** The server went away (FIN, reset, broken pipe) before we were done. */
    function onServerGone(how: string): void {
      if (settled) return;
      if (stage === 'quit' || stage === 'connect') return settle();
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
