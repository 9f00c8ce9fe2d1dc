# SPDX-License-Identifier: GPL-2.0-only
#
# Two boots' reports collected the way Debian's systemd-pstore collects
# them: at each boot every pstore file is copied out (to /mbox/pstore.N)
# and unlinked, which frees its slots for the next boot's reports. The host
# then runs Debian's /lib/systemd/systemd-pstore on the copies of both
# boots into one archive (test/check_systemd_pstore.py): it archives flat,
# by file name, so the next boot's reports in the same slots must have
# other names. (systemd 252 aborts an entry when it cannot log it to the
# journal, and the test kernels have no sockets: it cannot run in the guest.)
er=/sys/kernel/error_report
trig=/sys/kernel/debug/error_report_test/trigger
reports="warn task|kasan-uaf task|warn softirq"

raise_reports() {
	insmod /lib/modules/error_report_test.ko
	cat /proc/sys/kernel/random/boot_id > /mbox/boot_id.$BOOT
	echo "$reports" | tr '|' '\n' | while read -r r; do echo "$r" > $trig; done
	check "boot $BOOT: 3 reports stored" [ "$(cat $er/stored)" = 3 ]
}

# Copy every file out and unlink it, as systemd-pstore (Unlink=yes) does.
collect() {
	slots > /mbox/slots.$BOOT
	mkdir -p /mbox/pstore.$BOOT
	for f in /sys/fs/pstore/*; do
		[ -e "$f" ] || continue
		cp "$f" /mbox/pstore.$BOOT/ && rm "$f"
	done
	check "boot $BOOT: every record copied out and unlinked" \
		[ "$(ls /sys/fs/pstore | grep -c '^error_report-')" = 0 ]
}

case $BOOT in
1)
	raise_reports
	warm_reboot
	;;
2)
	collect
	raise_reports
	check "boot 2: the new reports took the freed slots ($(cat /mbox/slots.2))" \
		[ "$(slots)" = "$(cat /mbox/slots.2)" ]
	warm_reboot
	;;
3)
	collect
	;;
esac
