# SPDX-License-Identifier: GPL-2.0-only
#
# Upstream pstore across a crash: our own markers in dmesg/console/pmsg, and
# the kernel's tools/testing/selftests/pstore scripts, unchanged, run across
# the same reboot. Sourced by /init with BOOT set.

. /cases/pstore-reboot-lib.sh

case $BOOT in
1)
	uuid=$(cat /proc/sys/kernel/random/uuid)
	echo "$uuid" > /mbox/marker
	echo "project pmsg marker $uuid" > /dev/pmsg0
	echo "project kmsg marker $uuid" > /dev/kmsg
	kselftest_setup
	kselftest_tap pstore_tests
	check "kselftest pstore_tests exits 0" [ "$(cat /mbox/pstore_tests.rc)" = 0 ]
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
	kselftest_tap pstore_post_reboot_tests
	tap_ok 0 "kselftest pstore_post_reboot_tests ran (rc=$(cat /mbox/pstore_post_reboot_tests.rc))"
	;;
*)
	tap_ok 1 "unexpected boot $BOOT"
	;;
esac
