#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""compressibility.py RECORD...: how many typical reports 64 KiB could keep
if their text were compressed and packed at byte granularity.

Today each report takes one power-of-two slot of raw text. This estimates
the two ways to the issue's 40 KASAN reports per 64 KiB: deflate (the
kernel's zlib, as pstore already uses for dmesg records), and zstd with a
dictionary of raw report text built into the kernel (6.12's zstd wrapper has
zstd_create_cdict_byreference(); 6.1's has no dictionary API). Each record's
dictionary leaves that record out (see main() for what it holds), so that
it is not compressed against itself. Every packed record pays the current
header (struct error_report_header) and a 4-byte length.
"""
import os
import statistics
import struct
import subprocess
import sys
import tempfile
import zlib

DICT_MAX = 16 << 10


def split(path):
    """(header size, text) of a record as pstorefs shows it."""
    data = open(path, "rb").read()
    if data[:8] != b"KERRREPT":
        return 0, None
    header_size, = struct.unpack_from("<H", data, 10)
    body_len, = struct.unpack_from("<I", data, 72)
    return header_size, data[header_size:header_size + body_len]


def kind(path):
    name = os.path.basename(path)
    for k in ("kasan", "kfence", "warn"):
        if f"-{k}-" in name:
            return k
    return None


def zstd(text, level, dictionary=None):
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "src")
        open(src, "wb").write(text)
        cmd = ["zstd", "-q", "-c", f"-{level}", src]
        if dictionary:
            dpath = os.path.join(tmp, "dict")
            open(dpath, "wb").write(dictionary)
            cmd += ["-D", dpath]
        return len(subprocess.run(cmd, check=True, capture_output=True).stdout)


def main():
    records = [(p, kind(p), *split(p)) for p in sys.argv[1:]]
    records = [(p, k, h, b) for p, k, h, b in records if k and b]
    overhead = max(h for _, _, h, _ in records) + 4
    records = [(p, k, b) for p, k, _, b in records]
    by_kind = {}
    for p, k, b in records:
        by_kind.setdefault(k, []).append((p, b))
    print(f"{len(records)} real records ({', '.join(f'{len(v)} {k}' for k, v in by_kind.items())}); "
          f"packed at byte granularity, {overhead} bytes of header and length each")
    for k, items in by_kind.items():
        # The dictionary: one report of this kind but of another bug (else
        # of the same bug in another context), then one of every other
        # kind. All the corpus's reports come from one test module, so
        # this is the optimistic end: a device's dictionary would be its
        # detectors' report text and its kernel's common call chains.
        rows = []
        for p, b in items:
            others = [ob for ok, v in by_kind.items() if ok != k for _, ob in v[:1]]
            bug = os.path.basename(p).split("-")[3]
            same = sorted((os.path.basename(op).split("-")[3] == bug, ob)
                          for op, ob in items if op != p)[:1]
            same = [ob for _, ob in same]
            dictionary = b"".join(same + others)[:DICT_MAX]
            rows.append((len(b), len(zlib.compress(b, 9)) - 6, zstd(b, 3, dictionary),
                         zstd(b, 19, dictionary)))
        cols = list(zip(*rows))
        med = [statistics.median(c) for c in cols]
        fit = [65536 // int(m + overhead) for m in med]
        print(f"{k}: median bytes raw {med[0]:.0f}, deflate-9 {med[1]:.0f}, "
              f"zstd-3+dict {med[2]:.0f}, zstd-19+dict {med[3]:.0f}; "
              f"per 64 KiB packed: {fit[0]} raw, {fit[1]} deflate, {fit[2]} zstd-3+dict, "
              f"{fit[3]} zstd-19+dict")
    print("target: >= 40 KASAN per 64 KiB (estimate from the corpus; "
          "the region stores raw text today)")


if __name__ == "__main__":
    main()
