/** @mx-doctor/language-server: the server, its settings schema and the shared protocol names. */
export { startServer, type ServerOptions } from './server.js';
export { DEFAULT_SETTINGS, SETTINGS_SCHEMA, normalizeSettings, type Settings } from './settings.js';
export {
  CHECK_DOMAIN_COMMAND,
  CONFIGURATION_SECTION,
  DIAGNOSTIC_SOURCE,
  SET_TRUSTED_NOTIFICATION,
  TERRAFORM_LANGUAGE_IDS,
  ZONE_LANGUAGE_IDS,
  type CheckDomainArguments,
  type CheckDomainResult,
  type InitializationOptions,
  type SetTrustedParams,
} from './protocol.js';
export { CHECKS_DOCS_URL } from './diagnostics.js';
export { listen } from './listen.js';
