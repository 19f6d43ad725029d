// Copies the server's SETTINGS_SCHEMA into this manifest's contributes.configuration.properties
// (the settings are declared once, in the server; test/vscode checks the two are equal).
// Run after building the server: `pnpm --filter mx-doctor sync-settings`.
import { readFile, writeFile } from 'node:fs/promises';
import { SETTINGS_SCHEMA } from '@mx-doctor/language-server';

const file = new URL('../package.json', import.meta.url);
const manifest = JSON.parse(await readFile(file, 'utf8'));
manifest.contributes.configuration.properties = SETTINGS_SCHEMA;
await writeFile(file, JSON.stringify(manifest, null, 2) + '\n');
console.log(`copied ${Object.keys(SETTINGS_SCHEMA).length} settings into package.json`);
