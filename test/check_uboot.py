#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Check an arm64 run booted through U-Boot, and print TAP:

- the device tree the kernel was given (saved by the guest from
  /sys/firmware/fdt) carries the ramoops node U-Boot's pstore fixup wrote,
  with the error report properties, every one of them in the binding;
- the kernel took the region from that node alone (no ramoops.* parameter
  but error_report_store_repeats)
  and carved as many error report slots as U-Boot's layout has;
- after the warm reset, U-Boot's "pstore display" showed every record the
  kernel recovered, with the same text, and "pstore save" wrote files
  byte-identical to the kernel's /sys/fs/pstore ones: U-Boot found each slot
  where the kernel put it, so their layout arithmetic agrees;
- with --format=N, U-Boot read every record in format N (2: as the capture
  wrote it, which U-Boot formatted to show and save it).

usage: check_uboot.py LOGDIR LEN RECORD CONSOLE FTRACE PMSG ECC ERSIZE ERRECORD
         [--format=N]
  (the sizes, as given to U-Boot's "pstore set")
"""
import os
import re
import subprocess
import sys

from check_reports import parse_record, read, slot_of, tap

ADDR = 0x50000000
BINDING = "Documentation/devicetree/bindings/reserved-memory/ramoops.yaml"


def fdt_u32(dtb, node, prop):
    r = subprocess.run(["fdtget", "-t", "x", dtb, node, prop], capture_output=True, text=True)
    return [int(x, 16) for x in r.stdout.split()] if r.returncode == 0 else None


def check_dt(logdir, sizes):
    dtb = os.path.join(logdir, "mbox", "fdt-boot2.dtb")
    node = f"/reserved-memory/ramoops@{ADDR:x}"
    if not tap(os.path.exists(dtb), "the guest saved the device tree it was given"):
        return
    want = {"reg": [0, ADDR, 0, sizes["len"]], "record-size": [sizes["record"]],
            "console-size": [sizes["console"]], "ftrace-size": [sizes["ftrace"]],
            "pmsg-size": [sizes["pmsg"]], "error-report-size": [sizes["ersize"]],
            "error-report-record-size": [sizes["errecord"]]}
    for prop, value in want.items():
        got = fdt_u32(dtb, node, prop)
        tap(got == value, f"DT from U-Boot: {node} {prop} = {got}, want {value}")
    # dtc's own checks on the tree U-Boot produced: none about the node.
    r = subprocess.run(["dtc", "-I", "dtb", "-O", "dts", "-o", "/dev/null", dtb],
                       capture_output=True, text=True)
    bad = [l for l in r.stderr.splitlines() if "ramoops" in l or "reserved-memory" in l]
    tap(r.returncode == 0 and not bad,
        "dtc finds nothing to warn about in the reserved-memory/ramoops nodes"
        + (": " + "; ".join(bad) if bad else ""))
    # dt-schema is not packaged for Debian 12: check the property names
    # against the binding (unevaluatedProperties: false) instead.
    props = subprocess.run(["fdtget", "-p", dtb, node], capture_output=True,
                           text=True).stdout.split()
    tree = os.environ.get("TREE", os.path.join(os.environ.get("BUILD", "build"), "linux-6.12"))
    binding = read(os.path.join(tree, BINDING)).decode()
    listed = set(re.findall(r"^  ([a-z#][a-z0-9,#-]*):", binding, re.M)) | {"reg", "compatible"}
    unknown = [p for p in props if p not in listed]
    tap(binding != "" and not unknown,
        f"every property of the node is in the binding ({', '.join(props)})"
        + (f"; not listed: {unknown}" if unknown else ""))


def check_kernel(console, sizes):
    boots = console.split("GUEST-READY")
    first = boots[0]
    # Every test boot asks to store repeats (test/qemu/runvm.py): not the region.
    cmdline = "".join(re.findall(r"Kernel command line:.*", first))
    tap("ramoops." not in re.sub(r"ramoops\.error_report_store_repeats=\S+", "", cmdline),
        "no ramoops.* parameter for the region on the kernel command line: the DT alone")
    m = re.search(r"ramoops: using (0x[0-9a-f]+)@(0x[0-9a-f]+)", first)
    tap(m is not None and int(m.group(1), 16) == sizes["len"] and int(m.group(2), 16) == ADDR,
        f"the kernel uses the region U-Boot described: {m.group(0) if m else 'none'}")
    slots = sizes["ersize"] // sizes["errecord"]
    m = re.search(r"ramoops: error reports: (\d+) slots", first)
    tap(m is not None and int(m.group(1)) == slots,
        f"the kernel carved {m.group(1) if m else 'no'} error report slots, U-Boot's layout has {slots}")


def uboot_display(console):
    """The "pstore display" output of the U-Boot run after the first warm
    reset: {slot: text}."""
    runs = console.split("Hit any key to stop autoboot")
    if len(runs) < 3:
        return None
    text = runs[2].replace("\r\n", "\n")
    shown = {}
    for m in re.finditer(r"^\*\*\*\* Error report (\d+)\n(.*?)(?=^\*\*\*\* |^=> )",
                         text, re.M | re.S):
        shown[int(m.group(1))] = m.group(2)
    return shown


def check_display(logdir, console, want_format):
    shown = uboot_display(console)
    if not tap(shown is not None, "U-Boot ran again after the warm reset"):
        return
    rec_dir = os.path.join(logdir, "mbox", "records")
    names = sorted(os.listdir(rec_dir)) if os.path.isdir(rec_dir) else []
    tap(len(names) > 0 and len(shown) == len(names),
        f"U-Boot's pstore display shows {len(shown)} error reports, the kernel recovered {len(names)}")
    for name in names:
        slot = slot_of(name)
        h, problems = parse_record(read(os.path.join(rec_dir, name)))
        body = h["body"].decode(errors="replace") if h else None
        text = shown.get(slot, "")
        tap(body is not None and body in text and "CRC ok" in text,
            f"{name}: U-Boot shows slot {slot} with its text, checksums ok")
        if want_format:
            # The record U-Boot read was as the capture wrote it, not a
            # copy pstore made of it (formatted, version 1).
            m = re.search(r", format (\d+),", text)
            tap(m is not None and m.group(1) == want_format,
                f"{name}: U-Boot read slot {slot} in format {m.group(1) if m else '?'}, "
                f"wanted {want_format}")
        saved = read(os.path.join(logdir, "saved", name), None)
        tap(saved == read(os.path.join(rec_dir, name)),
            f"{name}: the file U-Boot's pstore save wrote is byte-identical to the kernel's")


def main():
    logdir = sys.argv[1]
    keys = "len record console ftrace pmsg ecc ersize errecord".split()
    sizes = dict(zip(keys, (int(x, 0) for x in sys.argv[2:10])))
    console = read(os.path.join(logdir, "console.log")).decode(errors="replace")
    check_dt(logdir, sizes)
    check_kernel(console, sizes)
    want_format = next((a.split("=", 1)[1] for a in sys.argv[10:]
                        if a.startswith("--format=")), None)
    check_display(logdir, console, want_format)


if __name__ == "__main__":
    main()
