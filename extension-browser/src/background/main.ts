/**
 * Background: the toolbar badge, and the page → domain question. The popup reports a tab's
 * verdict; we show ✓ / ! / ✕ / ? on that tab's icon and clear it when the tab navigates. The popup
 * also asks here which domain a page belongs to: the Public Suffix List is loaded here, once, not
 * on every popup open. No network, no page access here.
 * `status: 'loading'` also marks a navigation and, unlike `url`, is reported without the `tabs`
 * permission, which we do not ask for.
 */
import browser from 'webextension-polyfill';
import { badgeFor, isSiteDomainRequest, isVerdictMessage } from '../shared/messages.js';
import { siteDomainOf } from '../shared/site-domain.js';

browser.runtime.onMessage.addListener((message: unknown) => {
  if (isSiteDomainRequest(message)) return Promise.resolve(siteDomainOf(message.url));
  if (!isVerdictMessage(message)) return undefined;
  const badge = badgeFor(message.verdict);
  if (badge === undefined) return undefined;
  return Promise.all([
    browser.action.setBadgeText({ tabId: message.tabId, text: badge.text }),
    browser.action.setBadgeBackgroundColor({ tabId: message.tabId, color: badge.color }),
  ]).then(() => true);
});

browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
  if (changeInfo.url !== undefined || changeInfo.status === 'loading') {
    void browser.action.setBadgeText({ tabId, text: '' });
  }
});
