#!/usr/bin/env bash
# Checks the NuGet and npm dependencies against the registries' vulnerability data. Fails (exit 1) on a High or
# Critical finding, reports the rest. When a registry's vulnerability data cannot be reached, says so and why, and
# does not fail for it: the check is skipped, never counted as passed.
set -uo pipefail
cd "$(dirname "$0")/.."
status=0

echo "audit: NuGet packages (dotnet list package --vulnerable --include-transitive)"
nuget_report="$(mktemp)"
if dotnet list Shop.sln package --vulnerable --include-transitive >"$nuget_report" 2>&1; then
  if grep -qiE 'vulnerab.*(could not|unable|failed|not available|do not provide)|error' "$nuget_report"; then
    echo "audit: NuGet check skipped: the vulnerability data could not be read:"
    grep -iE 'vulnerab|error' "$nuget_report" | head -n 5 | sed 's/^/  /'
  else
    findings=$(grep -cE '^\s+>\s' "$nuget_report" || true)
    severe=$(grep -E '^\s+>\s' "$nuget_report" | grep -ciE '\b(high|critical)\b' || true)
    echo "audit: NuGet: ${findings} vulnerable package reference(s), ${severe} high or critical"
    grep -E '^\s+>\s' "$nuget_report" | sort -u | sed 's/^\s*/  /'
    [ "${severe}" -gt 0 ] && status=1
  fi
else
  echo "audit: NuGet check skipped: dotnet list package failed:"
  tail -n 5 "$nuget_report" | sed 's/^/  /'
fi
rm -f "$nuget_report"

echo "audit: npm packages of the storefront (npm audit --omit=dev)"
npm_report="$(mktemp)"
(cd frontend && npm audit --omit=dev --json) >"$npm_report" 2>/dev/null
read_report='const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));'
if node -e "$read_report"' process.exit(r.metadata && r.metadata.vulnerabilities ? 0 : 1)' "$npm_report" 2>/dev/null; then
  node -e "$read_report"'
    const v = r.metadata.vulnerabilities;
    console.log(`audit: npm: critical ${v.critical}, high ${v.high}, moderate ${v.moderate}, low ${v.low}, info ${v.info}`);
    process.exit(v.critical + v.high > 0 ? 1 : 0);' "$npm_report" || status=1
else
  reason=$(node -e 'try { const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); console.log(r.message || "no vulnerability data in the answer") } catch { console.log("npm audit gave no readable answer") }' "$npm_report")
  echo "audit: npm check skipped: the registry's audit endpoint did not answer ($reason)"
fi
rm -f "$npm_report"
exit "$status"
