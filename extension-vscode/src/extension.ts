/**
 * The VS Code client: starts the bundled language server (`dist/server.js`) over IPC, tells it
 * whether the workspace is trusted, keeps the `mxDoctor.*` settings in sync and registers the
 * "Check domain…" command. All checking happens in the server.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { ReportDocuments, REPORT_SCHEME, registerCheckDomainCommand } from './check-domain-command';
import { CHECK_DOMAIN_COMMAND, SET_TRUSTED_NOTIFICATION, type SetTrustedParams } from '@mx-doctor/language-server/protocol';
import { documentSelector } from './document-selector';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(vscode.workspace.getConfiguration('mxDoctor').get<string[]>('zoneFilePatterns')),
    initializationOptions: { trusted: vscode.workspace.isTrusted },
    synchronize: { configurationSection: 'mxDoctor' },
  };
  client = new LanguageClient('mxDoctor', 'MX Doctor', serverOptions, clientOptions);

  const documents = new ReportDocuments();
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, documents),
    registerCheckDomainCommand(client, CHECK_DOMAIN_COMMAND, documents),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      const params: SetTrustedParams = { trusted: true };
      void client?.sendNotification(SET_TRUSTED_NOTIFICATION, params);
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      // The selector is fixed when the client starts; a new pattern list needs a restart.
      if (event.affectsConfiguration('mxDoctor.zoneFilePatterns')) {
        void vscode.window
          .showInformationMessage('MX Doctor: zone file patterns changed. Reload the window to apply them.', 'Reload')
          .then((choice) => choice === 'Reload' && vscode.commands.executeCommand('workbench.action.reloadWindow'));
      }
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
