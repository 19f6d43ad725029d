#!/usr/bin/env bash
# Sets up a fresh Debian machine with Node 20 and npm: system packages the tests use (BIND,
# dnsdist, Unbound, dnsperf, Chromium, Firefox ESR, Xvfb, xdotool, ImageMagick, Neovim, zsh and fish), pnpm, the workspace's dependencies, and a build.
# Safe to run again: it skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

PNPM_VERSION=12.21.0
APT_PACKAGES=(bind9 bind9-dnsutils dnsdist unbound dnsperf zsh fish neovim chromium firefox-esr xvfb xdotool imagemagick unzip fonts-dejavu-core)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO="sudo"; else
    echo "setup: need root (or sudo) to install: ${missing[*]}" >&2; exit 1
  fi
  echo "setup: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  # The packages start system services; the tests run their own instances on their own ports.
  for svc in named bind9 dnsdist unbound unbound-resolvconf; do $SUDO systemctl disable --now "$svc" >/dev/null 2>&1 || true; done
fi

if [ "$(pnpm --version 2>/dev/null)" != "$PNPM_VERSION" ]; then
  echo "setup: installing pnpm $PNPM_VERSION"
  npm install -g "pnpm@$PNPM_VERSION" >/dev/null
fi

pnpm install --frozen-lockfile
pnpm build
