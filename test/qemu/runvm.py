#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Boot the test kernel in QEMU, let the guest run one test case across warm
reboots inside the same QEMU process, and collect its results.

The guest reads the test name from a mailbox disk (a tar archive on a virtio
disk) and writes its results back there; see test/guest/init. The serial
console goes to <logdir>/console.log (every boot of the run, in order), the
mailbox is unpacked into <logdir>/mbox, and the unnumbered TAP lines the guest
wrote are printed on stdout.

Faults: a QMP socket (<logdir>/qmp.sock) drives QEMU; --ram-file backs guest
RAM with a file the host can write into (guest physical address = file
offset below 4 GiB on x86); --on MARKER=ACTION;ACTION... runs actions when
the console first prints MARKER: "stop", "cont", "system_reset" (or any
monitor command), "sleep:S", "flip:ADDR:BIT", "zero:ADDR:LEN";
--resets N --reset-marker M resets the guest at a random moment after each
new M, N times, for soak runs.

arm64 boots as a device does: QEMU runs U-Boot (--uboot) as firmware, the
kernel, initramfs and nothing else are put in RAM by QEMU's loader, and at
every boot (a warm reset runs U-Boot again) the runner stops autoboot, types
the --uboot-cmd commands at U-Boot's prompt and boots the kernel with booti.
The ramoops region then comes from the device tree U-Boot hands the kernel
(its pstore DT fixup), not from the command line.
"""
import argparse
import io
import json
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import tarfile
import threading
import time

RAMOOPS_ADDR = {"x86_64": 0x10000000, "arm64": 0x50000000}
RAMOOPS_SIZE = 0x100000
MBOX_SIZE = 16 << 20
# x86 firmware (qemu-system-data), see qemu_cmd().
QBOOT = "/usr/share/qemu/qboot.rom"
# Where the arm64 kernel and initramfs are put in RAM for U-Boot's booti:
# below the ramoops region, above the DTB QEMU places at the base of RAM.
ARM64_KERNEL_ADDR = 0x40400000
ARM64_INITRD_ADDR = 0x48000000
UBOOT_AUTOBOOT = "Hit any key to stop autoboot"
UBOOT_PROMPT = "=> "


# The ramoops node a --dt-ramoops boot gets unless the test overrides a property.
# The tests' error report geometry is 32 slots of 8 KiB, one report in each
# (the kernel's default slot is 512 bytes: capacity-default boots with it).
# The tests raise one site's report many times and check each is stored:
# they store repeats (the kernel's default counts them in one record; the
# "repeats" test boots with it). A boolean property: 1 present, 0 absent.
DT_RAMOOPS = {"record-size": 0x10000, "console-size": 0x20000, "pmsg-size": 0x10000,
              "error-report-size": 0x40000, "error-report-record-size": 0x2000,
              "error-report-store-repeats": True}
DT_BOOLEAN = {"error-report-store-repeats"}
# The same for the other boots, whatever region they ask for (the parameter
# or the property: either makes ramoops store every report).
STORE_REPEATS = "ramoops.error_report_store_repeats=1"


def ramoops_params(arch):
    """The ramoops region every x86 test uses unless it passes its own."""
    addr = RAMOOPS_ADDR[arch]
    return (f"memmap={RAMOOPS_SIZE:#x}${addr:#x} ramoops.mem_address={addr:#x} "
            f"ramoops.mem_size={RAMOOPS_SIZE:#x} ramoops.record_size=0x10000 "
            "ramoops.console_size=0x20000 ramoops.pmsg_size=0x10000 "
            "ramoops.ftrace_size=0 ramoops.error_report_size=0x40000 "
            "ramoops.error_report_record_size=0x2000")


def connect_unix(path, timeout):
    """Connect to a socket QEMU creates, waiting for it to appear."""
    deadline = time.time() + timeout
    while True:
        try:
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            sock.connect(path)
            return sock
        except OSError:
            sock.close()
            if time.time() > deadline:
                raise
            time.sleep(0.02)


class Qmp:
    """A minimal QMP client: one command at a time, events ignored."""

    def __init__(self, path, timeout=10):
        self.sock = connect_unix(path, timeout)
        self.file = self.sock.makefile("rw")
        self._read()  # greeting
        self.cmd("qmp_capabilities")

    def _read(self):
        while True:
            line = self.file.readline()
            if not line:
                raise EOFError("QMP closed")
            msg = json.loads(line)
            if "event" not in msg:
                return msg

    def cmd(self, name, **args):
        self.file.write(json.dumps({"execute": name, "arguments": args}) + "\n")
        self.file.flush()
        return self._read()

    def hmp(self, line):
        return self.cmd("human-monitor-command", **{"command-line": line})


def make_mbox(path, files):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.USTAR_FORMAT) as tar:
        for name, data in files.items():
            info = tarfile.TarInfo("./" + name)
            info.size = len(data)
            info.mode = 0o644
            tar.addfile(info, io.BytesIO(data))
    data = buf.getvalue()
    with open(path, "wb") as f:
        f.write(data)
        f.truncate(MBOX_SIZE)


def read_mbox(path, dest):
    shutil.rmtree(dest, ignore_errors=True)
    os.makedirs(dest)
    try:
        with tarfile.open(path, mode="r:") as tar:
            for m in tar.getmembers():
                if m.isfile() and ".." not in m.name.split("/"):
                    tar.extract(m, dest, set_attrs=False)
    except (tarfile.TarError, OSError) as e:
        print(f"# mailbox unreadable: {e}", file=sys.stderr)


def machine_args(arch, qemu=None, opts=""):
    """QEMU's machine and CPU for the guest; another QEMU binary and more
    machine options (",mte=on") if given."""
    if arch == "x86_64":
        # No 5-level paging. With it, identify_cpu() zeroes the boot CPU's
        # feature words before reading them again, interrupts on: an
        # interrupt in between sees pgtable_l5_enabled() false, and KASAN
        # takes every 5-level direct-map address for a wild access. TCG
        # makes that window wide; it hit early boots after warm resets
        # (an upstream race, not this project's code).
        args = ["qemu-system-x86_64", "-machine", "q35", "-cpu", "max,la57=off"]
    else:
        # Pointer authentication with QEMU's own cheap algorithm: TCG is
        # several times slower with the architected one.
        args = ["qemu-system-aarch64", "-machine", "virt", "-cpu", "max,pauth-impdef=on"]
    if qemu:
        args[0] = qemu
    args[2] += opts
    return args


def qemu_cmd(a, accel):
    cmd = machine_args(a.arch, a.qemu, a.machine_opts)
    if a.ram_file:
        cmd += ["-object", f"memory-backend-file,id=ram0,size={a.mem},"
                f"mem-path={a.ram_file},share=on", "-machine", "memory-backend=ram0"]
    cmd += ["-accel", accel, "-m", a.mem, "-smp", str(a.smp),
            "-display", "none", "-monitor", "none", "-no-user-config",
            *serial_args(a),
            "-qmp", f"unix:{a.logdir}/qmp.sock,server=on,wait=off",
            "-drive", f"file={a.logdir}/mbox.tar,format=raw,if=none,id=mbox,cache=writethrough",
            "-device", "virtio-blk-pci,drive=mbox"]
    if a.bios:
        cmd += ["-bios", a.bios]
    elif a.arch == "x86_64":
        # qboot, not SeaBIOS: it hands QEMU's ACPI tables on and loads
        # the kernel without SeaBIOS's device set-up, less to emulate.
        cmd += ["-bios", QBOOT]
    if a.dtb:
        cmd += ["-dtb", a.dtb]
    if a.save_disk:
        cmd += ["-drive", f"file={a.logdir}/save.img,format=raw,if=none,id=save",
                "-device", "virtio-blk-pci,drive=save"]
    if a.uboot:
        cmd += ["-bios", a.uboot,
                "-device", f"loader,file={a.kernel},addr={ARM64_KERNEL_ADDR:#x},force-raw=on",
                "-device", f"loader,file={a.initrd},addr={ARM64_INITRD_ADDR:#x},force-raw=on"]
    elif a.kernel:
        cmd += ["-kernel", a.kernel, "-initrd", a.initrd, "-append", kernel_cmdline(a)]
    cmd += a.qemu_arg
    return cmd


def serial_args(a):
    """The console log is a file; through U-Boot it is also a socket the
    runner types into (QEMU waits for the runner to connect, so that no
    output is lost: a socket with no reader drops what is written)."""
    log = f"{a.logdir}/console.log"
    if not a.uboot:
        return ["-serial", f"file:{log}"]
    return ["-chardev", f"socket,id=serial0,path={a.logdir}/serial.sock,"
            f"server=on,wait=on,logfile={log}", "-serial", "chardev:serial0"]


def kernel_cmdline(a):
    console = "console=ttyS0" if a.arch == "x86_64" else "console=ttyAMA0"
    append = f"{console} panic=1 oops=panic loglevel=7"
    if getattr(a, "tsc_khz", None):
        # tsc=reliable: QEMU's TCG vCPUs have no constant_tsc, so a kernel
        # that finds more than one CPU from a vendor other than Intel (6.1
        # on an AMD host) would mark the TSC unstable and fall back to
        # jiffies: printk's times and local_clock() then move in 4 ms steps
        # and stand still while interrupts are off, which blinds the tests
        # that time windows of a report and make bench's timings.
        append += f" tsc_early_khz={a.tsc_khz} tsc=reliable"
    # The test's own parameters last: for a repeated one the last wins.
    if a.ramoops and a.arch == "x86_64":
        append += " " + ramoops_params(a.arch)
    if a.dt_ramoops is None:
        append += " " + STORE_REPEATS
    return append + " " + a.append


def uboot_commands(a):
    """What is typed at U-Boot's prompt: the test's commands, then booti."""
    size = os.path.getsize(a.initrd)
    return a.uboot_cmd + [
        f"setenv bootargs '{kernel_cmdline(a)}'",
        f"booti {ARM64_KERNEL_ADDR:#x} {ARM64_INITRD_ADDR:#x}:{size:#x} ${{fdtcontroladdr}}"]


class Serial:
    """Types at the guest's serial console. What the guest prints is read
    from the log file QEMU writes; here it is only drained, so that the
    guest never waits on a full socket."""

    def __init__(self, path, timeout=10):
        self.sock = connect_unix(path, timeout)
        threading.Thread(target=self._drain, daemon=True).start()

    def _drain(self):
        try:
            while self.sock.recv(65536):
                pass
        except OSError:
            pass

    def type(self, text):
        self.sock.sendall(text.encode())


def make_dtb(a, accel):
    """The device tree of this very machine (QEMU's own, dumped with the same
    options) with a /reserved-memory ramoops node: the region is described
    the way a board's DT describes it, and no ramoops.* parameter is given."""
    base = f"{a.logdir}/qemu.dtb"
    dump = qemu_cmd(a, accel) + ["-machine", f"dumpdtb={base}"]
    subprocess.run(dump, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    dts = subprocess.run(["dtc", "-q", "-I", "dtb", "-O", "dts", base], check=True,
                         capture_output=True, text=True).stdout
    props = dict(DT_RAMOOPS)
    for item in filter(None, a.dt_ramoops.split(",")):
        name, value = item.split("=")
        props[name] = bool(int(value, 0)) if name in DT_BOOLEAN else int(value, 0)
    addr = RAMOOPS_ADDR[a.arch]
    node = ("\treserved-memory {\n\t\t#address-cells = <2>;\n\t\t#size-cells = <2>;\n"
            "\t\tranges;\n\n"
            f"\t\tramoops@{addr:x} {{\n\t\t\tcompatible = \"ramoops\";\n"
            f"\t\t\treg = <0x0 {addr:#x} 0x0 {RAMOOPS_SIZE:#x}>;\n"
            + "".join(f"\t\t\t{k};\n" if v is True else f"\t\t\t{k} = <{v:#x}>;\n"
                      for k, v in props.items() if v is not False)
            + "\t\t};\n\t};\n")
    end = dts.rindex("};")
    with open(f"{a.logdir}/ramoops.dts", "w") as f:
        f.write(dts[:end] + node + dts[end:])
    out = f"{a.logdir}/ramoops.dtb"
    subprocess.run(["dtc", "-I", "dts", "-O", "dtb", "-o", out, f"{a.logdir}/ramoops.dts"],
                   check=True, stderr=open(f"{a.logdir}/dtc.log", "w"))
    return out


def ram_write(a, offset, data):
    with open(a.ram_file, "r+b") as f:
        f.seek(offset)
        f.write(data)


def run_action(a, qmp, step, log):
    """One fault-injection step; see the module's docstring."""
    if step.startswith("sleep:"):
        time.sleep(float(step[6:]))
    elif step.startswith("flip:"):
        addr, bit = (int(x, 0) for x in step[5:].split(":"))
        with open(a.ram_file, "r+b") as f:
            f.seek(addr)
            byte = f.read(1)[0] ^ (1 << bit)
            f.seek(addr)
            f.write(bytes([byte]))
    elif step.startswith("zero:"):
        addr, length = (int(x, 0) for x in step[5:].split(":"))
        ram_write(a, addr, bytes(length))
    else:
        qmp.hmp(step)
    log.write(f"{time.time():.3f} {step}\n")
    log.flush()


def choose_accel(a):
    """KVM when it really boots a guest here, else TCG. The verdict is kept in
    the build folder so the probe runs once per machine."""
    if a.accel != "auto":
        return a.accel
    if a.arch != "x86_64":
        return "tcg"  # an arm64 guest on an x86 host
    cache = os.path.join(a.build, "accel")
    if os.path.exists(cache):
        return open(cache).read().strip()
    verdict = "tcg"
    if os.access("/dev/kvm", os.R_OK | os.W_OK):
        probe = argparse.Namespace(**vars(a))
        probe.logdir = os.path.join(a.build, "kvm-probe")
        probe.test, probe.timeout, probe.on = "none", 30, []
        if run(probe, "kvm", quiet=True) == 0:
            verdict = "kvm"
    os.makedirs(a.build, exist_ok=True)
    with open(cache, "w") as f:
        f.write(verdict + "\n")
    print(f"# accelerator: {verdict} (probed once, cached in {cache})", file=sys.stderr)
    return verdict


def measure_tsc_khz(a, accel):
    """The TSC's frequency for tsc_early_khz=. The x86 guest has no ACPI,
    so no HPET (test/kconfig/x86_64.config), and calibrating the TSC
    against the PIT alone fails in about one TCG boot out of six, which
    leaves printk's clock on jiffies. Under TCG the guest's TSC is the
    host's, so one calibration that worked holds for every boot on this
    machine: the kernel's own, read from its first lines, kept in the build
    folder like the accelerator."""
    if a.arch != "x86_64" or accel != "tcg":
        return None
    cache = os.path.join(a.build, "tsc-khz")
    if os.path.exists(cache):
        return open(cache).read().strip() or None
    khz = None
    # The machine and CPU of qemu_cmd(), the kernel alone; it is stopped
    # as soon as it has said what it found, a fraction of a second in.
    cmd = machine_args("x86_64") + [
        "-accel", accel, "-m", a.mem, "-display", "none", "-monitor", "none",
        "-no-user-config", "-serial", "stdio", "-bios", QBOOT, "-no-reboot",
        "-kernel", a.kernel, "-append", "console=ttyS0 loglevel=7"]
    for _ in range(8):
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL, text=True, errors="replace")
        fast = False
        timer = threading.Timer(60, proc.kill)
        timer.start()
        for line in proc.stdout:
            if "Fast TSC calibration using PIT" in line:
                fast = True
            m = re.search(r"tsc: Detected (\d+)\.(\d{3}) MHz processor", line)
            if m or "TSC unstable" in line or "calibrate" in line:
                if m and fast:
                    khz = str(int(m.group(1)) * 1000 + int(m.group(2)))
                break
        timer.cancel()
        proc.kill()
        proc.wait()
        if khz:
            break
    os.makedirs(a.build, exist_ok=True)
    with open(cache, "w") as f:
        f.write((khz or "") + "\n")
    print(f"# TSC: {khz + ' kHz' if khz else 'not calibrated'} (measured once, cached in {cache})",
          file=sys.stderr)
    return khz


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_gdb(a, port):
    """gdb on QEMU's gdbstub from the start, running a gdb Python script
    (--gdb "SCRIPT ARG..."): the script gets the port, the kernel's vmlinux
    and its arguments in the environment; its output is <logdir>/gdb.log."""
    script, *args = a.gdb.split()
    vmlinux = os.path.join(os.path.dirname(a.kernel), "../../../vmlinux")
    env = dict(os.environ, GDB_PORT=str(port), VMLINUX=os.path.realpath(vmlinux),
               GDB_ARGS=" ".join(args))
    return subprocess.Popen(["gdb", "-q", "-nx", "-batch", "-x", script],
                            stdin=subprocess.DEVNULL, env=env,
                            stdout=open(f"{a.logdir}/gdb.log", "w"),
                            stderr=subprocess.STDOUT)


