/**
 * Writes schemas/mx-doctor.schema.json, the JSON schema of `.mx-doctor.json` (editors validate and
 * complete the file with it; the VS Code extension contributes it): every finding id of the
 * catalogue under `rules`, the settings `parseProjectConfig` (node-files) accepts.
 * `pnpm tsx scripts/config-schema.ts`; a test fails when the file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { CATALOGUE, FINDING_IDS } from '../packages/core/src/checks/catalogue.js';
import { RULE_SETTINGS } from '../packages/core/src/suppressions/rule-settings.js';

export function configSchema(): object {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://raw.githubusercontent.com/mx-doctor/mx-doctor/main/schemas/mx-doctor.schema.json',
    title: 'MX Doctor project settings (.mx-doctor.json)',
    description: 'Read by mx-doctor lint, mx-doctor check and the language server: the nearest .mx-doctor.json above a file. See docs/configuration.md.',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      rules: {
        description: 'Finding ids turned off or reported with another severity.',
        type: 'object',
        additionalProperties: false,
        properties: Object.fromEntries(
          FINDING_IDS.map((id) => [id, { description: `${CATALOGUE[id].title} (default: ${CATALOGUE[id].severity}).`, enum: RULE_SETTINGS }]),
        ),
      },
      zoneFiles: {
        description: 'More file-name patterns of zone files (* any characters, ? one), beside the built-in ones (*.zone, db.*, …).',
        type: 'array',
        items: { type: 'string', minLength: 1, pattern: '^[^/\\\\]+$' },
      },
      resolvers: {
        description: 'Resolvers for live checks when none is given (--resolver, mxDoctor.resolvers): DNS-over-HTTPS URLs (http:// only for loopback) or dns://ADDRESS[:PORT].',
        type: 'array',
        items: { type: 'string', pattern: '^(https?|dns)://' },
      },
    },
  };
}

export const configSchemaText = (): string => `${JSON.stringify(configSchema(), null, 2)}\n`;

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(new URL('../schemas/mx-doctor.schema.json', import.meta.url), configSchemaText());
  console.log('wrote schemas/mx-doctor.schema.json');
}
