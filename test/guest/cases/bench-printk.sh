# SPDX-License-Identifier: GPL-2.0-only
#
# make bench: what printk costs with no report open, on a boot with the
# error report store registered (the capture's static key on) or without
# one (bench.sh boots both): the test module times 20000 KERN_DEBUG lines
# (stored, not printed) five times, the median of each run in
# /mbox/printk.txt.
t=/sys/kernel/debug/error_report_test
insmod /lib/modules/error_report_test.ko
: > /mbox/printk.txt
i=0
while [ $i -lt 5 ]; do
	echo 20000 > $t/printk_ns && cat $t/printk_ns >> /mbox/printk.txt
	i=$((i + 1))
done
cat /sys/devices/system/clocksource/clocksource0/current_clocksource > /mbox/clocksource
check "5 runs of 20000 printk timed" [ "$(wc -l < /mbox/printk.txt)" = 5 ]
