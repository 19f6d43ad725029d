/**
 * @mx-doctor/terraform: DNS records (MX, TXT, CNAME, A, AAAA) from Terraform files, with the exact
 * source range of every field, for `mx-doctor lint` and the language server.
 */
export { createTerraformReader, type TerraformReader, type TerraformSource } from './reader.js';
export type { TerraformReaderOptions } from './loader.js';
export { PROVIDERS, type ProviderSpec, type DataShape, type TxtStyle, type ZoneArgument } from './providers.js';
