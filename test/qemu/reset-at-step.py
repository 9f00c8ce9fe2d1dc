# SPDX-License-Identifier: GPL-2.0-only
"""A gdb Python script (runvm.py --gdb): reset the guest at one step of a
function that writes to ramoops' error report slots.

    GDB_ARGS="FUNCTION NTH STEP"

Stops the guest at the NTH call of FUNCTION (ramoops_pstore_write: the
NTH record written; ramoops_er_erase: the NTH erased), then at
each call it makes to persistent_ram_zap() or persistent_ram_write(),
before the call: the STEP-th of those stops is where QEMU resets the
machine ("monitor system_reset"), as a reset button or a watchdog would,
RAM kept. A STEP past the last call resets once FUNCTION has returned.
The other regions must be quiet meanwhile (no console region), so that
the zone calls are FUNCTION's. It prints "RESET-AT <function> step <n>
of <calls made> ..." for the checker.

Software breakpoints under TCG live in QEMU's translator, not in guest
memory, so they are set before the kernel has booted and survive it.
"""
import os
import time

import gdb

func, nth, step = os.environ["GDB_ARGS"].split()
nth, step = int(nth), int(step)


def run(cmd):
    return gdb.execute(cmd, to_string=True)


def pc():
    return int(gdb.parse_and_eval("$pc")) & (2**64 - 1)


run("set pagination off")
run("set confirm off")
run(f"file {os.environ['VMLINUX']}")
for _ in range(50):
    try:
        run(f"target remote 127.0.0.1:{os.environ['GDB_PORT']}")
        break
    except gdb.error:
        time.sleep(0.2)
else:
    raise SystemExit("cannot reach QEMU's gdbstub")



def return_address():
    return int(gdb.parse_and_eval("*(unsigned long *)$rsp")) & (2**64 - 1)


def finish_call():
    """Stopped at a function's entry: run until that call returns. A second
    stop at the entry before then is the same call reported twice."""
    ret = return_address()
    run(f"tbreak *{ret:#x}")
    while True:
        run("continue")
        if pc() == ret:
            break


# The NTH call: each earlier one is let run to its return first, because
# QEMU's gdbstub may report a breakpoint twice for one call (seen in about
# one run in twenty): a second stop at FUNCTION's entry before the call
# returned is the same call, not the next one.
run(f"break *{func}")
for n in range(1, nth + 1):
    run("continue")
    if n == nth:
        break
    finish_call()
run("delete")
ret = return_address()
run("break *persistent_ram_zap")
run("break *persistent_ram_write")
run(f"break *{ret:#x}")
calls, where = 0, "returned"
while True:
    run("continue")
    if pc() == ret:
        break
    calls += 1
    if calls == step:
        where = gdb.execute("x/i $pc", to_string=True).split(":")[0].strip()
        break
    # As above: the zone call returns before the next one counts (a zap
    # was once reported twice, and the reset came a step early).
    finish_call()
run("monitor system_reset")
if where == "returned":
    print(f"RESET-AT {func} step {step}: after it returned ({calls} zone calls)", flush=True)
else:
    print(f"RESET-AT {func} step {step}: before zone call {calls} at {where}", flush=True)
run("delete")
run("detach")
