#!/usr/bin/env python3
"""Adds up the results of `dotnet test` and vitest into one closing line: 'N passed, N failed, N skipped'."""
import re
import sys

passed = failed = skipped = 0
dotnet = open(sys.argv[1], encoding="utf-8", errors="replace").read()
for m in re.finditer(r"(?:Passed|Failed)!\s+-\s+Failed:\s+(\d+),\s+Passed:\s+(\d+),\s+Skipped:\s+(\d+)", dotnet):
    failed += int(m.group(1)); passed += int(m.group(2)); skipped += int(m.group(3))

vitest = re.sub(r"\x1b\[[0-9;]*m", "", open(sys.argv[2], encoding="utf-8", errors="replace").read())
line = re.search(r"^\s*Tests\s+(.*)$", vitest, re.M)
if line:
    for count, kind in re.findall(r"(\d+)\s+(passed|failed|skipped|todo)", line.group(1)):
        if kind == "passed": passed += int(count)
        elif kind == "failed": failed += int(count)
        else: skipped += int(count)

print(f"{passed} passed, {failed} failed, {skipped} skipped")
