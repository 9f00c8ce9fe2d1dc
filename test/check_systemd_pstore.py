#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""systemd-pstore-boots: two boots' records through Debian's systemd-pstore.

The guest case (test/guest/cases/systemd-pstore.sh) copied /sys/fs/pstore
out at boots 2 and 3, unlinking each file, and both boots held 3 reports in
the same slots. Here Debian's /lib/systemd/systemd-pstore archives both
copies, in boot order, into one archive, with its two-argument form
(SOURCEDIR ARCHIVEDIR) and its default configuration (Storage=external:
flat, by file name, replacing a file of the same name). Every report of
both boots must be in the archive, byte-identical to the file the kernel
showed.

The run is in a private mount namespace with an empty /run, so that it
logs to no journal (without a journal socket, systemd-pstore logs nothing
and goes on); if unshare is not allowed, it runs as it is.

    check_systemd_pstore.py LOGDIR
"""
import os
import shutil
import subprocess
import sys
import uuid

import check_reports
from check_reports import parse_record, read, tap

SYSTEMD_PSTORE = "/lib/systemd/systemd-pstore"


def run_systemd_pstore(src, archive):
    env = dict(os.environ, SYSTEMD_LOG_LEVEL="debug")
    isolated = ["unshare", "-m", "--propagation", "private", "sh", "-c",
                'mount -t tmpfs tmpfs /run && exec "$0" "$1" "$2"',
                SYSTEMD_PSTORE, src, archive]
    r = subprocess.run(isolated, env=env, capture_output=True, text=True)
    if r.returncode != 0 and "mount" in r.stderr + r.stdout:
        r = subprocess.run([SYSTEMD_PSTORE, src, archive], env=env,
                           capture_output=True, text=True)
    return r


def main():
    logdir = sys.argv[1]
    mbox = os.path.join(logdir, "mbox")
    archive = os.path.join(logdir, "systemd-pstore-archive")
    shutil.rmtree(archive, ignore_errors=True)
    os.makedirs(archive)
    if not tap(os.access(SYSTEMD_PSTORE, os.X_OK), f"Debian's {SYSTEMD_PSTORE} is installed"):
        return 1
    shown = {}
    for boot in (2, 3):
        src = os.path.join(mbox, f"pstore.{boot}")
        names = sorted(n for n in os.listdir(src) if n.startswith("error_report-")) \
            if os.path.isdir(src) else []
        tap(len(names) == 3, f"boot {boot}: pstore showed 3 error reports ({len(names)})")
        for n in names:
            shown[(boot, n)] = read(os.path.join(src, n))
        # systemd-pstore unlinks what it archived: work on a copy.
        work = os.path.join(logdir, f"systemd-pstore-src.{boot}")
        shutil.rmtree(work, ignore_errors=True)
        shutil.copytree(src, work)
        r = run_systemd_pstore(work, archive)
        with open(os.path.join(logdir, f"systemd-pstore.{boot}.log"), "w") as f:
            f.write(r.stdout + r.stderr)
        tap(r.returncode == 0 and not any(n.startswith("error_report-") for n in os.listdir(work)),
            f"boot {boot}'s files: systemd-pstore exit status {r.returncode}, "
            "every error report archived and unlinked")
    names2 = {n for b, n in shown if b == 2}
    names3 = {n for b, n in shown if b == 3}
    tap(names2 and names3 and not names2 & names3,
        "the two boots' reports, in the same slots, have different names")
    archived = sorted(n for n in os.listdir(archive) if n.startswith("error_report-"))
    tap(len(archived) == 6, f"the archive holds 6 error reports ({len(archived)})")
    for boot in (2, 3):
        want = read(os.path.join(mbox, f"boot_id.{boot - 1}")).strip().decode()
        ok = 0
        for (b, n), data in shown.items():
            if b != boot:
                continue
            h, _ = parse_record(data)
            got = read(os.path.join(archive, n), None)
            if h and str(uuid.UUID(bytes=h["boot_id"])) == want and got == data:
                ok += 1
        tap(ok == 3, f"the archive holds boot {boot - 1}'s 3 reports, byte-identical ({ok})")
    return 1 if check_reports.n_fail else 0


if __name__ == "__main__":
    sys.exit(main())
