#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# The reader as a program: exit statuses, usage errors, list columns,
# hostile names and bytes giving valid JSON, kills at chosen points then a
# rerun, two collects at once, a read-only archive, stderr priorities,
# journal entries (to a stand-in journald socket in a private mount
# namespace). TAP on stdout. usage: cli.sh PSTORE-READER
R=$(realpath "$1")
DATA=$(realpath "$(dirname "$0")/../../../test/data/records")
DIST=$(realpath "$(dirname "$0")/../dist")
T=$(mktemp -d /tmp/pstore-reader-cli.XXXXXX)
trap 'rm -rf "$T"' EXIT
n=0
fail=0

tap() {
	n=$((n + 1))
	if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fail=1; fi
}
skip() {
	n=$((n + 1))
	echo "ok $n - $1 # SKIP $2"
}

# Every line of stdin (or of the files named) is strict UTF-8 JSON.
json_ok() {
	python3 -c '
import json, sys
n = 0
if len(sys.argv) > 1:	# archive files: one (pretty) document each
    for f in sys.argv[1:]:
        json.loads(open(f, "rb").read().decode("utf-8", "strict")); n += 1
else:			# NDJSON
    for line in sys.stdin.buffer.read().decode("utf-8", "strict").splitlines():
        json.loads(line); n += 1
sys.exit(0 if n else 1)' "$@"
}

# A fresh pstore with some good, bad and hostile records.
fill() {
	rm -rf "$T/ps" && mkdir -p "$T/ps"
	cp "$DATA"/error_report-ramoops-kasan-uaf-task "$DATA"/error_report-ramoops-warn-task \
		"$DATA"/error_report-ramoops-kfence-oob-task "$DATA"/error_report-ramoops-hostile-torn-cut \
		"$DATA"/dmesg-ramoops-panic "$DATA"/dmesg-efi-17 "$DATA"/dmesg-efi-18 "$T/ps/"
	cp "$DATA"/error_report-ramoops-warn-nmi "$T/ps/error_report-ramoops-"$'\e[2J\e]0;x\a\xff\xfe'
}

# --- usage ---------------------------------------------------------------
for args in "" "frob" "--bogus list" "-p" "watch extra"; do
	# shellcheck disable=SC2086
	"$R" $args > "$T/out" 2> "$T/err"
	rc=$?
	[ $rc = 1 ] && [ ! -s "$T/out" ] && [ "$(wc -l < "$T/err")" = 2 ] &&
		grep -q "^Try 'pstore-reader --help'" "$T/err"
	tap $? "usage error '$args': exit 1, two short lines on stderr (got $rc)"
done
"$R" --help | grep -q -- "-p, --pstore-dir"
tap $? "--help documents the short options"
"$R" --help | grep -q "5 damaged records found"
tap $? "--help documents the exit statuses"

# --- list, show ----------------------------------------------------------
fill
"$R" -p "$T/ps" list > "$T/list"
rc=$?
tap $([ $rc = 5 ]; echo $?) "list over a damaged record: exit 5 (got $rc)"
head -1 "$T/list" | grep -q $'^FILE\tSOURCE\tINTEGRITY\tTITLE$'
tap $? "list: a header line"
awk -F'\t' 'NF != 4 { bad = 1 } END { exit bad }' "$T/list"
tap $? "list: every line has exactly 4 tab-separated fields"
grep -q $'^error_report-ramoops-hostile-torn-cut\terror_report\ttorn\t' "$T/list"
tap $? "list: integrity is one token (torn)"
"$R" -p "$T/ps" --no-legend list | grep -q '^FILE' && r=1 || r=0
tap $r "list --no-legend: no header"
"$R" -p "$T/ps" list | LC_ALL=C grep -q $'[\x01-\x08\x0b-\x1f\x7f\xff]' && r=1 || r=0
tap $r "list: no control character or bad byte from a hostile name reaches the terminal"
"$R" -p "$T/ps" show | LC_ALL=C grep -q $'[\x01-\x08\x0b-\x1f\x7f\xff]' && r=1 || r=0
tap $r "show: no control character or bad byte reaches the terminal"
"$R" -p "$T/ps" show no-such-record > /dev/null 2> "$T/err"
rc=$?
tap $([ $rc = 4 ] && grep -q "no-such-record: no such record" "$T/err"; echo $?) \
	"show no-such-record: exit 4 and a message (got $rc)"
