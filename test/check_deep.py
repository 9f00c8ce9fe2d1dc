#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""frames-exhausted: more reports open in one context than the capture keeps.

The test module's "deep" trigger raised three WARNs in one task, each from
the error_report_start event of the one around it, so all three were open
at once; the capture keeps two (ERN_MAX_NEST). In the log each WARN's lines
come whole, innermost first. The two outer reports must come back
byte-identical, each flagged nested and holding only its own lines; the
innermost gets no record and is counted as dropped; its end closes no
other report (the outer ones end whole).

    check_deep.py LOGDIR
"""
import os
import re
import sys

import check_reports
from check_reports import parse_record, read, reports_in_log, tap

LEVEL = re.compile(rb"error_report_test: nested report, level (\d+)")


def main():
    mbox = os.path.join(sys.argv[1], "mbox")
    by_level = {}
    for kind, _, body in reports_in_log(read(os.path.join(mbox, "dmesg.txt"))):
        m = LEVEL.search(body)
        if kind == "warn" and m:
            by_level[int(m.group(1))] = body
    tap(sorted(by_level) == [1, 2, 3], f"the log holds the 3 nested WARNs ({sorted(by_level)})")
    rec_dir = os.path.join(mbox, "records")
    records = []
    for name in sorted(os.listdir(rec_dir)) if os.path.isdir(rec_dir) else []:
        h, problems = parse_record(read(os.path.join(rec_dir, name)))
        if h and not problems:
            records.append(h)
    tap(len(records) == 2, f"2 records, for the 2 reports the capture keeps ({len(records)})")
    bodies = [h["body"] for h in records]
    for level in (1, 2):
        h = next((h for h in records if h["body"] == by_level.get(level)), None)
        tap(h is not None, f"level {level}: its record is byte-identical to its lines in the log")
        tap(h is not None and h["flags"] & 0x4,
            f"level {level}: flagged nested (a report was open inside it)")
    tap(by_level.get(3) not in bodies and
        not any(LEVEL.search(b) and b"level 3" in b for b in bodies),
        "level 3: in no record, not even in part")
    dropped = read(os.path.join(mbox, "er_dropped")).strip()
    tap(dropped == b"1", f"level 3 counted as dropped (dropped = {dropped.decode()})")
    return 1 if check_reports.n_fail else 0


if __name__ == "__main__":
    sys.exit(main())
