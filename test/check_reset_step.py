#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""reset-mid-header: what a reset at one step of a record's write or erase
leaves in pstore (issue 19, point 7), judged after the next boot.

Boot 1 stored WARN reports of several slots each (test/guest/cases/
reset-mid-header.sh) and copied them out (mbox/orig); then it wrote one
more, or erased the second, and gdb reset the machine before the STEP-th
zone call of that write or erase (test/qemu/reset-at-step.py, gdb.log).
What boot 2 found is in mbox/records.

A write's zone calls are, slot by slot: zap, the header line (first slot),
the text. Before the first text is written the slots hold no report: the
record must be absent. Once some text is written and the write did not
end, the record must be there and flagged (its checksums fail), never
shown as whole. After the write returned it must be whole: one WARN,
checksums valid.

An erase zaps the slots, the first one (the header) last, then frees them:
before its first zap the record is intact; between zaps it is there,
flagged; once it returned it is gone.

Whatever the step, every other record is byte-identical to boot 1's copy,
and no record holds a line of another.

With compression on (compact-write, compact-erase), boot 1 stored two
WARNs, each compressed before the next, then a third; gdb reset the
machine while its compressed copy was written (zap, header line, text)
or while the original was erased after it (its two slots zapped). Until
the copy's text is written only the original is there, whole; from then
until the erase's first zap both are, whole, the same report; between
the zaps the original is flagged; after the erase only the copy is left.
Whatever the step, the collect of boot 2 archives the report once.

