/**
 * Options: which DoH resolver to ask and how long to wait. A custom resolver is validated with the
 * core's rules (https, or http on loopback) and its origin is requested as an optional host
 * permission at save time, so the extension never holds access it was not given for a reason.
 */
import browser from 'webextension-polyfill';
import { validateResolverUrl } from '@mx-doctor/core';
import { byId } from '../shared/dom.js';
import { loadOptions, normalizeOptions, originPattern, saveOptions, type ResolverChoice } from '../shared/options.js';

const form = byId<HTMLFormElement>('options-form');
const customUrl = byId<HTMLInputElement>('custom-url');
const customError = byId<HTMLParagraphElement>('custom-error');
const timeout = byId<HTMLInputElement>('timeout');
const status = byId<HTMLSpanElement>('save-status');

function radios(): HTMLInputElement[] {
  return [...form.querySelectorAll<HTMLInputElement>('input[name="resolver"]')];
}

function chosen(): ResolverChoice {
  return (radios().find((radio) => radio.checked)?.value ?? 'cloudflare') as ResolverChoice;
}

function syncCustom(): void {
  customUrl.disabled = chosen() !== 'custom';
}

async function fill(): Promise<void> {
  const options = await loadOptions();
  for (const radio of radios()) radio.checked = radio.value === options.resolver;
  customUrl.value = options.customUrl;
  timeout.value = String(options.timeoutMs);
  syncCustom();
  // The stored options are shown: until then the radios are all unchecked (tests wait for this).
  form.dataset['loaded'] = 'true';
}

form.addEventListener('change', syncCustom);

form.addEventListener('submit', (event) => {
  event.preventDefault();
  status.textContent = '';
  customError.textContent = '';
  const resolver = chosen();
  const url = customUrl.value.trim();
  if (resolver === 'custom') {
    const problem = validateResolverUrl(url);
    if (problem !== undefined) {
      customError.textContent = problem;
      customUrl.setAttribute('aria-invalid', 'true');
      customUrl.focus();
      return;
    }
    customUrl.removeAttribute('aria-invalid');
  }
  // permissions.request must run inside the click's user gesture: no await before it.
  const granted: Promise<boolean> =
    resolver === 'custom' ? browser.permissions.request({ origins: [originPattern(url)] }) : Promise.resolve(true);
  granted
    .then(async (ok) => {
      if (!ok) {
        customError.textContent = `Access to ${new URL(url).host} was not allowed; the setting was not saved.`;
        return;
      }
      const options = normalizeOptions({ resolver, customUrl: url, timeoutMs: Number(timeout.value) });
      await saveOptions(options);
      timeout.value = String(options.timeoutMs);
      status.textContent = 'Saved.';
    })
    .catch((error: unknown) => {
      customError.textContent = `Could not save: ${error instanceof Error ? error.message : String(error)}`;
    });
});

void fill();
