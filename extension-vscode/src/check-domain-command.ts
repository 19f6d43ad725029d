/**
 * "MX Doctor: Check domain…": asks for a domain, runs the server's `mxDoctor.checkDomain` command
 * and shows the report as Markdown source in a read-only document (never rendered as HTML).
 */
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import { reportToMarkdown, type DomainReport } from './report-markdown';
import type { LastCheck } from './status-bar';

export const REPORT_SCHEME = 'mx-doctor-report';

/** Read-only documents: a content provider's documents cannot be edited or saved in place. */
export class ReportDocuments implements vscode.TextDocumentContentProvider {
  private readonly contents = new Map<string, string>();
  private count = 0;

  add(domain: string, markdown: string): vscode.Uri {
    this.count += 1;
    const uri = vscode.Uri.from({ scheme: REPORT_SCHEME, path: `/${domain}.md`, query: String(this.count) });
    this.contents.set(uri.toString(), markdown);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }
}

export function registerCheckDomainCommand(
  client: LanguageClient,
  serverCommand: string,
  documents: ReportDocuments,
  /** Told each check's outcome (the status bar shows the last one). */
  onChecked: (check: LastCheck) => void = () => {},
): vscode.Disposable {
  return vscode.commands.registerCommand('mxDoctor.checkDomainPrompt', async (given?: unknown) => {
    const domain =
      typeof given === 'string' && given.trim() !== ''
        ? given.trim()
        : (
            await vscode.window.showInputBox({
              title: 'MX Doctor: Check domain',
              prompt: 'Domain, e-mail address or URL whose mail DNS to check',
              placeHolder: 'example.com',
              ignoreFocusOut: true,
              validateInput: (value) => (value.trim() === '' ? 'Enter a domain name' : undefined),
            })
          )?.trim();
    if (domain === undefined || domain === '') return;
    try {
      const report = (await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `MX Doctor: checking ${domain}…` },
        () => client.sendRequest(ExecuteCommandRequest.type, { command: serverCommand, arguments: [domain] }),
      )) as DomainReport | null | undefined;
      if (report === null || report === undefined || typeof report !== 'object') {
        onChecked({ domain, error: 'no report' });
        void vscode.window.showWarningMessage(`MX Doctor: no report for ${domain}.`);
        return;
      }
      onChecked({ domain: typeof report.domain === 'string' && report.domain !== '' ? report.domain : domain, verdict: String(report.verdict) });
      const uri = documents.add(report.domain || domain, reportToMarkdown(report));
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.languages.setTextDocumentLanguage(document, 'markdown');
      await vscode.window.showTextDocument(document, { preview: false });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      onChecked({ domain, error: message });
      void vscode.window.showErrorMessage(`MX Doctor: could not check ${domain}: ${message}`);
    }
  });
}
