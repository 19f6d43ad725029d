/**
 * `mx-target-unresolved-expression`: a Terraform MX target is an expression the reader cannot
 * evaluate (a variable, a resource reference). Found by the Terraform reader, which alone knows the
 * expression; name checks skip the target.
 */
import { CATALOGUE } from '../../findings/catalogue.js';
import type { Check } from '../check.js';

export const mxTargetUnresolvedExpressionCheck: Check<'mx-target-unresolved-expression'> = {
  id: 'mx-target-unresolved-expression',
  entry: CATALOGUE['mx-target-unresolved-expression'],
  file: [{ on: 'reading' }],
};
