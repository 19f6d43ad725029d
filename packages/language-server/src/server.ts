/**
 * The MX Doctor language server: wires the LSP connection to the feature modules (documents,
 * checker, hover, code actions, symbols, settings, live cache). Editor-independent: any client
 * that speaks LSP over stdio or Node IPC can use it.
 */
import { getDomain } from 'tldts';
import { useRegistrableDomain } from '@mx-doctor/core';
import { join } from 'node:path';
import type { TerraformReader } from '@mx-doctor/terraform';
import { createTerraformReader } from '@mx-doctor/terraform';
import { CodeActionKind, DidChangeWatchedFilesNotification, TextDocumentSyncKind, TextDocuments, type Connection, type InitializeResult } from 'vscode-languageserver';
import { PROJECT_CONFIG_NAME } from '@mx-doctor/node-files';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Checker } from './checker.js';
import { codeActionsFor } from './code-actions.js';
import { runCheckDomain } from './commands.js';
import { SettingsStore } from './configuration.js';
import { fileOfUri } from './documents.js';
import { hoverAt } from './hover.js';
import { LiveTargets } from './live-cache.js';
import { CHECK_DOMAIN_COMMAND, SET_TRUSTED_NOTIFICATION, type InitializationOptions, type SetTrustedParams } from './protocol.js';
import { SmtpProbes } from './smtp.js';
import { documentSymbols } from './symbols.js';

export interface ServerOptions {
  /** Directory holding `web-tree-sitter.wasm` and `tree-sitter-terraform.wasm` (for bundles); default: the installed packages. */
  readonly wasmDir?: string;
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  // The checks group unrecognised MX hosts by registrable domain: give them the Public Suffix List.
  useRegistrableDomain((host) => getDomain(host, { allowPrivateDomains: false }));
  const documents = new TextDocuments(TextDocument);
  const live = new LiveTargets();
  const smtp = new SmtpProbes();
  let settings: SettingsStore | undefined;
  // Settings are pulled from the client after `initialized`; nothing runs before they are in.
  let markReady: () => void = () => {};
  const settingsReady = new Promise<void>((resolve) => (markReady = resolve));
  // Clients with no trust model (Neovim, Helix, Emacs, …) trust what they open: default true.
  // VS Code passes `trusted: false` in Restricted Mode and `mxDoctor/setTrusted` once trust is granted.
  let trusted = true;
  let reader: Promise<TerraformReader> | undefined;
  const terraformReader = () => {
    reader ??= createTerraformReader(
      options.wasmDir === undefined
        ? {}
        : { treeSitterWasm: join(options.wasmDir, 'web-tree-sitter.wasm'), grammarWasm: join(options.wasmDir, 'tree-sitter-terraform.wasm') },
    );
    reader.catch(() => (reader = undefined));
    return reader;
  };
  let workspaceFolders: readonly string[] = [];
  let canWatchFiles = false;
  const checker = new Checker({ connection, documents, settings: () => settings!.get(), ready: () => settingsReady, trusted: () => trusted, live, smtp, terraformReader, workspaceFolders: () => workspaceFolders });

  connection.onInitialize((params): InitializeResult => {
    const init = (params.initializationOptions ?? {}) as InitializationOptions;
    if (typeof init.trusted === 'boolean') trusted = init.trusted;
    // `rootUri` is what older clients send instead of folders (LSP 3.6).
    const folderUris = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    workspaceFolders = folderUris.filter((uri) => uri.startsWith('file:')).map(fileOfUri);
    settings = new SettingsStore(connection, params.capabilities.workspace?.configuration === true, init.settings);
    canWatchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        documentSymbolProvider: true,
        executeCommandProvider: { commands: [CHECK_DOMAIN_COMMAND] },
      },
      serverInfo: { name: 'mx-doctor', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    void settings!.refresh().finally(markReady);
    // A changed .mx-doctor.json re-checks the open documents at once (each analysis also checks its
    // modification time, for clients that cannot watch files).
    if (canWatchFiles) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${PROJECT_CONFIG_NAME}` }] });
  });
  connection.onDidChangeWatchedFiles((change) => {
    if (change.changes.some((event) => event.uri.endsWith(`/${PROJECT_CONFIG_NAME}`))) checker.refreshAll();
  });
  connection.onDidChangeConfiguration((change) => {
    void settingsReady.then(() => settings!.refresh(change.settings)).then(() => checker.refreshAll());
  });
  connection.onNotification(SET_TRUSTED_NOTIFICATION, (params: SetTrustedParams) => {
    if (typeof params?.trusted !== 'boolean' || params.trusted === trusted) return;
    trusted = params.trusted;
    checker.refreshAll();
  });

  // Fires on open as well as on every change: the first run after a pause starts at once.
  documents.onDidChangeContent((event) => checker.schedule(event.document.uri, 'change'));
  documents.onDidClose((event) => checker.close(event.document.uri));

  connection.onHover((params) => {
    const view = checker.viewFor(params.textDocument.uri);
    return view ? hoverAt(view, fileOfUri(params.textDocument.uri), params.position) : null;
  });
  connection.onCodeAction((params) => {
    const document = documents.get(params.textDocument.uri);
    const view = checker.viewFor(params.textDocument.uri);
    if (!document || !view) return [];
    return codeActionsFor(document, fileOfUri(document.uri), params.context.diagnostics, view, view.liveTargets, checker.kindOf(document) ?? view.analysis.kind);
  });
  connection.onDocumentSymbol((params) => {
    const view = checker.viewFor(params.textDocument.uri);
    return view ? documentSymbols(view.read, fileOfUri(params.textDocument.uri)) : [];
  });
  connection.onExecuteCommand(async (params) => {
    if (params.command !== CHECK_DOMAIN_COMMAND) return null;
    await settingsReady;
    return runCheckDomain(params.arguments, settings!.get(), trusted, live);
  });

  documents.listen(connection);
  connection.listen();
}
