/**
 * SARIF 2.1.0 (OASIS), the format GitHub code scanning and other CI tools read. Every catalogue id
 * is a rule, with `helpUri` at its entry on the findings page. A finding from a file has a
 * physical location whose `artifactLocation.uri` is relative to the source root (`uriBaseId`
 * `%SRCROOT%`, given in the run's `originalUriBaseIds`; see report-paths.ts), so the same file has
 * the same URI on every machine; a live finding has a logical location (the name). Each result
 * carries `partialFingerprints` that survive unrelated edits (see finding-fingerprints.ts).
 */
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { CATALOGUE, FINDING_IDS, REPOSITORY_URL, findingDocsUrl, type Finding, type Severity } from '@mx-doctor/core';
import { findingFingerprints } from './finding-fingerprints.js';
import type { ReportPaths } from './report-paths.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** The SARIF 2.1.0 schema (OASIS Standard, errata 01) that the output follows; a test validates against it. */
export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** The base that relative artifact URIs are resolved against: the checkout, as code scanning names it. */
export const SOURCE_ROOT_BASE_ID = '%SRCROOT%';

/** The `partialFingerprints` key: ours, versioned, so that a change of recipe is a new key and not a mismatch. */
export const FINGERPRINT_KEY = 'mxDoctorFinding/v1';

export interface SarifOptions {
  /** The CLI's version, for `tool.driver.version`. */
  readonly version: string;
  /** Lint's files: where their paths are relative to, and their text (for fingerprints). Absent for `check`. */
  readonly files?: {
    readonly paths: ReportPaths;
    readonly textOf: (file: string) => string | undefined;
  };
}

export function renderSarif(findings: readonly Finding[], options: SarifOptions): string {
  const { files } = options;
  const ruleIndex = new Map<string, number>(FINDING_IDS.map((id, index) => [id, index]));
  const fingerprints = findingFingerprints(findings, {
    pathOf: (file) => files?.paths.relativeOf(file) ?? resolve(file),
    textOf: (file) => files?.textOf(file),
  });
  const artifactLocation = (file: string) => {
    const path = files?.paths.relativeOf(file);
    return path === undefined ? { uri: pathToFileURL(resolve(file)).href } : { uri: path.split('/').map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT_BASE_ID };
  };
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'mx-doctor',
            version: options.version,
            informationUri: REPOSITORY_URL,
            rules: FINDING_IDS.map((id) => {
              const entry: { severity: Severity; title: string; rfc?: string } = CATALOGUE[id];
              return {
                id,
                name: id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase()),
                shortDescription: { text: entry.title },
                fullDescription: { text: entry.rfc ? `${entry.title} (${entry.rfc}).` : `${entry.title}.` },
                helpUri: findingDocsUrl(id),
                defaultConfiguration: { level: LEVEL[entry.severity] },
              };
            }),
          },
        },
        ...(files && { originalUriBaseIds: { [SOURCE_ROOT_BASE_ID]: { uri: `${pathToFileURL(files.paths.root).href.replace(/\/$/, '')}/` } } }),
        results: findings.map((finding, index) => ({
          ruleId: finding.id,
          ruleIndex: ruleIndex.get(finding.id) ?? -1,
          level: LEVEL[finding.severity],
          message: { text: [finding.message, finding.fix && `Fix: ${finding.fix}`].filter(Boolean).join(' ') },
          locations: [
            finding.range
              ? {
                  physicalLocation: {
                    artifactLocation: artifactLocation(finding.range.file),
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
          partialFingerprints: { [FINGERPRINT_KEY]: fingerprints[index]! },
          ...(finding.evidence !== undefined && { properties: { evidence: finding.evidence, subject: finding.subject } }),
        })),
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}
