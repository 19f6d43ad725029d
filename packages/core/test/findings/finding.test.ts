import { describe, expect, it } from 'vitest';
import { finding, placedAt, plainFinding, type SourceRange } from '../../src/findings/finding.js';
import { mxSamePriorityCheck } from '../../src/checks/mx/mx-same-priority.js';
import { mxSingle } from '../../src/checks/mx/mx-single.js';

const range = (line: number): SourceRange => ({ file: 'db.example.com', start: { line, character: 0 }, end: { line, character: 9 } });

describe('placedAt', () => {
  const eager = finding(mxSamePriorityCheck, {
    message: 'example.com sends mail to mx.example.net.',
    subject: 'example.com',
    evidence: 'MX 10 mx.example.net.',
    fix: 'Fix example.com.',
    range: range(3),
  });

  it('copies a finding with the new range and leaves the original where it was', () => {
    const plainMoved = placedAt(eager, range(8));
    expect(plainMoved).toEqual({ ...eager, range: range(8) });
    expect(eager.range).toEqual(range(3));
  });
});

describe('mx-single', () => {
  it('names the one host, its record and a backup to add', () => {
    const [found] = mxSingle('example.com', [{ preference: 10, exchange: 'mail.example.com', ttl: 300 }]);
    expect(plainFinding(found!)).toEqual({
      id: 'mx-single',
      severity: 'warning',
      message: "example.com has a single MX host, mail.example.com: while it is down, mail waits in senders' queues and may bounce.",
      subject: 'example.com',
      evidence: 'MX 10 mail.example.com.',
      fix: "Add a backup host at a higher preference, e.g. `example.com. MX 20 mx2.example.com.`, or use your provider's full documented MX set.",
    });
  });
});
