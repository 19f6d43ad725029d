// Renders images/icon.svg to icon.png (256 × 256, the Marketplace icon) with resvg's WebAssembly
// build: no native binary and no system fonts (the SVG has no text), so every machine writes the
// same bytes; test/vscode/publish-ready.test.ts checks the committed PNG is this script's output.
// Run after editing the SVG: `pnpm --filter mx-doctor icon`.
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { initWasm, Resvg } from '@resvg/resvg-wasm';

export const ICON_SIZE = 256;

/** The PNG bytes for an SVG source, at ICON_SIZE pixels wide. */
export async function renderIcon(svg) {
  await initOnce();
  const resvg = new Resvg(svg, { fitTo: { mode: 'width', value: ICON_SIZE }, background: 'rgba(0,0,0,0)' });
  return Buffer.from(resvg.render().asPng());
}

let initialized;
function initOnce() {
  const require = createRequire(import.meta.url);
  initialized ??= readFile(require.resolve('@resvg/resvg-wasm/index_bg.wasm')).then((wasm) => initWasm(wasm));
  return initialized;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = new URL('../', import.meta.url);
  const png = await renderIcon(await readFile(new URL('images/icon.svg', root), 'utf8'));
  await writeFile(new URL('icon.png', root), png);
  console.log(`wrote icon.png (${ICON_SIZE} × ${ICON_SIZE}, ${png.length} bytes)`);
}
