/**
 * The MTA-STS policy fetch (RFC 8461 §3.3) for the Node front ends: HTTPS GET of
 * `https://mta-sts.<domain>/.well-known/mta-sts.txt` at the addresses the check's own resolver gave
 * (never the system resolver: `lookup` hands Node those addresses), the certificate checked against
 * the host name as Node checks any HTTPS server (system CAs; `NODE_EXTRA_CA_CERTS` adds a test CA),
 * no redirect followed, at most 64 KB read, a short timeout. Every failure is a result, never a throw.
 */
import { request } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { LookupAddress } from 'node:dns';
import type { PolicyFetch, PolicyFetcher, PolicyFetchFailure, PolicyFetchRequest } from '@mx-doctor/core';

/** RFC 8461 §3.3: senders read at most 64 KB of policy. */
const MAX_BODY = 64 * 1024;
const DEFAULT_TIMEOUT_MS = 5000;

/**
 * The port policies are fetched on: 443, or `MXD_HTTPS_PORT` (test-only: a test's HTTPS server
 * listens on a loopback address read from its zones, on a port of its choosing).
 */
export function policyPort(env: NodeJS.ProcessEnv = process.env): number {
  const port = Number(env['MXD_HTTPS_PORT'] ?? 443);
  return Number.isInteger(port) && port >= 1 && port <= 65535 ? port : 443;
}

const TLS_CODES = /^(ERR_TLS_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|ERR_SSL_|HOSTNAME_MISMATCH)/;

function failed(url: string, reason: PolicyFetchFailure, detail: string): PolicyFetch {
  return { kind: 'failed', url, reason, detail };
}

function fetchFrom(target: PolicyFetchRequest, address: string, port: number, timeoutMs: number): Promise<PolicyFetch> {
  const family = isIP(address) === 6 ? 6 : 4;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: PolicyFetch) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      resolve(result);
    };
    const req = request(
      {
        hostname: target.host,
        port,
        path: '/.well-known/mta-sts.txt',
        method: 'GET',
        servername: target.host,
        agent: false,
        headers: { accept: 'text/plain', 'user-agent': 'mx-doctor (MTA-STS policy check)' },
        // The address the check's resolver gave, not the system's (one address per attempt).
        lookup: ((_hostname: string, options: { all?: boolean }, callback: (error: NodeJS.ErrnoException | null, result: string | LookupAddress[], family?: number) => void) => {
          if (options.all === true) callback(null, [{ address, family }]);
          else callback(null, address, family);
        }) as unknown as LookupFunction,
      },
      (response) => {
        const status = response.statusCode ?? 0;
        const where = `${address}${port === 443 ? '' : `:${port}`}`;
        if (status >= 300 && status < 400) {
          const location = response.headers.location;
          return finish(failed(target.url, 'redirect', `HTTP ${status} from ${where}${location === undefined ? '' : ` to ${location.slice(0, 200)}`}; redirects are not followed (RFC 8461 §3.3)`));
        }
        if (status !== 200) return finish(failed(target.url, 'status', `HTTP ${status} from ${where}`));
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_BODY) return finish(failed(target.url, 'too-large', `the body from ${where} is larger than ${MAX_BODY / 1024} KB`));
          chunks.push(chunk);
        });
        response.on('error', (error) => finish(failed(target.url, 'network', `reading from ${where}: ${error.message}`)));
        response.on('end', () => {
          const contentType = response.headers['content-type'];
          finish({ kind: 'fetched', url: target.url, address, ...(contentType !== undefined && { contentType }), body: Buffer.concat(chunks).toString('utf8') });
        });
      },
    );
    const timer = setTimeout(() => finish(failed(target.url, 'timeout', `no answer from ${address} within ${timeoutMs} ms`)), timeoutMs);
    req.on('error', (error: NodeJS.ErrnoException) => {
      const code = error.code ?? '';
      const reason: PolicyFetchFailure = TLS_CODES.test(code) ? 'tls' : 'network';
      finish(failed(target.url, reason, `${reason === 'tls' ? 'TLS: ' : ''}${error.message}${code !== '' && !error.message.includes(code) ? ` (${code})` : ''} at ${address}`));
    });
    req.end();
  });
}

/** A `PolicyFetcher` for `checkDomain`: each address in turn until one answers (a TLS or HTTP answer is final). */
export function fetchMtaStsPolicy(options: { readonly port?: number; readonly timeoutMs?: number } = {}): PolicyFetcher {
  const port = options.port ?? policyPort();
  return async (target) => {
    let last: PolicyFetch = failed(target.url, 'no-host', `${target.host} has no address`);
    for (const address of target.addresses) {
      const left = target.deadline === undefined ? Infinity : target.deadline - Date.now();
      if (left <= 0) return failed(target.url, 'timeout', "the check's time budget ran out before the policy was fetched");
      last = await fetchFrom(target, address, port, Math.min(options.timeoutMs ?? DEFAULT_TIMEOUT_MS, left));
      if (last.kind === 'fetched' || (last.reason !== 'network' && last.reason !== 'timeout')) return last;
    }
    return last;
  };
}
