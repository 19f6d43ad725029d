// The CLI as an npm package that installs without the workspace: dist/npm/ is staged with one
// bundle of the CLI, the language server and every workspace package (esbuild), the Terraform
// grammar's wasm file beside it (the Terraform reader looks there first), the bin scripts, README
// and LICENSE, and a package.json whose dependencies are the packages left outside the bundle, at
// the versions the workspace resolves. `npm pack` then writes dist/mx-doctor-cli-<version>.tgz.
//
// Left outside: tldts (loaded on first use; its data is most of its size) and web-tree-sitter
// (its module assigns `var require` in a function that also calls `import('module')`, which a
// bundle without dynamic import turns into a call of that not-yet-assigned `require`; from
// node_modules it also brings its own matching runtime wasm). Not a dependency:
// @tree-sitter-grammars/tree-sitter-hcl, whose install script builds a native addon (node-gyp) and
// pulls the native `tree-sitter` as a peer; only its wasm file is needed, and it is shipped.
// The repository URL comes from the workspace's package.json, the one place it is set.
import { execFileSync } from 'node:child_process';
import { copyFile, cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleCli, writeCodeCache } from './bundle-cli.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const workspace = join(root, '..', '..');
const stage = join(root, 'dist', 'npm');
const EXTERNAL = ['tldts', 'web-tree-sitter'];

const cliManifest = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
const workspaceManifest = JSON.parse(await readFile(join(workspace, 'package.json'), 'utf8'));

await rm(stage, { recursive: true, force: true });
await mkdir(join(stage, 'dist', 'bundle'), { recursive: true });
await bundleCli({ outfile: join(stage, 'dist', 'bundle', 'mx-doctor.cjs'), external: EXTERNAL });

// The grammar's wasm file, from where the Terraform package resolves it.
const terraformRequire = createRequire(createRequire(join(root, 'package.json')).resolve('@mx-doctor/terraform'));
await copyFile(terraformRequire.resolve('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm'), join(stage, 'dist', 'bundle', 'tree-sitter-terraform.wasm'));
await cp(join(root, 'bin'), join(stage, 'bin'), { recursive: true });
await copyFile(join(root, 'README.md'), join(stage, 'README.md'));
await copyFile(join(workspace, 'LICENSE'), join(stage, 'LICENSE'));

// Each external at the version installed here (what the tests ran against), as a caret range.
// web-tree-sitter's runtime wasm must match the grammar's ABI: pinned to the exact version.
const dependencies = {};
const manifestOf = async (file) => JSON.parse(await readFile(file, 'utf8'));
// (web-tree-sitter exports no ./package.json: found beside its runtime wasm, at the package root.)
dependencies['tldts'] = `^${(await manifestOf(createRequire(join(root, 'package.json')).resolve('tldts/package.json'))).version}`;
dependencies['web-tree-sitter'] = (await manifestOf(join(dirname(terraformRequire.resolve('web-tree-sitter/web-tree-sitter.wasm')), 'package.json'))).version;
const manifest = {
  name: cliManifest.name,
  version: cliManifest.version,
  description: cliManifest.description,
  keywords: ['mx', 'dns', 'email', 'mail', 'dmarc', 'spf', 'mta-sts', 'dane', 'dnssec', 'zone-file', 'terraform', 'lint', 'language-server'],
  license: cliManifest.license,
  repository: { ...workspaceManifest.repository, directory: 'packages/cli' },
  homepage: workspaceManifest.homepage,
  bugs: workspaceManifest.bugs,
  bin: cliManifest.bin,
  files: ['bin', 'dist', 'README.md', 'LICENSE'],
  engines: workspaceManifest.engines,
  dependencies,
};
await writeFile(join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

// Node 20's code cache for the bundle (Node >= 22.1 uses its own compile cache, see bin/).
await writeCodeCache(join(stage, 'bin'));

const packed = execFileSync('npm', ['pack', '--pack-destination', join(root, 'dist'), '--silent'], { cwd: stage, encoding: 'utf8' }).trim().split('\n').pop();
console.log(`packed dist/${packed}`);
