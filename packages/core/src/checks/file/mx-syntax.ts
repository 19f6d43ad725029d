/**
 * `mx-syntax`: an MX record's data is not a preference and one host (RFC 1035 §3.3.9). Found by
 * `readFileMx` (`file-mx.ts`) while it reads the record into an `MxEntry`.
 */
import { defineCheck } from '../check.js';

export const mxSyntaxCheck = defineCheck({
  id: 'mx-syntax',
  severity: 'error',
  scope: 'file',
  title: 'MX data malformed',
  rfc: 'RFC 1035 §3.3.9',
  file: [{ on: 'reading' }],
});
