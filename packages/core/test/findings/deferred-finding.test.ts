import { describe, expect, it } from 'vitest';
import { deferredFinding, finding, placedAt, plainFinding, type FindingWriter, type SourceRange } from '../../src/findings/finding.js';
import { mxSingle } from '../../src/checks/mx/mx-single.js';

const range = (line: number): SourceRange => ({ file: 'db.example.com', start: { line, character: 0 }, end: { line, character: 9 } });

interface Facts {
  readonly host: string;
}

let writes = 0;
const WRITER: FindingWriter<Facts> = {
  message: (subject, facts) => {
    writes++;
    return `${subject} sends mail to ${facts.host}.`;
  },
  evidence: (_subject, facts) => `MX 10 ${facts.host}.`,
  fix: (subject) => `Fix ${subject}.`,
};

describe('deferredFinding', () => {
  const deferred = deferredFinding('mx-same-priority', 'example.com', range(3), WRITER, { host: 'mx.example.net' });
  const eager = finding('mx-same-priority', {
    message: 'example.com sends mail to mx.example.net.',
    subject: 'example.com',
    evidence: 'MX 10 mx.example.net.',
    fix: 'Fix example.com.',
    range: range(3),
  });

  it('reads like the finding built at once: texts from the writer, severity and rule from the catalogue', () => {
    expect(deferred.message).toBe(eager.message);
    expect(deferred.evidence).toBe(eager.evidence);
    expect(deferred.fix).toBe(eager.fix);
    expect([deferred.id, deferred.severity, deferred.rfc, deferred.subject, deferred.range]).toEqual([eager.id, eager.severity, eager.rfc, eager.subject, eager.range]);
    // The rule must be a real one, or comparing it above compares undefined with undefined.
    expect(eager.rfc).toBe('RFC 5321 §5.1');
  });

  it('is the same JSON, field for field and in the same order', () => {
    expect(JSON.stringify(deferred, null, 2)).toBe(JSON.stringify(eager, null, 2));
    expect(JSON.stringify(plainFinding(deferred))).toBe(JSON.stringify(eager));
    expect(plainFinding(deferred)).toEqual(eager);
  });

  it('writes its texts when they are read, not before', () => {
    const before = writes;
    const again = deferredFinding('mx-same-priority', 'example.org', undefined, WRITER, { host: 'mx.example.org' });
    expect(writes).toBe(before);
    expect(again.message).toBe('example.org sends mail to mx.example.org.');
    expect(writes).toBe(before + 1);
  });

  it('leaves out what the writer does not write, and a range it was not given', () => {
    const bare = deferredFinding('mx-single', 'example.com', undefined, { message: () => 'one host' }, null);
    expect(plainFinding(bare)).toEqual({ id: 'mx-single', severity: 'warning', message: 'one host', subject: 'example.com' });
    expect(Object.keys(JSON.parse(JSON.stringify(bare)))).toEqual(['id', 'severity', 'message', 'subject']);
  });

  it('is moved by placedAt and stays deferred; a plain finding is copied with the new range', () => {
    const moved = placedAt(deferred, range(7));
    expect(moved.range).toEqual(range(7));
    expect(deferred.range).toEqual(range(3));
    expect(plainFinding(moved)).toEqual({ ...eager, range: range(7) });
    expect(Object.getPrototypeOf(moved)).toBe(Object.getPrototypeOf(deferred));
    const plainMoved = placedAt(eager, range(8));
    expect(plainMoved).toEqual({ ...eager, range: range(8) });
    expect(eager.range).toEqual(range(3));
  });
});

describe('mx-single, written when read', () => {
  it('says what it said when it was written at once', () => {
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
