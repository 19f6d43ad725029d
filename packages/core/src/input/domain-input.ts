/**
 * Turns what a person types or pastes (a domain, an IDN in Unicode, an e-mail address, a URL)
 * into the ASCII domain to check. IDNA conversion uses the WHATWG URL parser (UTS #46), which
 * Node and every browser ship, so the core needs no punycode table of its own.
 */

export type DomainInput =
  | { readonly ok: true; readonly domain: string; readonly input: string }
  | { readonly ok: false; readonly input: string; readonly error: string };

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

export function parseDomainInput(raw: string): DomainInput {
  const input = raw.trim();
  if (input === '') return { ok: false, input: raw, error: 'Enter a domain, an e-mail address or a URL.' };
  let host = input;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(host)) {
    try {
      host = new URL(host).hostname;
    } catch {
      return { ok: false, input, error: `"${input}" is not a valid URL.` };
    }
  } else {
    const at = host.lastIndexOf('@');
    if (at >= 0) host = host.slice(at + 1);
    if (/^mailto:/i.test(host)) host = host.slice(7);
    // "example.com/path" or "example.com:8080" without a scheme.
    host = host.split(/[/?#]/, 1)[0] ?? host;
    if (!host.startsWith('[')) host = host.replace(/:\d+$/, '');
  }
  host = host.replace(/\.$/, '');
  if (host.startsWith('[') || host.includes(':') || IPV4.test(host)) {
    return { ok: false, input, error: `${host} is an IP address; mail DNS belongs to a domain name.` };
  }
  let ascii: string;
  try {
    ascii = new URL(`http://${host}/`).hostname;
  } catch {
    return { ok: false, input, error: `"${host}" is not a valid domain name.` };
  }
  if (IPV4.test(ascii)) return { ok: false, input, error: `${host} is an IP address; mail DNS belongs to a domain name.` };
  const labels = ascii.split('.');
  if (labels.length < 2 || ascii.length > 253 || labels.some((label) => label.length === 0 || label.length > 63 || !/^[a-z0-9_-]+$/.test(label))) {
    return { ok: false, input, error: `"${host}" is not a valid domain name.` };
  }
  return { ok: true, domain: ascii, input };
}
