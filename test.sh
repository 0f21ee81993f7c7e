#!/usr/bin/env bash
# Runs every test of Shop. Installs the Debian packages the tests need when they are missing
# (PostgreSQL, Redis, Chromium), then builds and runs the whole solution's tests.
set -euo pipefail
cd "$(dirname "$0")"

need_packages=()
command -v /usr/lib/postgresql/15/bin/initdb >/dev/null 2>&1 || need_packages+=(postgresql)
command -v redis-server >/dev/null 2>&1 || need_packages+=(redis-server)
command -v chromium >/dev/null 2>&1 || need_packages+=(chromium)
if [ ${#need_packages[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "test.sh: installing ${need_packages[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_packages[@]}" >/dev/null
  else
    echo "test.sh: missing ${need_packages[*]}; tests that need them report themselves skipped" >&2
  fi
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build Shop.sln -c Release -nologo -v q
results_dir="$(mktemp -d)"
status=0
dotnet test Shop.sln -c Release --no-build --nologo \
  --logger "trx" --results-directory "$results_dir" \
  --logger "console;verbosity=normal" -- xUnit.ParallelizeTestCollections=true || status=$?

# One plain summary line over every test project.
python3 - "$results_dir" <<'PY' || true
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for f in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(f).getroot().find("t:ResultSummary/t:Counters", ns)
    if c is None:
        continue
    passed += int(c.get("passed", 0)); failed += int(c.get("failed", 0)) + int(c.get("error", 0))
    skipped += int(c.get("notExecuted", 0))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
