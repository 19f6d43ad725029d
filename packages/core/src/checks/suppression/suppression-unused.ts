/**
 * `suppression-unused`: a `mx-doctor-disable-next-line` or `mx-doctor-disable` comment that
 * suppressed nothing: the fault it hid is gone (the comment can go too), or the id is misspelt
 * (an unknown id never matches). Found by the suppression filter (`suppressions/`), after the other
 * checks; not part of the mail-DNS contract (`docs/configuration.md` documents it).
 */
import { defineCheck } from '../check.js';

export const suppressionUnusedCheck = defineCheck({
  id: 'suppression-unused',
  severity: 'info',
  scope: 'file',
  title: 'A suppression comment suppresses nothing',
  file: [{ on: 'comments' }],
});
