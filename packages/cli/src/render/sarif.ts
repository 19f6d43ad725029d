/**
 * SARIF 2.1.0 (OASIS), the format GitHub code scanning and other CI tools read. Every catalogue id
 * is a rule; a finding from a file has a physical location, a live one a logical location (the name).
 */
import { CATALOGUE, FINDING_IDS, type Finding, type Severity } from '@mx-doctor/core';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
const HELP_URI = 'https://github.com/mx-doctor/mx-doctor/blob/main/docs/findings.md';

export function renderSarif(findings: readonly Finding[], version: string, toUri: (file: string) => string = (f) => f): string {
  const ruleIndex = new Map<string, number>(FINDING_IDS.map((id, index) => [id, index]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'mx-doctor',
            version,
            informationUri: 'https://github.com/mx-doctor/mx-doctor',
            rules: FINDING_IDS.map((id) => {
              const entry: { severity: Severity; title: string; rfc?: string } = CATALOGUE[id];
              return {
                id,
                name: id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase()),
                shortDescription: { text: entry.title },
                fullDescription: { text: entry.rfc ? `${entry.title} (${entry.rfc}).` : `${entry.title}.` },
                helpUri: `${HELP_URI}#${id}`,
                defaultConfiguration: { level: LEVEL[entry.severity] },
              };
            }),
          },
        },
        results: findings.map((finding) => ({
          ruleId: finding.id,
          ruleIndex: ruleIndex.get(finding.id) ?? -1,
          level: LEVEL[finding.severity],
          message: { text: [finding.message, finding.fix && `Fix: ${finding.fix}`].filter(Boolean).join(' ') },
          locations: [
            finding.range
              ? {
                  physicalLocation: {
                    artifactLocation: { uri: toUri(finding.range.file) },
                    region: {
                      // SARIF lines and columns are 1-based; ours are 0-based like LSP.
                      startLine: finding.range.start.line + 1,
                      startColumn: finding.range.start.character + 1,
                      endLine: finding.range.end.line + 1,
                      endColumn: finding.range.end.character + 1,
                    },
                  },
                }
              : { logicalLocations: [{ name: finding.subject, kind: 'resource' }] },
          ],
          ...(finding.evidence !== undefined && { properties: { evidence: finding.evidence, subject: finding.subject } }),
        })),
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}
