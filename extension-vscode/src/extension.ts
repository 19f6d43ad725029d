/**
 * The VS Code client: starts the bundled language server (`dist/server.js`) over IPC, tells it
 * whether the workspace is trusted, keeps the `mxDoctor.*` settings in sync, registers the
 * "Check domain…" command and shows the status-bar item (live checks on/off, last domain checked).
 * All checking happens in the server.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { ReportDocuments, REPORT_SCHEME, registerCheckDomainCommand } from './check-domain-command';
import { CHECK_DOMAIN_COMMAND, SET_TRUSTED_NOTIFICATION, type SetTrustedParams } from '@mx-doctor/language-server/protocol';
import { documentSelector } from './document-selector';
import { liveChecksTarget, statusBarView, TOGGLE_LIVE_CHECKS_COMMAND, type LastCheck } from './status-bar';

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

  const statusBarItem = vscode.window.createStatusBarItem('mxDoctor.status', vscode.StatusBarAlignment.Right, 100);
  statusBarItem.name = 'MX Doctor';
  let lastCheck: LastCheck | undefined;
  const updateStatusBar = (): void => {
    const view = statusBarView({
      liveChecks: vscode.workspace.getConfiguration('mxDoctor').get<boolean>('liveChecks', true),
      trusted: vscode.workspace.isTrusted,
      lastCheck,
    });
    statusBarItem.text = view.text;
    statusBarItem.tooltip = view.tooltip;
    statusBarItem.command = view.command;
  };
  updateStatusBar();
  statusBarItem.show();

  const documents = new ReportDocuments();
  context.subscriptions.push(
    statusBarItem,
    vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, documents),
    registerCheckDomainCommand(client, CHECK_DOMAIN_COMMAND, documents, (check) => {
      lastCheck = check;
      updateStatusBar();
    }),
    vscode.commands.registerCommand(TOGGLE_LIVE_CHECKS_COMMAND, async () => {
      const configuration = vscode.workspace.getConfiguration('mxDoctor');
      const target = liveChecksTarget(configuration.inspect<boolean>('liveChecks')) === 'workspace' ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
      await configuration.update('liveChecks', !configuration.get<boolean>('liveChecks', true), target);
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      const params: SetTrustedParams = { trusted: true };
      void client?.sendNotification(SET_TRUSTED_NOTIFICATION, params);
      updateStatusBar();
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('mxDoctor.liveChecks')) updateStatusBar();
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
