# SPDX-License-Identifier: GPL-2.0-only
#
# The project's kselftests (tools/testing/selftests/pstore/error_report_*),
# across a crash of their own, apart from the upstream pstore ones (their
# WARN would otherwise change what the upstream checks see in the dump).
. /cases/pstore-reboot-lib.sh

case $BOOT in
1)
	kselftest_setup
	kselftest_tap error_report_tests
	check "kselftest error_report_tests exits 0" [ "$(cat /mbox/error_report_tests.rc)" = 0 ]
	mbox_save
	(cd "$KS" && sh ./pstore_crash_test) > /dev/console 2>&1
	tap_ok 1 "pstore_crash_test crashed the kernel"
	;;
2)
	replay_crash_test_state
	kselftest_tap error_report_post_reboot_tests
	check "kselftest error_report_post_reboot_tests exits 0" \
		[ "$(cat /mbox/error_report_post_reboot_tests.rc)" = 0 ]
	;;
esac
