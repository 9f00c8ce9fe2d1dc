#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""crash-mid-report: the kernel dies inside a report, whose end never comes.

Boot 1 raised a report and died in it: the test module's "crash" trigger (a
WARN that faults while it prints: an oops interrupts it and kills its task,
or panics the kernel with panic_on_oops), a WARN with panic_on_warn, or the
"hang" trigger (a WARN that spins forever while it prints, until the
hardware watchdog resets the machine: nothing stores the report then but
its lines written as they printed; its record is flagged open).
What was printed in the report until then must be in pstore after the
reboot, flagged incomplete, the reports nested in it in records of their
own, each byte-identical to the reporting task's lines in the log.

The log is the one boot 1 saved (mbox/dmesg.txt) when it survived, else the
log ramoops' panic dump kept (mbox/upstream/dmesg-ramoops-*): its lines are
printed as syslog(2) prints them, as the records' are.

The reporting task's lines, from the first line of the report on, must be
exactly the records' lines put together: every line of a record is one of
them, in order; no line is missing between the first and the last; a
nested record's lines sit inside the outer record's. After the last one
the task printed nothing (it died), or, with a panic, only what the kernel
prints after its panic notifiers (where the open report was stored).

    check_crash.py LOGDIR --first TEXT --want DET:FLAGS,... [--panic]
"""
import argparse
import glob
import os
import re
import sys

import check_reports
from check_reports import DETECTORS, LINE, parse_record, read, tap

# Printed by panic() after its notifiers, or by a notifier after the capture's.
AFTER_NOTIFIERS = re.compile(rb"Kernel Offset: |---\[ end Kernel panic|Rebooting in ")


def panic_log(mbox):
    """The log of ramoops' panic dump: syslog lines after a "Panic#1 Part1"."""
    for path in sorted(glob.glob(os.path.join(mbox, "upstream", "dmesg-ramoops-*"))):
        data = read(path)
        if data.startswith(b"Panic#"):
            return data.split(b"\n", 1)[1]
    return b""


def main():
    p = argparse.ArgumentParser()
    p.add_argument("logdir")
    p.add_argument("--first", required=True,
                   help="text of the first line the dying report printed")
    p.add_argument("--want", required=True,
                   help="the records wanted, in order of their first lines: DET:FLAGS,...")
    p.add_argument("--panic", action="store_true",
                   help="the kernel panicked: the log is ramoops' panic dump")
    a = p.parse_args()
    mbox = os.path.join(a.logdir, "mbox")
    log = panic_log(mbox) if a.panic else read(os.path.join(mbox, "dmesg.txt"))
    tap(bool(log), "the log: " + ("ramoops' panic dump" if a.panic else "saved by boot 1") +
        f" ({len(log)} bytes)")

    rec_dir = os.path.join(mbox, "records")
    records = []
    for name in sorted(os.listdir(rec_dir)) if os.path.isdir(rec_dir) else []:
        h, problems = parse_record(read(os.path.join(rec_dir, name)))
        if tap(h is not None and not problems,
               f"{name}: header and checksums valid" + (f" ({problems})" if problems else "")):
            h["name"] = name
            records.append(h)
    callers = {h["caller_id"] for h in records}
    if not tap(len(callers) == 1 and not next(iter(callers)) & 0x80000000,
               f"the records are one task's ({len(records)} records)"):
        return 1
    caller = b"T%d" % next(iter(callers))
    lines = [l + b"\n" for l in log.split(b"\n")
             if LINE.match(l) and LINE.match(l).group(2).strip() == caller]
    first = next((i for i, l in enumerate(lines) if a.first.encode() in l), None)
    if not tap(first is not None, f"the log holds the report's first line ({a.first!r})"):
        return 1

    # Place each record's lines on the task's lines, in order.
    placed, taken = [], set()
    for h in records:
        pos, at = [], first
        for line in h["body"].splitlines(keepends=True):
            while at < len(lines) and (lines[at] != line or at in taken):
                at += 1
            if at == len(lines):
                break
            pos.append(at)
            at += 1
        ok = tap(len(pos) == len(h["body"].splitlines()),
                 f"{h['name']}: every line is one of the task's in the log, in order")
        if ok:
            taken.update(pos)
            placed.append((pos[0], h))
    if len(placed) != len(records):
        return 1
    last = max(taken)
    tap(sorted(taken) == list(range(first, last + 1)),
        f"the records hold every line the task printed from the report's first "
        f"({last + 1 - first} lines), each once")
    rest = lines[last + 1:]
    if a.panic:
        tap(all(AFTER_NOTIFIERS.search(l) for l in rest),
            f"after them the task printed only what follows the panic notifiers ({len(rest)} lines)")
    else:
        tap(not rest, f"after them the task printed nothing: it died or hung ({len(rest)} lines)")

    want = [w.split(":") for w in a.want.split(",")]
    got = [(DETECTORS.get(h["detector"], "?"), h["flags"]) for _, h in sorted(placed, key=lambda x: x[0])]
    tap(got == [(d, int(f, 0)) for d, f in want],
        "records by first line, detector and flags: " +
        ", ".join(f"{d}:{f:#x}" for d, f in got) + f" (want {a.want})")
    seqs = sorted(h["seq"] for h in records)
    tap(seqs == list(range(1, len(records) + 1)), f"sequence numbers {seqs}")
    return 1 if check_reports.n_fail else 0


if __name__ == "__main__":
    sys.exit(main())
