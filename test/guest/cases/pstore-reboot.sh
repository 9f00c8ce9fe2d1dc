# SPDX-License-Identifier: GPL-2.0-only
#
# Upstream pstore across a crash: our own markers in dmesg/console/pmsg, and
# the kernel's tools/testing/selftests/pstore scripts, unchanged, run across
# the same reboot. Sourced by /init with BOOT set.

KS=/mbox/kselftest

# The upstream scripts keep their state next to themselves, on a disk. Here
# they live in the mailbox, saved right before the crash script runs. The two
# changes that script makes just before "echo c" (uuid -> prev_uuid, and the
# reboot flag) cannot be saved from inside it (busybox runs "sync" as a
# builtin), so boot 2 replays exactly those two steps.
replay_crash_test_state() {
	[ -f "$KS/uuid" ] && mv "$KS/uuid" "$KS/prev_uuid"
	touch "$KS/reboot_flag"
}

# kselftest_tap SCRIPT: run an upstream script, turn its "... ok/FAIL" lines
# into TAP. The "end trace" checks are stale for a sysrq crash on these
# kernels: sysrq-c calls panic() directly, which prints "---[ end Kernel
# panic", never "---[ end trace"; they stay visible as known failures.
kselftest_tap() {
	script=$1
	(cd "$KS" && sh "./$script") > "/mbox/$script.out" 2>&1
	rc=$?
	awk '
	/^[^ \t]/ && !/ \.\.\. / { head = $0; next }
	/ \.\.\. (ok|FAIL)$/ {
		line = $0; sub(/^[ \t]+/, "", line)
		res = line; sub(/.* \.\.\. /, "", res)
		desc = line; sub(/ \.\.\. (ok|FAIL)$/, "", desc)
		if ($0 ~ /^[ \t]/) desc = head ": " desc
		print res "\t" desc
	}' "/mbox/$script.out" | while IFS='	' read -r res desc; do
		st=1; [ "$res" = ok ] && st=0
		case $desc in
		*"oops end marker"*)
			tap_ok $st "kselftest $script: $desc" \
				"TODO sysrq-c panics directly: no '---[ end trace' on 6.1/6.12" ;;
		*) tap_ok $st "kselftest $script: $desc" ;;
		esac
	done
	echo "$rc" > "/mbox/$script.rc"
}

case $BOOT in
1)
	uuid=$(cat /proc/sys/kernel/random/uuid)
	echo "$uuid" > /mbox/marker
	echo "project pmsg marker $uuid" > /dev/pmsg0
	echo "project kmsg marker $uuid" > /dev/kmsg
	mkdir -p "$KS"
	cp -r /kselftest/pstore/. "$KS/"
	kselftest_tap pstore_tests
	check "kselftest pstore_tests exits 0" [ "$(cat /mbox/pstore_tests.rc)" = 0 ]
	kselftest_tap error_report_tests
	check "kselftest error_report_tests exits 0" [ "$(cat /mbox/error_report_tests.rc)" = 0 ]
	mbox_save
	(cd "$KS" && sh ./pstore_crash_test) > /dev/console 2>&1
	tap_ok 1 "pstore_crash_test crashed the kernel"
	;;
2)
	uuid=$(cat /mbox/marker)
	cd /sys/fs/pstore
	ls -l > /mbox/pstore-ls.txt
	cp -- * /mbox/ 2>/dev/null
	check "dmesg-ramoops-0 is a panic record" grep -q '^Panic#1 Part1' dmesg-ramoops-0
	check "dmesg-ramoops-0 holds the sysrq panic" grep -q 'sysrq triggered crash' dmesg-ramoops-0
	check "dmesg-ramoops-0 holds the kmsg marker" grep -q "project kmsg marker $uuid" dmesg-ramoops-0
	check "console-ramoops-0 holds the kmsg marker" grep -q "project kmsg marker $uuid" console-ramoops-0
	check "pmsg-ramoops-0 holds the pmsg marker" grep -q "project pmsg marker $uuid" pmsg-ramoops-0
	cd /
	replay_crash_test_state
	kselftest_tap error_report_post_reboot_tests
	check "kselftest error_report_post_reboot_tests exits 0" \
		[ "$(cat /mbox/error_report_post_reboot_tests.rc)" = 0 ]
	kselftest_tap pstore_post_reboot_tests
	tap_ok 0 "kselftest pstore_post_reboot_tests ran (rc=$(cat /mbox/pstore_post_reboot_tests.rc))"
	;;
*)
	tap_ok 1 "unexpected boot $BOOT"
	;;
esac
