#!/usr/bin/env bash
# Regenerates build/feed/Patched.DistributedLock.Postgres.1.3.3.nupkg (see docs/packages.md).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
dotnet pack "$root/build/shim/Patched.DistributedLock.Postgres.csproj" -c Release -o "$root/build/feed" --nologo -v q
# NuGet caches a package by id and version: drop the old copy so the next restore takes the new one.
rm -rf "${NUGET_PACKAGES:-$HOME/.nuget/packages}/patched.distributedlock.postgres"
