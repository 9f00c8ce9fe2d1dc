# SPDX-License-Identifier: GPL-2.0-only
#
# Resets in the middle of report storms. Every boot: collect what the last
# one left (each record either archived intact or flagged and kept), count
# it, then storm; the host resets the VM at a random moment of the storm
# (runvm.py --resets). After the last reset the guest collects and ends.
# During the storm "pstore-reader watch" archives and frees slots as a
# device's daemon would, so reports keep being written until the reset and
# the reset often lands in the middle of one (or of the reader's work).
# Records pstore-reader flags (torn by a reset in mid-write) are copied
# as they are to unparsed/ and freed by the reader itself, so the slots
# keep taking reports.
er=/sys/kernel/error_report
total=$(cat /mbox/resets)

dmesg -r > /tmp/dmesg
warnings=$(grep -c "WARNING:\|BUG:\|Call Trace" /tmp/dmesg)
pstore-reader --archive-dir /tmp/archive collect > /tmp/collect.out 2> /tmp/collect.err
rc=$?
flagged=$(grep -c ": damaged (" /tmp/collect.err)
archived=$(sed -n 's/.*collected \([0-9]*\) record.*/\1/p' /tmp/collect.out)
echo "boot $BOOT: archived ${archived:-0} flagged $flagged rc $rc boot-warnings $warnings" >> /mbox/cycles

if [ "$BOOT" -gt "$total" ]; then
	check "$total resets survived: no boot warned about what it found" \
		sh -c '! grep -v "boot-warnings 0$" /mbox/cycles | grep -q .'
	check "every record was archived intact or flagged (collect exit 0 or 5)" \
		sh -c '! grep -v " rc [05] " /mbox/cycles | grep -q .'
	return 0 2>/dev/null || exit 0
fi

insmod /lib/modules/error_report_test.ko
mbox_save
pstore-reader --archive-dir /tmp/archive watch > /dev/null 2> /tmp/watch.err &
# Reports stay out of the serial console: printing them there under TCG
# takes most of each round, and the shorter a round, the larger the part of
# it a record's write takes, the more often a reset lands inside one.
dmesg -n 1
echo "STORM-RUNNING boot $BOOT"
i=0
while [ $i -lt 400 ]; do
	echo "warn task" > /sys/kernel/debug/error_report_test/trigger
	echo "kasan-uaf task" > /sys/kernel/debug/error_report_test/trigger
	i=$((i + 1))
done
# The reset normally comes before the storm ends.
tap_ok 1 "boot $BOOT: the storm ended before the host reset the guest"
