/**
 * `mx-priority-range`: an MX preference that is not a 16-bit unsigned integer (RFC 1035 §3.3.9).
 * Found by `readFileMx` (`file-mx.ts`); the record is then not checked further.
 */
import { defineCheck } from '../check.js';

export const mxPriorityRangeCheck = defineCheck({
  id: 'mx-priority-range',
  severity: 'error',
  scope: 'file',
  title: 'MX preference out of range',
  rfc: 'RFC 1035 §3.3.9',
  file: [{ on: 'reading' }],
});
