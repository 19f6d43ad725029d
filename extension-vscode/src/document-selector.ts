/**
 * Which documents the server sees. Zone files: the `dns-zone` language this extension contributes
 * (`*.zone`, `db.*`, and `*.db` only when its first line looks like a zone file, so SQLite
 * databases are not claimed) plus the `mxDoctor.zoneFilePatterns` setting. Terraform: the
 * `terraform` language id of HashiCorp's extension, or `*.tf` by pattern when it is not installed.
 */
import type { DocumentSelector } from 'vscode-languageclient/node';

// The server's default (SETTINGS_SCHEMA, from node-files' ZONE_FILE_PATTERNS): VS Code passes that one; this is the fallback.
export const DEFAULT_ZONE_FILE_PATTERNS = ['*.zone', 'db.*', '*.db', '*.signed', '*.rev', '*.hosts', 'named.root'];

export function documentSelector(zoneFilePatterns: readonly string[] = DEFAULT_ZONE_FILE_PATTERNS): DocumentSelector {
  const selector: DocumentSelector = [
    { language: 'dns-zone' },
    { language: 'terraform' },
    { scheme: 'file', pattern: '**/*.tf' },
  ];
  for (const pattern of zoneFilePatterns) {
    if (pattern.trim() === '') continue;
    selector.push({ scheme: 'file', pattern: pattern.includes('/') ? pattern : `**/${pattern}` });
  }
  return selector;
}
