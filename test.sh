#!/usr/bin/env bash
# Runs every test of Shop. Installs the Debian packages the tests need when they are missing
# (PostgreSQL, Redis, Chromium, decK and the container tools), then builds and runs the whole solution's tests.
set -euo pipefail
cd "$(dirname "$0")"

need_packages=()
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || need_packages+=(postgresql)
command -v redis-server >/dev/null 2>&1 || need_packages+=(redis-server)
command -v chromium >/dev/null 2>&1 || need_packages+=(chromium)
# Kong's decK validates deploy/kong/kong.yaml; the image tests build and run the images (tests/Shop.Deploy.Tests).
command -v deck >/dev/null 2>&1 || need_packages+=(deck)
for tool in podman skopeo docker-registry mmdebstrap runc; do
  command -v "$tool" >/dev/null 2>&1 || need_packages+=("$tool")
done
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
# The storefront (frontend/): its locked npm packages, then its build into ApiGateway/wwwroot, which the gateway
# serves and the browser tests (tests/Shop.E2E.Tests) drive.
(cd frontend && npm ci --no-audit --no-fund --loglevel=error && npm run build)
dotnet build Shop.sln -c Release -nologo -v q
log="$(mktemp)"
set +e
# The storefront's unit tests (Vitest); their "Tests  N passed | N failed" line is counted in the summary below.
vitest_log="$(mktemp)"
(cd frontend && npx vitest run) 2>&1 | tee "$vitest_log"
vitest_status=${PIPESTATUS[0]}
# The committed OpenAPI document (docs/openapi/v1.json, kept equal to the served one by a gateway test), linted with
# Redocly's recommended rules (frontend/redocly.yaml).
(cd frontend && npm run --silent api:lint)
lint_status=$?
# Known vulnerabilities in the NuGet and npm dependencies: high or critical fails the run; a registry whose
# vulnerability data cannot be reached is reported as skipped, with why.
tools/audit-dependencies.sh
audit_status=$?
dotnet test Shop.sln -c Release --no-build --nologo \
  --logger "console;verbosity=normal" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One plain summary line over every test project, from each project's own summary block.
awk '
  /^ *Passed: *[0-9]+ *$/  { passed  += $2 }
  /^ *Failed: *[0-9]+ *$/  { failed  += $2 }
  /^ *Skipped: *[0-9]+ *$/ { skipped += $2 }
  /^ +Tests +[0-9]/ { for (i = 2; i <= NF; i++) { if ($i == "passed") passed += $(i-1); if ($i == "failed") failed += $(i-1); if ($i == "skipped") skipped += $(i-1) } }
  END { printf "%d passed, %d failed, %d skipped\n", passed, failed, skipped }
' "$log" "$vitest_log"
rm -f "$log" "$vitest_log"
[ "$status" -eq 0 ] && status=$vitest_status
[ "$status" -eq 0 ] && status=$lint_status
[ "$status" -eq 0 ] && status=$audit_status
exit "$status"
