/**
 * One rule for which files are zone files or Terraform: `mx-doctor lint <dir>`'s directory search
 * and the editor's document kind (with the default `mxDoctor.zoneFilePatterns`, a document opened
 * as plain text) must claim the same files, judged on the same names and contents.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findZoneAndTerraformFiles } from '@mx-doctor/node-files';
import { documentKind } from '../src/documents.js';
import { DEFAULT_SETTINGS } from '../src/settings.js';

const ZONE = '$ORIGIN example.com.\n$TTL 3600\n@ IN SOA ns1 hostmaster 1 7200 3600 1209600 300\n@ IN MX 10 mx1\n';
const SQLITE = 'SQLite format 3\0\u0010\u0000\u0001\u0001binary';

/** File name, content, and what both must make of it. */
const TABLE: readonly (readonly [string, string, 'zone' | 'terraform' | undefined])[] = [
  ['db.example.com', ZONE, 'zone'],
  ['example.com.zone', ZONE, 'zone'],
  ['EXAMPLE.COM.ZONE', ZONE, 'zone'],
  ['zones.db', SQLITE, undefined],
  ['zones.db', ZONE, 'zone'],
  ['db.sqlite3', SQLITE, undefined],
  ['db.py', 'import sqlite3\nconn = sqlite3.connect("app.db")\n', undefined],
  ['example.com.signed', ZONE, 'zone'],
  ['10.in-addr.arpa.rev', ZONE, 'zone'],
  ['localhost.hosts', ZONE, 'zone'],
  ['named.root', '.  3600000 IN NS A.ROOT-SERVERS.NET.\n', 'zone'],
  ['broken.zone', `${ZONE}\0\0\0`, undefined],
  ['main.tf', 'resource "aws_route53_record" "mx" {}\n', 'terraform'],
  ['named.conf', 'zone "example.com" { type master; file "db.example.com"; };\n', undefined],
  ['README.md', '# Zones\n\n$ORIGIN example.com.\n', undefined],
  ['zone.txt', ZONE, undefined],
];

describe('the CLI and the editor claim the same files', () => {
  it.each(TABLE.map(([name, text, kind], index) => [name, index, text, kind] as const))('%s (#%i)', (name, index, text, kind) => {
    const dir = mkdtempSync(join(tmpdir(), 'mxd-kinds-'));
    const path = join(dir, name);
    writeFileSync(path, text);
    const cli = findZoneAndTerraformFiles(dir).map((file) => [basename(file.path), file.kind]);
    const editor = documentKind({ uri: pathToFileURL(path).href, languageId: 'plaintext', text }, DEFAULT_SETTINGS.zoneFilePatterns);
    expect({ cli, editor }, `row ${index}`).toEqual({ cli: kind === undefined ? [] : [[name, kind]], editor: kind });
  });
});
