#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""capacity-figures.py MBOX KIND SLOT [--storm]: one line of make bench's
capacity figures, from a bench-capacity.sh run: how many reports the region
kept, how many were dropped, and the median size of a kept record. With
--storm, the reports came at once (the test module's storm)."""
import os
import statistics
import sys

mbox, kind, slot = sys.argv[1:4]
storm = "--storm" in sys.argv[4:]


def read(name):
    return open(os.path.join(mbox, name)).read().strip()


sizes = [int(line.split()[0]) for line in read("sizes.txt").splitlines() if line.strip()]
full = "" if int(read("er_dropped")) else " (region not full: at least that many fit)"
print(f"{kind}, slots of {int(slot, 0)} bytes: {read('er_stored')} kept, "
      f"{read('er_dropped')} dropped of {read('er_count')}{full}; "
      f"median record {statistics.median(sizes) if sizes else 0:.0f} bytes")
key = kind.split("-")[0]
if storm:
    print(f"  raised in {read('storm_ms')} ms by 3 CPUs at once, beside a printk flood")
    print(f"bench: {key}_per_64k_storm={read('er_stored')}")
    sys.exit(0)
print(f"bench: {key}_per_64k_slot{int(slot, 0)}={read('er_stored')}")
if kind == "kasan-uaf" and int(slot, 0) == 0x200:
    print(f"bench: kasan_per_64k={read('er_stored')}")
