/**
 * Settings come from the client, which may send anything: each wrong value falls back to its
 * default with a problem the server logs, and the rest are kept.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, normalizeSettings, SETTINGS_SCHEMA } from '../src/settings.js';

describe('normalizeSettings', () => {
  it('gives the schema defaults for nothing', () => {
    expect(normalizeSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
    for (const [key, schema] of Object.entries(SETTINGS_SCHEMA)) {
      expect(DEFAULT_SETTINGS[key.replace('mxDoctor.', '') as keyof typeof DEFAULT_SETTINGS], key).toEqual(schema.default);
    }
  });

  it('keeps good values', () => {
    const given = { liveChecks: false, resolvers: ['https://dns.example/dns-query'], timeoutMs: 1500, smtpProbe: true, smtpPort: 2525, zoneFilePatterns: ['*.zone'] };
    expect(normalizeSettings(given)).toEqual({ settings: given, problems: [] });
  });

  it('falls back per value, saying why', () => {
    const { settings, problems } = normalizeSettings({ liveChecks: 'yes', timeoutMs: 0, smtpPort: 70000, smtpProbe: true, resolvers: ['http://dns.example/dns-query'] });
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, smtpProbe: true });
    expect([...problems].sort()).toEqual([
      'mxDoctor.liveChecks must be true or false',
      expect.stringMatching(/^mxDoctor\.resolvers: http:\/\/dns\.example\/dns-query: .*plain http/),
      'mxDoctor.smtpPort must be a port number from 1 to 65535',
      'mxDoctor.timeoutMs must be a number of milliseconds from 1 to 60000',
    ]);
  });
});
