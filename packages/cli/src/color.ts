/**
 * Colour only where a person reads it: a TTY, with NO_COLOR unset (no-color.org), unless forced.
 * Node's own `styleText` does the escapes, so no colour library is needed.
 */
import { styleText } from 'node:util';
import type { Severity } from '@mx-doctor/core';

export type Style = Parameters<typeof styleText>[0];

export interface Painter {
  (style: Style, text: string): string;
  readonly enabled: boolean;
}

export function painter(enabled: boolean): Painter {
  // `validateStream: false`: whether to colour is decided here (`colourWanted`); left to itself, newer
  // Node's styleText also checks stdout's TTY and NO_COLOR, which made `--color` unable to force colour.
  const paint = (style: Style, text: string) => (enabled ? styleText(style, text, { validateStream: false }) : text);
  return Object.assign(paint, { enabled });
}

export function colourWanted(stream: NodeJS.WriteStream, flag: boolean | undefined): boolean {
  if (flag !== undefined) return flag;
  if (process.env['NO_COLOR']) return false;
  if (process.env['FORCE_COLOR'] && process.env['FORCE_COLOR'] !== '0') return true;
  return stream.isTTY === true;
}

export const SEVERITY_STYLE: Record<Severity, Style> = { error: 'red', warning: 'yellow', info: 'blue' };
