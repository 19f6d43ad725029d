/**
 * The root zone: `$ORIGIN .` or `--origin .` is the root, not "no origin". Names under it are
 * absolute once the root's empty label is added (`mail` → `mail.`), and every name lies inside it.
 */
import { describe, expect, it } from 'vitest';
import { checkFile, externalTargets } from '../../src/checks/file/check-file.js';
import { fileAliasChain } from '../../src/checks/file/alias-chain.js';
import { readZone } from '../../src/readers/zone/index.js';

const lines = (...text: string[]) => `${text.join('\n')}\n`;

describe('the root zone as origin', () => {
  it('`$ORIGIN .` puts relative names under the root', () => {
    const read = readZone(lines('$ORIGIN .', '$TTL 300', '@ SOA a.root-servers.nil. hostmaster. 1 2 3 4 5', 'mail A 192.0.2.1', 'example MX 10 mail'), { file: 'zone.txt' });
    expect(read.findings).toEqual([]);
    expect(read.origin).toBe('');
    expect(read.records.map((r) => [r.owner, r.origin])).toEqual([
      ['', ''],
      ['mail', ''],
      ['example', ''],
    ]);
  });

  it('an origin given as `.` is the root, and no "no origin" finding is made', () => {
    const read = readZone(lines('$TTL 300', '@ SOA a.root-servers.nil. hostmaster. 1 2 3 4 5', 'mail A 192.0.2.1'), { file: 'zone.txt', origin: '.' });
    expect(read.findings).toEqual([]);
    expect(read.origin).toBe('');
    expect(read.records.map((r) => r.owner)).toEqual(['', 'mail']);
  });

  it('judges every target from the file: all names lie inside the root zone', () => {
    const read = readZone(
      lines(
        '$ORIGIN .',
        '$TTL 300',
        '. SOA a.root-servers.nil. hostmaster. 1 2 3 4 5',
        'mail A 192.0.2.1',
        'example MX 10 mail',
        'example MX 20 nowhere.example',
      ),
      { file: 'zone.txt' },
    );
    expect(externalTargets(read)).toEqual([]);
    const found = checkFile(read).findings;
    expect(found.map((f) => `${f.id} ${f.subject}`)).toEqual(['mx-target-no-address nowhere.example']);
  });

  it('a name under a delegated top-level domain is not this zone\'s to answer', () => {
    const read = readZone(lines('$ORIGIN .', '. SOA a.root-servers.nil. hostmaster. 1 2 3 4 5', 'com NS a.gtld-servers.nil.', 'example MX 10 mx.example.com'), { file: 'zone.txt' });
    expect(checkFile(read).findings.map((f) => f.id)).toEqual(['mx-single']);
  });

  it('a relative target under the root is not `mx-target-relative`: `mail.example.com` means `mail.example.com.`', () => {
    const read = readZone(lines('$ORIGIN .', 'example MX 10 mail.example', 'mail.example A 192.0.2.1'), { file: 'zone.txt' });
    expect(checkFile(read).findings.map((f) => f.id)).toEqual(['mx-single']);
  });

  it('follows a relative CNAME under the root to the name itself, without a stray dot', () => {
    const read = readZone(lines('$ORIGIN .', 'example MX 10 alias.example', 'alias.example CNAME host.example', 'host.example A 192.0.2.1'), { file: 'zone.txt' });
    expect(fileAliasChain(read, 'alias.example')).toEqual(['alias.example', 'host.example']);
    const cname = checkFile(read).findings.find((f) => f.id === 'mx-target-cname');
    expect(cname?.evidence).toBe('alias.example. → CNAME → host.example.');
  });
  it('names the root as "." in the findings about its own MX set', () => {
    const read = readZone(lines('$ORIGIN .', '@ MX 10 mail.example', 'mail.example A 192.0.2.1'), { file: 'zone.txt' });
    const single = checkFile(read).findings.find((f) => f.id === 'mx-single');
    expect(single?.subject).toBe('.');
    expect(single?.message).toMatch(/^\. has a single MX host, mail\.example/);
  });
});
