# SPDX-License-Identifier: GPL-2.0-only
#
# make bench: what capturing and storing a report costs, measured in the
# kernel by the test module's probes around the capture's own (its
# "timings"), against the report's own printing and against a memcpy() of
# the same bytes (its "memcpy_ns"). The region holds every report, so each
# timing includes a store.
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
	echo "$(od -An -tu8 -j40 -N8 "$f" | tr -d ' ') $(wc -c < "$f")"
done | sort -n > /mbox/sizes.txt
# A memcpy of each record's size.
while read -r seq bytes; do
	echo "$bytes" > $t/memcpy_ns
	echo "$seq $bytes $(cat $t/memcpy_ns)"
done < /mbox/sizes.txt > /mbox/memcpy.txt
check "60 reports timed" [ "$(wc -l < /mbox/timings.txt)" = 60 ]
check "60 reports stored" [ "$(cat /mbox/stored)" = 60 ]
