/** The public face of the transport checks: types, the reply parser, the checks. */

export type { CertificateDigests, SmtpCertificate, SmtpOutcome, SmtpProbeResult, SmtpTlsFacts } from './types.js';
export { parseSmtpReply, type SmtpReply } from './parse-reply.js';
export { offersStarttls } from './ehlo.js';
export { checkSmtpUnreachable } from './smtp-unreachable.js';
export { checkSmtpHostUnreachable } from './smtp-host-unreachable.js';
export { checkSmtpBadGreeting } from './smtp-bad-greeting.js';
export { checkSmtpNoStarttls } from './smtp-no-starttls.js';
export { runSmtpChecks } from './run-smtp-checks.js';
