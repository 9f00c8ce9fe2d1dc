#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Derive records of test/data/records from the real ones captured in QEMU.

Hostile error_report records: what a reset, decayed RAM or a foreign writer
can leave in a slot. And the upstream shapes ramoops never writes but other
backends do: a dmesg dump split into parts, and a compressed (.enc.z) dump.
Run from the repository root; the outputs are committed.
"""
import struct
import zlib

D = "test/data/records/"
real = open(D + "error_report-ramoops-kasan-uaf-task", "rb").read()
HSIZE = 184


def fix_header_crc(b):
    b = bytearray(b)
    b[84:88] = b"\0\0\0\0"
    b[84:88] = struct.pack("<I", zlib.crc32(bytes(b[:HSIZE])))
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
v2 = bytearray(real)
v2[8:10] = struct.pack("<H", 2)
put("hostile-version-2", fix_header_crc(bytes(v2)))
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
