/**
 * The manifest as typed code: one source, two browsers. Chrome runs the background as a service
 * worker; Firefox (MV3) wants `background.scripts` and a gecko id with data-collection consent.
 * Everything else (permissions, CSP, icons) is shared, so the two cannot drift apart.
 */

export type Browser = 'chrome' | 'firefox';

/** DoH resolvers the extension may reach without asking: the shipped defaults only. */
export const DEFAULT_RESOLVER_HOSTS = ['https://cloudflare-dns.com/*', 'https://dns.google/*', 'https://dns.quad9.net/*'] as const;

export const GECKO_ID = 'mx-doctor@mx-doctor.dev';

export const ICON_SIZES = [16, 32, 48, 128] as const;

export interface ManifestInput {
  readonly browser: Browser;
  readonly version: string;
}

export function buildManifest({ browser, version }: ManifestInput): Record<string, unknown> {
  const icons = Object.fromEntries(ICON_SIZES.map((size) => [String(size), `icons/icon-${size}.png`]));
  return {
    manifest_version: 3,
    name: 'MX Doctor',
    short_name: 'MX Doctor',
    version,
    description: "Checks the current site's mail DNS (MX, SPF, DMARC) in one click.",
    icons,
    action: {
      default_title: "MX Doctor: check this site's mail DNS",
      default_popup: 'popup.html',
      default_icon: icons,
      ...(browser === 'firefox' && { default_area: 'navbar' }),
    },
    options_ui: { page: 'options.html', open_in_tab: false },
    background: browser === 'chrome' ? { service_worker: 'background.js' } : { scripts: ['background.js'] },
    permissions: ['activeTab', 'storage'],
    host_permissions: [...DEFAULT_RESOLVER_HOSTS],
    // A custom resolver's origin is asked for when the user saves it in the options.
    optional_host_permissions: ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'],
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'",
    },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: GECKO_ID,
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['none'] },
        },
        // data_collection_permissions arrived in Firefox 140 (desktop) and 142 (Android).
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  };
}
