#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Check the error_report records a guest recovered after a reboot against
the log it saved before the reboot, and print TAP.

The reports are found in the saved log (dmesg -r, with printk caller ids)
independently of the kernel's capture: a report is the lines one caller
printed from its opening line ("====" followed by "BUG: KASAN"/"BUG: KFENCE",
or "cut here") through its closing line ("====", or "---[ end trace"). Every
record must be byte-identical to one of them, and every report must have
its record, unless the region was full.

A caller id is a task, or a CPU's interrupt levels together: the log cannot
tell the lines an interrupting level printed in the middle of a report from
the report's own, while the kernel's capture, which copies each line in the
context that prints it, can. Such lines are known here by their text
(FOREIGN): the test module marks those it prints with "ert-foreign", and the
kernel's own ones (an NMI handler's duration) are listed. They are left out
of the reports found in the log, and no record may hold a marked line.

With --events, the reports are instead the spans between the
error_report_start and error_report_end events the test module logged
(mbox/events): a report is the lines its caller stamped from its start to
its end, but those of a report nested in it. This finds the reports of
detectors whose last line has no fixed text (lockups, stalls, hung tasks).

usage: check_reports.py LOGDIR [--capacity N] [--storm] [--ecc] [--nested]
                        [--truncated] [--events [--require DET,...]]
"""
import argparse
import os
import re
import struct
import sys
import zlib

HDR = struct.Struct("<8sHHIIIIIQQQQQIIII16s64s16sQQQ")
FIELDS = ("magic version header_size flags detector cpu pid caller_id id seq "
          "mono_ns boottime_ns realtime_ns body_len body_crc32 dropped "
          "header_crc32 boot_id release comm repeats last_repeat_boottime_ns "
          "last_repeat_realtime_ns").split()
DETECTORS = {0: "kfence", 1: "kasan", 2: "warn", 3: "ubsan", 4: "soft_lockup",
             5: "hard_lockup", 6: "hung_task", 7: "rcu_stall", 8: "oops",
             9: "lockdep", 10: "kcsan", 11: "kmsan"}
LINE = re.compile(rb"^<(\d+)>\[\s*\d+\.\d+\]\[\s*([TC]\d+)\] ?(.*)$")
# Lines another context printed under the report's caller id (see above).
FOREIGN = re.compile(rb"ert-foreign|^INFO: NMI handler \(.*\) took too long to run")

n_ok = n_fail = 0
# Lines of another context that the log shows inside an open report.
FOREIGN_INSIDE = []


def tap(ok, desc):
    global n_ok, n_fail
    print(("ok" if ok else "not ok") + " - " + desc)
    if ok:
        n_ok += 1
    else:
        n_fail += 1
    return ok


# A record's name: error_report-ramoops-<id>, the id's low 16 bits its
# first slot (the rest is its time), ".enc.z" when pstore could not
# decompress it.
RECORD_NAME = re.compile(r"error_report-ramoops-(\d+)(\.enc\.z)?(-|$)")


def slot_of(name):
    """The first slot of the record of that name, or None if not a record's."""
    m = RECORD_NAME.match(name)
    return int(m.group(1)) & 0xffff if m else None


def parse_record(data):
    if len(data) < HDR.size:
        return None, "shorter than a header"
    h = dict(zip(FIELDS, HDR.unpack_from(data)))
    body = data[h["header_size"]:h["header_size"] + h["body_len"]]
    h["body"] = body
    h["trailer"] = data[h["header_size"] + h["body_len"]:]
    zeroed = bytearray(data[:h["header_size"]])
    zeroed[84:88] = b"\0\0\0\0"
    problems = []
    if h["magic"] != b"KERRREPT":
        problems.append("magic")
    if h["version"] != 1:
        problems.append("version %d" % h["version"])
    if h["header_size"] != HDR.size:
        problems.append("header_size %d" % h["header_size"])
    if zlib.crc32(bytes(zeroed)) != h["header_crc32"]:
        problems.append("header crc")
    if len(body) != h["body_len"]:
        problems.append("body shorter than body_len")
    if zlib.crc32(body) != h["body_crc32"]:
        problems.append("body crc")
    return h, ", ".join(problems)


TIME = re.compile(rb"^<\d+>\[\s*(\d+)\.(\d+)\]")


def in_window(line, caller, windows):
    """Was the line printed by CPU n (caller C<n>) inside one of the time
    windows (n, start_ns, end_ns) in which only NMI lines were printed on n?"""
    m = TIME.match(line)
    if not m or not windows:
        return False
    ns = int(m.group(1)) * 10**9 + int(m.group(2)) * 1000
    return any(caller == f"C{cpu}".encode() and start <= ns <= end
               for cpu, start, end in windows)


