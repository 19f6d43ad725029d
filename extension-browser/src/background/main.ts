/**
 * Background: only the toolbar badge. The popup reports a tab's verdict; we show ✓ / ! / ✕ / ?
 * on that tab's icon and clear it when the tab navigates. No network, no page access here.
 * `status: 'loading'` also marks a navigation and, unlike `url`, is reported without the `tabs`
 * permission, which we do not ask for.
 */
import browser from 'webextension-polyfill';
import { BADGE, isVerdictMessage } from '../shared/messages.js';

browser.runtime.onMessage.addListener((message: unknown) => {
  if (!isVerdictMessage(message)) return undefined;
  const badge = BADGE[message.verdict];
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
