#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""full-region-figures.py CONSOLE_LOG: ramoops' probe with a region full of
records, from a bench-full-region run: the log holds four boots, the first
with the region empty, the others with it full; the probe of each is the
time from ramoops' first line to its last."""
import re
import statistics
import sys

STAMP = re.compile(r"^\[\s*([0-9.]+)\]")
boots = open(sys.argv[1], errors="replace").read().split("GUEST-REBOOT")
probes = []
for text in boots:
    first = last = None
    for line in text.splitlines():
        m = STAMP.match(line)
        if not m:
            continue
        if "ramoops: using module parameters" in line and first is None:
            first = float(m.group(1))
        elif "ramoops: using 0x" in line and first is not None and last is None:
            last = float(m.group(1))
    probes.append(None if first is None or last is None else (last - first) * 1000)
if len(probes) < 4 or None in probes[:4]:
    print(f"full region: no figure: {len(probes)} boots in the log, probes {probes}")
    sys.exit(0)
full = statistics.median(probes[1:4])
print(f"2 MiB region of 512-byte slots: ramoops probe {probes[0]:.1f} ms empty (first boot), "
      f"{full:.1f} ms full (median of 3 boots: "
      + ", ".join(f"{p:.1f}" for p in probes[1:4]) + ")")
print(f"bench: probe_ms_2m_full={full:.1f}")
