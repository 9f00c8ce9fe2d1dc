#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Derive records of test/data/records from the real ones captured in QEMU.

Hostile error_report records: what a reset, decayed RAM or a foreign writer
can leave in a slot. And the upstream shapes ramoops never writes but other
backends do: a dmesg dump split into parts, and a compressed (.enc.z) dump.
Run from the repository root; the outputs are committed.
"""
import re
import struct
import zlib

D = "test/data/records/"
real = open(D + "error_report-ramoops-kasan-uaf-task", "rb").read()
HSIZE = 184


def fix_header_crc(b):
    b = bytearray(b)
    size = struct.unpack("<H", b[10:12])[0]
    if size > len(b):                      # a hostile size: the first header's
        size = HSIZE
    b[84:88] = b"\0\0\0\0"
    b[84:88] = struct.pack("<I", zlib.crc32(bytes(b[:size])))
    return bytes(b)


def put(name, data):
    with open(D + "error_report-ramoops-" + name, "wb") as f:
        f.write(data)


body_flip = bytearray(real)
body_flip[HSIZE + 500] ^= 0x01
put("hostile-torn-bitflip", bytes(body_flip))
put("hostile-torn-cut", real[:HSIZE + 1000])
hdr_flip = bytearray(real)
hdr_flip[40] ^= 0x80                       # seq
put("hostile-bad-header-crc", bytes(hdr_flip))
v3 = bytearray(real)
v3[8:10] = struct.pack("<H", 3)
put("hostile-version-3", fix_header_crc(bytes(v3)))
put("hostile-garbage", bytes((i * 7919 + 13) & 0xFF for i in range(3000)))
put("hostile-empty", b"")
put("hostile-short", real[:100])
bad_size = bytearray(real)
bad_size[10:12] = struct.pack("<H", 0xFFFF)
put("hostile-header-size", fix_header_crc(bytes(bad_size)))
ecc = real + b"\nECC: No errors detected\n"
put("ecc-notice", ecc)
# A report whose end never came (ERROR_REPORT_F_INCOMPLETE, 0x10): the
# reporter died inside it and the record was stored with the lines printed
# so far, here the first half, up to the stack trace's first frames. A
# sound record, CRCs valid, with its own seq so that it archives beside
# the record it comes from.
hsize = struct.unpack("<H", real[10:12])[0]
text = real[hsize:]
lines = text.split(b"\n")
cut_text = b"\n".join(lines[:len(lines) // 2]) + b"\n"
inc = bytearray(real[:hsize] + cut_text)
inc[12:16] = struct.pack("<I", struct.unpack("<I", inc[12:16])[0] | 0x10)   # flags
inc[40:48] = struct.pack("<Q", 1000)                                        # seq
inc[72:76] = struct.pack("<I", len(cut_text))                               # body_len
inc[76:80] = struct.pack("<I", zlib.crc32(cut_text))                        # body_crc32
put("incomplete-kasan", fix_header_crc(bytes(inc)))

# A dump in two parts, as efi-pstore stores one: Part1 is the newest end of
# the log, Part2 the text before it.
dump = open(D + "dmesg-ramoops-kasan-panic", "rb").read()
head, text = dump.split(b"\n", 1)
cut = text.index(b"\n", len(text) // 2) + 1
with open(D + "dmesg-efi-17", "wb") as f:
    f.write(b"Panic#1 Part1\n" + text[cut:])
with open(D + "dmesg-efi-18", "wb") as f:
    f.write(b"Panic#1 Part2\n" + text[:cut])
# A compressed dump pstore could not inflate at boot: raw deflate.
c = zlib.compressobj(9, zlib.DEFLATED, -15)
with open(D + "dmesg-efi-19.enc.z", "wb") as f:
    f.write(c.compress(b"Oops#1 Part1\n" + text) + c.flush())
with open(D + "dmesg-efi-20.enc.z", "wb") as f:
    f.write(b"\x00not deflate at all" * 8)

# A record the kernel was writing as its report printed when a hardware
# watchdog reset the machine (the "hang" trigger), as the backend holds it
# before the next kernel completes it: flagged open, not incomplete, no
# length, text CRC or sequence number (U-Boot saves it so).
opened = bytearray(open(D + "error_report-ramoops-open-hang", "rb").read())
osize = struct.unpack("<H", opened[10:12])[0]
flags = struct.unpack("<I", opened[12:16])[0]
opened[12:16] = struct.pack("<I", flags & ~0x10)
opened[72:80] = b"\0" * 8                  # body_len, body_crc32
opened[84:88] = b"\0" * 4
opened[84:88] = struct.pack("<I", zlib.crc32(bytes(opened[:osize])))
put("open-raw", bytes(opened))

# Version 2, as the kernel's capture writes a record into the backend and
# U-Boot's "pstore save" copies it out: each printk record as a struct
# error_report_line (ts_nsec, caller_id, prio, flags, len: 18 bytes,
# packed) and its text. Made from the version 1 records above, whose
# prefixes hold all of it (the time to the microsecond): the reader must
# format them back byte for byte. A line is split in two, the second part a
# continuation fragment (flag 0x4), as printk stores a pr_cont().
PREFIX = re.compile(rb"^<(\d+)>\[ *(\d+)\.(\d{6})\]\[ *([TC])(\d+)\] (.*)$", re.S)


def entry(ts, caller, prio, flags, text):
    return struct.pack("<QIHHH", ts, caller, prio, flags, len(text)) + text


def to_lines(text, split_at=None):
    out = b""
    for i, line in enumerate(text.split(b"\n")[:-1]):
        m = PREFIX.match(line)
        ts = int(m.group(2)) * 10**9 + int(m.group(3)) * 1000
        caller = int(m.group(5)) + (0x80000000 if m.group(4) == b"C" else 0)
        prio, body = int(m.group(1)), m.group(6)
        if i == split_at and len(body) > 4:
            out += entry(ts, caller, prio, 3, body[:4])
            out += entry(ts, caller, prio, 3 | 4, body[4:])
        else:
            out += entry(ts, caller, prio, 3, body)
    return out


def as_version_2(rec, cut=0):
    hsize = struct.unpack("<H", rec[10:12])[0]
    flags = struct.unpack("<I", rec[12:16])[0]
    body = to_lines(rec[hsize:], split_at=3)
    h = bytearray(rec[:hsize])
    h[8:10] = struct.pack("<H", 2)
    if flags & 0x20:               # open: no length, no CRC; cut mid-entry
        body = body[:len(body) - cut]
    else:
        h[72:76] = struct.pack("<I", len(body))
        h[76:80] = struct.pack("<I", zlib.crc32(body))
    return fix_header_crc(bytes(h)) + body


put("v2-kasan-uaf-task", as_version_2(real))
put("v2-open-raw", as_version_2(bytes(opened), cut=5))
