#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""capture-figures.py MBOX [SUFFIX]: the capture cost figures of
bench-capture.sh, also as "bench: key=value" lines (keys end in SUFFIX).

The kernel timed each report with local_clock(). Under TCG the guest's
clocksource watchdog can give up on the TSC, and local_clock() then moves
in jiffies: most timings read 0, the others a tick or more. Such figures
would say the capture costs nothing, so none is printed then: the check
looks at the clocksource, at the share of timings that read 0 and at the
smallest step between the timings, and says why it refuses."""
import os
import statistics
import sys

mbox = sys.argv[1]
suffix = sys.argv[2] if len(sys.argv) > 2 else ""
# timings.txt: "<capture_ns> <report_ns>" per report, in the order raised,
# so the i-th is the report of sequence number i + 1; memcpy.txt: "<seq>
# <bytes> <memcpy_ns>" per stored record. A report without a record (not
# stored) is left out: its capture did not include a store.
timings = [tuple(map(int, l.split())) for l in open(os.path.join(mbox, "timings.txt"))]
memcpy_of = {}
for line in open(os.path.join(mbox, "memcpy.txt")):
    seq, size, ns = map(int, line.split())
    memcpy_of[seq] = (size, ns)
rows = [(c, r, memcpy_of[i + 1][1]) for i, (c, r) in enumerate(timings) if i + 1 in memcpy_of]
if len(rows) < len(timings):
    print(f"capture: {len(timings) - len(rows)} of {len(timings)} reports have no record, left out")


def read(name, default=""):
    try:
        return open(os.path.join(mbox, name)).read().strip()
    except OSError:
        return default


def pct(v, p):
    v = sorted(v)
    return v[min(len(v) - 1, int(round(p / 100 * (len(v) - 1))))]


capture = [c for c, _, _ in rows]
clock = read("clocksource", "unknown")
zeros = sum(1 for c in capture if c == 0)
values = sorted(set(capture + [r for _, r, _ in rows]))
if not rows:
    print("capture: no figure: no report was stored")
    sys.exit(0)
step = min((b - a for a, b in zip(values, values[1:])), default=0)
print(f"capture clock: clocksource {clock}, TSC marked unstable: {read('tsc-unstable', '?')}, "
      f"{zeros} of {len(capture)} timings 0, smallest step between timings {step} ns")
why = []
if clock != "tsc":
    why.append(f"the clocksource is {clock}, not the TSC")
if zeros > len(capture) // 10:
    why.append(f"{zeros} of {len(capture)} timings read 0")
if step >= 1000000:
    why.append(f"the timings move in steps of {step / 1e6:.1f} ms (jiffies)")
if why:
    print("capture: no figure: the timings are at the clock's resolution (" + "; ".join(why) + ")")
    sys.exit(0)
print(f"capture+store per report: median {statistics.median(capture) / 1000:.1f} us, "
      f"p99 {pct(capture, 99) / 1000:.1f} us over {len(rows)} reports")
ratio_print = [c / r for c, r, _ in rows if r]
print(f"ratio to the report's own printing: median {100 * statistics.median(ratio_print):.2f} %, "
      f"p99 {100 * pct(ratio_print, 99):.2f} % (target <= 1 %)")
ratio_mc = [c / max(m, 1) for c, _, m in rows]
print(f"ratio to a memcpy of the same bytes: median {statistics.median(ratio_mc):.1f}x, "
      f"p99 {pct(ratio_mc, 99):.1f}x (target <= 20x)")
print(f"bench: capture_median_us{suffix}={statistics.median(capture) / 1000:.1f}")
print(f"bench: capture_p99_us{suffix}={pct(capture, 99) / 1000:.1f}")
print(f"bench: capture_vs_printing_pct{suffix}={100 * statistics.median(ratio_print):.2f}")
print(f"bench: capture_vs_memcpy_x{suffix}={statistics.median(ratio_mc):.1f}")
