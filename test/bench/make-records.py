#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""make-records.py OUTDIR N: N distinct error_report records for the reader
benchmark, made from the real ones of test/data/records (KASAN, KFENCE and
WARN in turn), each with its own sequence number and valid checksums."""
import os
import struct
import sys
import zlib

D = os.path.join(os.path.dirname(__file__), "..", "data", "records")
srcs = ["kasan-uaf-task", "kfence-oob-task", "warn-task", "kasan-oob-task"]
out, n = sys.argv[1], int(sys.argv[2])
os.makedirs(out, exist_ok=True)
for i in range(n):
    b = bytearray(open(os.path.join(D, "error_report-ramoops-" + srcs[i % len(srcs)]), "rb").read())
    b[40:48] = struct.pack("<Q", i + 1)          # seq
    b[84:88] = b"\0\0\0\0"
    b[84:88] = struct.pack("<I", zlib.crc32(bytes(b[:184])))
    with open(os.path.join(out, f"error_report-ramoops-{i}"), "wb") as f:
        f.write(b)
