#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""ring-wrap: a report longer than the printk ring buffer.

The test module's "ringwrap" trigger raises a WARN that prints numbered
lines ("ert-ring-wrap line <n>") from its error_report_start event, more
bytes than the ring buffer holds, before its "cut here" line. By the end of
the report the ring has wrapped and lost the report's first lines; the
record, whose lines were copied as printk stored them, must still start with
line 0 and hold lines 0, 1, 2, ... without a gap, up to the line that says
the record was cut (a record is at most 16 KiB).

    check_ring_wrap.py LOGDIR
"""
import os
import re
import sys

import check_reports
from check_reports import parse_record, read, tap

LINE = re.compile(rb"^<(\d+)>\[\s*(\d+\.\d+)\]\[\s*T\d+\] error_report_test: ert-ring-wrap line (\d+): ")


def main():
    mbox = os.path.join(sys.argv[1], "mbox")
    dmesg = read(os.path.join(mbox, "dmesg.txt"))
    tap(b"ert-ring-wrap line " in dmesg and b"ert-ring-wrap line 0:" not in dmesg,
        "the printk ring buffer wrapped inside the report: the log saved after it "
        "has lost the report's first lines")
    rec_dir = os.path.join(mbox, "records")
    found = None
    for name in sorted(os.listdir(rec_dir)) if os.path.isdir(rec_dir) else []:
        h, _ = parse_record(read(os.path.join(rec_dir, name)))
        if h and b"ert-ring-wrap line" in h["body"]:
            found = (name, h)
    if not tap(found is not None, "a record holds the long report"):
        return 1
    name, h = found
    lines = h["body"].split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    numbers, stamps, rest = [], [], []
    for line in lines:
        m = LINE.match(line)
        if m and not rest:
            numbers.append(int(m.group(3)))
            stamps.append(float(m.group(2)))
        else:
            rest.append(line)
    tap(numbers[:1] == [0] and numbers == list(range(len(numbers))),
        f"{name}: starts with the report's first line, lines 0..{len(numbers) - 1} without a gap")
    tap(stamps == sorted(stamps), f"{name}: timestamps in order")
    tap(len(rest) == 1 and b"[error_report: truncated:" in rest[0] and h["flags"] & 0x1,
        f"{name}: then the line that says it was cut, and the truncated flag")
    tap(not h["flags"] & 0x2, f"{name}: no line lost (flag lost_lines clear)")
    return 1 if check_reports.n_fail else 0


if __name__ == "__main__":
    sys.exit(main())
