# SPDX-License-Identifier: GPL-2.0-only
#
# The store goes away in the middle of a report storm: ramoops is unbound
# from its driver (pstore_unregister(), the error report sink with it) and
# bound again, five times, while every CPU but one raises WARNs and the
# last floods printk. KASAN is on, and lockdep on the lockdep kernel: none
# may report anything but the storm's own WARNs, and the store must work
# again at the end.
er=/sys/kernel/error_report
tdir=/sys/kernel/debug/error_report_test
drv=/sys/bus/platform/drivers/ramoops

insmod /lib/modules/error_report_test.ko
echo 5 > /proc/sys/kernel/printk
dev=
for d in "$drv"/*; do
	[ -L "$d" ] && [ "${d##*/}" != module ] && dev=${d##*/}
done
check "ramoops is bound to a device ($dev)" [ -n "$dev" ]

echo "30 warn" > $tdir/storm &
storm=$!
sleep 1
i=0 fails=0
while [ $i -lt 5 ]; do
	echo "$dev" > $drv/unbind || fails=$((fails + 1))
	sleep 0.3
	echo "$dev" > $drv/bind || fails=$((fails + 1))
	sleep 0.3
	i=$((i + 1))
done
wait $storm
check "the storm ran to its end (exit status $?)" true
check "ramoops unbound and bound again 5 times during the storm ($fails failures)" [ $fails = 0 ]

# The storm filled the region: free it, then one more report.
rm -f /sys/fs/pstore/error_report-*
before=$(cat $er/stored)
echo "warn task" > $tdir/trigger
after=$(cat $er/stored)
check "the store works again after the last bind (stored $before -> $after)" \
	[ "$after" -gt "$before" ]
sleep 1
check "the new report is in pstorefs" ls /sys/fs/pstore/error_report-ramoops-*

save_dmesg /mbox/dmesg.txt
grep -E "BUG:|Unable to handle|general protection|Oops|possible circular|possible recursive|inconsistent lock|suspicious RCU|DEBUG_LOCKS_WARN_ON|sleeping function called|UBSAN:|refcount_t:|list_(add|del) corruption|turning off the locking correctness validator" \
	/mbox/dmesg.txt > /mbox/splats.txt
grep "WARNING:" /mbox/dmesg.txt | grep -v "error_report_test" >> /mbox/splats.txt
check "no splat but the storm's own WARNs ($(wc -l < /mbox/splats.txt) lines in splats.txt)" \
	[ ! -s /mbox/splats.txt ]
if grep -q "Lock dependency validator" /mbox/dmesg.txt; then
	check "lockdep was on throughout" \
		[ "$(grep -c 'Disabling lock debugging' /mbox/dmesg.txt)" = 0 ]
fi
