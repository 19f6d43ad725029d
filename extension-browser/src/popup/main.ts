/**
 * The popup: work out which domain the tab shows, check it with the core over DoH, show the
 * verdict, the MX table, SPF/DMARC and the findings. Nothing runs before someone opens it.
 * `popup.html?tab=<url>` stands in for the active tab's address (tests, and opening it as a page).
 */
import browser from 'webextension-polyfill';
import { checkDomain, createResolver, parseDomainInput, REPORT_WORDS, reportMarkdown, type DomainReport } from '@mx-doctor/core';
import { byId, h } from '../shared/dom.js';
import type { SiteDomain, SiteDomainRequest, VerdictMessage } from '../shared/messages.js';
import { loadOptions, resolverUrls } from '../shared/options.js';
import { CountingResolver } from './counting-resolver.js';
import { findingsList, mxTable, policyLines, verdictBanner } from './render.js';
import { browserPolicyFetcher, policyOrigin } from './policy-fetch.js';

performance.mark('mx-doctor:script-start');

const form = byId<HTMLFormElement>('check-form');
const input = byId<HTMLInputElement>('domain-input');
const inputError = byId<HTMLParagraphElement>('input-error');
const siteNote = byId<HTMLParagraphElement>('site-note');
const hostOffer = byId<HTMLButtonElement>('check-host');
const result = byId<HTMLElement>('result');
const settings = byId<HTMLButtonElement>('open-options');

/** The tab the badge belongs to; absent when opened as a page without `tabId`. */
let badgeTabId: number | undefined;
/** Bumped by every check, so a slower earlier check cannot overwrite a later one. */
let generation = 0;

