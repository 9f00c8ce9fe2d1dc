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
	slot0=$(slot_record 0)
	check "boot 2: slot 0 holds boot 1's WARN" [ "$(detector_of "$slot0")" = warning ]
	check "boot 2: slot 1 holds boot 1's KASAN report" [ "$(detector_of "$(slot_record 1)")" = kasan ]
	echo "$slot0" > /mbox/slot0.boot2
	check "boot 2: unlink $slot0" rm "$slot0"
	check "boot 2: the record is gone" [ ! -e "$slot0" ]
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
	slot0=$(slot_record 0)
	check "boot 3: the freed slot 0 holds boot 2's KFENCE report" \
		[ "$(detector_of "$slot0")" = kfence ]
	check "boot 3: slot 0's record is from boot 2" \
		[ "$(boot_of "$slot0")" = "$(cat /mbox/boot_id.2)" ]
	check "boot 3: slot 0's new report has a name of its own" \
		[ "$slot0" != "$(cat /mbox/slot0.boot2)" ]
	check "boot 3: slot 1 still holds boot 1's uncollected KASAN report" \
		[ "$(detector_of "$(slot_record 1)")" = kasan ]
	check "boot 3: slot 1's record is from boot 1" \
		[ "$(boot_of "$(slot_record 1)")" = "$(cat /mbox/boot_id.1)" ]
	check "boot 3: no third record" [ "$(ls | grep -c '^error_report-')" = 2 ]
	;;
esac
