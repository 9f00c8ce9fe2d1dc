#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""capture-figures.py [--icount] [--kver KVER] MBOX...: the capture cost
figures of bench-capture runs (one MBOX per boot), also as "bench:
key=value" lines.

The kernel timed each report with local_clock(). Under TCG the guest's
clocksource watchdog can give up on the TSC, and local_clock() then moves
in jiffies: most timings read 0, the others a tick or more. Such figures
would say the capture costs nothing, so none is printed from such a run:
the check looks at the clocksource, at the share of timings that read 0
and at the smallest step between the timings, and says why it refuses.

A report's record is written as it prints: the capture's cost is its
probes at the report's start and end (timings.txt) and, for each line, what
printk takes more inside an open report than outside one (line.txt: the
medians of 100 lines in a report and of 2000 with none open, eight rounds;
the difference of their medians). A report's capture is its probes plus
its lines times that; its printing is the time between the probes less
that share of its lines. Each boot's first report, which runs the code
first (TCG translates it then), is left out and its time shown (not under
--icount, below: an instruction count does not see the translation).

One boot's figures move by up to a third from the next one's here (TCG on
a shared host): the figures are over the reports of every boot, with the
median of the boots' per-line costs, and each boot's median is printed
beside them to show the spread.

With --icount first, the boots ran under QEMU's -icount shift=0: the
guest's clock is its instruction count (1 ns an instruction), so a run
repeats to the instruction and the figures are instruction counts, not
times: what each part executes, whatever the host did meanwhile. They are
printed as such, with keys of their own (capture_insn_*).

Rounds of lines whose report was not stored (the region full: line.txt's
third column 0) time a line that passes the gate and finds its context's
report but copies nothing. With the probes as they are, they give the
capture's floor: what it would cost if every copy cost nothing
(capture_*floor_*), against the same targets."""
import os
import statistics
import sys


def read(mbox, name, default=""):
    try:
        return open(os.path.join(mbox, name)).read().strip()
    except OSError:
        return default


def pct(v, p):
    v = sorted(v)
    return v[min(len(v) - 1, int(round(p / 100 * (len(v) - 1))))]


def round_cost(rounds):
    """(inside, outside, added): the medians of a line's cost inside an
    open report and outside one over @rounds, and what the report adds."""
    inside = statistics.median(i for i, _ in rounds)
    outside = statistics.median(o for _, o in rounds)
    return inside, outside, max(inside - outside, 0)


def ratios(rows):
    """Each report's capture over its printing, and over its memcpy, from
    @rows of (capture, printing, memcpy)."""
    return ([c / r for c, r, _ in rows if r > 0], [c / max(m, 1) for c, _, m in rows])


def boot(mbox):
    """(rows, per_line, why): each stored report's (probes, report,
    memcpy, lines), times in ns, the boot's per-line cost, and why the
    boot's timings are not to be trusted (empty if they are)."""
    # timings.txt: "<probes_ns> <report_ns>" per report, in the order
    # raised, so the i-th is the report of sequence number i + 1;
    # memcpy.txt: "<seq> <bytes> <memcpy_ns> <lines>" per stored record. A
    # report without a record (not stored) is left out: its capture did not
    # include a store.
    try:
        timings = [tuple(map(int, l.split())) for l in open(os.path.join(mbox, "timings.txt"))]
        memcpy_of = {}
        for line in open(os.path.join(mbox, "memcpy.txt")):
            seq, size, ns, lines = map(int, line.split())
            memcpy_of[seq] = (size, ns, lines)
        rounds = [tuple(map(int, l.split())) for l in open(os.path.join(mbox, "line.txt"))
                  if l.strip()]
    except OSError as e:
        return [], 0, None, [f"the run left no timings ({e.strerror}: {e.filename})"]
    # A third column says whether the round's report was stored: one
    # that was not (the region full) copied none of its lines.
    kept = [r[:2] for r in rounds if len(r) < 3 or r[2] > 0]
    unkept = [r[:2] for r in rounds if len(r) >= 3 and r[2] == 0]
    if not kept:
        return [], 0, None, ["no round of timed lines was stored"]
    line_in, line_out, per_line = round_cost(kept)
    floor_line = round_cost(unkept)[2] if unkept else None
    rows = []
    for i, (c, r) in enumerate(timings):
        if i + 1 in memcpy_of:
            _, ns, lines = memcpy_of[i + 1]
            rows.append((c, r, ns, lines))
    name = os.path.basename(os.path.dirname(os.path.abspath(mbox)))
    if len(rows) < len(timings):
        print(f"capture, {name}: {len(timings) - len(rows)} of {len(timings)} reports "
              "have no record, left out")
    # The boot's first report runs the capture's code for the first time,
    # which TCG translates then: milliseconds no hardware spends. It is
    # shown, and left out of the figures. Counted instructions do not see
    # the translation: under --icount it stays.
    if rows and 1 in memcpy_of and not ICOUNT:
        print(f"capture, {name}: "
              f"the first report's probes {rows[0][0] / 1000:.1f} {US} (TCG translating the "
              "code), left out")
        rows = rows[1:]
    clock = read(mbox, "clocksource", "unknown")
    raw = [c for c, _ in timings] + [v for rnd in rounds for v in rnd[:2]]
    zeros = sum(1 for c in raw if c == 0)
    values = sorted(set(raw + [r for _, r in timings]))
    step = min((b - a for a, b in zip(values, values[1:])), default=0)
    print(f"capture clock, {name}: clocksource {clock}, TSC marked unstable: "
          f"{read(mbox, 'tsc-unstable', '?')}, {zeros} of {len(raw)} timings 0, "
          f"smallest step between timings {step} ns")
    why = []
    if not rows:
        why.append("no report was stored")
    if clock != "tsc":
        why.append(f"the clocksource is {clock}, not the TSC")
    if zeros > len(raw) // 10:
        why.append(f"{zeros} of {len(raw)} timings read 0")
    if step >= 1000000:
        why.append(f"the timings move in steps of {step / 1e6:.1f} ms (jiffies)")
    print(f"capture per line, {name}: printk {line_in:.0f} {NS} inside an open report, "
          f"{line_out:.0f} {NS} outside ({len(kept)} rounds): {per_line:.0f} {NS} for the "
          "line's copy into the record")
    if floor_line is not None:
        print(f"capture per line, {name}: {floor_line:.0f} {NS} in a report that was not "
              f"stored ({len(unkept)} rounds): the gate and the lookup of its context's "
              "report, nothing copied")
    return rows, per_line, floor_line, why


