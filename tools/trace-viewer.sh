#!/usr/bin/env bash
# A local trace viewer without Docker: the Aspire Dashboard from its NuGet package, run as a plain process.
# It takes OTLP (gRPC on 4317, HTTP on 4318) and shows traces, metrics and logs at http://localhost:18888.
# Unsecured (no browser token, no OTLP key, telemetry API open): for a developer's machine only.
#
#   tools/trace-viewer.sh            # then, in another terminal:
#   Shop__Telemetry__OtlpEndpoint=http://localhost:4317 dotnet run --project ApiGateway
#
# Settings (environment): TRACE_VIEWER_UI (default http://localhost:18888), TRACE_VIEWER_OTLP_GRPC
# (http://localhost:4317), TRACE_VIEWER_OTLP_HTTP (http://localhost:4318), TRACE_VIEWER_DIR (where the package is
# restored, default .tools/aspire-dashboard), TRACE_VIEWER_VERSION. `--print-path` restores and prints the executable.
set -euo pipefail

version="${TRACE_VIEWER_VERSION:-13.6.5}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${TRACE_VIEWER_DIR:-$root/.tools/aspire-dashboard}"
package="aspire.dashboard.sdk.linux-x64"
exe="$dir/packages/$package/$version/tools/Aspire.Dashboard"

if [[ ! -x "$exe" ]]; then
  mkdir -p "$dir"
  # A throwaway project whose only job is to download the package into $dir/packages.
  cat > "$dir/restore.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
    <ImportDirectoryBuildProps>false</ImportDirectoryBuildProps>
  </PropertyGroup>
  <ItemGroup>
    <PackageDownload Include="Aspire.Dashboard.Sdk.linux-x64" Version="[$version]" />
  </ItemGroup>
</Project>
XML
  echo "Restoring Aspire.Dashboard.Sdk.linux-x64 $version into $dir/packages ..." >&2
  dotnet restore "$dir/restore.csproj" --packages "$dir/packages" -v q >&2
  chmod +x "$exe"
fi

if [[ "${1:-}" == "--print-path" ]]; then
  echo "$exe"
  exit 0
fi

export ASPNETCORE_URLS="${TRACE_VIEWER_UI:-http://localhost:18888}"
export ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL="${TRACE_VIEWER_OTLP_GRPC:-http://localhost:4317}"
export ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL="${TRACE_VIEWER_OTLP_HTTP:-http://localhost:4318}"
export ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS=true
export ASPIRE_DASHBOARD_API_ENABLED=true
echo "Trace viewer: $ASPNETCORE_URLS (OTLP gRPC $ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL, HTTP $ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL)" >&2
exec "$exe" "$@"
