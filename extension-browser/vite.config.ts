/**
 * Two vite builds (see package.json "build"): the pages (popup, options) as ES modules, then the
 * background as one classic script, because Firefox's `background.scripts` and Chrome's service
 * worker both load it without module support. Names are fixed (the manifest names them), no
 * module-preload polyfill (an inline script the CSP forbids). The second build writes both
 * manifests from src/manifest.ts, draws the icons and zips dist/chrome and dist/firefox.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { createRequire } from 'node:module';
import { buildManifest, ICON_SIZES, type Browser } from './src/manifest.ts';
import { drawIcon } from './scripts/icons.ts';
import { zipDirectory } from './scripts/zip.ts';

const here = dirname(fileURLToPath(import.meta.url));
const dist = resolve(here, 'dist');
const chromeDir = join(dist, 'chrome');
const firefoxDir = join(dist, 'firefox');
// tldts's own minified ESM build is 48 KB gzipped; its un-minified ES2015 tree, run through the
// bundler's minifier, came out at three times that. Same version, same API.
const tldtsMin = join(dirname(createRequire(import.meta.url).resolve('tldts/package.json')), 'dist/index.esm.min.js');
const { version } = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8')) as { version: string };

/** popup.html and options.html at the root of the package, where the manifest names them. */
function flattenHtml(): Plugin {
  return {
    name: 'mx-doctor:flatten-html',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const item of Object.values(bundle)) {
        if (item.type === 'asset' && item.fileName.endsWith('.html')) item.fileName = item.fileName.split('/').pop() ?? item.fileName;
      }
    },
  };
}

function writeManifest(dir: string, browser: Browser): void {
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(buildManifest({ browser, version }), null, 2)}\n`);
}

/** After the last build: icons, manifests, the Firefox copy and the two zips. */
function packageExtension(): Plugin {
  return {
    name: 'mx-doctor:package',
    closeBundle() {
      mkdirSync(join(chromeDir, 'icons'), { recursive: true });
      for (const size of ICON_SIZES) writeFileSync(join(chromeDir, 'icons', `icon-${size}.png`), drawIcon(size));
      writeManifest(chromeDir, 'chrome');
      rmSync(firefoxDir, { recursive: true, force: true });
      cpSync(chromeDir, firefoxDir, { recursive: true });
      writeManifest(firefoxDir, 'firefox');
      zipDirectory(chromeDir, join(dist, 'mx-doctor-chrome.zip'));
      zipDirectory(firefoxDir, join(dist, 'mx-doctor-firefox.zip'));
    },
  };
}

const shared: UserConfig = {
  root: resolve(here, 'src'),
  base: '/',
  publicDir: false,
  logLevel: 'warn',
  resolve: { alias: [{ find: /^tldts$/, replacement: tldtsMin }] },
};

export default defineConfig(({ mode }): UserConfig => {
  if (mode === 'background') {
    return {
      ...shared,
      plugins: [packageExtension()],
      build: {
        outDir: chromeDir,
        emptyOutDir: false,
        modulePreload: false,
        target: 'es2022',
        minify: true,
        sourcemap: false,
        rolldownOptions: {
          input: resolve(here, 'src/background/main.ts'),
          output: { format: 'iife', entryFileNames: 'background.js' },
        },
      },
    };
  }
  return {
    ...shared,
    plugins: [flattenHtml()],
    build: {
      outDir: chromeDir,
      emptyOutDir: true,
      modulePreload: false,
      target: 'es2022',
      minify: true,
      sourcemap: false,
      cssCodeSplit: true,
      rolldownOptions: {
        input: { popup: resolve(here, 'src/popup/popup.html'), options: resolve(here, 'src/options/options.html') },
        output: {
          entryFileNames: 'assets/[name].js',
          chunkFileNames: 'assets/[name].js',
          // Everything popup and options share (core, tldts, polyfill) in one named file.
          codeSplitting: { groups: [{ name: 'shared', test: /node_modules|packages[\\/]core|src[\\/]shared/ }] },
          assetFileNames: 'assets/[name][extname]',
        },
      },
    },
  };
});
