/**
 * A zone folder whose zone file `$INCLUDE`s every kind of hostile path (issue #13), for the lint
 * and language-server tests alike: a secret, /proc, a device, a FIFO, a symbolic link out, `..`,
 * and an absolute path inside the folder (the one include that must be read). Made fresh in a
 * temporary folder per call; line numbers (0-based) of each include are in `lines`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SECRET_FILE = existsSync('/etc/shadow') ? '/etc/shadow' : '/etc/passwd';

/** Text only the refused files hold: none of it may show in any output. */
export const OUTSIDE_TEXT = 'SECRET-OUTSIDE-TEXT';

export function hostileIncludeZone(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const zones = join(dir, 'zones');
  mkdirSync(zones);
  writeFileSync(join(dir, 'outside.zone'), `${OUTSIDE_TEXT} IN TXT "leak"\n`);
  writeFileSync(join(zones, 'inside.inc'), 'inside IN MX 10 192.0.2.2\n');
  symlinkSync(join(dir, 'outside.zone'), join(zones, 'link-out.inc'));
  const fifo = spawnSync('mkfifo', [join(zones, 'pipe.inc')]);
  if (fifo.status !== 0) throw new Error(`mkfifo failed: ${fifo.stderr.toString()}`);
  const includes = {
    secret: SECRET_FILE,
    environ: '/proc/self/environ',
    zero: '/dev/zero',
    fifo: 'pipe.inc',
    link: 'link-out.inc',
    parent: '../outside.zone',
    inside: join(zones, 'inside.inc'),
  };
  const zone = join(zones, 'db.hostile.test');
  writeFileSync(zone, ['$ORIGIN hostile.test.', '@ IN MX 10 192.0.2.1', ...Object.values(includes).map((path) => `$INCLUDE ${path}`), ''].join('\n'));
  const lines = Object.fromEntries(Object.keys(includes).map((key, i) => [key, i + 2])) as Record<keyof typeof includes, number>;
  return { dir, zones, zone, lines };
}
