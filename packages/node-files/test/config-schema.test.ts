/** schemas/mx-doctor.schema.json is current, and says what parseProjectConfig accepts. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configSchemaText } from '../../../scripts/config-schema.js';
import { parseProjectConfig } from '../src/project-config.js';

const schema = readFileSync(new URL('../../../schemas/mx-doctor.schema.json', import.meta.url), 'utf8');

describe('schemas/mx-doctor.schema.json', () => {
  it('is current (regenerate with `pnpm tsx scripts/config-schema.ts`)', () => {
    expect(schema).toBe(configSchemaText());
  });

  it('names the keys the parser knows, and each of its rule values is accepted', () => {
    const parsed = JSON.parse(schema) as { properties: Record<string, { properties?: Record<string, { enum: string[] }> }> };
    const keys = Object.keys(parsed.properties).filter((key) => key !== '$schema');
    const rules = parsed.properties['rules']!.properties!;
    const config = { rules: Object.fromEntries(Object.entries(rules).map(([id, rule]) => [id, rule.enum.at(-1)])), zoneFiles: ['*.txt'], resolvers: ['dns://127.0.0.1'] };
    expect(keys).toEqual(Object.keys(config));
    expect(parseProjectConfig(JSON.stringify({ $schema: 'x', ...config }), 'c.json').problems).toEqual([]);
    expect(parseProjectConfig('{"unknown": 1}', 'c.json').problems).toHaveLength(1);
  });
});
