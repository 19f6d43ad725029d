/** `@mx-doctor/smtp-probe`: the Node-only SMTP transport probe. The checks live in the core. */

export { probeSmtp, type SmtpProbeOptions, type SmtpProbeTarget } from './probe.js';
export type { SmtpProbeResult } from '@mx-doctor/core';
