/**
 * Turns a DomainReport into DOM. Pure builders (report in, nodes out) so main.ts only decides
 * which state to show. Every piece of DNS data goes through `h()`, i.e. into text nodes.
 */
import { FINDING_FIELD_LABEL, mxStatusText, REPORT_WORDS, severityLabel, verdictText, type DomainReport, type Finding, type MxTableRow } from '@mx-doctor/core';
import { h } from '../shared/dom.js';

/** The words are the core's vocabulary (the CLI and the VS Code report use the same). */
export function verdictBanner(report: DomainReport): HTMLElement {
  const words = verdictText(report.verdict);
  return h(
    'div',
    { id: 'verdict', class: `verdict verdict--${report.verdict}`, 'data-verdict': report.verdict },
    h('span', { class: 'verdict__icon', 'aria-hidden': 'true' }, words.icon),
    h(
      'div',
      { class: 'verdict__text' },
      h('strong', { class: 'verdict__title' }, words.title),
      h('span', { class: 'verdict__domain' }, report.domain),
      h('span', { class: 'verdict__detail' }, words.sentence),
    ),
  );
}

export function mxTable(rows: readonly MxTableRow[]): HTMLElement {
  if (rows.length === 0) return h('p', { id: 'mx-empty', class: 'muted' }, REPORT_WORDS.noMx);
  return h(
    'table',
    { id: 'mx-table', class: 'mx' },
    h('caption', { class: 'visually-hidden' }, 'MX records in priority order'),
    h(
      'thead',
      {},
      h('tr', {}, h('th', { scope: 'col' }, 'Pri'), h('th', { scope: 'col' }, 'Host'), h('th', { scope: 'col' }, 'Addresses'), h('th', { scope: 'col' }, 'Status')),
    ),
    h(
      'tbody',
      {},
      rows.map((row) =>
        h(
          'tr',
          { 'data-mx-host': row.exchange === '' ? '.' : row.exchange, 'data-priority': row.preference, 'data-status': row.status },
          h('td', { class: 'num' }, row.preference),
          h(
            'td',
            { class: 'host' },
            h('span', { class: 'host__name' }, row.exchange === '' ? `. ${REPORT_WORDS.nullMxHost}` : row.exchange),
            row.provider !== undefined && h('span', { class: 'host__provider' }, row.provider),
          ),
          h(
            'td',
            { class: 'addresses' },
            row.addresses.length === 0 ? h('span', { class: 'muted' }, '—') : row.addresses.map((a) => h('span', { class: 'address' }, a.address)),
          ),
          h('td', { class: `status status--${row.status}` }, mxStatusText(row.status)),
        ),
      ),
    ),
  );
}

export function findingItem(finding: Finding): HTMLElement {
  return h(
    'li',
    { class: `finding finding--${finding.severity}`, 'data-finding-id': finding.id, 'data-severity': finding.severity },
    h('div', { class: 'finding__head' }, h('span', { class: 'badge' }, severityLabel(finding.severity)), h('code', { class: 'finding__id' }, finding.id)),
    h('p', { class: 'finding__message' }, finding.message),
    finding.evidence !== undefined && h('p', { class: 'finding__evidence' }, h('span', { class: 'label' }, `${FINDING_FIELD_LABEL.evidence}: `), finding.evidence),
    finding.fix !== undefined && h('p', { class: 'finding__fix' }, h('span', { class: 'label' }, `${FINDING_FIELD_LABEL.fix}: `), finding.fix),
  );
}

export function findingsList(findings: readonly Finding[]): HTMLElement {
  if (findings.length === 0) return h('p', { id: 'findings-none', class: 'muted' }, REPORT_WORDS.noFindings);
  return h('ol', { id: 'findings', class: 'findings' }, findings.map(findingItem));
}

export function policyLines(report: DomainReport): HTMLElement {
  return h(
    'div',
    { class: 'policy' },
    h('p', { id: 'spf-line', class: 'policy__line' }, report.spf),
    h('p', { id: 'dmarc-line', class: 'policy__line' }, report.dmarc),
    ...(report.dnssec === undefined ? [] : [h('p', { id: 'dnssec-line', class: 'policy__line' }, report.dnssec)]),
    ...(report.mtaSts === undefined ? [] : [h('p', { id: 'mta-sts-line', class: 'policy__line' }, report.mtaSts)]),
    ...(report.mtaStsNotFetched === undefined
      ? []
      : [
          h(
            'p',
            { id: 'mta-sts-not-fetched', class: 'policy__line muted' },
            `Fetching ${report.mtaStsNotFetched} needs your permission for that host; until then its policy (and whether it covers every MX host) is not checked. If the browser closes this popup while it asks, open it again.`,
          ),
          h('button', { id: 'check-mta-sts', type: 'button', class: 'secondary' }, 'Check MTA-STS policy'),
        ]),
    h('p', { id: 'authority-line', class: 'policy__line muted' }, REPORT_WORDS.authorityNotInBrowser),
  );
}