A report written as it prints ("stream"): its slots are claimed and
zapped, the time header written, then the record header flagged open,
each line as it prints, and at its end the final header, the time header
rewritten with the slots it took and the others zapped. Before the open
header is written the record is absent; from then until the final header
is written it is there, flagged open and incomplete, holding the lines
written so far (a WARN's first lines); from the final header on it is
whole. Each line takes two calls, its entry then its text: a reset between
them leaves a last line with its prefix only. STEP close+K counts from the
close's entry.

    check_reset_step.py LOGDIR write|erase|compact-write|compact-erase|stream STEP
"""
import glob
import os
import re
import sys

import check_reports
from check_reports import parse_record, read, tap

RESET = re.compile(r"RESET-AT (\S+) step (\S+): (before zone call (\d+)|after it returned)")
# A report written as it prints claims the most slots a report may take
# (8 of the test's 2 KiB slots: 16 KiB) and zaps each, then writes the time
# header, then the record header flagged open: before that last call the
# slots hold no report.
STREAM_OPEN_CALLS = 8 + 2
F_INCOMPLETE, F_OPEN = 0x10, 0x20
# A line whose entry was written and not its text: "<6>[    1.234567][  T42]".
PREFIX_ONLY = re.compile(rb"<\d+>(\[[^\]]*\])* ?")


def records(path):
    names = read(path).decode().split()
    d = os.path.dirname(path)
    sub = "orig" if path.endswith("boot1.txt") else "records"
    return [(n, read(os.path.join(d, sub, n))) for n in names]


def lines_of(data):
    return {l for l in data.split(b"\n") if re.match(rb"<\d+>\[", l)}


def check_compact(mode, returned, call, mbox, others, rest):
    """The third report's records after a reset during its compaction."""
    parsed = {n: parse_record(rest[n]) for n in rest}
    whole = [n for n, (h, problems) in parsed.items() if h is not None and not problems]
    flagged = [n for n in rest if n not in whole]
    if mode == "compact-write":
        want = (2, 0) if returned else (1, 0)
    else:
        want = (1, 0) if returned else (2, 0) if call == 1 else (1, 1)
    tap((len(whole), len(flagged)) == want,
        f"the third report: {len(whole)} whole and {len(flagged)} flagged records, want {want}")
    bodies = {parsed[n][0]["body"] for n in whole}
    tap(len(bodies) == 1, f"its whole records hold one and the same text ({len(bodies)} texts)")
    for body in bodies:
        tap(body.count(b"cut here") == 1 and body.count(b"---[ end trace") == 1,
            "it is one whole WARN")
    theirs = set().union(*(lines_of(d) for d in others.values())) if others else set()
    tap(all(not (lines_of(d) & theirs) for d in rest.values()),
        "its records hold no line of boot 1's other records")
    reports = glob.glob(os.path.join(mbox, "archive", "*", "report-*.json*"))
    names = sorted(os.path.basename(r) for r in reports)
    tap(len(reports) == 3 and not any(re.search(r"\.json\.\d+$", n) for n in names),
        f"collect archived the three reports once each ({names})")


def main():
    logdir, mode, step = sys.argv[1], sys.argv[2], sys.argv[3]
    mbox = os.path.join(logdir, "mbox")
    m = RESET.search(read(os.path.join(logdir, "gdb.log")).decode(errors="replace"))
    if not tap(m is not None, f"gdb reset the machine during the {mode} (step {step})"):
        return 1
    returned = m.group(3).startswith("after")
    call = None if returned else int(m.group(4))
    at_close = step.startswith("close+")
    print(f"# {m.group(0)}")
    before = records(os.path.join(mbox, "order-boot1.txt"))
    after = dict(records(os.path.join(mbox, "order-boot2.txt")))
    tap(len(before) == (3 if mode == "erase" else 2),
        f"boot 1 stored {len(before)} records before the {mode}")
    if mode.startswith("compact"):
        others = dict(before)
        for name, data in before:
            tap(after.get(name) == data, f"{name}: byte-identical after the reset")
        check_compact(mode, returned, call, mbox, others,
                      {n: d for n, d in after.items() if n not in others})
        return 1 if check_reports.n_fail else 0
    target = before[1][0] if mode == "erase" else None
    for name, data in before:
        if name == target:
            continue
        tap(after.get(name) == data, f"{name}: byte-identical after the reset")
    others = set(n for n, _ in before if n != target)
    # The record the write or erase was at.
    rest = [n for n in after if n not in others]
    tap(len(rest) <= 1, f"at most one record other than boot 1's ({rest})")
    name = rest[0] if rest else None
    data = after.get(name, b"")
    h, problems = parse_record(data) if name else (None, "")
    whole = h is not None and not problems
    opened = whole and h["flags"] & F_OPEN
    state = "absent" if not name else "open" if opened else "whole" if whole \
        else f"flagged ({problems})"
    if mode == "stream":
        if returned or at_close:
            want = "whole"
        elif call <= STREAM_OPEN_CALLS:
            want = "absent"
        else:
            want = "open"
    elif mode == "write":
        if returned:
            want = "whole"
        elif call <= 3:
            want = "absent"      # zap, header line: no text yet
        else:
            want = "flagged"
    else:
        want = "absent" if returned else "whole" if call == 1 else "flagged"
    tap(state.split()[0] == want, f"the {'erased' if mode == 'erase' else 'new'} record: {state}, want {want}")
    if opened:
        body = h["body"]
        tap(h["flags"] == F_OPEN | F_INCOMPLETE and h["seq"] == 3,
            f"{name}: flagged open and incomplete ({h['flags']:#x}), the third report "
            f"(seq {h['seq']})")
        # A reset between the two halves of a line that crosses slots
        # leaves its beginning: every line but the last is whole. One
        # between a line's entry and its text leaves the line's prefix.
        lines = body.splitlines()
        cut = bool(lines) and PREFIX_ONLY.fullmatch(lines[-1]) is not None
        kept = b"\n".join(lines[:-1] if cut else lines)
        tap(kept == b"" or (kept.count(b"cut here") == 1 and b"---[ end trace" not in kept),
            f"{name}: the WARN's first lines ({len(lines)}"
            f"{', the last one its prefix only' if cut else ''})")
    elif whole:
        body = h["body"]
        tap(body.count(b"cut here") == 1 and body.count(b"---[ end trace") == 1,
            f"{name}: one whole WARN")
        if mode == "erase":
            tap(data == dict(before)[target], f"{name}: byte-identical to boot 1's copy")
    if name:
        theirs = set().union(*(lines_of(d) for n, d in before if n in others)) if others else set()
        tap(not (lines_of(data) & theirs), f"{name}: holds no line of another record")
    reader = read(os.path.join(mbox, "reader-list.txt")).decode(errors="replace")
    if name and (opened or not whole):
        line = next((l for l in reader.splitlines() if l.startswith(name)), "")
        tap(line and " ok " not in line, f"pstore-reader does not call it whole: {line.strip()!r}")
    return 1 if check_reports.n_fail else 0


if __name__ == "__main__":
    sys.exit(main())
