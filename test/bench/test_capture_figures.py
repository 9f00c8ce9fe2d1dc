#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""TAP: capture-figures.py is not fooled by a guest clock that fell back to
jiffies (the TSC marked unstable under TCG): such a boot's timings are left
out, with the reason, and with no other boot no figure is printed at all;
with --icount the figures are instruction counts; rounds of lines whose
report was not stored give the floor (the capture with no copy). Synthetic bench-capture outputs, no guest."""
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
n = 0


def tap(ok, what):
    global n
    n += 1
    print(f"{'ok' if ok else 'not ok'} {n} - {what}")


def boot(root, name, clock, timings, memcpy, rounds):
    mbox = os.path.join(root, name, "mbox")
    os.makedirs(mbox)
    files = {"clocksource": clock, "tsc-unstable": "0" if clock == "tsc" else "1",
             "timings.txt": timings, "memcpy.txt": memcpy, "line.txt": rounds}
    for f, text in files.items():
        with open(os.path.join(mbox, f), "w") as out:
            out.write(text)
    return mbox


def figures(*mboxes):
    return subprocess.run([sys.executable, os.path.join(HERE, "capture-figures.py"), *mboxes],
                          capture_output=True, text=True, check=False).stdout


with tempfile.TemporaryDirectory() as root:
    # 200 us of probes, 50 lines of 1 us each, 5 ms of printing: 250 us.
    good = boot(root, "good", "tsc", "200000 5000000\n" * 3,
                "1 5000 800 50\n2 5000 800 50\n3 5000 800 50\n", "20000 19000\n" * 5)
    # The watchdog gave up on the TSC: most timings 0, the rest a tick.
    jiffies = boot(root, "jiffies", "hpet", "0 4000000\n0 0\n4000000 8000000\n",
                   "1 5000 800 50\n2 5000 800 50\n3 5000 800 50\n", "0 0\n0 4000000\n0 0\n")
    out = figures(good, jiffies)
    tap("bench: capture_median_us=250.0" in out,
        "figures from the trustworthy boot alone: 250 us a report")
    tap("jiffies/mbox left out" in out and "clocksource is hpet" in out,
        "the boot whose clock fell back to jiffies is left out, and why")
    out = figures(jiffies)
    tap("no figure" in out and "bench: capture" not in out,
        "a jiffies boot alone: no figure printed, the reason instead")
    out = figures("--icount", good)
    tap("bench: capture_insn_median_k=250.0" in out and "bench: capture_median_us" not in out
        and "250.0 k instructions" in out,
        "--icount: the same figures, as instruction counts, under keys of their own")
    # Rounds say whether their report was stored: 2 stored (1 us a line),
    # 3 not (100 ns a line: the gate alone). The per-line cost is the
    # stored rounds'; the floor, the others', on the same probes.
    rounds = boot(root, "rounds", "tsc", "200000 5000000\n" * 3,
                  "1 5000 800 50\n2 5000 800 50\n3 5000 800 50\n",
                  "20000 19000 1\n" * 2 + "19100 19000 0\n" * 3)
    out = figures("--icount", rounds)
    tap("bench: capture_insn_median_k=250.0" in out and
        "bench: capture_insn_line_unstored=100" in out and
        "bench: capture_insn_probes_median_k=200.0" in out and
        "bench: capture_insn_floor_vs_memcpy_x=256.2" in out,
        "rounds not stored give the floor, the stored ones the per-line cost")
    out = figures("--icount", "--kver", "6.1", rounds)
    tap("bench: capture_insn_v6_1_median_k=250.0" in out and
        "bench: capture_insn_median_k" not in out,
        "--kver: another kernel's figures, under keys that name it")
    out = figures(os.path.join(root, "none", "mbox"))
    tap("no figure" in out and "left no timings" in out,
        "a boot that left no timings: said so, no figure")
print(f"1..{n}")
