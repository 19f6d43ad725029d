import type { SmtpProbeResult } from '../../src/checks/smtp/types.js';

/** A host that greets, answers EHLO with STARTTLS: no transport finding. */
export function good(host: string, address: string, extensions: string[] = ['PIPELINING', 'STARTTLS']): SmtpProbeResult {
  return {
    host,
    address,
    outcome: 'connected',
    greeting: { code: 220, text: `${host} ESMTP` },
    ehlo: { code: 250, lines: [host, ...extensions] },
    starttls: extensions.some((e) => e.toUpperCase() === 'STARTTLS'),
    elapsedMs: 40,
  };
}

export function failed(host: string, address: string, outcome: 'refused' | 'timeout' | 'error', detail?: string): SmtpProbeResult {
  return { host, address, outcome, ...(detail !== undefined && { detail }), elapsedMs: outcome === 'timeout' ? 8000 : 3 };
}
