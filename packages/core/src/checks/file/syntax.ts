/**
 * `syntax`: a line of a zone file (or a Terraform block) that cannot be read. Found by the readers
 * (`readers/zone/`, the Terraform package), which go on with the next record: a broken file still
 * gets findings for its good records.
 */
import { defineCheck } from '../check.js';

export const syntaxCheck = defineCheck({
  id: 'syntax',
  severity: 'error',
  scope: 'file',
  title: 'The file cannot be parsed here',
  file: [{ on: 'reading' }],
});
