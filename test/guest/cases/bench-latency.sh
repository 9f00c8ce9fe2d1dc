# SPDX-License-Identifier: GPL-2.0-only
#
# make bench: time from a report to pstore-reader watch having it archived.
insmod /lib/modules/error_report_test.ko
boot=$(cat /proc/sys/kernel/random/boot_id)
mkdir -p /tmp/archive/$boot
pstore-reader --archive-dir /tmp/archive watch > /dev/null 2>&1 &
# The serial console would dominate: keep the WARN lines off it.
echo 1 > /proc/sys/kernel/printk
latency 50 /sys/kernel/debug/error_report_test/trigger /tmp/archive/$boot > /mbox/latency.txt 2>&1
check "50 reports archived at runtime" grep -q '^median' /mbox/latency.txt
