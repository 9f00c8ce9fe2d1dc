#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""printk-figures.py [--icount] DIR: printk's cost with no report open, with
the error report store registered ("on": the capture's static key enabled)
and without ("off"), from bench-printk.sh runs in DIR/on-N and DIR/off-N.

Each run holds the medians of five rounds of 20000 printk() calls. The
overhead is the median "on" against the median "off"; the spread of the
"off" medians says how much of it is noise.

With --icount, the runs were under QEMU's -icount shift=0: the guest's
clock is its instruction count (1 ns an instruction), so the rounds repeat
to the instruction and there is no noise to speak of. The overhead is then
what printk executes more, round by round (each "on" round against the
"off" round of the same number: later rounds cost more as printk's ring
fills, in both), printed as printk_overhead_pct; the timed runs' figure is
printk_overhead_wall_pct."""
import glob
import os
import statistics
import sys

icount = sys.argv[1:2] == ["--icount"]
top = sys.argv[2] if icount else sys.argv[1]


def medians(setting):
    runs, clocks = [], set()
    for run in sorted(glob.glob(os.path.join(top, f"{setting}-*", "mbox"))):
        try:
            runs.append([int(l) for l in open(os.path.join(run, "printk.txt")) if l.strip()])
            clocks.add(open(os.path.join(run, "clocksource")).read().strip())
        except OSError:
            pass
    return runs, clocks


on_runs, clocks_on = medians("on")
off_runs, clocks_off = medians("off")
on = [v for r in on_runs for v in r]
off = [v for r in off_runs for v in r]
if not on or not off:
    print("printk: run failed, no figures")
    sys.exit(0)
clocks = clocks_on | clocks_off
if clocks != {"tsc"} or min(on + off) == 0:
    print(f"printk: no figure: the timings are at the clock's resolution (clocksource {clocks})")
    sys.exit(0)
if icount:
    # Round i of an "on" run against round i of an "off" run.
    pairs = [(a, b) for ron, roff in zip(on_runs, off_runs) for a, b in zip(ron, roff)]
    diffs = [a - b for a, b in pairs]
    pct = statistics.median(100 * (a - b) / b for a, b in pairs)
    print(f"printk, no report open, in instructions: {statistics.median(on):.0f} with the "
          f"store registered, {statistics.median(off):.0f} without ({len(pairs)} rounds "
          f"of 20000 each): {statistics.median(diffs):+.0f} instructions a printk "
          f"(rounds: {min(diffs):+d} to {max(diffs):+d}), {pct:+.2f} % (target < 1 %)")
    print(f"bench: printk_overhead_pct={pct:.2f}")
    print(f"bench: printk_overhead_insns={statistics.median(diffs):.0f}")
    sys.exit(0)
m_on, m_off = statistics.median(on), statistics.median(off)
noise = 100 * (max(off) - min(off)) / m_off
pct = 100 * (m_on - m_off) / m_off
print(f"printk, no report open, timed: {m_on:.0f} ns with the store registered, {m_off:.0f} ns "
      f"without ({len(on)} and {len(off)} rounds of 20000): {pct:+.2f} % "
      f"(the rounds without it spread over {noise:.1f} %)")
print(f"bench: printk_overhead_wall_pct={pct:.2f}")
print(f"bench: printk_noise_pct={noise:.1f}")
