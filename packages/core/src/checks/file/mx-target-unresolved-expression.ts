/**
 * `mx-target-unresolved-expression`: a Terraform MX target is an expression the reader cannot
 * evaluate (a variable, a resource reference). Found by the Terraform reader, which alone knows the
 * expression; name checks skip the target.
 */
import { defineCheck } from '../check.js';

export const mxTargetUnresolvedExpressionCheck = defineCheck({
  id: 'mx-target-unresolved-expression',
  severity: 'info',
  scope: 'file',
  title: 'MX target is an expression that cannot be evaluated',
  file: [{ on: 'reading' }],
});
