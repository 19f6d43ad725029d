/**
 * A loopback stand-in for Open VSX's publish endpoint (`POST /api/-/publish?token=…`), so the real
 * `ovsx publish` runs end to end without publishing anything: it reads the uploaded `.vsix`'s
 * manifest with ovsx's own reader, applies the publish-time rules (publish-checks.ts) and answers
 * as Open VSX does: the extension's JSON, or `{ "error": … }` with status 400.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extensionRequire } from './extension-paths.js';
import { publishIssues, type PublishManifest } from './publish-checks.js';

const MAX_UPLOAD_BYTES = 32 * 1024 * 1024;

export interface Upload {
  readonly token: string | null;
  readonly bytes: Buffer;
}

export interface StandInRegistry {
  readonly url: string;
  readonly uploads: Upload[];
  close(): Promise<void>;
}

export async function startStandInRegistry(): Promise<StandInRegistry> {
  const { readVSIXPackage } = extensionRequire('ovsx/lib/zip') as { readVSIXPackage(file: string): Promise<PublishManifest> };
  const work = mkdtempSync(join(tmpdir(), 'mx-doctor-open-vsx-'));
  const uploads: Upload[] = [];
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const answer = (status: number, body: unknown): void => {
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (request.method !== 'POST' || url.pathname !== '/api/-/publish') return answer(404, { error: `no such endpoint: ${request.method} ${url.pathname}` });
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_UPLOAD_BYTES) {
        answer(413, { error: 'upload too large' });
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      const bytes = Buffer.concat(chunks);
      uploads.push({ token: url.searchParams.get('token'), bytes });
      const file = join(work, `upload-${uploads.length}.vsix`);
      writeFileSync(file, bytes);
      readVSIXPackage(file).then(
        (manifest) => {
          const issues = publishIssues(manifest);
          if (issues.length > 0) return answer(400, { error: issues.join('; ') });
          answer(201, { namespace: manifest['publisher'], name: manifest['name'], version: manifest['version'], targetPlatform: 'universal' });
        },
        (error: unknown) => answer(400, { error: `not a VSIX: ${error instanceof Error ? error.message : String(error)}` }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address !== 'object') throw new Error('stand-in registry has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    uploads,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        rmSync(work, { recursive: true, force: true });
      }),
  };
}
