# SPDX-License-Identifier: GPL-2.0-only
"""A gdb Python script (runvm.py --gdb): reset the guest at one step of a
function that writes to ramoops' error report slots.

    GDB_ARGS="FUNCTION NTH STEP [UNTIL]"

Stops the guest at the NTH call of FUNCTION (ramoops_pstore_write: the
NTH record written whole; ramoops_er_erase: the NTH erased;
ramoops_pstore_stream_open: the NTH report written as it prints), then at
each zone call (persistent_ram_zap(), _write(), _write_at(), _cut()),
before the call: the STEP-th of those stops is where QEMU resets the
machine ("monitor system_reset"), as a reset button or a watchdog would,
RAM kept. A STEP past the last call resets once FUNCTION has returned, or
with UNTIL, once UNTIL has (a report written as it prints: from its
stream's open to its close). STEP "close+K" skips to UNTIL's entry and
counts from there: K=0 resets at that entry.
The other regions must be quiet meanwhile (no console region), so that
the zone calls are FUNCTION's. It prints "RESET-AT <function> step <n>
of <calls made> ..." for the checker.

Software breakpoints under TCG live in QEMU's translator, not in guest
memory, so they are set before the kernel has booted and survive it.
"""
import os
import time

import gdb

args = os.environ["GDB_ARGS"].split()
func, nth, step = args[:3]
until = args[3] if len(args) > 3 else None
nth = int(nth)
at_close = step.startswith("close+")
step = int(step.split("+")[1]) if at_close else int(step)
ZONE_CALLS = ("persistent_ram_zap", "persistent_ram_write", "persistent_ram_write_at",
              "persistent_ram_cut")


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


def where_now():
    return gdb.execute("x/i $pc", to_string=True).split(":")[0].strip()


def reset(what):
    run("monitor system_reset")
    print(f"RESET-AT {func} step {args[2]}: {what}", flush=True)
    run("delete")
    run("detach")
    raise SystemExit(0)


def count_zone_calls(stop_pc, calls):
    """Count zone calls until the guest reaches stop_pc; reset before the
    STEP-th. Returns the count."""
    while True:
        run("continue")
        if pc() == stop_pc:
            return calls
        calls += 1
        if calls == step:
            reset(f"before zone call {calls} at {where_now()}")
        # As above: the zone call returns before the next one counts (a
        # zap was once reported twice, and the reset came a step early).
        finish_call()


calls = 0
if until:
    # A report written as it prints: its zone calls from FUNCTION's entry
    # to UNTIL's return, or with close+K, from UNTIL's entry.
    run(f"break *{until}")
    if not at_close:
        for z in ZONE_CALLS:
            run(f"break *{z}")
    until_pc = int(gdb.parse_and_eval(f"(unsigned long){until}")) & (2**64 - 1)
    calls = count_zone_calls(until_pc, 0) if not at_close else None
    if at_close:
        run("continue")
        calls = 0
        if step == 0:
            reset(f"before zone call 0 at {until} (its entry)")
    run("delete")
    ret = return_address()
for z in ZONE_CALLS:
    run(f"break *{z}")
run(f"break *{ret:#x}")
calls = count_zone_calls(ret, calls)
reset(f"after it returned ({calls} zone calls)")
