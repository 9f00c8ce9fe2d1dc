#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Time pstore-reader collect against systemd-pstore on the same 64 records.

Both run on fresh copies of the records, RUNS times each; the median of
each is printed with its ratio. The records are in RAM (/dev/shm, as
pstorefs is: freeing one is not a disk's unlink, which on this machine
blocked for 1 to 7 ms each and made both tools wait for the disk), the
archive in a folder under the build directory (a real disk, so that
flushes cost what they cost). systemd-pstore only copies and unlinks;
pstore-reader also validates, parses, titles, writes JSON and flushes.
usage: collect-vs-systemd.py READER WORKDIR [RUNS]
"""
import os
import shutil
import statistics
import subprocess
import sys
import time

reader, work = sys.argv[1], sys.argv[2]
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 20
make = os.path.join(os.path.dirname(__file__), "make-records.py")
shm = "/dev/shm" if os.path.isdir("/dev/shm") else work
src = os.path.join(shm, f"pstore-bench-src-{os.getpid()}")
dst = os.path.join(work, "dst")
cmds = {
    "systemd-pstore": lambda: ["/usr/lib/systemd/systemd-pstore", src, dst],
    "pstore-reader": lambda: [reader, "--pstore-dir", src, "--archive-dir", dst, "collect"],
}
times = {k: [] for k in cmds}
for i in range(runs):
    for name, cmd in cmds.items():
        shutil.rmtree(work, ignore_errors=True)
        shutil.rmtree(src, ignore_errors=True)
        subprocess.run([sys.executable, make, src, "64"], check=True)
        os.sync()
        t0 = time.perf_counter()
        subprocess.run(cmd(), check=True, stdout=subprocess.DEVNULL)
        times[name].append(time.perf_counter() - t0)
        left = len(os.listdir(src))
        if left:
            sys.exit(f"{name} left {left} records")
shutil.rmtree(work, ignore_errors=True)
shutil.rmtree(src, ignore_errors=True)
med = {k: statistics.median(v) * 1000 for k, v in times.items()}
for k in cmds:
    print(f"collect 64 records: {k}: median {med[k]:.1f} ms over {runs} runs")
ratio = med['pstore-reader'] / med['systemd-pstore']
print(f"ratio pstore-reader / systemd-pstore: {ratio:.2f} (target <= 1)")
print(f"bench: collect_vs_systemd_pstore={ratio:.2f}")
