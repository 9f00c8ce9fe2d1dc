# SPDX-License-Identifier: GPL-2.0-only
#
# Reports collected at runtime, without a reboot: pstore-reader watch
# archives each report as it arrives and unlinks it, and pstore reads each
# stored report alone, never the whole backend again; what it collected does
# not come back after a reboot, what it did not collect does; a burst larger
# than the region keeps the first reports and counts the rest, and once
# they are collected the boot's next reports are stored again.
er=/sys/kernel/error_report
trig=/sys/kernel/debug/error_report_test/trigger
archive=/mbox/archive

archived() { find $archive -name 'report-*.json' 2>/dev/null | wc -l; }
archived_at_least() { [ "$(archived)" -ge "$1" ]; }

# wait_archived N: until N reports are archived (10 s at most).
wait_archived() {
	wait_until 100 archived_at_least "$1"
}

# pstore's reads of the backend, counted by kprobe events: full reads (every
# record, as at a mount) and reads of one named record (after a report is
# stored). hits NAME prints how often NAME fired since it was enabled.
tr=/sys/kernel/tracing
count_reads() {
	echo 'p:pstore_full_read pstore_get_backend_records' >> $tr/kprobe_events &&
	echo 'p:pstore_named_read pstore_get_backend_record' >> $tr/kprobe_events &&
	echo 1 > $tr/events/kprobes/enable
}
hits() {
	awk -v n="$1" '$1 == n { print $2 }' $tr/kprobe_profile
}

case $BOOT in
1)
	insmod /lib/modules/error_report_test.ko
	check "pstore's reads of the backend can be counted (kprobe events)" count_reads
	check "counters are world-readable" [ "$(stat -c %a $er/count)" = 444 ]
	check "pstore records are root-only (folder 0750)" [ "$(stat -c %a /sys/fs/pstore)" = 750 ]

	# poll(2) on the counter wakes up when a report arrives.
	pollwait $er/count 10000 > /tmp/poll.out &
	pw=$!
	wait_until 50 grep -q armed /tmp/poll.out
	echo "warn task" > $trig
	wait $pw
	check "poll() on /sys/kernel/error_report/count wakes up with the new count" \
		[ "$(sed -n 2p /tmp/poll.out)" = 1 ]

	pstore-reader --archive-dir $archive watch > /mbox/watch.out 2>&1 &
	watcher=$!
	check "watch collects the report raised before it started" wait_archived 1
	echo "kasan-uaf task" > $trig
	check "watch archives a KASAN report at runtime" wait_archived 2
	echo "kfence-uaf hardirq" > $trig
	check "watch archives a KFENCE report at runtime" wait_archived 3
	echo "0 8" > /sys/kernel/debug/error_report_test/sites
	check "watch archives 8 WARNs of 8 sites raised in a row" wait_archived 11
	hits pstore_full_read > /mbox/full-reads.txt
	hits pstore_named_read > /mbox/named-reads.txt
	check "no full read of the backend after the boot's: each report read alone" \
		[ "$(cat /mbox/full-reads.txt)" = 0 ]
	check "each stored report was read alone (11 at least)" \
		[ "$(cat /mbox/named-reads.txt)" -ge 11 ]
	sleep 0.5
	check "collected records were unlinked" [ -z "$(ls /sys/fs/pstore | grep error_report)" ]
	kill $watcher
	wait $watcher
	check "watch exits cleanly on SIGTERM" [ $? = 0 ]

	echo "warn softirq" > $trig
	wait_until 50 has_records
	check "a report not collected shows up in /sys/fs/pstore at runtime" \
		has_records
	warm_reboot
	;;
2)
	ls /sys/fs/pstore > /mbox/pstore-boot2.txt
	check "after the reboot only the uncollected report is in pstore" \
		[ "$(ls /sys/fs/pstore | grep -c error_report)" = 1 ]
	check "it is the WARN from softirq" \
		sh -c 'pstore-reader show | grep -q "^reporter:  CPU"'
	pstore-reader --archive-dir $archive collect > /dev/null
	check "collect archives it beside the runtime ones" [ "$(archived)" = 12 ]
	check "pstore holds no error report after collect" \
		[ -z "$(ls /sys/fs/pstore | grep error_report)" ]

	# A burst larger than the region, with nobody collecting. Each report
	# is shown (where the kernel compresses, its copy written and the
	# original erased) before the next is raised: a copy and its original
	# hold two slots for a moment, and a report raised then would find
	# the region full, and be dropped while a later one is kept.
	insmod /lib/modules/error_report_test.ko
	slots=$(dmesg | sed -n 's/.*error reports: \([0-9]*\) slots.*/\1/p')
	n=$((slots + 8))
	i=0
	while [ $i -lt $n ]; do
		echo "warn task" > $trig
		wait_until 50 records_shown "$(cat $er/stored)"
		i=$((i + 1))
	done
	check "burst of $n reports: $slots stored" [ "$(cat $er/stored)" = "$slots" ]
	check "burst of $n reports: 8 dropped" [ "$(cat $er/dropped)" = 8 ]
	pstore-reader --archive-dir /mbox/burst collect > /dev/null
	check "the $slots stored reports are the first ones (seq 1..$slots)" \
		[ "$(ls /mbox/burst/*/ | sed -n 's/report-0*\([0-9]*\)-.*/\1/p' | sort -n | tail -1)" = "$slots" ]

	# The policy when full: what is collected makes room, nothing else does.
	check "collect emptied the full region" \
		[ -z "$(ls /sys/fs/pstore | grep error_report)" ]
	echo "kfence-uaf task" > $trig
	check "after the collect, the boot's next report is stored" \
		[ "$(cat $er/stored)" = $((slots + 1)) ]
	pstore-reader --archive-dir /mbox/after collect > /dev/null
	check "it is the report raised after the burst (seq $((n + 1)))" \
		[ "$(ls /mbox/after/*/ | sed -n 's/report-0*\([0-9]*\)-.*/\1/p')" = $((n + 1)) ]
	;;
esac
