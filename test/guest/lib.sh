# SPDX-License-Identifier: GPL-2.0-only
#
# Helpers for the guest test cases (sourced by /init).
#
# Results are TAP lines without numbers in /mbox/tap; the host numbers them.
# Anything a case puts in /mbox comes back to the host in the test's log
# folder, and is there again after a warm reboot.

MBOX_DEV=/dev/vda

mbox_load() {
	tar -xf "$MBOX_DEV" -C /mbox 2>/dev/null || true
}

# Write /mbox back to the disk, synchronously: a crash may follow.
mbox_save() {
	tar -cf /tmp/mbox.tar -C /mbox .
	dd if=/tmp/mbox.tar of="$MBOX_DEV" bs=64k conv=fsync 2>/dev/null
	sync
}

# tap_ok STATUS DESCRIPTION [DIRECTIVE]: STATUS 0 is a pass.
tap_ok() {
	if [ "$1" = 0 ]; then line="ok - $2"; else line="not ok - $2"; fi
	[ -n "${3:-}" ] && line="$line # $3"
	echo "$line" >> /mbox/tap
	echo "TAP: $line"
}

# check DESCRIPTION COMMAND...: run COMMAND, record a pass if it succeeds.
check() {
	desc=$1; shift
	if "$@"; then tap_ok 0 "$desc"; else tap_ok 1 "$desc"; fi
}

# A known failure: recorded as "not ok ... # TODO reason" when it fails, as
# "ok ... # TODO reason" when it unexpectedly passes. Never hidden.
check_known_failure() {
	reason=$1; desc=$2; shift 2
	if "$@"; then tap_ok 0 "$desc" "TODO $reason"; else tap_ok 1 "$desc" "TODO $reason"; fi
}

warm_reboot() {
	mbox_save
	echo "GUEST-REBOOT boot=$BOOT"
	reboot -f
	sleep 30
}

crash_reboot() {
	mbox_save
	echo "GUEST-CRASH boot=$BOOT"
	echo 1 > /proc/sys/kernel/sysrq
	echo 1 > /proc/sys/kernel/panic
	echo c > /proc/sysrq-trigger
	sleep 30
}

# The machine is reset by its hardware watchdog (QEMU's i6300esb), as a
# device whose watchdog daemon stopped: the daemon started by the case is
# killed without the magic close, so the timer runs out.
watchdog_reboot() {
	mbox_save
	echo "GUEST-WATCHDOG boot=$BOOT"
	killall -9 watchdog
	sleep 60
	echo "GUEST-NO-RESET boot=$BOOT: the watchdog did not reset the machine"
}

guest_done() {
	mbox_save
	echo "GUEST-DONE boot=$BOOT"
	# The host quits QEMU when it sees the line above.
	while :; do sleep 60; done
}

# records_by_slot: the names of the error report records, in the order of
# their first slots.
records_by_slot() {
	for f in /sys/fs/pstore/error_report-ramoops-*; do
		[ -e "$f" ] || continue
		id=${f##*-}
		echo "$((${id%.enc.z} & 65535)) ${f##*/}"
	done | sort -n | cut -d' ' -f2
}

# slot_of NAME: the first slot of the error report record NAME.
slot_of() {
	id=${1##*-}
	echo $((${id%.enc.z} & 65535))
}

# slots: the first slots of the error report records, sorted. Where a
# record lands is ramoops' business (compressed records are packed from the
# region's end): tests compare slots, they do not assume them.
slots() {
	for f in /sys/fs/pstore/error_report-ramoops-*; do
		[ -e "$f" ] && slot_of "$f"
	done | sort -n | tr '\n' ' '
}

# has_records: some error report record is in /sys/fs/pstore.
has_records() {
	ls /sys/fs/pstore | grep -q '^error_report-'
}

# records_shown N: at least N error report records are in /sys/fs/pstore.
records_shown() {
	[ "$(ls /sys/fs/pstore | grep -c '^error_report-')" -ge "$1" ]
}

# wait_until TENTHS CMD...: run CMD every tenth of a second until it
# succeeds, TENTHS times at most; fails if it never did.
wait_until() {
	local tenths=$1 t=0
	shift
	until "$@"; do
		[ $t -ge "$tenths" ] && return 1
		sleep 0.1
		t=$((t + 1))
	done
}

# save_dmesg FILE: the raw log (with <level> prefixes), as userspace sees it.
save_dmesg() {
	dmesg -r > "$1"
}
