#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""boot-figures.py DIR: what the error report region costs at boot.

DIR holds console logs named boot-NAME-N.log, NAME naming a setting of the
region. For each, the median time to init and the median time ramoops took
to probe (from its first line to its last), which is where the region is
set up.
"""
import glob
import os
import statistics
import sys

from probe_time import probe_s, stamp

by_name = {}
for path in sorted(glob.glob(os.path.join(sys.argv[1], "boot-*-*.log"))):
    name = os.path.basename(path)[len("boot-"):].rsplit("-", 1)[0]
    lines = open(path, errors="replace").read().splitlines()
    init = stamp(lines, r"Run /init as init process")
    probe = probe_s(lines)
    if init is None or probe is None:
        print(f"{path}: no boot figures in it")
        continue
    by_name.setdefault(name, []).append((init, probe))
for name, runs in by_name.items():
    init = statistics.median(r[0] for r in runs)
    probe = statistics.median(r[1] for r in runs)
    print(f"{name}: init after {init:.2f} s, ramoops probe "
          f"{probe * 1000:.1f} ms (medians of {len(runs)} boots)")
    key = name.replace("-", "_")
    print(f"bench: boot_init_s_{key}={init:.2f}")
    print(f"bench: probe_ms_{key}={probe * 1000:.1f}")
