/**
 * Where the project and its findings page live on the web: written once here, for every front
 * end that links to them (SARIF's `helpUri`, the editor's diagnostic links). A test keeps
 * {@link REPOSITORY_URL} equal to the root package.json's `repository`.
 */

/** The project's repository. */
export const REPOSITORY_URL = 'https://github.com/mx-doctor/mx-doctor';

/** The findings page (docs/findings.md on the default branch): each finding id is a heading there. */
export const FINDINGS_DOCS_URL = `${REPOSITORY_URL}/blob/main/docs/findings.md`;

/** The link to one finding's entry on the findings page, e.g. `…/docs/findings.md#mx-single`. */
export function findingDocsUrl(id: string): string {
  return `${FINDINGS_DOCS_URL}#${id}`;
}
