#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Stack the capture adds to the report path, from gcc's -fstack-usage
files of the series' objects (scripts/check-warnings.sh builds them).

Each path is a chain of calls, deepest first; a function gcc inlined has no
frame of its own and counts 0. Frames of an unbounded dynamic size (VLA,
alloca) would make the figure a lower bound and are flagged; gcc gives the
bound of a "dynamic,bounded" one.
usage: stack-figures.py CHECKS_BUILD_DIR
"""
import glob
import os
import sys

frames, dynamic = {}, set()
for su in glob.glob(os.path.join(sys.argv[1], "**", "*.su"), recursive=True):
    for line in open(su):
        loc, size, kind = line.rsplit("\t", 2) if "\t" in line else (line, "0", "")
        func = loc.rsplit(":", 1)[-1]
        frames[func] = max(frames.get(func, 0), int(size))
        # "dynamic,bounded": gcc gives the bound, the figure holds.
        if "dynamic" in kind and "bounded" not in kind:
            dynamic.add(func)

PATHS = {
    # Every line of an open report: printk's hand-over, and its write
    # through pstore into ramoops' slots (the only copy); the deepest, a
    # line that grows the record's run (its time header rewritten).
    "line": ["printk_capture_report_line", "error_report_capture_line",
             "ern_this_ctx", "ern_innermost", "ern_append",
             "ern_write_text", "pstore_error_report_stream_write",
             "ramoops_pstore_stream_write", "ramoops_er_stream_write",
             "ramoops_er_grow", "ramoops_er_rewrite_span",
             "persistent_ram_write_at", "persistent_ram_update_ecc", "encode_rs8"],
    # A report starts: its context and record buffer (and, rarely, a dead
    # reporter's report stored on the way, as at an end), then its record
    # started in ramoops' slots: a run claimed, zapped, the time header.
    "start": ["ern_probe_start", "ern_take_over", "ern_flag_nested", "ern_claim_report",
              "ern_open_report", "ern_start_record", "ern_fill_header",
              "pstore_error_report_open", "pstore_error_report_repeat",
              "ramoops_pstore_stream_open", "ramoops_er_open", "ramoops_er_claim",
              "ramoops_er_claim_once", "persistent_ram_write_at",
              "persistent_ram_update_ecc", "encode_rs8"],
    # A report ends: a truncated one's last line written as a line is
    # (growing the run at worst), then its header completed and written
    # last, the slots it did not use given back.
    "end, truncation line": ["ern_probe_end", "ern_close", "ern_store", "ern_close_text",
                             "ern_append", "ern_write_text",
                             "pstore_error_report_stream_write",
                             "ramoops_pstore_stream_write", "ramoops_er_stream_write",
                             "ramoops_er_grow", "ramoops_er_rewrite_span",
                             "persistent_ram_write_at", "persistent_ram_update_ecc",
                             "encode_rs8"],
    "end, header": ["ern_probe_end", "ern_close", "ern_store", "ern_end_header",
                    "pstore_error_report_commit", "ramoops_pstore_stream_close",
                    "ramoops_er_close", "ramoops_er_rewrite_span", "persistent_ram_write_at",
                    "persistent_ram_update_ecc", "encode_rs8"],
}
if not frames:
    sys.exit("stack: no .su files under " + sys.argv[1])
worst = 0
for name, chain in PATHS.items():
    total = sum(frames.get(f, 0) for f in chain)
    seen = ", ".join(f"{f} {frames[f]}" for f in chain if f in frames)
    flag = " (a dynamic frame: lower bound)" if dynamic & set(chain) else ""
    print(f"stack, {name} path: {total} bytes{flag} ({seen})")
    worst = max(worst, total)
print(f"bench: report_path_stack_bytes={worst}")
print("(compression runs where pstore reads the records, in process context: not in the report path)")
