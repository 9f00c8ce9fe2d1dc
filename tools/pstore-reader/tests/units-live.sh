#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# The shipped units under a real systemd, sandbox and all: systemd 252 as
# PID 1 of new PID, mount, network, UTS and IPC namespaces (this machine
# has no systemd running and no systemd-nspawn), with a real
# systemd-journald. The boot unit collects a pstore folder bind-mounted on
# /sys/fs/pstore (exit 5 for a damaged record counts as success); the
# journal gets one entry per report with PRIORITY by detector and the
# stderr lines with their priority; the watch unit collects a record
# dropped in at runtime and stops cleanly. Root only; TAP on stdout. Not
# run by "make check": it starts a service manager; run it by hand.
# usage: units-live.sh PSTORE-READER
R=$(realpath "$1")
here=$(realpath "$(dirname "$0")")
DIST=$here/../dist
DATA=$(realpath "$here/../../../test/data/records")
n=0
fail=0
tap() {
	n=$((n + 1))
	if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fail=1; fi
}
if [ "$(id -u)" != 0 ] || ! unshare -p -f -m true 2>/dev/null || [ ! -x /lib/systemd/systemd ]; then
	echo "1..0 # SKIP needs root, unshare and systemd"
	exit 0
fi
T=$(mktemp -d /tmp/pstore-reader-live.XXXXXX)
cat > "$T/init.sh" <<EOS
#!/bin/sh
set -e
mount --make-rprivate /
mount -t tmpfs -o mode=755 tmpfs /run
mkdir -p /run/systemd/system /run/t/ps
cp "$R" /run/t/pstore-reader
# This systemd shares the host's filesystems: everything it or its units
# may write (tmpfiles wipes /tmp and /var/tmp, journald flushes to
# /var/log) is a private tmpfs here, and the units kept to themselves.
for d in /var/lib /var/log /var/tmp /var/cache /tmp; do
	mount -t tmpfs -o mode=1777 tmpfs \$d
done
cd "$DATA"
cp error_report-ramoops-kasan-uaf-task error_report-ramoops-warn-task \
	error_report-ramoops-hostile-torn-cut dmesg-ramoops-panic /run/t/ps/
mount --bind /run/t/ps /sys/fs/pstore
for u in pstore-reader pstore-reader-watch; do
	cp "$DIST/\$u.service" /run/systemd/system/
	mkdir -p /run/systemd/system/\$u.service.d
	cmd=collect; [ \$u = pstore-reader-watch ] && cmd=watch
	# A container to systemd-detect-virt: the units' condition is lifted here.
	# DefaultDependencies=no: the watch unit would pull sysinit.target, whose
	# units (sysctl, tmpfiles, udev, ...) act on the host, not a namespace.
	printf '[Unit]\nDefaultDependencies=no\nConditionVirtualization=\n[Service]\nExecStart=\nExecStart=/run/t/pstore-reader --archive-dir /var/lib/pstore-reader --journal %s\n' \$cmd \
		> /run/systemd/system/\$u.service.d/test.conf
done
# And masked, should anything still pull them.
for u in sysinit.target basic.target systemd-tmpfiles-setup.service systemd-tmpfiles-clean.service \
	systemd-sysctl.service systemd-sysusers.service systemd-udevd.service systemd-udev-trigger.service \
	systemd-remount-fs.service systemd-journal-flush.service systemd-update-utmp.service \
	systemd-modules-load.service systemd-random-seed.service systemd-machine-id-commit.service \
	systemd-binfmt.service systemd-hwdb-update.service ldconfig.service; do
	ln -s /dev/null /run/systemd/system/\$u
done
printf '[Unit]\nDefaultDependencies=no\nRequires=systemd-journald.service pstore-reader.service\nAfter=systemd-journald.service pstore-reader.service\n' \
	> /run/systemd/system/pstore-test.target
