# SPDX-License-Identifier: GPL-2.0-only
#
# make bench: how many reports of one kind a region keeps. The region's
# sizes are on the kernel command line; /mbox/kind and /mbox/count say which
# reports to raise, and how many (more than fit). Nothing collects them, so
# the region fills up and the rest are dropped and counted.
er=/sys/kernel/error_report
insmod /lib/modules/error_report_test.ko
echo 1 > /proc/sys/kernel/printk
kind=$(cat /mbox/kind)
i=0
while [ $i -lt "$(cat /mbox/count)" ]; do
	echo "$kind task" > /sys/kernel/debug/error_report_test/trigger
	i=$((i + 1))
done
for f in count stored dropped; do cat $er/$f > /mbox/er_$f; done
# Sizes of the records kept, as pstore shows them.
wc -c /sys/fs/pstore/error_report-* 2>/dev/null | grep -v ' total$' > /mbox/sizes.txt
check "$kind: $(cat /mbox/count) reports raised and counted" \
	[ "$(cat /mbox/er_count)" = "$(cat /mbox/count)" ]
