/** The zone-file reader's public surface. */
export { ReadBuffers, readZone } from './reader.js';
export { originFromFileName } from './origin.js';
export type { IncludeResult, ReadInclude, ReadZoneOptions } from './state.js';
export { looksLikeZoneText, ZONE_SNIFF_CHARS } from './sniff.js';
