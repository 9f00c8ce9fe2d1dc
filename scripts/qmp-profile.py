#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""qmp-profile.py QMP_SOCKET SECONDS CONSOLE_LOG SYSTEM_MAP: a sampling
profile of a QEMU guest, by function.

Under TCG the guest has no PMU to sample with. This stops the guest
through QMP ("stop"), reads every vCPU's RIP ("info registers -a"),
resumes it ("cont"), about 250 times a second, and counts the samples by
the kernel function they fall in (SYSTEM_MAP; boot the guest with nokaslr).
Sampling starts when CONSOLE_LOG shows PROFILE-START and ends after
SECONDS or at PROFILE-END. A guest run by test/qemu/runvm.py has its QMP
socket in its log directory (qmp.sock). KASAN's checks are counted as
their own functions (__asan_load*), not as their callers'.
"""
import bisect
import collections
import json
import re
import socket
import sys
import time


def symbols(path):
    syms = []
    with open(path) as f:
        for line in f:
            addr, kind, name = line.split()[:3]
            if kind in "tTwW":
                syms.append((int(addr, 16), name))
    syms.sort()
    return [a for a, _ in syms], [n for _, n in syms]


def seen(log, marker):
    try:
        with open(log, "rb") as f:
            return marker in f.read()
    except OSError:
        return False


def main():
    sock, secs, log, smap = sys.argv[1], float(sys.argv[2]), sys.argv[3], sys.argv[4]
    addrs, names = symbols(smap)
    while not seen(log, b"PROFILE-START"):
        time.sleep(0.2)
    s = socket.socket(socket.AF_UNIX)
    s.connect(sock)
    f = s.makefile("rw")

    def qmp(cmd, **args):
        f.write(json.dumps({"execute": cmd, "arguments": args} if args else
                           {"execute": cmd}) + "\n")
        f.flush()
        while True:
            r = json.loads(f.readline())
            if "return" in r or "error" in r:
                return r

    f.readline()
    qmp("qmp_capabilities")
    counts = collections.Counter()
    n = 0
    end = time.time() + secs
    while time.time() < end:
        time.sleep(0.004)
        qmp("stop")
        regs = qmp("human-monitor-command", **{"command-line": "info registers -a"})
        qmp("cont")
        for m in re.finditer(r"RIP=([0-9a-f]+)", regs.get("return", "")):
            i = bisect.bisect_right(addrs, int(m.group(1), 16)) - 1
            counts[names[i] if i >= 0 else "?"] += 1
        n += 1
        if n % 50 == 0 and seen(log, b"PROFILE-END"):
            break
    total = sum(counts.values()) or 1
    print(f"{n} stops, {total} samples")
    for name, c in counts.most_common(60):
        print(f"{c:6d} {100 * c / total:5.1f}% {name}")


if __name__ == "__main__":
    main()
