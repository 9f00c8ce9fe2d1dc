# SPDX-License-Identifier: GPL-2.0-only
#
# make demo: one KASAN use-after-free, a warm reboot, and the reader's view
# of what pstore kept.
case $BOOT in
1)
	insmod /lib/modules/error_report_test.ko
	echo "DEMO: raising a KASAN use-after-free from task context"
	echo "kasan-uaf task" > /sys/kernel/debug/error_report_test/trigger
	echo "DEMO: reports stored in reserved RAM before the detector returned: $(cat /sys/kernel/error_report/stored)"
	echo "DEMO: rebooting warm (reboot -f): RAM is kept, the log is not"
	warm_reboot
	;;
2)
	echo "DEMO: after the reboot, /sys/fs/pstore holds: $(ls /sys/fs/pstore | tr '\n' ' ')"
	# The error report records first, by name: they are what the demo is
	# about; the console-ramoops copy of the whole log follows separately.
	set -- /sys/fs/pstore/error_report-*
	pstore-reader show "${@##*/}" > /mbox/reader-show-reports.txt 2>&1
	pstore-reader show > /mbox/reader-show.txt 2>&1
	pstore-reader --archive-dir /mbox/archive collect > /mbox/reader-collect.txt 2>&1
	echo "DEMO: pstore after collect: $(ls /sys/fs/pstore | tr '\n' ' ')"
	tap_ok 0 "demo ran"
	;;
esac
