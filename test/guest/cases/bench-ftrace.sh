# SPDX-License-Identifier: GPL-2.0-only
#
# make bench: the project against the persistent trace buffer that a stock
# 6.12 kernel offers (Documentation/trace/debugging.rst): a trace instance
# in reserved memory ("boot_map", from trace_instance= on the command line)
# that a warm reboot keeps, with the printk:console and error_report:*
# events on, so that the reports' text is in it. Both get the same
# reserved size (bench.sh). Boot 1 raises the reports listed in
# /mbox/triggers, then a report storm on every CPU but the last while the
# last floods printk, saves its log and reboots warm (a reset without a
# panic); boot 2 saves what each kept.
tr=/sys/kernel/tracing
inst=$tr/instances/boot_map
trig=/sys/kernel/debug/error_report_test

[ -d $tr/instances ] || mount -t tracefs nodev $tr
case $BOOT in
1)
	check "the boot_map trace instance exists" [ -d $inst ]
	echo 1 > $inst/events/printk/console/enable
	echo 1 > $inst/events/error_report/enable
	echo 1 > $inst/tracing_on
	insmod /lib/modules/error_report_test.ko
	echo 1 > /proc/sys/kernel/printk
	while read -r kind ctx; do
		[ -n "$kind" ] && echo "$kind $ctx" > $trig/trigger
	done < /mbox/triggers
	cat /mbox/storm > $trig/storm
	save_dmesg /mbox/dmesg.txt
	warm_reboot
	;;
2)
	cat $inst/trace > /mbox/ftrace.txt
	mkdir -p /mbox/records
	cp /sys/fs/pstore/error_report-* /mbox/records/ 2>/dev/null
	check "the previous boot's trace was kept" grep -q "error_report_start" /mbox/ftrace.txt
	;;
esac
