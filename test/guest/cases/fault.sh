# SPDX-License-Identifier: GPL-2.0-only
#
# Damaged records: boot 1 stores six WARN reports and keeps copies of them;
# the host then stops the VM, damages the slots in the RAM file (flipped
# bits, zeroed ranges: see test/fault-plan.py), resets it; boot 2 collects.
# test/check_fault.py judges: a record is archived only if it is intact,
# anything damaged is flagged and stays in pstore.
case $BOOT in
1)
	insmod /lib/modules/error_report_test.ko
	cat /proc/sys/kernel/random/boot_id > /mbox/boot_id
	i=0
	while [ $i -lt 6 ]; do
		echo "warn task" > /sys/kernel/debug/error_report_test/trigger
		i=$((i + 1))
	done
	mkdir -p /mbox/orig
	wait_until 50 records_shown 6
	cp /sys/fs/pstore/error_report-* /mbox/orig/
	mbox_save
	echo "FAULT-READY"
	# The host stops the VM here, damages the records and resets it.
	while :; do sleep 60; done
	;;
2)
	save_dmesg /mbox/dmesg-boot2.txt
	ls /sys/fs/pstore > /mbox/before-collect.txt
	pstore-reader --archive-dir /mbox/archive collect > /mbox/collect.txt 2> /mbox/collect.err
	echo $? > /mbox/collect.rc
	ls /sys/fs/pstore > /mbox/left.txt
	check "booting over damaged records: no WARNING, BUG or call trace" \
		sh -c '! grep -q "WARNING:\|BUG:\|Call Trace" /mbox/dmesg-boot2.txt'
	;;
esac
