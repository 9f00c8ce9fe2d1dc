#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""check_fault.py LOGDIR [--ecc] [--from-end]: after test/guest/cases/fault.sh, each
damaged slot must end up as test/fault-plan.py says, and nothing damaged may
be archived as good. Prints TAP."""
import glob
import json
import os
import re
import struct
import subprocess
import sys

from check_reports import slot_of

logdir, ecc = sys.argv[1], "--ecc" in sys.argv
mbox = os.path.join(logdir, "mbox")
plan = json.loads(subprocess.run(
    [sys.executable, os.path.join(os.path.dirname(__file__), "fault-plan.py"), "--expect"]
    + [a for a in sys.argv[2:] if a in ("--ecc", "--from-end")],
    capture_output=True, text=True, check=True).stdout)
fails = 0


def tap(ok, desc):
    global fails
    print(("ok" if ok else "not ok") + " - " + desc)
    fails += not ok


def read(path, mode="r"):
    try:
        with open(path, mode) as f:
            return f.read()
    except OSError:
        return b"" if "b" in mode else ""


left = read(os.path.join(mbox, "left.txt")).split()
dmesg = read(os.path.join(mbox, "dmesg-boot2.txt"))
archived = {}
for path in glob.glob(os.path.join(mbox, "archive", "*", "report-*.json")):
    j = json.load(open(path))
    archived[int(j["seq"])] = j    # 64-bit values are strings (schema_version 2)
unparsed = [os.path.basename(p) for p in glob.glob(os.path.join(mbox, "archive", "unparsed", "*"))]
# Damage to a record's time header changes its id but for the slot bits.


originals = {}
for path in glob.glob(os.path.join(mbox, "orig", "error_report-ramoops-*")):
    data = open(path, "rb").read()
    seq = struct.unpack_from("<Q", data, 40)[0]
    originals[slot_of(os.path.basename(path))] = (seq, data[struct.unpack_from("<H", data, 10)[0]:][:struct.unpack_from("<I", data, 72)[0]])

tap(len(originals) == len(plan), f"{len(originals)} records stored before the damage")
texts = {body.decode(errors="replace") for _, body in originals.values()}
tap(all(j["text"] in texts and j["integrity"] == "ok" for j in archived.values()),
    f"all {len(archived)} archived reports are intact copies of the stored ones")
for slot, want in sorted(plan.items(), key=lambda kv: int(kv[0])):
    seq, body = originals.get(int(slot), (None, b""))
    j = archived.get(seq)
    # A compressed record that no longer decompresses keeps its compressed
    # bytes and gets pstore's ".enc.z" suffix.
    in_unparsed = any(slot_of(u) == int(slot) for u in unparsed)
    in_left = any(slot_of(n) == int(slot) for n in left)
    if want == "intact":
        ok = j is not None and j["text"] == body.decode(errors="replace") and not in_left
        desc = f"slot {slot}: intact after the damage: archived, identical, unlinked"
        if ecc and ok and j.get("ecc", "") != "ECC: No errors detected":
            desc += f" ({j.get('ecc')})"
    elif want == "flagged":
        ok = j is None and in_unparsed and not in_left
        desc = f"slot {slot}: damaged: not archived as good, copied to unparsed/, freed"
    else:
        ok = j is None and not in_unparsed and not in_left and \
            "found existing invalid buffer" in dmesg
        desc = f"slot {slot}: zone header damaged: ramoops drops it and says so at boot"
    tap(ok, desc)
if ecc:
    fixed = [j for j in archived.values() if re.match(r"ECC: [1-9]\d* Corrected bytes", j.get("ecc", ""))]
    tap(len(fixed) >= 3, f"ECC corrected the flipped bits of {len(fixed)} records, and says so")
rc = read(os.path.join(mbox, "collect.rc")).strip()
tap(rc == ("5" if "flagged" in plan.values() else "0"),
    f"pstore-reader collect exit status {rc}: 5 when damaged records were found (archived raw, freed)")
sys.exit(1 if fails else 0)
