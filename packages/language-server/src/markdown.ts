/** Markdown helpers for hovers: DNS data goes into code spans or is escaped, never passed through as HTML. */

/** Text for prose: Markdown punctuation backslash-escaped, `<`, `>` and `&` as entities, controls dropped. */
export function escapeMarkdown(text: string): string {
  return clean(text)
    .replace(/[\\`*_[\]{}()#+!|~]/g, (ch) => `\\${ch}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** A code span around any text (CommonMark §6.1: a fence longer than any backtick run inside). */
export function code(text: string): string {
  const body = clean(text);
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = body.startsWith('`') || body.endsWith('`') || body === '' ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}

function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]/g, ' ');
}

/** Seconds in words: 3600 → "1 hour", 172800 → "2 days", 5400 → "1 hour 30 minutes". */
export function durationInWords(seconds: number): string {
  if (seconds === 0) return '0 seconds';
  const units: [number, string][] = [
    [604800, 'week'],
    [86400, 'day'],
    [3600, 'hour'],
    [60, 'minute'],
    [1, 'second'],
  ];
  const parts: string[] = [];
  let rest = seconds;
  for (const [size, name] of units) {
    const count = Math.floor(rest / size);
    if (count === 0) continue;
    parts.push(`${count} ${name}${count === 1 ? '' : 's'}`);
    rest -= count * size;
    if (parts.length === 2) break;
  }
  return parts.join(' ');
}
