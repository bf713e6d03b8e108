#!/usr/bin/env python3
"""Fails when an ELF binary needs a glibc symbol version newer than the given maximum (provided.al2023 = 2.34)."""
import re, subprocess, sys

path, maximum = sys.argv[1], tuple(int(x) for x in sys.argv[2].split("."))
out = subprocess.run(["objdump", "-T", path], capture_output=True, text=True, check=True).stdout
versions = {tuple(int(x) for x in m.split(".")) for m in re.findall(r"GLIBC_([0-9]+(?:\.[0-9]+)+)", out)}
too_new = sorted(v for v in versions if v > maximum)
newest = ".".join(map(str, max(versions))) if versions else "none"
if too_new:
    print(f"{path}: needs glibc {', '.join('.'.join(map(str, v)) for v in too_new)} > {sys.argv[2]}")
    sys.exit(1)
print(f"glibc check: newest symbol version GLIBC_{newest} <= {sys.argv[2]}")
