#!/usr/bin/env bash
# Runs every test of ReportSite and the code-style check, and ends with one line "N passed, N failed".
# Usage: bash tests/run.sh [extra dotnet test arguments]
# Needs only the .NET SDK: NuGet packages restore on the first run, and what the tests need beyond it is installed
# here when missing (Debian packages: a C toolchain for the Native AOT release build, Node.js and npm, Chromium and
# the Noto fonts for the browser tests, pandoc for the CSL-JSON export tests; npm packages listed in
# tests/tools/package.json, such as the CommonMark spec, axe-core and citeproc-js), so this stays the one command to
# run everything.
set -uo pipefail
cd "$(dirname "$0")/.."

apt_install() {
  echo "installing $* (Debian)" >&2
  if [ -z "${_apt_updated:-}" ]; then apt-get -o DPkg::Lock::Timeout=300 update -qq >&2 || true; _apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq "$@" >&2 || echo "could not install $*" >&2
}

# The release binary is published with Native AOT (ReleaseBuildTests), which links with the system C toolchain.
if ! command -v clang >/dev/null && ! command -v gcc >/dev/null; then apt_install gcc zlib1g-dev; fi
# npm packages the tests read (tests/tools/package.json, versions pinned by its package-lock.json).
if ! command -v npm >/dev/null; then apt_install nodejs npm; fi
if ! (cd tests/tools && npm ls --all >/dev/null 2>&1) \
   && ! (cd tests/tools && npm ci --no-audit --no-fund --loglevel=error >&2); then
  echo "could not install the npm packages of tests/tools: the tests that need them will fail" >&2
fi

# The browser tests (tests/ReportSite.BrowserTests) drive Debian's Chromium (or CHROMIUM_PATH) through Playwright,
# which must never download a browser of its own; Noto has the Arabic glyphs the screenshots and layout checks need.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
browser_packages=()
if [ -z "${CHROMIUM_PATH:-}" ] && ! command -v chromium >/dev/null; then browser_packages+=(chromium); fi
if ! dpkg -s fonts-noto-core >/dev/null 2>&1; then browser_packages+=(fonts-noto-core); fi
if [ "${#browser_packages[@]}" -gt 0 ]; then apt_install "${browser_packages[@]}"; fi

# The export tests check sources.csl.json with Pandoc's citeproc (Debian's pandoc).
if ! command -v pandoc >/dev/null; then apt_install pandoc; fi

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

dotnet test ReportSite.sln --nologo --logger "trx" --results-directory "$results" "$@"
status=$?

# Code style (.editorconfig): the tree must be as `dotnet format` leaves it.
if ! dotnet format ReportSite.sln --verify-no-changes --no-restore; then
  echo "code style: run 'dotnet format ReportSite.sln' and commit the result" >&2
  status=1
fi

# Totals from the TRX files (not from console text), so a run that executed nothing shows "0 passed".
passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
echo "${passed} passed, ${failed} failed"
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
  echo "no test was executed" >&2
  exit 1
fi
exit "$status"
