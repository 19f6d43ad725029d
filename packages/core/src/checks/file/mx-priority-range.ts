/**
 * `mx-priority-range`: an MX preference that is not a 16-bit unsigned integer (RFC 1035 §3.3.9).
 * Found by `readFileMx` (`file-mx.ts`); the record is then not checked further.
 */
import { CATALOGUE } from '../../findings/catalogue.js';
import type { Check } from '../check.js';

export const mxPriorityRangeCheck: Check<'mx-priority-range'> = {
  id: 'mx-priority-range',
  entry: CATALOGUE['mx-priority-range'],
  file: [{ on: 'reading' }],
};
