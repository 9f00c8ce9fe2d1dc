#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""full-region-figures.py CONSOLE_LOG: ramoops' probe with a region full of
records, from a bench-full-region run: the log holds four boots, the first
with the region empty, the others with it full; the probe of each is the
time from ramoops' first line to its last."""
import statistics
import sys

from probe_time import probe_s

boots = open(sys.argv[1], errors="replace").read().split("GUEST-REBOOT")
probes = []
for text in boots:
    probe = probe_s(text.splitlines())
    probes.append(None if probe is None else probe * 1000)
if len(probes) < 4 or None in probes[:4]:
    print(f"full region: no figure: {len(probes)} boots in the log, probes {probes}")
    sys.exit(0)
full = statistics.median(probes[1:4])
print(f"2 MiB region of 512-byte slots: ramoops probe {probes[0]:.1f} ms empty (first boot), "
      f"{full:.1f} ms full (median of 3 boots: "
      + ", ".join(f"{p:.1f}" for p in probes[1:4]) + ")")
print(f"bench: probe_ms_2m_full={full:.1f}")
