/** Where the VS Code extension lives, and modules resolved from its own dependencies. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const EXTENSION_DIR = fileURLToPath(new URL('../../extension-vscode/', import.meta.url));
export const WORKSPACE_DIR = fileURLToPath(new URL('../../', import.meta.url));
export const VSIX_PATH = process.env['MX_DOCTOR_VSIX'] ?? `${EXTENSION_DIR}dist/mx-doctor.vsix`;

/** `require` as the extension package sees it (its devDependencies are not the test package's). */
export const extensionRequire = createRequire(`${EXTENSION_DIR}package.json`);

/** Imports an ESM package from the extension's dependencies. */
export async function importFromExtension<T>(specifier: string): Promise<T> {
  return (await import(pathToFileURL(extensionRequire.resolve(specifier)).href)) as T;
}

/**
 * Builds and packages the extension as CI would (`pnpm --filter mx-doctor build` then `package`),
 * unless MX_DOCTOR_VSIX names an already built file.
 */
export function ensureVsix(): string {
  if (process.env['MX_DOCTOR_VSIX'] !== undefined) {
    if (!existsSync(VSIX_PATH)) throw new Error(`MX_DOCTOR_VSIX=${VSIX_PATH} does not exist`);
    return VSIX_PATH;
  }
  for (const script of ['build', 'package']) {
    execFileSync('pnpm', ['--filter', 'mx-doctor', script], { cwd: WORKSPACE_DIR, stdio: 'pipe', timeout: 240_000 });
  }
  return VSIX_PATH;
}

/** The extension's Markdown report renderer (`src/report-markdown.ts`, no `vscode` import), loaded from source. */
export async function loadReportMarkdown(): Promise<{ reportToMarkdown(report: unknown): string }> {
  // A computed specifier: the test type-check does not pull the extension's source into its program.
  const file = `${EXTENSION_DIR}src/report-markdown.ts`;
  return (await import(pathToFileURL(file).href)) as { reportToMarkdown(report: unknown): string };
}

/** Markdown → HTML with markdown-it, raw HTML enabled (the worst case for injected markup). */
export function renderMarkdown(markdown: string): string {
  const MarkdownIt = extensionRequire('markdown-it') as new (options: { html: boolean; linkify: boolean }) => { render(text: string): string };
  return new MarkdownIt({ html: true, linkify: true }).render(markdown);
}
