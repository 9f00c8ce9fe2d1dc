# SPDX-License-Identifier: GPL-2.0-only
#
# Repeats take no room (ramoops' default, error_report_store_repeats=0):
# 1000 copies of one WARN (a WARN in a hot path) among 20 distinct WARNs,
# in a region of 32 slots that would keep 32 reports. The site's record
# counts the copies; collected halfway at runtime, the next copy is stored
# again and counts the rest. After a warm reboot, the archive holds every
# distinct report once, and the site's records plus their counts are 1000.

er=/sys/kernel/error_report
t=/sys/kernel/debug/error_report_test
archive=/mbox/archive

# shown_repeats N: a record in pstorefs counts N repeats.
shown_repeats() {
	pstore-reader --json show 2>/dev/null | grep -q "\"repeats\": *$1[,}]"
}

no_records() {
	! has_records
}

# site_total: for the repeated WARN's reports in the archive, records plus
# the repeats they count.
site_total() {
	local f n total=0
	for f in $(grep -l "repeated warning" $archive/*/report-*.json); do
		n=$(sed -n 's/.*"repeats": *\([0-9]*\).*/\1/p' "$f")
		total=$((total + 1 + ${n:-0}))
	done
	echo $total
}

case $BOOT in
1)
	insmod /lib/modules/error_report_test.ko
	# 1040 WARNs on the serial console would take minutes under TCG.
	echo 1 > /proc/sys/kernel/printk
	echo 500 > $t/repeat
	check "500 copies of one WARN: one stored" [ "$(cat $er/stored)" = 1 ]
	check "the other 499 counted as repeats" [ "$(cat $er/repeats)" = 499 ]
	check "its record in pstorefs counts them (rewritten at runtime)" \
		wait_until 100 shown_repeats 499
	ls -l /sys/fs/pstore > /mbox/pstore-1a.txt
	pstore-reader --json show > /mbox/show-1a.json 2>&1
	pstore-reader --archive-dir $archive collect > /mbox/collect-1.out 2>&1
	check "collected at runtime: the region holds no report" no_records
	echo "0 10" > $t/sites
	echo 500 > $t/repeat
	echo "10 10" > $t/sites
	check "1020 reports counted" [ "$(cat $er/count)" = 1020 ]
	check "none dropped" [ "$(cat $er/dropped)" = 0 ]
	check "22 stored: 20 sites and the WARN again after its collect" \
		[ "$(cat $er/stored)" = 22 ]
	check "998 repeats" [ "$(cat $er/repeats)" = 998 ]
	check "the new record of the site counts the second 499" \
		wait_until 100 shown_repeats 499
	check "pstorefs shows the 21 records" wait_until 100 records_shown 21
	ls -l /sys/fs/pstore > /mbox/pstore-1b.txt
	pstore-reader --json show > /mbox/show-1b.json 2>&1
	for f in count stored dropped repeats; do cat $er/$f > /mbox/er_$f; done
	save_dmesg /mbox/dmesg.txt
	warm_reboot
	;;
2)
	pstore-reader --archive-dir $archive collect > /mbox/collect-2.out 2>&1
	pstore-reader --json show > /mbox/show-2.json 2>&1
	check "the archive holds 22 reports" \
		[ "$(ls $archive/*/report-*.json | wc -l)" = 22 ]
	n=0
	for i in $(seq 0 19); do
		[ "$(grep -l "warning from site $i\\\\n" $archive/*/report-*.json | wc -l)" = 1 ] &&
			n=$((n + 1))
	done
	check "each of the 20 distinct reports is archived once ($n)" [ $n = 20 ]
	total=$(site_total)
	check "the repeated WARN: records plus their repeats are 1000 ($total)" \
		[ "$total" = 1000 ]
	f=$(grep -l '"repeats": *499' $archive/*/report-*.json | head -1)
	check "a record that counts repeats has the time of the last one" \
		grep -q '"last_repeat_realtime_ns"' "${f:-/dev/null}"
	;;
esac
