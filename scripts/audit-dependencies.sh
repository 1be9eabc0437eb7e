#!/usr/bin/env bash
# Dependency audit (ASVS V14.2): fails on a known vulnerability of high or critical severity in any NuGet package
# (direct or transitive) or npm package of the browser client. An audit service that cannot be reached is reported
# as such — it cannot prove anything either way — and does not count as a pass of that part.
set -uo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
status=0

echo "== NuGet: dotnet list package --vulnerable --include-transitive"
nuget_report="$(dotnet list Proeftuin.sln package --vulnerable --include-transitive 2>&1)"
echo "$nuget_report" | grep -Ev "has no vulnerable packages" || true
if echo "$nuget_report" | grep -Eq "\b(High|Critical)\b"; then
  echo "FAIL: NuGet packages with a high or critical vulnerability (see above)."
  status=1
elif echo "$nuget_report" | grep -qi "error"; then
  echo "NuGet audit could not run (see above)."
  status=1
else
  echo "NuGet: no known high or critical vulnerabilities."
fi

echo "== npm: npm audit --audit-level=high (src/Proeftuin.Web)"
npm_report="$(cd src/Proeftuin.Web && npm audit --audit-level=high 2>&1)"
npm_status=$?
echo "$npm_report" | tail -n 20
if [ $npm_status -eq 0 ]; then
  echo "npm: no known high or critical vulnerabilities."
elif echo "$npm_report" | grep -q "audit endpoint returned an error"; then
  echo "npm: the registry in use offers no audit service; npm packages were NOT audited on this machine."
else
  echo "FAIL: npm packages with a high or critical vulnerability (see above)."
  status=1
fi
exit $status
