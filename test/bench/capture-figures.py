#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""capture-figures.py MBOX: the capture cost figures of bench-capture.sh."""
import os
import statistics
import sys

mbox = sys.argv[1]
kinds = open(os.path.join(mbox, "kinds")).read().split()
rows = [tuple(map(int, l.split())) for l in open(os.path.join(mbox, "timings.txt"))]
memcpy = [tuple(map(int, l.split())) for l in open(os.path.join(mbox, "memcpy.txt"))]


def pct(v, p):
    v = sorted(v)
    return v[min(len(v) - 1, int(round(p / 100 * (len(v) - 1))))]


capture = [c for c, _, _ in rows]
print(f"capture+store per report: median {statistics.median(capture) / 1000:.1f} us, "
      f"p99 {pct(capture, 99) / 1000:.1f} us over {len(rows)} reports")
ratio_print = [c / r for c, r, _ in rows if r]
print(f"ratio to the report's own printing: median {100 * statistics.median(ratio_print):.2f} %, "
      f"p99 {100 * pct(ratio_print, 99):.2f} % (target <= 1 %)")
ratio_mc = [c / max(m, 1) for (c, _, _), (_, m) in zip(rows, memcpy)]
print(f"ratio to a memcpy of the same bytes: median {statistics.median(ratio_mc):.1f}x, "
      f"p99 {pct(ratio_mc, 99):.1f}x (target <= 20x)")
