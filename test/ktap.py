#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""ktap.py LOG SUITE: the KTAP results of one KUnit suite in a saved kernel
log (dmesg -r), as TAP lines: one per test case, then the suite's own."""
import re
import sys

log, suite = sys.argv[1], sys.argv[2]
prefix = re.compile(r"^<\d+>\[\s*\d+\.\d+\](\[\s*[TC]\d+\])? ?")
result = re.compile(r"^(\s*)(not ok|ok) \d+ (\S+)(.*)$")
inside, seen = False, 0
for raw in open(log, errors="replace"):
    line = prefix.sub("", raw.rstrip("\n"))
    if re.match(rf"^\s*# Subtest: {re.escape(suite)}$", line):
        inside = True
        continue
    if not inside:
        continue
    m = result.match(line)
    if not m:
        continue
    indent, status, name, rest = m.groups()
    directive = " #" + rest.split("#", 1)[1] if "#" in rest else ""
    if indent:
        print(f"{status} - {suite}: {name}{directive}")
        seen += 1
    else:
        print(f"{status} - {suite}: suite ({seen} cases)")
        break
if not seen:
    print(f"not ok - {suite}: no KTAP results in {log}")
