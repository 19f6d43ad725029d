// Copies the repository, homepage and bugs fields of the workspace's root package.json (the one
// place the project's URL is written) into this manifest; `directory` says where the extension
// lives in the repository. test/vscode/publish-ready.test.ts checks the two agree.
// Run after changing the root fields: `pnpm --filter mx-doctor sync-repository`.
import { readFile, writeFile } from 'node:fs/promises';

export const EXTENSION_DIRECTORY = 'extension-vscode';

/** The extension's repository, homepage and bugs fields, derived from the root manifest's. */
export function repositoryFields(root) {
  const { repository, homepage, bugs } = root;
  if (typeof repository?.url !== 'string' || typeof homepage !== 'string' || typeof bugs?.url !== 'string') {
    throw new Error('the root package.json needs repository.url, homepage and bugs.url');
  }
  return { repository: { ...repository, directory: EXTENSION_DIRECTORY }, homepage, bugs };
}

if (process.argv[1] !== undefined && import.meta.url === (await import('node:url')).pathToFileURL(process.argv[1]).href) {
  const root = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8'));
  const file = new URL('../package.json', import.meta.url);
  const manifest = JSON.parse(await readFile(file, 'utf8'));
  Object.assign(manifest, repositoryFields(root));
  await writeFile(file, JSON.stringify(manifest, null, 2) + '\n');
  console.log(`copied repository ${manifest.repository.url} into package.json`);
}
