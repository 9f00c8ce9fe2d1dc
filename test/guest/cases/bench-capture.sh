# SPDX-License-Identifier: GPL-2.0-only
#
# make bench: what capturing and storing a report costs, measured in the
# kernel (debugfs error_report/timings), against the report's own printing
# and against a memcpy() of the same bytes (test module's memcpy_ns).
t=/sys/kernel/debug/error_report_test
insmod /lib/modules/error_report_test.ko
echo 1 > /proc/sys/kernel/printk
: > /mbox/kinds
for kind in kasan-uaf kfence-uaf warn; do
	i=0
	while [ $i -lt 20 ]; do
		echo "$kind task" > $t/trigger && echo "$kind" >> /mbox/kinds
		i=$((i + 1))
	done
done
grep -v '^#' /sys/kernel/debug/error_report/timings > /mbox/timings.txt
# The clock the timings were taken with (local_clock(): the TSC, unless
# the guest's clocksource watchdog gave up on it).
cat /sys/devices/system/clocksource/clocksource0/current_clocksource > /mbox/clocksource
dmesg | grep -c "Marking TSC unstable" > /mbox/tsc-unstable
# A memcpy of each report's size.
while read -r capture report bytes; do
	echo "$bytes" > $t/memcpy_ns
	echo "$bytes $(cat $t/memcpy_ns)"
done < /mbox/timings.txt > /mbox/memcpy.txt
check "60 reports timed" [ "$(wc -l < /mbox/timings.txt)" = 60 ]
