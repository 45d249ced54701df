#!/usr/bin/env bash
# What `npm test` needs beyond node_modules, found or installed before anything else runs, so a fresh machine
# following the README gets a green suite or, at once, the one command that fixes it.
# Each need is one line: `need <Debian package> <what to do without apt>` when its check fails.
set -euo pipefail

missing=()
fallbacks=()
need() {
  missing+=("$1")
  fallbacks+=("$2")
}

# The dashboard's browser tests drive Debian's Chromium (playwright-core never downloads a browser).
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || need chromium 'install Chromium, then set CHROMIUM_PATH to its executable'
# The Chinese dashboard's screenshots need a CJK font (without one Chromium draws empty boxes).
{ command -v fc-list >/dev/null 2>&1 && fc-list :lang=zh | grep -q .; } || need fonts-wqy-microhei 'install a CJK font (WenQuanYi Micro Hei)'
# The PostgreSQL key store's tests start a real server from Debian's postgresql-15 binaries (initdb, pg_ctl).
[ -x "${SALESBOOK_PG_BIN:-/usr/lib/postgresql/15/bin}/initdb" ] || need postgresql 'install PostgreSQL 15, then set SALESBOOK_PG_BIN to the folder of its initdb and pg_ctl'

[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "npm test needs ${missing[*]}, and this machine has no apt-get:" >&2
  for fallback in "${fallbacks[@]}"; do echo "  ${fallback}" >&2; done
  exit 1
fi

if [ "$(id -u)" = 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
  as_root=(sudo -n)
else
  echo "npm test needs ${missing[*]}; install it with:" >&2
  echo "  sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi

echo "npm test: installing ${missing[*]} (Debian packages) ..." >&2
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq >/dev/null
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
