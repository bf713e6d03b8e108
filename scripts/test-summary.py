#!/usr/bin/env python3
"""Reads the TRX files written by `dotnet test --logger trx` and prints one line: N passed, N failed, N skipped.

Exit status 1 when any test failed or no test ran, so `make test` fails with it."""
import glob, sys, xml.etree.ElementTree as ET

NS = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"
passed = failed = skipped = 0
files = sorted(glob.glob(sys.argv[1] + "/**/*.trx", recursive=True))
for path in files:
    root = ET.parse(path).getroot()
    for r in root.iter(NS + "UnitTestResult"):
        outcome = r.get("outcome")
        if outcome == "Passed":
            passed += 1
        elif outcome in ("NotExecuted", "Inconclusive"):
            skipped += 1
        else:
            failed += 1
            print(f"FAILED: {r.get('testName')}", file=sys.stderr)
expected = int(sys.argv[2]) if len(sys.argv) > 2 else 0
if len(files) < expected:
    print(f"only {len(files)} of {expected} test assemblies reported results", file=sys.stderr)
    failed += expected - len(files)
print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed or passed == 0 else 0)
