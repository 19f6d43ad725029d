#!/usr/bin/env node
// The `mx-doctor-lint` pre-commit hook (.pre-commit-hooks.yaml): builds the CLI in pre-commit's
// clone of this repository on first use (build-cli.sh), then runs `mx-doctor lint` on the files
// pre-commit passes, after the hook's `args`. The hook's `files` pattern picks files by name;
// names that databases and source files share with zone files (`db.*`, `*.db`: `db.py`,
// `cache.db`) are kept only when their start reads like a zone file, as `mx-doctor lint <dir>`
// judges them, so a commit of `db.py` is not linted as a zone.
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const build = spawnSync('bash', [join(root, 'scripts', 'ci', 'build-cli.sh')], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 3);

const { fileKind, readFileHead } = await import(join(root, 'packages', 'node-files', 'dist', 'index.js'));
const isFile = (path) => {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
};
const args = process.argv.slice(2);
// pre-commit passes the hook's args first, then file names: an argument that is a file of no
// kind the CLI lints is left out; everything else (options, their values) is passed on.
const kept = args.filter((arg) => arg.startsWith('-') || !isFile(arg) || fileKind(basename(arg), () => readFileHead(arg)) !== undefined);
const files = kept.filter((arg) => !arg.startsWith('-') && isFile(arg));
if (args.some(isFile) && files.length === 0) process.exit(0); // only look-alikes were staged

const lint = spawnSync(process.execPath, [join(root, 'packages', 'cli', 'bin', 'mx-doctor.cjs'), 'lint', ...kept], { stdio: 'inherit' });
process.exit(lint.status ?? 3);
