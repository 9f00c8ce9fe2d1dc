#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""printk-figures.py DIR: printk's cost with no report open, with the error
report store registered ("on": the capture's static key enabled) and
without ("off"), from bench-printk.sh runs in DIR/on-N and DIR/off-N.

Each run holds the medians of five rounds of 20000 printk() calls. The
overhead is the median "on" against the median "off"; the spread of the
"off" medians says how much of it is noise."""
import glob
import os
import statistics
import sys


def medians(setting):
    vals, clocks = [], set()
    for run in sorted(glob.glob(os.path.join(sys.argv[1], f"{setting}-*", "mbox"))):
        try:
            vals += [int(l) for l in open(os.path.join(run, "printk.txt")) if l.strip()]
            clocks.add(open(os.path.join(run, "clocksource")).read().strip())
        except OSError:
            pass
    return vals, clocks


on, clocks_on = medians("on")
off, clocks_off = medians("off")
if not on or not off:
    print("printk: run failed, no figures")
    sys.exit(0)
clocks = clocks_on | clocks_off
if clocks != {"tsc"} or min(on + off) == 0:
    print(f"printk: no figure: the timings are at the clock's resolution (clocksource {clocks})")
    sys.exit(0)
m_on, m_off = statistics.median(on), statistics.median(off)
noise = 100 * (max(off) - min(off)) / m_off
pct = 100 * (m_on - m_off) / m_off
print(f"printk, no report open: {m_on:.0f} ns with the store registered, {m_off:.0f} ns "
      f"without ({len(on)} and {len(off)} rounds of 20000): {pct:+.2f} % "
      f"(target < 1 %; the rounds without it spread over {noise:.1f} %)")
print(f"bench: printk_overhead_pct={pct:.2f}")
print(f"bench: printk_noise_pct={noise:.1f}")
