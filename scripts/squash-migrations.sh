#!/usr/bin/env bash
# Squashes each provider's migrations into InitialCreate (generated from today's model) plus ArchiveSearch, whose
# hand-written Up/Down are kept (ADR 16). Only before the first release: a deployed database knows migrations by id.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
export PATH="$PATH:$HOME/.dotnet/tools" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
command -v dotnet-ef >/dev/null || dotnet tool install --global dotnet-ef >/dev/null

keep="$(mktemp -d)"
trap 'rm -rf "$keep"' EXIT

for p in Sqlite PostgreSql SqlServer; do
  dir="src/Proeftuin.Data.Migrations.$p/Migrations"
  body="$(ls "$dir"/*_ArchiveSearch.cs | grep -v Designer)"
  cp "$body" "$keep/$p.cs"
  rm -rf "$dir"
  for name in InitialCreate ArchiveSearch; do
    dotnet ef migrations add "$name" --project "src/Proeftuin.Data.Migrations.$p" \
      --startup-project "src/Proeftuin.Data.Migrations.$p" --output-dir Migrations >/dev/null
    sleep 1 # distinct timestamps keep the order
  done
  cp "$keep/$p.cs" "$(ls "$dir"/*_ArchiveSearch.cs | grep -v Designer)"
  echo "$p: $(ls "$dir" | tr '\n' ' ')"
done
