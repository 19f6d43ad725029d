/**
 * `mx-target-relative`: in a zone file a target without the trailing dot is relative to the origin
 * (RFC 1035 §5.1), so `mail.example.com` under `example.com.` means `mail.example.com.example.com.`;
 * some Terraform providers refuse a target without the dot. Found by `readFileMx` (`file-mx.ts`).
 * Quick fix: add the dot at the end of the target field.
 */
import { defineCheck, type QuickFix, type QuickFixContext } from '../check.js';

function addTrailingDot({ mx, written }: QuickFixContext): QuickFix | undefined {
  if (written.endsWith('.')) return undefined;
  const end = mx.targetField.range.end;
  return { title: `Add the trailing dot: ${written}.`, edits: [{ range: { start: { ...end }, end: { ...end } }, newText: '.' }], isPreferred: true };
}

export const mxTargetRelativeCheck = defineCheck({
  id: 'mx-target-relative',
  severity: 'warning',
  scope: 'file',
  title: 'MX target is relative where a FQDN is meant',
  rfc: 'RFC 1035 §5.1',
  file: [{ on: 'reading' }],
  quickFix: addTrailingDot,
});
