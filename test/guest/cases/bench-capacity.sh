# SPDX-License-Identifier: GPL-2.0-only
#
# make bench: how many reports of one kind a region keeps. The region's
# sizes are on the kernel command line; /mbox/kind and /mbox/count say which
# reports to raise, and how many (more than fit), one after the other (each
# once the one before shows in pstorefs), or /mbox/storm how the test
# module's storm raises them at once. Nothing collects them, so
# the region fills up and the rest are dropped and counted.
er=/sys/kernel/error_report
insmod /lib/modules/error_report_test.ko
echo 1 > /proc/sys/kernel/printk
kind=$(cat /mbox/kind)
if [ -f /mbox/storm ]; then
	# All at once: the module's storm ("<per CPU> kasan"), timed.
	t0=$(cut -d' ' -f1 /proc/uptime)
	cat /mbox/storm > /sys/kernel/debug/error_report_test/storm
	t1=$(cut -d' ' -f1 /proc/uptime)
	awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%d\n", (b - a) * 1000 }' > /mbox/storm_ms
else
	# Spaced: each report is shown in pstorefs (so compressed, where the
	# kernel compresses) before the next is raised, 5 s at most.
	i=0
	while [ $i -lt "$(cat /mbox/count)" ]; do
		echo "$kind task" > /sys/kernel/debug/error_report_test/trigger
		i=$((i + 1))
		wait_until 50 records_shown "$(cat $er/stored)"
	done
fi
for f in count stored dropped; do cat $er/$f > /mbox/er_$f; done
# Sizes of the records kept, as pstore shows them.
wc -c /sys/fs/pstore/error_report-* 2>/dev/null | grep -v ' total$' > /mbox/sizes.txt
check "$kind: $(cat /mbox/count) reports raised and counted" \
	[ "$(cat /mbox/er_count)" = "$(cat /mbox/count)" ]
