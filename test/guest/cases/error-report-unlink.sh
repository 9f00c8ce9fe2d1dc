# SPDX-License-Identifier: GPL-2.0-only
#
# Slots across reboots: a record not collected survives the next reboot; a
# record unlinked frees its slot, and the next report takes that slot.
er=/sys/kernel/error_report
trig=/sys/kernel/debug/error_report_test/trigger

# detector_of FILE: the detector field of a record, through the reader.
detector_of() {
	pstore-reader --json show "$1" | sed -n 's/.*"detector":"\([a-z]*\)".*/\1/p'
}
boot_of() {
	pstore-reader --json show "$1" | sed -n 's/.*"boot_id":"\([0-9a-f-]*\)".*/\1/p'
}

# record_of DETECTOR: the name of the record of that detector's report.
record_of() {
	for f in /sys/fs/pstore/error_report-ramoops-*; do
		[ -e "$f" ] || continue
		[ "$(detector_of "${f##*/}")" = "$1" ] && echo "${f##*/}" && return 0
	done
	return 1
}

case $BOOT in
1)
	insmod /lib/modules/error_report_test.ko
	cat /proc/sys/kernel/random/boot_id > /mbox/boot_id.1
	echo "warn task" > $trig
	echo "kasan-uaf task" > $trig
	warm_reboot
	;;
2)
	cd /sys/fs/pstore
	warn=$(record_of warning)
	kasan=$(record_of kasan)
	check "boot 2: boot 1's WARN is kept ($warn)" [ -n "$warn" ]
	check "boot 2: boot 1's KASAN report is kept ($kasan)" [ -n "$kasan" ]
	echo "$warn" > /mbox/warn.boot2
	echo "$kasan" > /mbox/kasan.boot2
	check "boot 2: unlink $warn" rm "$warn"
	check "boot 2: the record is gone" [ ! -e "$warn" ]
	cd /
	insmod /lib/modules/error_report_test.ko
	cat /proc/sys/kernel/random/boot_id > /mbox/boot_id.2
	echo "kfence-uaf task" > $trig
	check "boot 2: the new report was stored" [ "$(cat $er/stored)" = 1 ]
	warm_reboot
	;;
3)
	cd /sys/fs/pstore
	ls -l > /mbox/pstore-boot3.txt
	warn=$(cat /mbox/warn.boot2)
	kasan=$(cat /mbox/kasan.boot2)
	kfence=$(record_of kfence)
	check "boot 3: boot 2's KFENCE report is kept ($kfence)" [ -n "$kfence" ]
	# With compression (6.12) a record ends as a compressed copy, packed
	# from the region's end, where the unlinked WARN's copy was. Without,
	# a report is written as it prints into the first run of free slots as
	# long as the longest report (two of these slots) while there is one:
	# the slot the WARN freed is alone, and is taken once the KASAN
	# report beside it is unlinked too (below).
	compress=$(cat /sys/module/pstore/parameters/error_report_compress 2>/dev/null)
	if [ "$compress" = Y ]; then
		check "boot 3: it took the slot the unlinked WARN freed ($(slot_of "$warn"))" \
			[ "$(slot_of "$kfence")" = "$(slot_of "$warn")" ]
	fi
	check "boot 3: its record is from boot 2" \
		[ "$(boot_of "$kfence")" = "$(cat /mbox/boot_id.2)" ]
	check "boot 3: the new report in that slot has a name of its own" \
		[ "$kfence" != "$warn" ]
	check "boot 3: boot 1's uncollected KASAN report is still there ($kasan)" \
		[ "$(detector_of "$kasan")" = kasan ]
	check "boot 3: its record is from boot 1" \
		[ "$(boot_of "$kasan")" = "$(cat /mbox/boot_id.1)" ]
	check "boot 3: no third record" [ "$(ls | grep -c '^error_report-')" = 2 ]
	if [ "$compress" != Y ]; then
		check "boot 3: unlink $kasan" rm "$kasan"
		insmod /lib/modules/error_report_test.ko
		echo "warn task" > $trig
		wait_until 50 records_shown 2
		new=$(record_of warning) || new=none-65535
		check "boot 3: a new report took the slots the unlinked records freed ($(slot_of "$warn"))" \
			[ "$(slot_of "$new")" = "$(slot_of "$warn")" ]
	fi
	;;
esac
