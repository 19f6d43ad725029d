/**
 * `mx-target-relative`: in a zone file a target without the trailing dot is relative to the origin
 * (RFC 1035 §5.1), so `mail.example.com` under `example.com.` means `mail.example.com.example.com.`;
 * some Terraform providers refuse a target without the dot. Found by `readFileMx` (`file-mx.ts`).
 * Quick fix: add the dot at the end of the target field.
 */
import { CATALOGUE } from '../../findings/catalogue.js';
import type { Check, QuickFix, QuickFixContext } from '../check.js';

function addTrailingDot({ mx, written }: QuickFixContext): QuickFix | undefined {
  if (written.endsWith('.')) return undefined;
  const end = mx.targetField.range.end;
  return { title: `Add the trailing dot: ${written}.`, edits: [{ range: { start: { ...end }, end: { ...end } }, newText: '.' }], isPreferred: true };
}

export const mxTargetRelativeCheck: Check<'mx-target-relative'> = {
  id: 'mx-target-relative',
  entry: CATALOGUE['mx-target-relative'],
  file: [{ on: 'reading' }],
  quickFix: addTrailingDot,
};
