# SPDX-License-Identifier: GPL-2.0-only
#
# make bench: what capturing and storing a report costs, measured in the
# kernel by the test module's probes around the capture's own at the
# report's start and end (its "timings": the record started, then
# completed), plus what each line costs printk inside an open report over
# a line outside one ("line_ns" against "printk_ns": the line's copy into
# the record as it prints), against the report's own printing and against
# a memcpy() of the same bytes (its "memcpy_ns"). The region holds every
# report, so each timing includes a store.
t=/sys/kernel/debug/error_report_test
er=/sys/kernel/error_report
insmod /lib/modules/error_report_test.ko
echo 1 > /proc/sys/kernel/printk
echo 1 > $t/timings
: > /mbox/kinds
for kind in kasan-uaf kfence-uaf warn; do
	i=0
	while [ $i -lt 20 ]; do
		echo "$kind task" > $t/trigger && echo "$kind" >> /mbox/kinds
		i=$((i + 1))
	done
done
cat $t/timings > /mbox/timings.txt
echo 0 > $t/timings
cat $er/stored > /mbox/stored
# The clock the timings were taken with (local_clock(): the TSC, unless
# the guest's clocksource watchdog gave up on it).
cat /sys/devices/system/clocksource/clocksource0/current_clocksource > /mbox/clocksource
dmesg | grep -c "Marking TSC unstable" > /mbox/tsc-unstable
# Each report's record as pstore shows it, by sequence number (the
# header's seq, 8 bytes at offset 40): its size.
wait_until 100 records_shown "$(cat $er/stored)"
for f in /sys/fs/pstore/error_report-*; do
	echo "$(od -An -tu8 -j40 -N8 "$f" | tr -d ' ') $(wc -c < "$f") $(tr -cd '\n' < "$f" | wc -c)"
done | sort -n > /mbox/sizes.txt
# A memcpy of each record's size.
while read -r seq bytes lines; do
	echo "$bytes" > $t/memcpy_ns
	echo "$seq $bytes $(cat $t/memcpy_ns) $lines"
done < /mbox/sizes.txt > /mbox/memcpy.txt
# A line inside an open report, and the same line outside one: eight
# rounds of each, after the timed reports (the first adds a report). The
# third column says whether the round's report was stored (the stored
# counter moved): once the region is full (the timed reports fill it),
# a report's record cannot start, and its lines time what a line costs
# when nothing is copied: the gate and the lookup of the printing
# context's report.
: > /mbox/line.txt
i=0
while [ $i -lt 8 ]; do
	s0=$(cat $er/stored)
	echo 100 > $t/line_ns && echo 2000 > $t/printk_ns &&
		echo "$(cat $t/line_ns) $(cat $t/printk_ns) $(($(cat $er/stored) - s0))" \
			>> /mbox/line.txt
	i=$((i + 1))
done
check "60 reports timed" [ "$(wc -l < /mbox/timings.txt)" = 60 ]
check "60 reports stored" [ "$(cat /mbox/stored)" = 60 ]
check "8 rounds of lines timed" [ "$(wc -l < /mbox/line.txt)" = 8 ]
