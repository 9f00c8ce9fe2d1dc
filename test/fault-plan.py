#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""fault-plan.py [--ecc] [--from-end]: the damage test/guest/cases/fault.sh suffers, as
runvm.py actions, and what must become of each slot (for check_fault.py).

The region is the default one of runvm.py: ramoops at 0x10000000, 1 MiB:
dmesg 0x90000, console 0x20000, pmsg 0x10000, then error reports, 0x40000 in
slots of 0x2000. A slot starts with the ramoops zone header (signature,
start, size: 12 bytes), then ramoops' "====<time>-D" line (24 bytes), then
the error report record (a 208-byte header and the text), or, compressed
("-C"), a byte naming the dictionary and a zstd frame of about 1 KiB. The
damage is within the first 600 bytes of the record so that it hits either.

The six reports take six slots: the first six, or with --from-end (a
kernel that compresses records after writing them packs the compressed
ones from the region's end) the last six.
"""
import json
import sys

BASE = 0x10000000 + 0x90000 + 0x20000 + 0x10000
SLOT = 0x2000
SLOTS = 0x40000 // SLOT
REC = 12 + 24          # where the error report record starts in a slot
FROM_END = "--from-end" in sys.argv


def nth(i):
    """The slot the i-th report's record takes."""
    return SLOTS - 1 - i if FROM_END else i


def slot(i):
    return BASE + nth(i) * SLOT


# slot: (damage, expected without ECC, expected with ECC)
PLAN = {
    0: ([], "intact", "intact"),
    1: ([f"flip:{slot(1) + REC + 208 + 200:#x}:3"], "flagged", "intact"),          # a bit of text
    2: ([f"flip:{slot(2) + REC + 40:#x}:1"], "flagged", "intact"),                 # a bit of seq
    3: ([f"zero:{slot(3) + REC + 64:#x}:256"], "flagged", "flagged"),              # 256 bytes
    4: ([f"flip:{slot(4) + 8 + 3:#x}:6"], "gone", "intact"),                       # zone size field
    5: ([f"flip:{slot(5) + 12 + 1:#x}:0"], "flagged", "intact"),                   # the "====" line
}

if __name__ == "__main__":
    ecc = "--ecc" in sys.argv
    if "--expect" in sys.argv:
        print(json.dumps({nth(i): (p[2] if ecc else p[1]) for i, p in PLAN.items()}))
    else:
        steps = ["stop"] + [d for i in PLAN for d in PLAN[i][0]] + ["system_reset", "cont"]
        print("FAULT-READY=" + ";".join(steps))
