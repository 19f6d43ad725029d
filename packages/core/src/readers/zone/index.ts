/** The zone-file reader's public surface. */
export { readZone } from './reader.js';
export { ReadBuffers } from './read-buffers.js';
export { originFromFileName } from './origin.js';
export type { IncludeResult, ReadInclude, ReadZoneOptions } from './state.js';
export { looksLikeZoneText, ZONE_SNIFF_CHARS } from './sniff.js';
