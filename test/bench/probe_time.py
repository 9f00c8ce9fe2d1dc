# SPDX-License-Identifier: GPL-2.0-only
"""Times in a guest's console log, for the boot figures of make bench."""
import re

STAMP = re.compile(r"^\[\s*([0-9.]+)\]")


def stamp(lines, pattern):
    """The printk time, in seconds, of the first line matching pattern."""
    for line in lines:
        if re.search(pattern, line):
            m = STAMP.match(line)
            if m:
                return float(m.group(1))
    return None


def probe_s(lines):
    """How long ramoops' probe took, from its first line to its last, in
    seconds; None when the log lacks either."""
    first = stamp(lines, r"ramoops: using module parameters")
    last = stamp(lines, r"ramoops: using 0x")
    return None if first is None or last is None else last - first
