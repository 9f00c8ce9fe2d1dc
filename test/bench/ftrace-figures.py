#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""ftrace-figures.py LOGDIR LABEL: the project against the persistent trace
buffer, on the same reports (test/guest/cases/bench-ftrace.sh).

The reports are those of the log boot 1 saved (dmesg -r). For each:

- this project: "identical" if a record holds exactly its bytes; "partial"
  if a record starts with its first line but holds something else (cut,
  or other lines); "lost" otherwise.
- the trace buffer, read as an engineer would read it after the reset: the
  console events of one CPU between an error_report_start and the next
  error_report_end on that CPU. The events hold a line's text only (no
  level, no caller), and a pr_cont() fragment is an event of its own, so
  "identical" is the text: the span's events, joined, are the report's
  lines, joined. "partial" if some of its lines are in a span, "lost" if
  none is. Lines in a span that are not the report's are "foreign".

Prints a summary and "bench: key=value" lines, keys a8_* for the trace
buffer (the persistent ftrace buffer is anchor A8 in the notes) and ours_*
for the project, suffixed with LABEL (the reserved size).
"""
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from check_reports import parse_record, read, reports_in_log  # noqa: E402

PREFIX = re.compile(rb"^<\d+>\[\s*(\d+\.\d+)\]\[\s*[TC]\d+\] ?")
EVENT = re.compile(rb"^\s*.+?-\d+\s+\[(\d+)\]\s+\S+\s+(\d+\.\d+): (console|error_report_start|error_report_end): ?(.*)$")


def trace_spans(raw):
    """Report spans in the trace: per CPU, the console events between a
    start and the next end."""
    spans, open_on = [], {}
    last = None
    for line in raw.split(b"\n"):
        m = EVENT.match(line)
        if not m:
            # A message with a newline inside goes on over the next lines.
            if last is not None and line and not line.startswith(b"#"):
                last.append(line)
            continue
        cpu, ts, event, text = m.group(1), float(m.group(2)), m.group(3), m.group(4)
        last = None
        if event == b"error_report_start":
            open_on[cpu] = {"ts": ts, "texts": [], "used": False}
            spans.append(open_on[cpu])
        elif event == b"error_report_end":
            open_on.pop(cpu, None)
        elif cpu in open_on:
            open_on[cpu]["texts"].append(text)
            last = open_on[cpu]["texts"]
    return spans


def main():
    logdir, label = sys.argv[1], sys.argv[2]
    mbox = os.path.join(logdir, "mbox")
    reports = reports_in_log(read(os.path.join(mbox, "dmesg.txt")))
    ftrace = read(os.path.join(mbox, "ftrace.txt"))
    spans = trace_spans(ftrace)
    rec_dir = os.path.join(mbox, "records")
    bodies = []
    for name in sorted(os.listdir(rec_dir)) if os.path.isdir(rec_dir) else []:
        h, _ = parse_record(read(os.path.join(rec_dir, name)))
        if h:
            bodies.append(h["body"])

    ours = {"identical": 0, "partial": 0, "lost": 0, "foreign_lines": 0}
    a8 = {"identical": 0, "partial": 0, "lost": 0, "foreign_lines": 0}
    for _, _, body in reports:
        lines = [l for l in body.split(b"\n") if l]
        texts = [PREFIX.sub(b"", l, count=1) for l in lines]
        # This project.
        if body in bodies:
            ours["identical"] += 1
        else:
            near = [b for b in bodies if b.startswith(lines[0] + b"\n")]
            if near:
                ours["partial"] += 1
                # The kernel's note of a cut is not another report's line.
                ours["foreign_lines"] += sum(1 for l in near[0].split(b"\n")
                                             if l and l + b"\n" not in body and
                                             not l.startswith(b"[error_report: truncated: "))
            else:
                ours["lost"] += 1
        # The trace buffer: the span that holds the report's first line and
        # started last before it was printed (both clocks are local_clock()).
        joined = b"".join(texts)
        when = float(PREFIX.match(lines[0]).group(1))
        # (If the clocks do not line up, the first unused span in order.)
        cands = [s for s in spans if not s["used"] and texts[0] in s["texts"]]
        timed = [s for s in cands if s["ts"] <= when + 0.001]
        pick = max(timed, key=lambda s: s["ts"]) if timed else (cands[0] if cands else None)
        best = None
        if pick:
            pick["used"] = True
            best = pick["texts"]
        if best is None:
            a8["lost"] += 1
            continue
        if b"".join(best) == joined:
            a8["identical"] += 1
        else:
            a8["partial"] += 1
        a8["foreign_lines"] += sum(1 for t in best if t and t not in joined)

    n = len(reports)
    kept = b"error_report_start" in ftrace
    print(f"{label}: {n} reports in the log")
    print(f"{label}: persistent trace buffer: {a8['identical']} identical (text), "
          f"{a8['partial']} partial, {a8['lost']} lost, {a8['foreign_lines']} foreign lines "
          f"in report spans; kept across the reset: {'yes' if kept else 'no'}")
    print(f"{label}: this project:            {ours['identical']} identical (bytes), "
          f"{ours['partial']} partial, {ours['lost']} lost, {ours['foreign_lines']} foreign lines "
          f"in records; kept across the reset: {'yes' if bodies else 'no'}")
    for who, fig in (("a8", a8), ("ours", ours)):
        print(f"bench: {who}_complete_{label}={fig['identical']}")
        print(f"bench: {who}_partial_{label}={fig['partial']}")
        print(f"bench: {who}_lost_{label}={fig['lost']}")
        print(f"bench: {who}_foreign_lines_{label}={fig['foreign_lines']}")
    print(f"bench: a8_kept_after_reset_{label}={'yes' if kept else 'no'}")
    print(f"bench: ours_kept_after_reset_{label}={'yes' if bodies else 'no'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
