# SPDX-License-Identifier: GPL-2.0-only
#
# A reset at one step of a record's write or erase (issue 19, point 7).
# Boot 1 stores WARN reports spanning several slots (no compression, small
# slots), copies them out, then writes one more (/mbox/mode "stream") or
# erases the middle one ("erase"); the host's gdb (test/qemu/reset-at-step.py)
# resets the machine at the chosen step of it. With compression on
# ("compact-write", "compact-erase"), boot 1 stores two WARNs, one after
# the other compressed, then a third, and the reset comes while its
# compressed copy is written, or while the original is erased after it.
# Boot 2 copies what pstore holds (and collects it, after a compaction),
# then stores one more report: the region still works.
# test/check_reset_step.py judges.
trig=/sys/kernel/debug/error_report_test/trigger

mode=$(cat /mbox/mode)
case $BOOT in
1)
	insmod /lib/modules/error_report_test.ko
	n=3
	[ "$mode" = erase ] || n=2
	r=0
	while [ $r -lt $n ]; do
		echo "warn task" > $trig
		r=$((r + 1))
		# Compressed before the next one: the writes come in order.
		wait_until 50 records_shown $r
	done
	mkdir -p /mbox/orig
	for f in $(records_by_slot); do cp "/sys/fs/pstore/$f" /mbox/orig/; done
	records_by_slot > /mbox/order-boot1.txt
	mbox_save
	echo "RESET-ARMED boot=$BOOT mode=$mode"
	if [ "$mode" = erase ]; then
		rm "/sys/fs/pstore/$(records_by_slot | sed -n 2p)"
	else
		echo "warn task" > $trig
	fi
	# The reset comes from the host, at a breakpoint or right after.
	sleep 60
	;;
2)
	mkdir -p /mbox/records
	for f in $(records_by_slot); do cp "/sys/fs/pstore/$f" /mbox/records/; done
	records_by_slot > /mbox/order-boot2.txt
	save_dmesg /mbox/dmesg-boot2.txt
	pstore-reader list > /mbox/reader-list.txt 2>&1
	case $mode in
	compact-*) pstore-reader --archive-dir /mbox/archive collect > /mbox/collect.txt 2>&1 ;;
	esac
	insmod /lib/modules/error_report_test.ko
	before=$(records_by_slot | wc -l)
	echo "warn task" > $trig
	wait_until 50 records_shown $((before + 1))
	check "after the reset the region stores a new report" \
		[ "$(records_by_slot | wc -l)" = $((before + 1)) ]
	;;
esac
