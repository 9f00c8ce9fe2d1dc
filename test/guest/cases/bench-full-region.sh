# SPDX-License-Identifier: GPL-2.0-only
#
# make bench: ramoops' probe with a region full of records. Boot 1 raises
# WARNs, compression off (8 slots each), until the region refuses one, and
# reboots warm; boots 2 to 4 find it full and reboot again: the console log
# times each probe (boot-figures.py, per boot).
er=/sys/kernel/error_report
case $BOOT in
1)
	insmod /lib/modules/error_report_test.ko
	echo 1 > /proc/sys/kernel/printk
	i=0
	while [ "$(cat $er/dropped)" = 0 ] && [ $i -lt 5000 ]; do
		echo "warn task" > /sys/kernel/debug/error_report_test/trigger
		i=$((i + 1))
	done
	cat $er/stored > /mbox/stored
	check "the region is full ($(cat $er/stored) records)" [ "$(cat $er/dropped)" != 0 ]
	warm_reboot
	;;
2 | 3)
	warm_reboot
	;;
4)
	ls /sys/fs/pstore | grep -c '^error_report-' > /mbox/records
	check "the records are still there ($(cat /mbox/records))" \
		[ "$(cat /mbox/records)" = "$(cat /mbox/stored)" ]
	;;
esac
