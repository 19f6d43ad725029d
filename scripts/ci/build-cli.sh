#!/usr/bin/env bash
# Builds the mx-doctor CLI in this checkout, once: the GitHub Action (action.yml) and the pre-commit
# hook (.pre-commit-hooks.yaml) run the CLI from their checkout of this repository, not from npm.
# Does nothing when the CLI is built. Needs Node 20.19+ and npm; pnpm (the version scripts/setup.sh
# pins) is run through npx when it is not installed. Progress goes to stderr.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
[ -f "$root/packages/cli/dist/bundle/mx-doctor.cjs" ] && exit 0

PNPM_VERSION=12.21.0
if [ "$(pnpm --version 2>/dev/null)" = "$PNPM_VERSION" ]; then pnpm=(pnpm); else pnpm=(npx --yes "pnpm@$PNPM_VERSION"); fi
cd "$root"
echo "mx-doctor: building the CLI in $root (once)" >&2
"${pnpm[@]}" install --frozen-lockfile >&2
# The packages the CLI is built from, as the root package.json's build script lists them.
"${pnpm[@]}" exec tsc -b packages/core packages/smtp-probe packages/dns-direct packages/node-files packages/terraform packages/language-server packages/cli >&2
node packages/cli/scripts/bundle.mjs >&2