"$R" -p "$T/ps" --json list | json_ok
tap $? "list --json over hostile names: strict UTF-8 JSON"
if python3 -c 'import jsonschema' 2>/dev/null; then
	"$R" -p "$DATA" --json list | python3 -c '
import json, sys, jsonschema
v = jsonschema.Draft202012Validator(json.load(open(sys.argv[1])))
for line in sys.stdin:
    v.validate(json.loads(line))' "$DIST/../schema.json"
	tap $? "list --json over the corpus: every object valid against schema.json"
else
	skip "schema.json validation" "python3-jsonschema not installed"
fi

# --- repeats: a 208-byte header, later copies of an archived report --------
# warn-task with a header of 208 bytes counting $2 repeats, as the file $1.
repeats_record() {
	python3 - "$DATA/error_report-ramoops-warn-task" "$1" "$2" <<-'PY'
	import struct, sys, zlib
	src, out, n = open(sys.argv[1], "rb").read(), sys.argv[2], int(sys.argv[3])
	h = bytearray(src[:184]) + struct.pack("<QQQ", n, 42000000 if n else 0,
	                                       1700000000000000000 if n else 0)
	h[10:12] = struct.pack("<H", 208)
	h[84:88] = b"\0\0\0\0"
	h[84:88] = struct.pack("<I", zlib.crc32(bytes(h)))
	open(out, "wb").write(bytes(h) + src[184:])
	PY
}
rm -rf "$T/rp" "$T/ra" && mkdir -p "$T/rp"
repeats_record "$T/rp/error_report-ramoops-1" 3
"$R" -p "$T/rp" show | grep -q '^repeated:  3 more times, last at 2023-11-14T22:13:20.000000Z (0.042000 s after boot)$'
tap $? "show: a record counting repeats has a 'repeated:' line"
if python3 -c 'import jsonschema' 2>/dev/null; then
	"$R" -p "$T/rp" --json list | python3 -c '
import json, sys, jsonschema
v = jsonschema.Draft202012Validator(json.load(open(sys.argv[1])))
o = json.loads(sys.stdin.readline())
v.validate(o)
sys.exit(0 if o["repeats"] == 3 and o["last_repeat_realtime_ns"] == "1700000000000000000" else 1)' \
		"$DIST/../schema.json"
	tap $? "list --json of a record counting repeats: valid against schema.json, repeats 3"
else
	skip "schema.json validation of repeats" "python3-jsonschema not installed"
fi
"$R" -p "$T/rp" -a "$T/ra" --json collect > "$T/j1" 2>/dev/null
repeats_record "$T/rp/error_report-ramoops-2" 7
"$R" -p "$T/rp" -a "$T/ra" --json collect > "$T/j2" 2>/dev/null
repeats_record "$T/rp/error_report-ramoops-3" 5
"$R" -p "$T/rp" -a "$T/ra" --json collect > "$T/j3" 2>/dev/null
files=$(find "$T/ra" -type f ! -name .lock)
[ "$(echo "$files" | wc -l)" = 1 ] && ! ls "$T/rp" | grep -q . && [ ! -s "$T/j3" ] &&
	python3 -c '
import json, sys
a, j1, j2 = (json.load(open(f)) for f in sys.argv[1:4])
sys.exit(0 if a["repeats"] == 7 and j1["repeats"] == 3 and "update" not in j1 and
         j2["repeats"] == 7 and j2["update"] is True and "update" not in a else 1)' \
		"$files" "$T/j1" "$T/j2"
tap $? "collect: a later copy counting more replaces the archived one (an update), one counting less changes nothing"

# --- collect -------------------------------------------------------------
"$R" -p "$T/ps" -a "$T/ar" collect --json error_report-ramoops-warn-task no-such > "$T/json" 2> "$T/err"
rc=$?
[ $rc = 4 ] && [ "$(wc -l < "$T/json")" = 1 ] && [ ! -e "$T/ps/error_report-ramoops-warn-task" ] &&
	[ -e "$T/ps/error_report-ramoops-kasan-uaf-task" ] && grep -q "no-such: no such record" "$T/err"
