/**
 * The MTA-STS policy fetch in the browser (RFC 8461 §3.3), used only when the person has granted
 * the extension access to that one policy host (`https://mta-sts.<domain>/*`, asked on a click).
 * Unlike the Node fetcher it cannot use the check's resolver for the host (the browser resolves
 * it) and cannot tell a TLS failure from a connection failure (fetch says neither); redirects are
 * never followed, the body is read up to 64 KB, and it gives up after 5 s.
 */
import type { PolicyFetch, PolicyFetcher } from '@mx-doctor/core';

const MAX_BODY = 64 * 1024;
const TIMEOUT_MS = 5000;

export const browserPolicyFetcher: PolicyFetcher = async ({ url }) => {
  const failed = (reason: Extract<PolicyFetch, { kind: 'failed' }>['reason'], detail: string): PolicyFetch => ({ kind: 'failed', url, reason, detail });
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  try {
    const response = await fetch(url, { redirect: 'manual', credentials: 'omit', cache: 'no-store', signal: controller.signal });
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) return failed('redirect', 'the policy host answered with a redirect; redirects are not followed (RFC 8461 §3.3)');
    if (response.status !== 200) return failed('status', `HTTP ${response.status}`);
    const reader = response.body?.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    if (reader !== undefined) {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.length;
        if (size > MAX_BODY) {
          void reader.cancel();
          return failed('too-large', `the body is larger than ${MAX_BODY / 1024} KB`);
        }
        chunks.push(value);
      }
    }
    const body = new TextDecoder().decode(new Uint8Array(chunks.flatMap((chunk) => [...chunk])));
    const contentType = response.headers.get('content-type');
    return { kind: 'fetched', url, address: new URL(url).host, ...(contentType !== null && { contentType }), body };
  } catch (error) {
    if (controller.signal.aborted) return failed('timeout', `no answer within ${TIMEOUT_MS / 1000} s`);
    return failed('network', `the browser could not fetch it (a TLS, DNS or connection error; it does not say which): ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    clearTimeout(timer);
  }
};

/** The one origin to ask for: the policy host. */
export function policyOrigin(url: string): string {
  return `${new URL(url).origin}/*`;
}
