# SPDX-License-Identifier: GPL-2.0-only
#
# A bad size for the error report region: refused with a message saying
# why, and every other pstore region keeps working across a reboot.
# /mbox/expect holds the reason the kernel must give.
er=/sys/kernel/error_report
case $BOOT in
1)
	expect=$(cat /mbox/expect)
	dmesg | grep "error report region disabled" > /mbox/disabled.txt
	check "the region is refused: $expect" grep -q "$expect" /mbox/disabled.txt
	check "ramoops still registered its other regions" sh -c 'dmesg | grep -q "ramoops: using"'
	check "no error report slots were set up" sh -c '! dmesg | grep -q "error reports: .* slots"'
	insmod /lib/modules/error_report_test.ko
	echo "warn task" > /sys/kernel/debug/error_report_test/trigger
	check "a report is counted as dropped, nothing crashes" \
		[ "$(cat $er/count) $(cat $er/stored) $(cat $er/dropped)" = "1 0 1" ]
	uuid=$(cat /proc/sys/kernel/random/uuid)
	echo "$uuid" > /mbox/marker
	echo "bad-param pmsg marker $uuid" > /dev/pmsg0
	warm_reboot
	;;
2)
	check "pmsg-ramoops-0 kept its marker" \
		grep -q "bad-param pmsg marker $(cat /mbox/marker)" /sys/fs/pstore/pmsg-ramoops-0
	check "console-ramoops-0 kept the previous boot's log" \
		grep -q "error report region disabled" /sys/fs/pstore/console-ramoops-0
	check "no error_report record" sh -c '! ls /sys/fs/pstore | grep -q error_report'
	;;
esac
