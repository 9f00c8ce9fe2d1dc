# SPDX-License-Identifier: GPL-2.0-only
#
# Real reports across a warm reboot (or a crash): boot 1 raises the reports
# listed in /mbox/triggers through the test modules (or a shell command:
# LKDTM, a sysctl; "panic": one that panics the kernel, listed last;
# "wait-shown": no report, a wait until pstore shows the ones stored),
# saves its log, the reports' start and end events and the counters, then
# reboots the way /mbox/finish says; boot 2 copies the
# error_report records out. The host compares them with boot 1's log
# (test/check_reports.py).

er=/sys/kernel/error_report
case $BOOT in
1)
	insmod /lib/modules/error_report_test.ko
	insmod /lib/modules/error_report_detectors.ko
	uname -r > /mbox/release
	cat /proc/sys/kernel/random/boot_id > /mbox/boot_id
	: > /mbox/triggered
	while read -r kind ctx; do
		[ -n "$kind" ] || continue
		if [ "$kind" = wait-shown ]; then
			# Not a report: until pstore shows every report stored so
			# far (compressed by then), so that the next comes later.
			wait_until 50 records_shown "$(cat $er/stored)"
			continue
		fi
		if [ "$kind" = nested ]; then
			echo 1 > /sys/kernel/debug/error_report_test/nested
		elif [ "$kind" = interleave ]; then
			echo "$ctx" > /sys/kernel/debug/error_report_test/interleave
			rc=$?
			case $ctx in *nmi-backtrace)
				cat /sys/kernel/debug/error_report_test/window >> /mbox/windows ;;
			esac
			(exit $rc)
		elif [ "$kind" = idle ]; then
			echo 1 > /sys/kernel/debug/error_report_test/idle
		elif [ "$kind" = lockup ]; then
			echo "$ctx" > /sys/kernel/debug/error_report_detectors/lockup
		elif [ "$kind" = sh ]; then
			# A subshell: an oops kills the task that writes (LKDTM).
			sh -c "$ctx"
		elif [ "$kind" = panic ]; then
			# The kernel panics in the report and reboots: boot 2 is
			# next, and boot 1's log comes back as ramoops' panic dump.
			echo "$kind $ctx" >> /mbox/triggered
			mbox_save
			echo "GUEST-CRASH boot=$BOOT"
			sh -c "$ctx"
			sleep 30
		else
			echo "$kind $ctx" > /sys/kernel/debug/error_report_test/trigger
		fi
		echo "$kind $ctx $?" >> /mbox/triggered
	done < /mbox/triggers
	if [ -f /mbox/storm ]; then
		# Keep the serial console out of the flood's way.
		echo 5 > /proc/sys/kernel/printk
		cat /mbox/storm > /sys/kernel/debug/error_report_test/storm
		echo "storm $(cat /mbox/storm) $?" >> /mbox/triggered
	fi
	cat /sys/kernel/debug/error_report_test/raised > /mbox/raised
	cat /sys/kernel/debug/error_report_detectors/events > /mbox/events
	for f in count stored dropped repeats; do cat $er/$f > /mbox/er_$f; done
	ls /sys/fs/pstore > /mbox/pstore-boot1.txt
	save_dmesg /mbox/dmesg.txt
	case $(cat /mbox/finish 2>/dev/null) in
	crash) crash_reboot ;;
	watchdog) watchdog_reboot ;;
	*) warm_reboot ;;
	esac
	;;
2)
	mkdir -p /mbox/records /mbox/upstream
	cp /sys/fs/pstore/error_report-* /mbox/records/ 2>/dev/null
	cp /sys/fs/pstore/dmesg-* /sys/fs/pstore/console-* /mbox/upstream/ 2>/dev/null
	ls -l /sys/fs/pstore > /mbox/pstore-boot2.txt
	# The device tree this boot was given (arm64: as U-Boot fixed it up).
	[ -r /sys/firmware/fdt ] && cp /sys/firmware/fdt /mbox/fdt-boot2.dtb
	save_dmesg /mbox/dmesg-boot2.txt
	check "error_report records survived the reboot" has_records
	pstore-reader list > /mbox/reader-list.txt 2>&1
	check "pstore-reader lists every record with a title" [ \
		"$(grep -c '^error_report-ramoops-[0-9]*[[:space:]]error_report[[:space:]]\(ok\|truncated\|incomplete\)[[:space:]][^[:space:]]' /mbox/reader-list.txt)" = \
		"$(ls /sys/fs/pstore | grep -c error_report)" ]
	check "no new report counted after the reboot" [ "$(cat $er/count)" = 0 ]
	;;
esac
