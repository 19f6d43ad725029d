/**
 * `mx-syntax`: an MX record's data is not a preference and one host (RFC 1035 §3.3.9). Found by
 * `readFileMx` (`file-mx.ts`) while it reads the record into an `MxEntry`.
 */
import { CATALOGUE } from '../../findings/catalogue.js';
import type { Check } from '../check.js';

export const mxSyntaxCheck: Check<'mx-syntax'> = {
  id: 'mx-syntax',
  entry: CATALOGUE['mx-syntax'],
  file: [{ on: 'reading' }],
};