ARGS = sys.argv[1:]
ICOUNT = ARGS[:1] == ["--icount"]
ARGS = ARGS[1:] if ICOUNT else ARGS
# --kver KVER: the boots ran another kernel than the main one (6.12): its
# keys say which (capture_insn_v6_1_*).
KVER = ARGS[1] if ARGS[:1] == ["--kver"] else ""
MBOXES = ARGS[2:] if KVER else ARGS
# Under -icount a "ns" of the guest's clock is an instruction.
NS, US, KEY = (("instructions", "k instructions", "capture_insn_") if ICOUNT else
               ("ns", "us", "capture_"))
if KVER:
    KEY += "v" + KVER.replace(".", "_") + "_"

# The per-line cost is the median of the boots' (eight rounds each, one
# boot's can be thrown by the host), the same for every report.
boots, per_lines, floor_lines = [], [], []
for mbox in MBOXES:
    b_rows, b_line, b_floor, why = boot(mbox)
    if why:
        print(f"capture: {mbox} left out: its timings are at the clock's resolution or "
              f"missing ({'; '.join(why)})")
        continue
    boots.append(b_rows)
    per_lines.append(b_line)
    if b_floor is not None:
        floor_lines.append(b_floor)
if not boots:
    print("capture: no figure: no boot's timings can be trusted (see above)")
    sys.exit(0)
per_line = statistics.median(per_lines)
rows, medians = [], []
for b_rows in boots:
    b = [(c + lines * per_line, r - lines * per_line, ns) for c, r, ns, lines in b_rows]
    rows += b
    medians.append(statistics.median(c for c, _, _ in b))

capture = [c for c, _, _ in rows]
ratio_print, ratio_mc = ratios(rows)
print(f"capture per line: {per_line:.0f} {NS}, the median of the boots'")
print(f"bench: {KEY}line{'' if ICOUNT else '_ns'}={per_line:.0f}")
print(f"capture+store per report: median {statistics.median(capture) / 1000:.1f} {US}, "
      f"p99 {pct(capture, 99) / 1000:.1f} {US} over {len(rows)} reports of {len(medians)} boots "
      f"(each boot's median: {', '.join(f'{m / 1000:.1f}' for m in medians)} {US})")
print(f"ratio to the report's own printing: median {100 * statistics.median(ratio_print):.2f} %, "
      f"p99 {100 * pct(ratio_print, 99):.2f} % (target <= 1 %)")
print(f"ratio to a memcpy of the same bytes: median {statistics.median(ratio_mc):.1f}x, "
      f"p99 {pct(ratio_mc, 99):.1f}x (target <= 20x)")
unit = "k" if ICOUNT else "us"
print(f"bench: {KEY}median_{unit}={statistics.median(capture) / 1000:.1f}")
print(f"bench: {KEY}p99_{unit}={pct(capture, 99) / 1000:.1f}")
print(f"bench: {KEY}vs_printing_pct={100 * statistics.median(ratio_print):.2f}")
print(f"bench: {KEY}vs_memcpy_x={statistics.median(ratio_mc):.1f}")

# The floor: what the capture would cost if a line's copy cost nothing, a
# line no more than the gate and the lookup that come before any copy (a
# report not stored), the probes as they are. Against the targets, it
# tells whether any per-line copy in the printing context could meet them.
if floor_lines:
    floor_line = statistics.median(floor_lines)
    probes = [c for b_rows in boots for c, _, _, _ in b_rows]
    floor_print, floor_mc = map(statistics.median, ratios(
        [(c + lines * floor_line, r - lines * per_line, ns)
         for b_rows in boots for c, r, ns, lines in b_rows]))
    print(f"capture floor: a line of a report not stored costs {floor_line:.0f} {NS} "
          f"(no copy); the probes at a report's start and end, median "
          f"{statistics.median(probes) / 1000:.1f} {US}. A capture whose copies cost "
          f"nothing would still be {100 * floor_print:.2f} % of the report's printing, "
          f"{floor_mc:.1f}x a memcpy")
    print(f"bench: {KEY}line_unstored{'' if ICOUNT else '_ns'}={floor_line:.0f}")
    print(f"bench: {KEY}probes_median_{unit}={statistics.median(probes) / 1000:.1f}")
    print(f"bench: {KEY}floor_vs_printing_pct={100 * floor_print:.2f}")
    print(f"bench: {KEY}floor_vs_memcpy_x={floor_mc:.1f}")
else:
    print("capture floor: no round's report went unstored, no floor figure")
