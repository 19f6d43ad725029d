/**
 * `syntax`: a line of a zone file (or a Terraform block) that cannot be read. Found by the readers
 * (`readers/zone/`, the Terraform package), which go on with the next record: a broken file still
 * gets findings for its good records.
 */
import { CATALOGUE } from '../../findings/catalogue.js';
import type { Check } from '../check.js';

export const syntaxCheck: Check<'syntax'> = {
  id: 'syntax',
  entry: CATALOGUE['syntax'],
  file: [{ on: 'reading' }],
};