tap $? "collect NAME MISSING: NAME only is collected, exit 4 for MISSING (got $rc)"
"$R" -p "$T/ps" -a "$T/ar" --json collect > "$T/json" 2> "$T/err"
rc=$?
tap $([ $rc = 5 ]; echo $?) "collect with a damaged record: exit 5 (got $rc)"
json_ok < "$T/json" && json_ok $(find "$T/ar" -name '*.json')
tap $? "collect --json and the archive over hostile names and bytes: strict UTF-8 JSON"
ls "$T/ps" | grep -q . && r=1 || r=0
tap $r "collect: every owned record freed, the damaged one too"
cmp -s "$DATA/error_report-ramoops-hostile-torn-cut" "$T"/ar/unparsed/error_report-ramoops-hostile-torn-cut-*.raw
tap $? "collect: the damaged record archived byte for byte under unparsed/"
grep -q "hostile-torn-cut: damaged" "$T/err"
tap $? "collect: the damaged record is said on stderr"

# --- kills at chosen points, then a rerun ----------------------------------
for at in link unlink; do
	fill
	rm -rf "$T/ar"
	# In a child shell, so that bash does not announce the kill.
	rc=$(sh -c 'PSTORE_READER_CRASH_AT=$1 "$2" -p "$3" -a "$4" collect > /dev/null 2>&1; echo $?' \
		_ "$at" "$R" "$T/ps" "$T/ar")
	left=$(find "$T/ar" -name '.*' ! -name .lock | wc -l)
	tap $([ $rc = 137 ] && [ "$left" = 0 ]; echo $?) \
		"killed at $at (rc $rc): no temporary file left ($left)"
	"$R" -p "$T/ps" -a "$T/ar" --json collect > "$T/json" 2>/dev/null
	files=$(find "$T/ar" -type f ! -name .lock | wc -l)
	dups=$(find "$T/ar" -name '*.json.[0-9]*' | wc -l)
	# 4 reports, 1 damaged record, 2 dmesg dumps (one of two parts)
	[ "$files" = 7 ] && [ "$dups" = 0 ] && ! ls "$T/ps" | grep -q .
	tap $? "killed at $at, rerun: 7 archived files, no duplicate ($files, $dups), pstore empty"
done

# --- two collects at once --------------------------------------------------
ok=0
for i in 1 2 3; do
	fill
	for k in 0 1 2 3 4 5 6 7; do cp "$DATA/error_report-ramoops-kasan-oob-task" "$T/ps/error_report-ramoops-x$k"; done
	rm -rf "$T/ar"
	"$R" -p "$T/ps" -a "$T/ar" --json collect > "$T/j1" 2>/dev/null &
	"$R" -p "$T/ps" -a "$T/ar" --json collect > "$T/j2" 2>/dev/null &
	wait
	# 4 reports, 8 copies of one more (the same boot, seq and text: one
	# report), 2 dmesg dumps; one damaged record archived raw
	lines=$(cat "$T/j1" "$T/j2" | wc -l)
	files=$(find "$T/ar" -type f ! -name .lock | wc -l)
	[ "$lines" = 7 ] && [ "$files" = 8 ] && ! ls "$T/ps" | grep -q '^error_report-ramoops-x' || ok=1
done
tap $ok "two collects at once, 3 times: each report emitted once ($lines lines), archived once ($files files)"

# --- stderr priorities ------------------------------------------------------
fill
: > "$T/stderr"
JOURNAL_STREAM=$(stat -c '%d:%i' "$T/stderr") "$R" -p "$T/ps" -a "$T/ar2" collect > /dev/null 2> "$T/stderr"
grep -q '^<4>pstore-reader: error_report-ramoops-hostile-torn-cut: damaged' "$T/stderr"
tap $? "stderr to the journal (JOURNAL_STREAM): lines carry a <N> priority"
"$R" -p "$T/ps" show nope 2>&1 | grep -q '^<' && r=1 || r=0
tap $r "stderr elsewhere: no priority prefix"