def run(a, accel, quiet=False):
    shutil.rmtree(a.logdir, ignore_errors=True)
    os.makedirs(a.logdir)
    files = {"test": a.test.encode()}
    for spec in a.put:
        name, path = spec.split("=", 1)
        files[name] = open(path, "rb").read()
    make_mbox(f"{a.logdir}/mbox.tar", files)
    console = f"{a.logdir}/console.log"
    open(console, "w").close()
    if a.dt_ramoops is not None:
        a.dtb = make_dtb(a, accel)
    if a.save_disk:
        # An empty FAT file system for U-Boot's "pstore save virtio 1 /".
        subprocess.run(["truncate", "-s", "16M", f"{a.logdir}/save.img"], check=True)
        subprocess.run(["mformat", "-i", f"{a.logdir}/save.img", "-v", "PSTORE", "::"],
                       check=True)
    cmd = qemu_cmd(a, accel)
    if a.gdb:
        gdb_port = free_port()
        cmd += ["-gdb", f"tcp:127.0.0.1:{gdb_port}"]
    with open(f"{a.logdir}/qemu.cmd", "w") as f:
        f.write(" ".join(cmd) + "\n")
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL,
                            stdout=open(f"{a.logdir}/qemu.out", "w"),
                            stderr=subprocess.STDOUT)
    gdb = start_gdb(a, gdb_port) if a.gdb else None
    qmp = None
    actions = [tuple(s.split("=", 1)) for s in a.on]
    fired = set()
    start = time.time()
    status = "timeout"
    resets, rng = 0, random.Random(a.seed)
    faults = open(f"{a.logdir}/faults.log", "w")
    serial = Serial(f"{a.logdir}/serial.sock") if a.uboot else None
    typed, pending, prompts = 0, [], 0  # U-Boot: boots seen, commands left
    while True:
        if proc.poll() is not None:
            status = "exited"
            break
        text = open(console, "rb").read().decode(errors="replace")
        if serial:
            if text.count(UBOOT_AUTOBOOT) > typed:
                typed = text.count(UBOOT_AUTOBOOT)
                serial.type("\r")
                pending, prompts = uboot_commands(a), text.count(UBOOT_PROMPT)
            elif pending and text.count(UBOOT_PROMPT) > prompts:
                # One command at a time, each at a fresh prompt.
                prompts = text.count(UBOOT_PROMPT)
                serial.type(pending.pop(0) + "\r")
        if "GUEST-DONE" in text:
            status = "done"
            break
        for i, (marker, action) in enumerate(actions):
            if i not in fired and marker in text:
                fired.add(i)
                qmp = qmp or Qmp(f"{a.logdir}/qmp.sock")
                for step in action.split(";"):
                    run_action(a, qmp, step, faults)
        if resets < a.resets and text.count(a.reset_marker) > resets:
            # A reset at a random moment of the storm that follows the marker.
            qmp = qmp or Qmp(f"{a.logdir}/qmp.sock")
            time.sleep(rng.uniform(0, a.reset_window))
            run_action(a, qmp, "system_reset", faults)
            resets += 1
        if time.time() - start > a.timeout:
            break
        time.sleep(0.05)
    elapsed = time.time() - start
    if gdb and gdb.poll() is None:
        gdb.kill()
        gdb.wait()
    if proc.poll() is None:
        try:
            qmp = qmp or Qmp(f"{a.logdir}/qmp.sock", timeout=2)
            qmp.cmd("quit")
            proc.wait(timeout=10)
        except Exception:
            proc.kill()
            proc.wait()
    read_mbox(f"{a.logdir}/mbox.tar", f"{a.logdir}/mbox")
    if a.save_disk:
        os.makedirs(f"{a.logdir}/saved")
        subprocess.run(["mcopy", "-n", "-i", f"{a.logdir}/save.img", "-s", "::/*",
                        f"{a.logdir}/saved/"], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
    text = open(console, "rb").read().decode(errors="replace")
    boots = text.count("GUEST-READY")
    with open(f"{a.logdir}/result", "w") as f:
        f.write(f"status={status} boots={boots} seconds={elapsed:.1f} accel={accel}\n")
    if quiet:
        return 0 if status == "done" else 1
    tap = f"{a.logdir}/mbox/tap"
    if os.path.exists(tap):
        sys.stdout.write(open(tap).read())
    print(f"# {a.test}: {status} after {elapsed:.1f} s, {boots} boot(s), {accel}")
    ok = status == "done"
    print(f"{'ok' if ok else 'not ok'} - {a.test}: guest ran to the end"
          + ("" if ok else f" ({status}; see {console})"))
    return 0 if ok else 1


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--arch", default=os.environ.get("ARCH", "x86_64"))
    p.add_argument("--kernel", default=os.environ.get("KERNEL"))
    p.add_argument("--initrd", default=os.environ.get("INITRD"))
    p.add_argument("--build", default=os.environ.get("BUILD", "build"))
    p.add_argument("--bios")
    p.add_argument("--uboot", help="arm64: boot through this U-Boot (u-boot.bin)")
    p.add_argument("--uboot-cmd", action="append", default=[],
                   help="a command typed at U-Boot's prompt at every boot, before booti")
    p.add_argument("--dtb")
    p.add_argument("--save-disk", action="store_true",
                   help="a second virtio disk with an empty FAT file system (the second "
                   "one U-Boot sees), its files copied to <logdir>/saved afterwards")
    p.add_argument("--dt-ramoops", metavar="PROP=VALUE,...",
                   help="arm64: describe ramoops in QEMU's DT (these properties over "
                   "the defaults), no ramoops.* parameters")
    p.add_argument("--test", required=True)
    p.add_argument("--logdir", required=True)
    p.add_argument("--timeout", type=float, default=120)
    p.add_argument("--append", default="")
    p.add_argument("--no-ramoops", dest="ramoops", action="store_false")
    p.add_argument("--mem", default="512M")
    p.add_argument("--smp", type=int, default=2)
    p.add_argument("--accel", default="auto")
    p.add_argument("--put", action="append", default=[], help="NAME=FILE into the mailbox")
    p.add_argument("--on", action="append", default=[],
                   help="MARKER=HMP;HMP;sleep:S run monitor commands when MARKER is printed")
    p.add_argument("--qemu-arg", action="append", default=[])
    p.add_argument("--qemu", help="this QEMU binary instead of the installed one")
    p.add_argument("--machine-opts", default="",
                   help="appended to the machine type, e.g. ',mte=on'")
    p.add_argument("--ram-file", help="back guest RAM with this file (share=on)")
    p.add_argument("--resets", type=int, default=0,
                   help="reset the guest this many times, after each new --reset-marker")
    p.add_argument("--reset-marker", default="STORM-RUNNING")
    p.add_argument("--reset-window", type=float, default=1.5,
                   help="a reset comes at a random moment within this many seconds")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--gdb", metavar="'SCRIPT ARG...'",
                   help="x86_64: run this gdb Python script on QEMU's gdbstub from the "
                   "start (it may stop the guest and reset it at a breakpoint)")
    a = p.parse_args()
    accel = choose_accel(a)
    a.tsc_khz = measure_tsc_khz(a, accel) if a.kernel and not a.uboot else None
    return run(a, accel)


if __name__ == "__main__":
    sys.exit(main())
