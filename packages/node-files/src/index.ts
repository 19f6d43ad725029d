/** @mx-doctor/node-files: how the Node front ends (CLI, language server) read files they did not write. */
export { describeKind, errorCode, formatBytes, MAX_TEXT_FILE_BYTES, readTextFile, type ReadTextOptions, type TextRead } from './read-text.js';
export { allowedIncludePath, includePath, isInside, readIncludeFile, type IncludeRead, type IncludeRule } from './include.js';
