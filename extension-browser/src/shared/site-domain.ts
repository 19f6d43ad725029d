/**
 * Which domain to check for the page a tab shows. Mail DNS usually lives at the registrable
 * domain (the public suffix plus one label, per the Public Suffix List via tldts): a page on
 * `www.shop.example.co.uk` is checked as `example.co.uk`, and the exact host is offered too.
 * Pages without a domain (browser pages, files, IP addresses) get a message instead.
 */
import { parse } from 'tldts';

export type SiteDomain =
  | {
      readonly kind: 'domain';
      /** The domain to check first (ASCII). */
      readonly domain: string;
      /** The page's exact host when it differs from `domain`, offered with one click. */
      readonly host?: string;
    }
  | { readonly kind: 'none'; readonly reason: string };

const WEB_SCHEMES = new Set(['http:', 'https:']);

/**
 * Firefox's Reader View shows a web page at `about:reader?url=<its address>`: the page's own
 * address when it is a web address, so one unwrapping at most (a web address is never reader).
 */
function readerViewPage(url: URL): string | undefined {
  if (url.protocol !== 'about:' || url.pathname !== 'reader') return undefined;
  const shown = url.searchParams.get('url');
  if (shown === null || !URL.canParse(shown)) return undefined;
  return WEB_SCHEMES.has(new URL(shown).protocol) ? shown : undefined;
}

export function siteDomainOf(pageUrl: string | undefined): SiteDomain {
  if (pageUrl === undefined || pageUrl === '') {
    return { kind: 'none', reason: 'MX Doctor cannot see this tab\'s address. Type a domain to check it.' };
  }
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return { kind: 'none', reason: 'This tab has no web address. Type a domain to check it.' };
  }
  const shown = readerViewPage(url);
  if (shown !== undefined) return siteDomainOf(shown);
  if (url.protocol === 'file:') return { kind: 'none', reason: 'This is a file on your computer, not a web site. Type a domain to check it.' };
  if (!WEB_SCHEMES.has(url.protocol)) {
    return { kind: 'none', reason: `This is a browser page (${url.protocol}), not a web site. Type a domain to check it.` };
  }
  const host = url.hostname.replace(/\.$/, '').toLowerCase();
  const info = parse(host);
  if (info.isIp === true || host.startsWith('[')) {
    return { kind: 'none', reason: `This site is addressed by IP (${host}); mail DNS belongs to a domain name. Type one to check it.` };
  }
  if (!host.includes('.')) {
    return { kind: 'none', reason: `${host} is not a public domain name. Type a domain to check it.` };
  }
  // A suffix the Public Suffix List does not know (.test, .internal, a company's own TLD): we
  // cannot tell where the registrable part starts, so the exact host is the honest choice.
  const listed = info.isIcann === true || info.isPrivate === true;
  const domain = listed && info.domain !== null ? info.domain : host;
  return domain === host ? { kind: 'domain', domain } : { kind: 'domain', domain, host };
}
