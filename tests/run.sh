#!/usr/bin/env bash
# Runs every test of ReportSite and ends with one line "N passed, N failed".
# Usage: bash tests/run.sh [extra dotnet test arguments]
# Needs only the .NET SDK: packages restore from NuGet on the first run (a C toolchain for the Native AOT
# release build is installed when missing). Browser tests (later) install
# Debian's chromium and fonts here when missing, so this stays the one command to run everything.
set -uo pipefail
cd "$(dirname "$0")/.."

# The release binary is published with Native AOT (ReleaseBuildTests), which links with the system C toolchain.
if ! command -v clang >/dev/null && ! command -v gcc >/dev/null; then
  echo "installing a C toolchain for Native AOT (Debian: gcc, zlib1g-dev)" >&2
  apt-get -o DPkg::Lock::Timeout=300 install -y gcc zlib1g-dev >&2 || echo "could not install gcc: ReleaseBuildTests will fail" >&2
fi

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

dotnet test ReportSite.sln --nologo --logger "trx" --results-directory "$results" "$@"
status=$?

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