# --- root only: a read-only archive, journal entries --------------------------
if [ "$(id -u)" = 0 ] && unshare -m true 2>/dev/null; then
	fill
	mkdir -p "$T/ro"
	unshare -m sh -c "mount --bind '$T/ro' '$T/ro' && mount -o remount,bind,ro '$T/ro' &&
		'$R' -p '$T/ps' -a '$T/ro' collect" > /dev/null 2> "$T/err"
	rc=$?
	[ $rc = 3 ] && [ "$(wc -l < "$T/err")" = 1 ] && [ -e "$T/ps/error_report-ramoops-warn-task" ]
	tap $? "read-only archive: exit 3, one message, nothing freed (got $rc, $(wc -l < "$T/err") lines)"

	# A stand-in journald: a datagram socket at the path libsystemd sends to.
	fill
	cat > "$T/journald.py" <<-'PY'
	import socket, sys, os
	s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
	s.bind("/run/systemd/journal/socket")
	open(sys.argv[1] + ".ready", "w").close()
	s.settimeout(5)
	out = open(sys.argv[1], "wb")
	try:
	    while True:
	        d = s.recv(1 << 20)
	        out.write(len(d).to_bytes(8, "little") + d); out.flush()
	except socket.timeout:
	    pass
	PY
	unshare -m sh -c "mount -t tmpfs tmpfs /run/systemd && mkdir -p /run/systemd/journal &&
		{ python3 '$T/journald.py' '$T/entries' & } &&
		while [ ! -e '$T/entries.ready' ]; do sleep 0.05; done &&
		'$R' -p '$T/ps' -a '$T/ar3' --journal collect; echo \$? > '$T/jrc'; wait" > /dev/null 2>&1
	python3 - "$T/entries" <<-'PY'
	import sys
	raw, entries = open(sys.argv[1], "rb").read(), []
	while raw:
	    size = int.from_bytes(raw[:8], "little")
	    entries.append(raw[8:8 + size])
	    raw = raw[8 + size:]
	def fields(e):
	    # journald's native protocol: NAME=value\n, or NAME\n<le64 size><bytes>\n
	    d, i = {}, 0
	    while i < len(e):
	        nl = e.index(b"\n", i)
	        eq = e.find(b"=", i, nl)
	        if eq >= 0:
	            d[e[i:eq].decode()] = e[eq + 1:nl].decode(errors="replace")
	            i = nl + 1
	        else:
	            size = int.from_bytes(e[nl + 1:nl + 9], "little")
	            d[e[i:nl].decode()] = e[nl + 9:nl + 9 + size].decode(errors="replace")
	            i = nl + 9 + size + 1
	    return d
	es = [fields(e) for e in entries]
	ours = [e for e in es if e.get("MESSAGE_ID") == "6b2e3c4d9a1f4c7e8d5b0a9f3e2d1c0b"]
	prio = {e.get("KERNEL_REPORT_FILE"): e.get("PRIORITY") for e in ours}
	ok = (len(ours) == 6 and prio.get("error_report-ramoops-warn-task") == "4" and
	      prio.get("error_report-ramoops-kasan-uaf-task") == "3" and
	      prio.get("dmesg-ramoops-panic") == "2")
	print("# journal entries:", len(ours), sorted(prio.items()))
	sys.exit(0 if ok else 1)
	PY
	tap $? "--journal: one entry per report, MESSAGE_ID, PRIORITY 4 for WARN, 3 for KASAN, 2 for a panic"
else
	skip "read-only archive: exit 3" "needs root and unshare -m"
	skip "--journal entries" "needs root and unshare -m"
fi

# The catalog entry parses and is found by journalctl.
if command -v journalctl > /dev/null; then
	mkdir -p "$T/root/usr/lib/systemd/catalog"
	cp "$DIST/pstore-reader.catalog" "$T/root/usr/lib/systemd/catalog/"
	journalctl --root="$T/root" --update-catalog 2>/dev/null &&
		journalctl --root="$T/root" --dump-catalog 2>/dev/null |
		grep -q '^-- 6b2e3c4d9a1f4c7e8d5b0a9f3e2d1c0b'
	tap $? "the journal catalog entry is indexed by journalctl --update-catalog"
else
	skip "journal catalog" "journalctl not installed"
fi

echo "1..$n"
exit $fail