def reports_in_log(raw, with_nesting=False, windows=()):
    """The reports in a saved log, each a (detector, caller, bytes) tuple;
    with_nesting adds whether another report was nested in it. Lines of
    another context, known by their text or by a window, are left out."""
    lines = []
    for line in raw.split(b"\n"):
        m = LINE.match(line)
        if m:
            # A window's lines are the CPU's NMI: a context of their own.
            nmi = b"/nmi" if in_window(line, m.group(2), windows) else b""
            lines.append((m.group(2) + nmi, m.group(3), line + b"\n"))
    stacks, done = {}, []
    for i, (caller, msg, full) in enumerate(lines):
        nxt = next((m for c, m, _ in lines[i + 1:] if c == caller), b"")
        kind = None
        if msg.startswith(b"=====") and nxt.startswith(b"BUG: KASAN"):
            kind = "kasan"
        elif msg.startswith(b"=====") and nxt.startswith(b"BUG: KFENCE"):
            kind = "kfence"
        elif msg == b"------------[ cut here ]------------":
            kind = "warn"
        if FOREIGN.search(msg):
            if any(stacks.values()):
                FOREIGN_INSIDE.append(full)
            continue
        stack = stacks.setdefault(caller, [])
        if kind:
            if stack:
                stack[-1][2] = True     # the report open below has one nested
            base = stacks.get(caller.split(b"/")[0])
            if base and base is not stack:
                base[-1][2] = True      # an NMI report interrupts it
            stack.append([kind, [full], False])
            continue
        if not stack:
            continue
        stack[-1][1].append(full)
        k = stack[-1][0]
        if (k != "warn" and msg.startswith(b"=====")) or \
           (k == "warn" and msg.startswith(b"---[ end trace")):
            kind, body, nested = stack.pop()
            done.append((kind, caller.decode().split("/")[0], b"".join(body)) +
                        ((nested,) if with_nesting else ()))
    return done


