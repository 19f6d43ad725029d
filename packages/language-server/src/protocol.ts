/**
 * The custom protocol shared by the server and its clients (the VS Code extension imports this as
 * `@mx-doctor/language-server/protocol`). Plain names and types only: no runtime dependency, so a
 * client bundle does not pull in the server.
 */
import type { DomainReport } from '@mx-doctor/core';

/** Notification, client → server: the workspace's trust changed (VS Code: trust granted later). */
export const SET_TRUSTED_NOTIFICATION = 'mxDoctor/setTrusted';
export interface SetTrustedParams {
  readonly trusted: boolean;
}

/** `workspace/executeCommand` id: check a domain live. Arguments `[domain]`; result a `DomainReport`. */
export const CHECK_DOMAIN_COMMAND = 'mxDoctor.checkDomain';
export type CheckDomainArguments = [domain: string];
export type CheckDomainResult = DomainReport;

/** `initializationOptions` the server understands. */
export interface InitializationOptions {
  /**
   * Whether the workspace is trusted (live DNS lookups and the SMTP probe only run when it is).
   * Absent = true: clients without a trust model (Neovim, Helix, …) trust what they open.
   */
  readonly trusted?: boolean;
  /** Settings for clients that do not answer `workspace/configuration` (same shape as section `mxDoctor`). */
  readonly settings?: Record<string, unknown>;
}

/** `source` of every diagnostic. */
export const DIAGNOSTIC_SOURCE = 'mx-doctor';

/** Configuration section read with `workspace/configuration`. */
export const CONFIGURATION_SECTION = 'mxDoctor';

/** Language ids the server treats as zone files or Terraform (`hcl` only for `*.tf`). */
export const ZONE_LANGUAGE_IDS: readonly string[] = ['dns-zone', 'zone', 'dnszonefile', 'bindzone'];
export const TERRAFORM_LANGUAGE_IDS: readonly string[] = ['terraform', 'tf', 'hcl'];
