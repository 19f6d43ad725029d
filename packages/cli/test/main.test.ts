import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { internalError, main, type Io } from '../src/main.js';

/** An io whose stdout fails as a full disk would, and whose stderr is kept. */
function failingIo(): Io & { err: () => string } {
  let err = '';
  const stdout = {
    isTTY: false,
    write: () => {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    },
  };
  const stderr = { isTTY: false, write: (text: string) => ((err += text), true) };
  return { stdout: stdout as unknown as NodeJS.WriteStream, stderr: stderr as unknown as NodeJS.WriteStream, err: () => err };
}

describe('main: an internal error exits 3 with one line', () => {
  it('a failing stdout during lint is an internal error (status 3), not "errors found" (1)', async () => {
    const io = failingIo();
    const zone = fileURLToPath(new URL('../../../test/lint/fixtures/faults.zone', import.meta.url));
    const code = await main(['lint', '--format', 'json', zone], io);
    expect(code).toBe(3);
    expect(io.err()).toBe('mx-doctor: internal error: ENOSPC: no space left on device, write\n');
  });

  it('and --version too', async () => {
    const io = failingIo();
    expect(await main(['--version'], io)).toBe(3);
    expect(io.err()).toMatch(/^mx-doctor: internal error: ENOSPC: /);
  });

  it('shows the stack only with MXD_DEBUG=1, and a multi-line message as its first line', () => {
    const io = failingIo();
    const error = new RangeError('Maximum call stack size exceeded\nsecond line');
    expect(internalError(error, io, {})).toBe(3);
    expect(io.err()).toBe('mx-doctor: internal error: Maximum call stack size exceeded\n');
    const debug = failingIo();
    internalError(error, debug, { MXD_DEBUG: '1' });
    expect(debug.err()).toMatch(/^mx-doctor: internal error: Maximum call stack size exceeded\nRangeError: Maximum call stack size exceeded\nsecond line\n    at /);
  });
});
