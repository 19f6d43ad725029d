/** Usage text and the error type for bad usage (exit status 2). */

export class UsageError extends Error {}

export const USAGE = `mx-doctor: find mail-DNS mistakes before they lose someone's email

Usage:
  mx-doctor check <domain|email|url>... [options]   check a domain's live mail DNS
  mx-doctor check --from FILE [options]             check a list of domains (- for stdin)
  mx-doctor lint <file|dir>... [options]            check zone files and Terraform files
  mx-doctor summarize OUT.jsonl... [--format F]     summary of fleet runs: text, json or html
  mx-doctor lsp --stdio | --node-ipc                run the language server
  mx-doctor completion bash|zsh|fish                print a shell completion script, e.g.
                                                    source <(mx-doctor completion bash)

Options for check and lint:
  --format text|json|sarif   output format (default text)
  --resolver URL             DNS-over-HTTPS resolver; repeat for failover (default:
                             Cloudflare, then Google, then Quad9). http:// only for loopback;
                             dns://ADDRESS[:PORT] for plain DNS (e.g. a local Unbound)
  --timeout MS               per-query timeout in milliseconds (default 3000)
  --color / --no-color       force colour on or off (default: on a terminal, unless NO_COLOR)
  -q, --quiet                show error findings only (text, JSON and SARIF)
  --max-warnings N           exit 1 when there are more than N warnings, even without errors
  --config PATH              project settings from PATH instead of the nearest .mx-doctor.json
                             (above each file for lint, above the current folder for check)
  --no-config                read no .mx-doctor.json

Only for check:
  --format jsonl|csv         also: one JSON report per line, or one CSV row per domain
  --from FILE                domains, e-mail addresses or URLs, one per line (# comments);
                             reports stream out as they finish, a summary goes to stderr
  --concurrency N            domains in flight at once (default 8)
  --qps N                    questions per second to each resolver (default 50; 0: no limit,
                             for a local resolver such as dns://127.0.0.1:53)
  --shard I/N                check only shard I of N (a stable hash of each domain), so N
                             machines split one list with no domain twice
  --resume OUT.jsonl         skip the domains OUT.jsonl already reports in full, append the
                             rest to it (after Ctrl-C, a crash or a resolver outage: run the
                             same command again; incomplete reports are checked again)
  --smtp                     also connect to each MX host on port 25 (EHLO, STARTTLS?, QUIT)
  --no-authoritative         skip asking the zone's name servers directly (delegation,
                             consistency, propagation: the ns-* findings)

Only for lint:
  --format gitlab            also: a GitLab Code Quality report (artifacts: reports: codequality)
  --fail-on LEVEL            exit 1 on a finding of LEVEL or worse: error (default), warning,
                             info, or none (report only; unreadable files still exit 2)
  --origin NAME              origin for zone files that name none ($ORIGIN, SOA, file name)
  --live                     also look up MX targets outside the file's zone, and compare the
                             file's MX and SPF with what its zone's name servers serve now

  -h, --help                 show this help
  -v, --version              show the version

Suppress a finding with a comment above its line, "; mx-doctor-disable-next-line ID" in a zone
file or "# mx-doctor-disable-next-line ID" in Terraform, or in the whole file with
"mx-doctor-disable ID"; .mx-doctor.json sets rules (off|info|warning|error), zoneFiles, resolvers.

Exit status: 0 no errors, 1 error findings (lint: findings at --fail-on or worse) or more
warnings than --max-warnings, 2 bad usage, an unreadable file, a domain that could not be
checked or a list line that names none, 3 an internal error (MXD_DEBUG=1 shows its stack),
130 interrupted.
`;
