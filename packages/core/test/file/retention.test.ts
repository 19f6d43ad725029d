/**
 * What the file checks remember between runs (the last host asked about, the SPF texts known to be
 * clean) must not keep the file's text alive: an editor's language server checks document after
 * document, and V8 keeps a string cut from another as a view of the whole.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { checkFile } from '../../src/checks/file/check-file.js';
import { readZone } from '../../src/readers/zone/index.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** A zone of about `megabytes` MB: MX RRsets with long target names, SPF, padding in comments. */
function zoneText(megabytes: number): string {
  const lines = ['$ORIGIN example.com.', '$TTL 3600'];
  const padding = `; ${'x'.repeat(200)}`;
  for (let i = 0; lines.length * 230 < megabytes * 1e6; i++) {
    lines.push(`sub${i} MX 10 inbound-mail-host-${i}.example.net.`, `sub${i} TXT "v=spf1 include:_spf.example.net -all"`, padding);
  }
  return lines.join('\n');
}

function heapMiB(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

describe('the file checks keep nothing of a file once its results are dropped', () => {
  it('heap back where it was after checking a 20 MB zone', () => {
    checkFile(readZone(zoneText(1), { file: 'db.example.com' }), { keepMxSets: false }); // warm up
    const before = heapMiB();
    (() => {
      const text = zoneText(20);
      const { findings } = checkFile(readZone(text, { file: 'db.example.com' }), { keepMxSets: false });
      expect(findings.length).toBeGreaterThan(1000);
    })();
    expect(heapMiB() - before).toBeLessThan(4);
  });
});