exec /lib/systemd/systemd --system --unit=pstore-test.target --log-target=kmsg --show-status=no
EOS
chmod +x "$T/init.sh"
unshare -p -f -m -n -u -i --mount-proc "$T/init.sh" > "$T/log" 2>&1 &
sleep 1
P=$(pgrep -f "systemd --system --unit=pstore-test.target" | head -1)
if [ -z "$P" ]; then
	sed 's/^/# /' "$T/log"
	echo "1..1"
	echo "not ok 1 - systemd did not start"
	rm -rf "$T"
	exit 1
fi
in_ns() { timeout 20 nsenter -t "$P" -m -p "$@"; }
i=0
while [ $i -lt 100 ] && ! in_ns systemctl is-active -q pstore-test.target 2>/dev/null; do
	sleep 0.1; i=$((i + 1))
done
r=$(in_ns systemctl show -P Result pstore-reader.service)
s=$(in_ns systemctl show -P ExecMainStatus pstore-reader.service)
tap $([ "$r" = success ] && [ "$s" = 5 ]; echo $?) \
	"pstore-reader.service ran sandboxed: exit $s (a damaged record), result $r"
tap $([ -z "$(in_ns ls /sys/fs/pstore)" ]; echo $?) "pstore-reader.service freed every record"
in_ns sh -c 'ls /var/lib/pstore-reader/*/' > "$T/archive"
tap $(grep -q 'report-000002-kasan.json' "$T/archive" && grep -q 'hostile-torn-cut' "$T/archive"; echo $?) \
	"pstore-reader.service archived the reports and the damaged record"
# By identifier: the unit field needs the sender alive for journald to read its cgroup.
in_ns journalctl --no-pager -o json SYSLOG_IDENTIFIER=pstore-reader > "$T/journal"
python3 - "$T/journal" <<'PY'
import json, sys
es = [json.loads(l) for l in open(sys.argv[1])]
ours = {e.get("KERNEL_REPORT_FILE"): e["PRIORITY"] for e in es
        if e.get("MESSAGE_ID") == "6b2e3c4d9a1f4c7e8d5b0a9f3e2d1c0b"}
damaged = [e["PRIORITY"] for e in es if "damaged" in str(e.get("MESSAGE"))]
print("# journal:", sorted(ours.items()), "damaged line priority", damaged)
sys.exit(0 if ours == {"error_report-ramoops-kasan-uaf-task": "3",
                       "error_report-ramoops-warn-task": "4",
                       "dmesg-ramoops-panic": "2"} and damaged == ["4"] else 1)
PY
tap $? "journald: one entry per report (PRIORITY 3 KASAN, 4 WARN, 2 panic), the damaged line at 4"
in_ns systemctl start pstore-reader-watch.service
sleep 1
in_ns cp "$DATA/error_report-ramoops-kfence-oob-task" /sys/fs/pstore/
# Wait for the watch (a loaded machine may take a while), 10 s at most.
i=0
while [ $i -lt 100 ] && [ -n "$(in_ns ls /sys/fs/pstore)" ]; do
	sleep 0.1; i=$((i + 1))
done
tap $(in_ns sh -c 'ls /var/lib/pstore-reader/*/' | grep -q 'report-.*-kfence.json' &&
	[ -z "$(in_ns ls /sys/fs/pstore)" ]; echo $?) \
	"pstore-reader-watch.service collected a record dropped in at runtime"
in_ns systemctl stop pstore-reader-watch.service
r=$(in_ns systemctl show -P Result pstore-reader-watch.service)
tap $([ "$r" = success ]; echo $?) "pstore-reader-watch.service stopped cleanly ($r)"
kill -9 "$P"
wait
# The cgroups this systemd made in the (hybrid) hierarchies, now empty.
for h in systemd unified; do
	find "/sys/fs/cgroup/$h" -mindepth 1 -depth -type d 2>/dev/null | while read -r d; do
		rmdir "$d" 2>/dev/null
	done
done
rm -rf "$T"
echo "1..$n"
exit $fail