def reports_from_events(raw, events):
    """The reports in a saved log as the start and end events delimit them,
    each a (detector, caller, bytes, nested) tuple, in the order they end."""
    lines = []
    for line in raw.split(b"\n"):
        m, t = LINE.match(line), TIME.match(line)
        if m and t:
            us = int(t.group(1)) * 10**6 + int(t.group(2))
            lines.append((m.group(2).decode(), us, line + b"\n"))
    stacks, spans = {}, []
    for ev in events:
        what, det, caller, ns = ev.split()
        stack = stacks.setdefault(caller, [])
        if what == "start":
            if stack:
                stack[-1][3] = True
            stack.append([int(det), int(ns) // 1000, [], False])
            continue
        if not stack:
            continue
        det, t0, inner, nested = stack.pop()
        t1 = int(ns) // 1000
        if stack:
            stack[-1][2].append((t0, t1))
        spans.append((det, caller, t0, t1, inner, nested))
    done = []
    for det, caller, t0, t1, inner, nested in spans:
        body = b"".join(full for c, us, full in lines
                        if c == caller and t0 <= us <= t1 and
                        not any(a <= us <= b for a, b in inner))
        done.append((DETECTORS.get(det, "?"), caller, body, nested))
    return done


TRUNC = re.compile(rb"\[error_report: truncated: (\d+) more records, (\d+) bytes, not stored\]\n$")


def check_truncated(name, h, det, expected):
    """A cut record: whole lines of one report, then a line saying how much
    is missing, and that much is missing."""
    m = TRUNC.search(h["body"])
    if not tap(m is not None and h["flags"] & 1,
               f"{name}: truncated flag set and the text says so"):
        return
    kept = h["body"][:m.start()]
    for kind, caller, body in expected:
        if body.startswith(kept) and kind == det:
            tap(len(body) - len(kept) == int(m.group(2)),
                f"{name}: {len(kept)} bytes kept + {m.group(2)} missing = the report's {len(body)}")
            return
    tap(False, f"{name}: kept text is the start of a {det} report in the log")


def read(path, default=b""):
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError:
        return default


PREFIX = re.compile(rb"^(<\d+>\[[^]]*\]\[[^]]*\])(.*)$", re.S)


def is_subsequence(part, whole):
    """Every item of part appears in whole, in the same order."""
    it = iter(whole)
    return all(any(w == x for x in it) for w in part)


def is_fragment(line, log_lines):
    """Made of fragments of a log line of the same prefix that printk
    built from the continuations of two contexts: printk appends each
    fragment to the last record of the caller id, so one context's
    fragments end up at the start, in the middle (a third fragment came
    after it) or at the end of that line, and the context's own record
    holds them on a line with that line's prefix. Its words are then the
    log line's words, in their order, with the other context's left out."""
    m = PREFIX.match(line)
    if not m:
        return False
    mine = m.group(2).split()
    return any(l.startswith(m.group(1)) and l != line and
               is_subsequence(mine, l[len(m.group(1)):].split())
               for l in log_lines)


def words(lines):
    """The words of the lines without their prefixes, as a sorted list."""
    out = []
    for l in lines:
        m = PREFIX.match(l)
        out += (m.group(2) if m else l).split()
    return sorted(out)


def check_idle(mbox, log):
    """Idle tasks of all CPUs share pid 0, so the log cannot tell their
    lines apart by caller: each record must hold one whole WARN, its own
    CPU's (the CPU in its header, in its WARNING and Comm lines), every
    line of it in the log, and the records together every line the idle
    tasks printed from the first report's start to the last one's end.

    printk itself mixes them where a report continues a line (pr_cont): a
    fragment is appended to the last record if that record has the same
    caller id and is open, another idle task's line included. The records,
    copied in the context that printed each fragment, are not mixed: a
    record's fragments show on a line of their own, with the time of the
    line printk appended them to. So a record line may be made of fragments
    of a log line of the same prefix (its start, middle or end: seen in the
    `Modules linked in:` list that both idle tasks print at once), and the
    records are compared with the log as the words they hold."""
    rec_dir = os.path.join(mbox, "records")
    names = sorted(os.listdir(rec_dir)) if os.path.isdir(rec_dir) else []
    cpus = int(read(os.path.join(mbox, "raised"), b"0") or 0)
    tap(len(names) == cpus and cpus >= 2,
        f"{len(names)} records for the WARNs of {cpus} idle tasks")
    log_lines = [l + b"\n" for l in log.split(b"\n")
                 if LINE.match(l) and LINE.match(l).group(2) == b"T0"]
    starts = [i for i, l in enumerate(log_lines) if b"cut here" in l]
    ends = [i for i, l in enumerate(log_lines) if b"---[ end trace" in l]
    window = log_lines[starts[0]:ends[-1] + 1] if starts and ends else []
    got, spans = [], []
    for name in names:
        h, problems = parse_record(read(os.path.join(rec_dir, name)))
        if not tap(h is not None and not problems, f"{name}: header and checksums valid"):
            continue
        lines = h["body"].splitlines(keepends=True)
        cpu = h["cpu"]
        text = h["body"]
        tap(text.count(b"cut here") == 1 and text.count(b"---[ end trace") == 1,
            f"{name}: one whole WARN")
        tap(b"idle task of cpu %d\n" % cpu in text and
            b"Comm: swapper/%d " % cpu in text and
            not re.search(rb"idle task of cpu (?!%d\n)" % cpu, text) and
            not re.search(rb"swapper/(?!%d )" % cpu, text),
            f"{name}: CPU {cpu}'s WARN and no other CPU's")
        tap(h["pid"] == 0 and h["caller_id"] == 0, f"{name}: from pid 0, caller id 0")
        tap(all(l in window or is_fragment(l, window) for l in lines),
            f"{name}: every line is in the log, or ends one of its lines")
        got += lines
        idx = [window.index(l) for l in lines if l in window]
        if idx:
            spans.append((min(idx), max(idx)))
    tap(words(got) == words(window),
        f"the records hold the words of the {len(window)} lines the idle tasks printed")
    spans.sort()
    tap(len(spans) >= 2 and spans[1][0] < spans[0][1],
        f"the reports overlapped in the log (line spans {spans})")
    return 0 if n_fail == 0 else 1


def kcsan_title(body):
    """The racing functions of a KCSAN report: what its BUG line names."""
    m = re.search(rb"BUG: KCSAN: [\w-]+ in ([^\n]*)", body)
    return m.group(1) if m else body


def main():
    p = argparse.ArgumentParser()
    p.add_argument("logdir")
    p.add_argument("--capacity", type=int, default=0,
                   help="slots in the region; 0: every report must be stored")
    p.add_argument("--storm", action="store_true")
    p.add_argument("--ecc", action="store_true",
                   help="ramoops ECC is on: every record ends with its notice")
    p.add_argument("--nested", action="store_true",
                   help="a WARN is nested in a KASAN report of the same caller")
    p.add_argument("--truncated", action="store_true",
                   help="slots are smaller than the reports: each is cut visibly")
    p.add_argument("--idle", action="store_true",
                   help="WARNs from the idle tasks (pid 0) of every CPU at once")
    p.add_argument("--events", action="store_true",
                   help="the reports are the spans of the logged start and end events")
    p.add_argument("--require", default="",
                   help="with --events: detectors that must each have a report")
    p.add_argument("--reports-go-on", action="store_true",
                   help="reports went on after the log was saved (a lockup that "
                        "never ends): records past the saved log are only checked "
                        "for integrity")
    p.add_argument("--grown", type=int, default=0, metavar="BYTES",
                   help="more than BYTES fit no run a report holds when it starts: "
                        "a whole record longer than that grew its run as it printed")
    p.add_argument("--no-race-in", metavar="REGEX",
                   help="no KCSAN report may name a racing function matching REGEX")
    a = p.parse_args()
    mbox = os.path.join(a.logdir, "mbox")
    log = read(os.path.join(mbox, "dmesg.txt"))
    if a.idle:
        return check_idle(mbox, log)
    windows = [tuple(map(int, l.split())) for l in
               read(os.path.join(mbox, "windows")).decode().splitlines() if l.strip()]
    for cpu, start, end in windows:
        inside = [l for l in log.split(b"\n") if LINE.match(l) and
                  in_window(l, LINE.match(l).group(2), [(cpu, start, end)])]
        tap(any(b"NMI backtrace for cpu %d" % cpu in l for l in inside),
            f"CPU {cpu} printed its NMI backtrace inside its report ({len(inside)} lines)")
    if a.events:
        events = read(os.path.join(mbox, "events")).decode().splitlines()
        tap("overflow" not in events, f"the test module logged all {len(events)} events")
        nesting = reports_from_events(log, [e for e in events if e != "overflow"])
    else:
        nesting = reports_in_log(log, with_nesting=True, windows=windows)
    expected = [r[:3] for r in nesting]
    has_nested = {r[2]: r[3] for r in nesting}
    rec_dir = os.path.join(mbox, "records")
    names = sorted(os.listdir(rec_dir), key=lambda n: slot_of(n) or 0) \
        if os.path.isdir(rec_dir) else []
    boot_id = read(os.path.join(mbox, "boot_id")).strip().decode()
    release = read(os.path.join(mbox, "release")).strip().decode()
    counted = int(read(os.path.join(mbox, "er_count"), b"-1") or -1)
    dropped = int(read(os.path.join(mbox, "er_dropped"), b"-1") or -1)
    triggered = [l.split() for l in read(os.path.join(mbox, "triggered")).decode().splitlines()]

    tap(len(expected) > 0, f"the saved log holds {len(expected)} reports")
    if a.nested:
        tap(any(r[0] == "kasan" and r[3] for r in nesting),
            "the log holds a KASAN report with another report nested in it")
    if a.reports_go_on:
        tap(counted >= len(expected) > 0,
            f"the kernel counted {counted} reports by the time the log holding "
            f"{len(expected)} was saved")
    elif not a.storm:
        tap(counted == len(expected),
            f"the kernel counted {counted} reports, the log holds {len(expected)}")
        ok_triggers = [t for t in triggered if t and t[-1] == "0"]
        # A nested trigger raises at least one report inside another; on 6.1
        # the console tracepoint also WARNs once when it fires in NMI, which
        # nests one more report (so may the NMI backtrace of a window): the
        # log says how many there are.
        per_trigger = len(triggered) + (1 if a.nested else 0)
        # A lockup also stalls RCU, and an oops kills the shell that
        # raised it: with --events, each trigger raises one report or more.
        ok_triggers = ok_triggers if not a.events else \
            [t for t in triggered if t and (t[-1] == "0" or t[0] == "sh")]
        tap(len(ok_triggers) == len(triggered) and
            (len(expected) >= per_trigger if a.nested or windows or a.events
             else len(expected) == per_trigger),
            f"{len(triggered)} triggers, {len(ok_triggers)} succeeded, {len(expected)} reports")
    want = len(expected) if not a.capacity else min(len(expected), a.capacity)
    if a.reports_go_on:
        later = [n for n in names
                 if (parse_record(read(os.path.join(rec_dir, n)))[0] or {}).get("seq", 0)
                 > len(expected)]
        for n in later:
            h, problems = parse_record(read(os.path.join(rec_dir, n)))
            tap(h is not None and not problems,
                f"{n}: a report after the log was saved (seq {h and h['seq']}): "
                "header and checksums valid")
        names = [n for n in names if n not in later]
    tap(len(names) == want, f"{len(names)} records recovered, {want} expected")
    if a.capacity:
        tap(dropped == max(0, counted - a.capacity),
            f"dropped counter {dropped} = {counted} reports - {a.capacity} slots")

    bodies = {}
    for kind, caller, body in expected:
        bodies.setdefault(body, []).append((kind, caller))
    seqs, matched = [], 0
    for name in names:
        h, problems = parse_record(read(os.path.join(rec_dir, name)))
        if not tap(h is not None and not problems,
                   f"{name}: header and checksums valid" + (f" ({problems})" if problems else "")):
            continue
        det = DETECTORS.get(h["detector"], "?")
        seqs.append(h["seq"])
        if a.ecc:
            tap(h["trailer"] == b"\nECC: No errors detected\n",
                f"{name}: ends with ramoops' ECC notice, no errors: {h['trailer']!r}")
        if a.truncated:
            check_truncated(name, h, det, expected)
            continue
        owners = bodies.get(h["body"])
        if tap(owners is not None,
               f"{name}: {det} report seq {h['seq']}: text byte-identical to a report in the saved log"):
            kind, caller = owners.pop(0)
            if not owners:
                del bodies[h["body"]]
            matched += 1
            cid = h["caller_id"]
            ccaller = f"C{cid - 0x80000000}" if cid & 0x80000000 else f"T{cid}"
            tap(kind == det and ccaller == caller,
                f"{name}: detector {det} and caller {ccaller} match the log ({kind}, {caller})")
        else:
            sys.stdout.write("# record text:\n" + "".join(
                "#   " + l + "\n" for l in h["body"].decode(errors="replace").splitlines()))
        want_flags = 4 if has_nested.get(h["body"]) else 0    # ERROR_REPORT_F_NESTED
        tap(h["flags"] == want_flags,
            f"{name}: flags {h['flags']:#x}, want {want_flags:#x}")
        tap(h["boot_id"].hex() == boot_id.replace("-", ""),
            f"{name}: boot id {h['boot_id'].hex()} is boot 1's")
        tap(h["release"].rstrip(b"\0").decode() == release, f"{name}: release {release}")
        tap((h["pid"] == 0) == bool(h["caller_id"] & 0x80000000),
            f"{name}: pid {h['pid']} agrees with caller id {h['caller_id']:#x}")
        tap(h["realtime_ns"] > 1_600_000_000 * 10**9 and h["mono_ns"] > 0,
            f"{name}: realtime {h['realtime_ns']} and monotonic {h['mono_ns']} ns set")
    marked = log.count(b"ert-foreign")
    if marked:
        inside = len([l for l in FOREIGN_INSIDE if b"ert-foreign" in l])
        tap(inside == marked,
            f"{inside} of the {marked} marked lines another context printed fell inside a report")
    foreign = [n for n in names
               if b"ert-foreign" in read(os.path.join(rec_dir, n))]
    tap(not foreign, "no record holds a line another context printed" +
        (f" ({', '.join(foreign)})" if foreign else ""))
    tap(len(set(seqs)) == len(seqs), "sequence numbers are unique")
    if not a.storm and not a.capacity:
        tap(sorted(seqs) == list(range(1, len(expected) + 1)),
            f"sequence numbers {sorted(seqs)} are 1..{len(expected)}")
    if a.no_race_in:
        races = [r for r in expected if r[0] == "kcsan"]
        for r in races:
            sys.stdout.write("# " + r[2].split(b"\n")[1].decode(errors="replace") + "\n")
        # Only the functions KCSAN says race ("data-race in A / B"), not
        # every frame of the stacks: an upstream race one of whose callers
        # is in pstore (the console frontend's time stamp) is not ours.
        bad = [r for r in races
               if re.search(a.no_race_in.encode(), kcsan_title(r[2]))]
        tap(not bad, f"kcsan: none of the {len(races)} KCSAN reports names "
            f"{a.no_race_in} as a racing function ({len(bad)} do)")
    for det in filter(None, a.require.split(",")):
        theirs = [r for r in expected if r[0] == det]
        kept = [r for r in theirs if r[2] not in bodies]
        tap(theirs and len(kept) == len(theirs),
            f"detector-{det.replace('_', '-')}: {len(kept)} of its {len(theirs)} reports "
            "recovered byte-identical across the reboot")
    if a.grown:
        longest = max((len(read(os.path.join(rec_dir, n))) for n in names), default=0)
        tap(longest > a.grown,
            f"the longest record, {longest} bytes (whole, as checked above), is longer "
            f"than the {a.grown} the slots a report holds when it starts can take: "
            "its run grew as it printed")
    print(f"# {matched} of {len(names)} records matched a report in the log")
    return 0 if n_fail == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