async function activeTab(): Promise<{ url: string | undefined; tabId: number | undefined }> {
  const params = new URLSearchParams(location.search);
  const standIn = params.get('tab');
  if (standIn !== null) {
    const tabId = Number(params.get('tabId'));
    return { url: standIn, tabId: Number.isInteger(tabId) && params.has('tabId') ? tabId : undefined };
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  // Without a click on the toolbar icon (activeTab) the URL is hidden from us: then we ask.
  return { url: tab?.url, tabId: tab?.id };
}

function showLoading(domain: string): (asked: number, answered: number) => void {
  const progress = h('span', { id: 'progress', class: 'loading__progress' }, 'Starting…');
  const bar = h('progress', { id: 'progress-bar', max: 1, value: 0, 'aria-label': 'Lookups answered' });
  result.setAttribute('aria-busy', 'true');
  result.replaceChildren(
    h(
      'div',
      { id: 'verdict', class: 'verdict verdict--loading', 'data-verdict': 'loading' },
      h('span', { class: 'verdict__icon spinner', 'aria-hidden': 'true' }),
      h('div', { class: 'verdict__text' }, h('strong', { class: 'verdict__title' }, 'Checking…'), h('span', { class: 'verdict__domain' }, domain), progress),
    ),
    bar,
    h('div', { class: 'skeleton', 'aria-hidden': 'true' }, h('span'), h('span'), h('span')),
  );
  return (asked, answered) => {
    progress.textContent = `${answered} of ${asked} lookups answered`;
    bar.max = Math.max(asked, 1);
    bar.value = answered;
  };
}

function showReport(report: DomainReport): void {
  const copy = h('button', { id: 'copy-report', type: 'button', class: 'secondary' }, 'Copy report');
  const again = h('button', { id: 'retry', type: 'button', class: report.verdict === 'could-not-check' ? 'primary' : 'secondary' }, report.verdict === 'could-not-check' ? 'Try again' : 'Check again');
  const copied = h('span', { id: 'copy-status', class: 'muted', role: 'status' });
  copy.addEventListener('click', () => {
    navigator.clipboard.writeText(reportMarkdown(report)).then(
      () => (copied.textContent = 'Copied as Markdown.'),
      (error: unknown) => (copied.textContent = `Could not copy: ${String(error)}`),
    );
  });
  again.addEventListener('click', () => void runCheck(report.domain));
  const askPolicy = (): void => {
    const url = report.mtaStsNotFetched;
    if (url === undefined) return;
    // Called straight from the click: browsers grant permissions only from a user action.
    browser.permissions.request({ origins: [policyOrigin(url)] }).then(
      (granted) => {
        if (granted) void runCheck(report.domain);
      },
      () => undefined,
    );
  };
  result.removeAttribute('aria-busy');
  result.replaceChildren(
    verdictBanner(report),
    h('h2', { class: 'section-title' }, REPORT_WORDS.mxSection),
    mxTable(report.mx),
    h('h2', { class: 'section-title' }, REPORT_WORDS.policySection),
    policyLines(report),
    h('h2', { class: 'section-title' }, `${REPORT_WORDS.findingsSection} (${report.findings.length})`),
    findingsList(report.findings),
    h('div', { class: 'actions' }, copy, again, copied),
  );
  result.querySelector('#check-mta-sts')?.addEventListener('click', askPolicy);
}

function showError(domain: string, error: unknown): void {
  const retry = h('button', { id: 'retry', type: 'button', class: 'primary' }, 'Try again');
  retry.addEventListener('click', () => void runCheck(domain));
  result.removeAttribute('aria-busy');
  result.replaceChildren(
    h(
      'div',
      { id: 'verdict', class: 'verdict verdict--error', 'data-verdict': 'error', role: 'alert' },
      h('span', { class: 'verdict__icon', 'aria-hidden': 'true' }, '!'),
      h(
        'div',
        { class: 'verdict__text' },
        h('strong', { class: 'verdict__title' }, 'The check stopped'),
        h('span', { class: 'verdict__domain' }, domain),
        h('span', { id: 'error-detail', class: 'verdict__detail' }, error instanceof Error ? error.message : String(error)),
      ),
    ),
    h('div', { class: 'actions' }, retry),
  );
  retry.focus();
}

async function runCheck(domain: string): Promise<void> {
  const mine = ++generation;
  input.value = domain;
  const onProgress = showLoading(domain);
  try {
    const options = await loadOptions();
    const { resolver } = createResolver({ urls: resolverUrls(options), timeoutMs: options.timeoutMs });
    const counting = new CountingResolver(resolver, ({ asked, answered }) => {
      if (mine === generation) onProgress(asked, answered);
    });
    // The policy host is fetched only with the person's permission for it (asked by the button below).
    const policyGranted = await browser.permissions.contains({ origins: [policyOrigin(`https://mta-sts.${domain}/`)] }).catch(() => false);
    const report = await checkDomain(domain, { resolver: counting, ...(policyGranted && { policyFetcher: browserPolicyFetcher }) });
    if (mine !== generation) return;
    showReport(report);
    performance.mark('mx-doctor:verdict');
    if (badgeTabId !== undefined) {
      const message: VerdictMessage = { type: 'mx-doctor:verdict', tabId: badgeTabId, verdict: report.verdict };
      // The background may be asleep or gone (Firefox reloads); the badge is a nicety.
      browser.runtime.sendMessage(message).catch(() => undefined);
    }
  } catch (error) {
    if (mine === generation) showError(domain, error);
  }
}

function idle(): void {
  result.removeAttribute('aria-busy');
  result.replaceChildren(h('p', { id: 'idle', class: 'muted idle' }, 'Enter a domain, an e-mail address or a URL, then press Enter.'));
  input.focus();
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const parsed = parseDomainInput(input.value);
  if (!parsed.ok) {
    inputError.textContent = parsed.error;
    input.setAttribute('aria-invalid', 'true');
    input.focus();
    return;
  }
  inputError.textContent = '';
  input.removeAttribute('aria-invalid');
  hostOffer.hidden = true;
  // The badge shows the tab's verdict; a typed domain is about something else.
  badgeTabId = undefined;
  void runCheck(parsed.domain);
});

settings.addEventListener('click', () => void browser.runtime.openOptionsPage());

/** Asks the background (which holds the Public Suffix List) which domain the page belongs to. */
async function siteDomainFor(url: string | undefined): Promise<SiteDomain> {
  const request: SiteDomainRequest = { type: 'mx-doctor:site-domain', url };
  try {
    const answer = (await browser.runtime.sendMessage(request)) as SiteDomain | undefined;
    if (answer && (answer.kind === 'domain' || answer.kind === 'none')) return answer;
  } catch {
    // No answer from the background (it failed to start): fall through to the input box.
  }
  return { kind: 'none', reason: "MX Doctor could not work out this page's domain. Type a domain to check it." };
}

async function start(): Promise<void> {
  const tab = await activeTab();
  const site = await siteDomainFor(tab.url);
  if (site.kind === 'none') {
    siteNote.textContent = site.reason;
    siteNote.hidden = false;
    idle();
    return;
  }
  badgeTabId = tab.tabId;
  if (site.host !== undefined) {
    const host = site.host;
    hostOffer.textContent = `Check ${host} instead`;
    hostOffer.hidden = false;
    hostOffer.addEventListener(
      'click',
      () => {
        hostOffer.hidden = true;
        void runCheck(host);
      },
      { once: true },
    );
  }
  await runCheck(site.domain);
}

start().catch((error: unknown) => showError(input.value || 'this tab', error));
