/**
 * A real LSP client for the tests: spawns `mx-doctor lsp --stdio` and talks to it through
 * vscode-languageserver-protocol's `createProtocolConnection` over the child's pipes. The protocol
 * library is a devDependency of @mx-doctor/language-server, so it is loaded from there.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as Protocol from '../../packages/language-server/node_modules/vscode-languageserver-protocol/lib/node/main.js';

const require = createRequire(new URL('../../packages/language-server/package.json', import.meta.url));
export const lsp = require('vscode-languageserver-protocol/node') as typeof Protocol;

export type Diagnostic = Protocol.Diagnostic;
export type PublishDiagnosticsParams = Protocol.PublishDiagnosticsParams;

export const CLI_BIN = fileURLToPath(new URL('../../packages/cli/bin/mx-doctor.cjs', import.meta.url));
export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
/** A fixture's URI; an absolute path is taken as it is. */
export const fixturePath = (name: string) => (isAbsolute(name) ? name : `${FIXTURES}${name}`);
export const fixtureUri = (name: string) => pathToFileURL(fixturePath(name)).href;

export interface StartOptions {
  /** `initializationOptions` (e.g. `{ trusted: false }`). */
  readonly initializationOptions?: Record<string, unknown>;
  /** What the client answers to `workspace/configuration` for section `mxDoctor`. */
  readonly settings?: Record<string, unknown>;
  /** Workspace folders (paths); default none, with the fixtures as `rootUri`. */
  readonly workspaceFolders?: readonly string[];
  /** The `mx-doctor` script to run (default: the workspace's build), e.g. one installed from the npm tarball. */
  readonly bin?: string;
}

export interface LspSession {
  readonly connection: Protocol.ProtocolConnection;
  readonly child: ChildProcessWithoutNullStreams;
  /** Every publication, in arrival order. */
  readonly published: PublishDiagnosticsParams[];
  readonly stderr: () => string;
  /** Opens a fixture (or an absolute path) with `text` or its content on disk; returns its URI. */
  open(name: string, languageId: string, text?: string): string;
  change(uri: string, version: number, changes: Protocol.TextDocumentContentChangeEvent[]): void;
  /** Replaces what the client answers for `mxDoctor` and tells the server (`didChangeConfiguration`). */
  setSettings(settings: Record<string, unknown>): Promise<void>;
  /** Resolves with the first publication for `uri` (after index `from`) that satisfies `test`. */
  waitFor(uri: string, test: (diagnostics: Diagnostic[], params: PublishDiagnosticsParams) => boolean, options?: { from?: number; timeoutMs?: number }): Promise<Diagnostic[]>;
  stop(): Promise<void>;
}

export async function startLsp(options: StartOptions = {}): Promise<LspSession> {
  const child = spawn(process.execPath, [options.bin ?? CLI_BIN, 'lsp', '--stdio'], { stdio: 'pipe' });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const connection = lsp.createProtocolConnection(new lsp.StreamMessageReader(child.stdout), new lsp.StreamMessageWriter(child.stdin));
  const published: PublishDiagnosticsParams[] = [];
  const waiters = new Set<() => void>();
  connection.onNotification(lsp.PublishDiagnosticsNotification.type, (params) => {
    published.push(params);
    for (const wake of [...waiters]) wake();
  });
  let settings = options.settings ?? {};
  connection.onRequest(lsp.ConfigurationRequest.type, (params) => params.items.map((item) => (item.section === 'mxDoctor' ? settings : null)));
  connection.onNotification(lsp.LogMessageNotification.type, () => {});
  connection.listen();
  await connection.sendRequest(lsp.InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(FIXTURES).href,
    workspaceFolders: options.workspaceFolders?.map((path) => ({ uri: pathToFileURL(path).href, name: path })) ?? null,
    capabilities: {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } },
      textDocument: { publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true } },
    },
    initializationOptions: options.initializationOptions ?? {},
  });
  await connection.sendNotification(lsp.InitializedNotification.type, {});

  return {
    connection,
    child,
    published,
    stderr: () => stderr,
    open(name, languageId, text) {
      const uri = fixtureUri(name);
      void connection.sendNotification(lsp.DidOpenTextDocumentNotification.type, {
        textDocument: { uri, languageId, version: 1, text: text ?? readFileSync(fixturePath(name), 'utf8') },
      });
      return uri;
    },
    change(uri, version, contentChanges) {
      void connection.sendNotification(lsp.DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
    },
    async setSettings(next) {
      settings = next;
      await connection.sendNotification(lsp.DidChangeConfigurationNotification.type, { settings: { mxDoctor: next } });
    },
    waitFor(uri, test, { from = 0, timeoutMs = 15_000 } = {}) {
      return new Promise((resolve, reject) => {
        let seen = from;
        const check = () => {
          for (; seen < published.length; seen++) {
            const params = published[seen]!;
            if (params.uri === uri && test(params.diagnostics, params)) {
              waiters.delete(check);
              clearTimeout(timer);
              resolve(params.diagnostics);
              return;
            }
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          const last = [...published].reverse().find((p) => p.uri === uri);
          reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; last: ${JSON.stringify(last?.diagnostics.map((d) => [d.code, d.range.start.line]))}\n${stderr}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    async stop() {
      try {
        await connection.sendRequest(lsp.ShutdownRequest.type);
        await connection.sendNotification(lsp.ExitNotification.type);
      } catch {
        // already gone
      }
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) resolve();
        else {
          const kill = setTimeout(() => child.kill(), 3000);
          child.once('exit', () => {
            clearTimeout(kill);
            resolve();
          });
        }
      });
      connection.dispose();
    },
  };
}

/** A diagnostic reduced to what the tests compare: id, severity, range. */
export function brief(diagnostic: Diagnostic): { code: string; severity: number; range: string } {
  const { start, end } = diagnostic.range;
  return { code: String(diagnostic.code), severity: diagnostic.severity ?? 0, range: `${start.line}:${start.character}-${end.line}:${end.character}` };
}
