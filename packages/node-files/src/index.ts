/**
 * @mx-doctor/node-files: what the Node front ends (CLI, language server) share: reading files they
 * did not write, which files are zone files or Terraform, and the live domain check's setup.
 */
export { describeKind, errorCode, formatBytes, MAX_TEXT_FILE_BYTES, readTextFile, type ReadTextOptions, type TextRead } from './read-text.js';
export { allowedIncludePath, includePath, isInside, readIncludeFile, type IncludeRead, type IncludeRule } from './include.js';
export {
  fileKind,
  findZoneAndTerraformFiles,
  isTerraformName,
  kindOfNamedFile,
  matchesPattern,
  readFileHead,
  ZONE_FILE_PATTERNS,
  type FileKind,
  type FoundFile,
} from './file-kinds.js';
export { authoritativePort, authoritativeQuerier, checkDomainLive, createLiveResolver, validateLiveResolverUrl, type CheckDomainLiveOptions, type LiveResolvers, type SmtpProbeSetting } from './live-check.js';
export { fetchMtaStsPolicy, policyPort } from './policy-fetch.js';
export { NO_PROJECT_CONFIG, parseProjectConfig, PROJECT_CONFIG_NAME, type ParsedProjectConfig, type ProjectConfig } from './project-config.js';
export { findProjectConfig, loadProjectConfig, MAX_PROJECT_CONFIG_BYTES, ProjectConfigCache, type CachedProjectConfig } from './find-project-config.js';
