/**
 * `mx-doctor summarize --format html`: one self-contained page (inline CSS and SVG, no script, no
 * request to anywhere) with the verdict counts, a bar chart of verdicts and of the most frequent
 * finding ids, and the domains that could not be checked. Everything that came from a JSONL file
 * (ids, domain names, verdict strings) goes through `escapeHtml`: the file is DNS data, and DNS data
 * may carry markup.
 */
import { verdictText, VERDICTS, type Verdict } from '@mx-doctor/core';
import type { FleetSummaryData } from '../fleet/fleet-summary.js';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const VERDICT_COLOUR: Record<Verdict, string> = { 'receives-mail': '#2e7d32', problems: '#c62828', 'no-mail': '#1565c0', 'could-not-check': '#ef6c00' };
const SEVERITY_COLOUR: Record<string, string> = { error: '#c62828', warning: '#ef6c00', info: '#1565c0' };

function label(verdict: string): string {
  return (VERDICTS as readonly string[]).includes(verdict) ? verdictText(verdict as Verdict).title : verdict;
}

/** A horizontal bar chart as inline SVG: one row per bar, the label left, the count right. */
function barChart(title: string, bars: readonly { label: string; value: number; colour: string }[]): string {
  const rowHeight = 22;
  const labelWidth = 230;
  const barWidth = 360;
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const height = bars.length * rowHeight + 4;
  const rows = bars.map((bar, i) => {
    const y = i * rowHeight + 2;
    const width = Math.max(bar.value > 0 ? 1 : 0, Math.round((bar.value / max) * barWidth));
    return [
      `<text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end">${escapeHtml(bar.label)}</text>`,
      `<rect x="${labelWidth}" y="${y + 3}" width="${width}" height="${rowHeight - 6}" fill="${bar.colour}"></rect>`,
      `<text x="${labelWidth + width + 6}" y="${y + 15}">${bar.value.toLocaleString('en')}</text>`,
    ].join('');
  });
  return `<figure><figcaption>${escapeHtml(title)}</figcaption><svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(title)}" width="${labelWidth + barWidth + 90}" height="${height}" font-size="13" font-family="system-ui, sans-serif">${rows.join('')}</svg></figure>`;
}

export function renderSummaryHtml(data: FleetSummaryData, options: { readonly title?: string; readonly topIds?: number; readonly sources?: readonly string[] } = {}): string {
  const topIds = data.ids.slice(0, options.topIds ?? 15);
  const title = options.title ?? 'MX Doctor fleet summary';
  const percent = (n: number) => (data.domains === 0 ? '0.0' : ((100 * n) / data.domains).toFixed(1));
  const verdictRows = Object.entries(data.verdicts)
    .map(([verdict, count]) => `<tr><td>${escapeHtml(label(verdict))}</td><td class="n">${count.toLocaleString('en')}</td><td class="n">${percent(count)}%</td></tr>`)
    .join('\n');
  const idRows = topIds
    .map(({ id, severity, domains }) => `<tr><td><code>${escapeHtml(id)}</code></td><td>${escapeHtml(severity)}</td><td class="n">${domains.toLocaleString('en')}</td><td class="n">${percent(domains)}%</td></tr>`)
    .join('\n');
  const unchecked = data.couldNotCheck;
  const more = unchecked.count - unchecked.first.length;
  const uncheckedList =
    unchecked.count === 0
      ? '<p>Every domain was checked.</p>'
      : `<ul>${unchecked.first.map((domain) => `<li><code>${escapeHtml(domain)}</code></li>`).join('')}</ul>${more > 0 ? `<p>and ${more.toLocaleString('en')} more.</p>` : ''}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(title)}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #222; }
table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; }
th, td { border-bottom: 1px solid #ddd; padding: 0.3rem 0.8rem; text-align: left; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: 1rem 0; } figcaption { font-weight: 600; margin-bottom: 0.3rem; }
code { font-size: 0.95em; }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p>${data.domains.toLocaleString('en')} domains${options.sources && options.sources.length > 0 ? ` from ${options.sources.map((s) => `<code>${escapeHtml(s)}</code>`).join(', ')}` : ''}.</p>
<h2>Verdicts</h2>
<table><thead><tr><th>Verdict</th><th>Domains</th><th>Share</th></tr></thead><tbody>
${verdictRows}
</tbody></table>
${barChart('Domains by verdict', Object.entries(data.verdicts).map(([verdict, count]) => ({ label: label(verdict), value: count, colour: VERDICT_COLOUR[verdict as Verdict] ?? '#757575' })))}
<h2>Most frequent findings</h2>
${topIds.length === 0 ? '<p>No findings.</p>' : `<table><thead><tr><th>Finding</th><th>Severity</th><th>Domains</th><th>Share</th></tr></thead><tbody>\n${idRows}\n</tbody></table>\n${barChart('Domains by finding', topIds.map(({ id, severity, domains }) => ({ label: id, value: domains, colour: SEVERITY_COLOUR[severity] ?? '#757575' })))}`}
<h2>Could not be checked (${unchecked.count.toLocaleString('en')})</h2>
${uncheckedList}
</body>
</html>
`;
}
