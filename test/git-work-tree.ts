/**
 * A temporary folder that is a git work tree (a `.git` folder is what the CLI and the language
 * server look for: the report paths' root, the end of the `.mx-doctor.json` walk), holding `files`
 * (paths relative to it, folders made as needed). No configuration above it can leak in.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export function gitWorkTree(prefix: string, files: Readonly<Record<string, string>>): string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  mkdirSync(join(root, '.git'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}
