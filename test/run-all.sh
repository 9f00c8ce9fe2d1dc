#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# make test: build everything and run every suite. Each suite prints TAP
# lines ("ok - ...", "not ok - ... # TODO reason"); this script numbers them
# into one TAP stream and ends with "N passed, N failed, N skipped".
# A "not ok ... # TODO" (a known failure, with its reason) or "# SKIP" is
# counted as skipped, never hidden; any other "not ok" fails the run.
#
# KVERS selects the x86 kernels (default "6.12 6.1"); the arm64 suite (6.12
# through U-Boot) runs with 6.12, or alone with KVERS= ARM64=1; ARM64=0
# leaves it out.
set -uo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
BUILD=${BUILD:-$REPO/build}
KVERS=${KVERS-6.12 6.1}
LOGS=$BUILD/logs
mkdir -p "$LOGS"
export BUILD

n=0 pass=0 fail=0 skip=0
start=$(date +%s)

# emit PREFIX: number TAP lines from stdin, echo everything else as comments.
emit() {
	local prefix=$1 line status rest
	while IFS= read -r line; do
		case $line in
		"ok "*|"not ok "*)
			if [[ $line == ok* ]]; then status=ok; rest=${line#ok}; else status="not ok"; rest=${line#not ok}; fi
			rest=${rest# }; rest=${rest#[0-9]*[ ]}; rest=${rest#- }
			n=$((n + 1))
			echo "$status $n - $prefix$rest"
			if [ "$status" = ok ]; then
				pass=$((pass + 1))
			elif [[ $rest == *"# TODO"* || $rest == *"# SKIP"* ]]; then
				skip=$((skip + 1))
			else
				fail=$((fail + 1))
			fi ;;
		"") ;;
		"#"*) echo "$line" ;;
		*) echo "# $line" ;;
		esac
	done
}

# step PREFIX DESCRIPTION LOGFILE COMMAND...: one TAP line for a build step.
step() {
	local prefix=$1 desc=$2 log=$3; shift 3
	local t0=$(date +%s)
	if "$@" > "$log" 2>&1; then
		emit "$prefix" <<< "ok - $desc ($(( $(date +%s) - t0 )) s)"
		return 0
	fi
	tail -n 30 "$log" | sed 's/^/# /'
	emit "$prefix" <<< "not ok - $desc (see $log)"
	return 1
}

# The guest's architecture for run_vm and check_vm (arm64_tests sets it).
GARCH=x86_64

# run_vm KVER NAME CASE RUNVM-ARGS...: one guest case; its log folder is
# $LOGS/KVER-GARCH/NAME.
run_vm() {
	local kver=$1 name=$2 case=$3; shift 3
	emit "$kver/$GARCH: $name: " < <(test/qemu/runvm.py --arch "$GARCH" --kernel "$KERNEL" \
		--initrd "$INITRD" --test "$case" --logdir "$LOGS/$kver-$GARCH/$name" \
		--timeout 300 "$@")
}

# check_vm KVER NAME CHECK-ARGS...: compare a case's records with its log.
check_vm() {
	local kver=$1 name=$2; shift 2
	emit "$kver/$GARCH: $name: " < <(test/check_reports.py "$LOGS/$kver-$GARCH/$name" "$@")
}

# Bad sizes for the error report region, one boot each: NAME|PROPS|REASON.
# PROPS are the ramoops DT node's properties; "bad_sizes K dt" gives them in
# QEMU's device tree (arm64), "bad_sizes K param" as the ramoops module
# parameters of the same name (error-report-size: ramoops.error_report_size,
# ecc-size: ramoops.ecc) on x86. Further arguments: only the entries of
# those names.
bad_sizes() {
	local k=$1 how=$2 name props expect params; shift 2
	while IFS='|' read -r name props expect; do
		if [ $# -gt 0 ] && [[ " $* " != *" $name "* ]]; then continue; fi
		if [ "$how" = dt ]; then
			run_vm "$k" "bad-dt-$name" bad-param --dt-ramoops "$props" \
				--put expect=<(echo "$expect")
			continue
		fi
		params=$(tr ',' '\n' <<< "$props" | sed 's/^ecc-size=/ecc=/; s/-/_/g; s/^/ramoops./' |
			paste -sd' ')
		run_vm "$k" "bad-param-$name" bad-param --append "$params" \
			--put expect=<(echo "$expect")
	done <<'LIST'
size-not-pow2|error-report-size=0x30000|error_report_size is not a power of two
size-too-big|error-report-size=0x200000|error_report_size does not fit beside the other regions
slot-not-pow2|error-report-record-size=0x3000|error_report_record_size is not a power of two
slot-too-small|error-report-record-size=0x100|error_report_record_size is below 512
slot-over-region|error-report-size=0x2000,error-report-record-size=0x4000|error_report_record_size exceeds error_report_size
overlaps-dmesg|record-size=0x80000,error-report-size=0x80000|leaves no room for a dmesg record
too-small-for-ecc|ecc-size=100,error-report-record-size=0x200|cannot set up
LIST
}

# arm64 boots as a device does: QEMU runs U-Boot (Debian's source with
# patches/u-boot), which describes the ramoops region, error reports
# included, in the device tree it hands the kernel; no ramoops.* parameter.
# After the warm reset, U-Boot's "pstore display" shows the reports too, and
# "pstore save" writes them to a FAT disk as the kernel shows them.
#
# The arm64 kernel and U-Boot are built in the background, niced, from the
# start: they take what the x86 builds and guests leave, and both cores
# once the x86 work is done (a build on one core, started after the first
# x86 kernel, left the other core idle for the last seven minutes of a cold
# run). The 6.12 tree is unpacked and patched first, in the foreground: the
# x86 build shares it.
arm64_wanted() {
	case "${ARM64:-auto} $KVERS " in 1" "*|"auto "*"6.12 "*) return 0 ;; esac
	return 1
}

arm64_build_start() {
	[ "${ARM64:-auto}" = 0 ] && return
	ARM64_BUILD_T0=$(date +%s)
	# Then the MTE kernel (VARIANT=mte) and the QEMU that runs it, in a
	# log of their own: their failure fails the MTE tests only.
	( (nice -n 10 make -s KVER=6.12 ARCH=arm64 kernel initramfs &&
		nice -n 10 scripts/u-boot.sh "$BUILD/u-boot-arm64") > "$LOGS/arm64-build.log" 2>&1
	rc=$?
	nice -n 10 make -s KVER=6.12 ARCH=arm64 VARIANT=mte kernel initramfs qemu-bpo \
		> "$LOGS/arm64-mte-build.log" 2>&1
	echo $? > "$LOGS/arm64-mte-build.rc"
	exit $rc) &
	ARM64_BUILD_PID=$!
}

arm64_build_wait() {
	local rc=0
	wait "$ARM64_BUILD_PID" || rc=$?
	cat "$LOGS/arm64-build.log"
	return $rc
}

arm64_tests() {
	local k=6.12 GARCH=arm64 p="6.12/arm64: " ub=$BUILD/u-boot-arm64
	local detectors="kasan_multi_shot test.kfence_interval=10"
	[ -n "${ARM64_BUILD_PID:-}" ] || arm64_build_start
	step "$p" "build patched kernel, initramfs, U-Boot with the error report pstore patch (in the background since $(( $(date +%s) - ARM64_BUILD_T0 )) s; waited for it:)" \
		"$LOGS/arm64-build-wait.log" arm64_build_wait || return 0
	local KERNEL=$BUILD/out-$k-arm64/arch/arm64/boot/Image
	local INITRD=$BUILD/initramfs-$k-arm64.cpio.gz
	# U-Boot's own checkpatch (its .checkpatch.conf: --strict --u-boot).
	# The one kind of check allowed: CamelCase on U-Boot's zstd API
	# (ZSTD_*), which the patch calls and cannot rename.
	local patch out zstd
	for patch in patches/u-boot/*.patch; do
		out=$(cd "$ub.src" && scripts/checkpatch.pl "$REPO/$patch" 2>&1)
		zstd=$(grep -c '^CHECK: Avoid CamelCase: <ZSTD_' <<< "$out")
		out=$(grep '^total:' <<< "$out")
		emit "$p""u-boot series: " <<< "$( [[ $out == "total: 0 errors, 0 warnings, $zstd checks"* ]] && echo ok || echo "not ok") - checkpatch $(basename "$patch"): ${out#total: } ($zstd CamelCase on ZSTD_ names)"
	done
	# The layout U-Boot was configured with (test/u-boot/qemu_arm64.config),
	# then another one set at its prompt, ftrace zone included: U-Boot finds
	# every record where the kernel put it in both.
	local show=(--uboot-cmd "pstore display" --uboot-cmd "pstore save virtio 1 /" --save-disk)
	run_vm "$k" uboot-reports error-report --uboot "$ub/u-boot.bin" "${show[@]}" \
		--append "$detectors" --put triggers=test/guest/triggers/few.txt
	check_vm "$k" uboot-reports
	local configured=() size
	for size in MEM_SIZE RECORD_SIZE CONSOLE_SIZE FTRACE_SIZE PMSG_SIZE ECC_SIZE \
		ERROR_REPORT_SIZE ERROR_REPORT_RECORD_SIZE; do
		configured+=("$(sed -n "s/^CONFIG_CMD_PSTORE_$size=//p" test/u-boot/qemu_arm64.config)")
	done
	emit "$p""uboot-reports: " < <(test/check_uboot.py "$LOGS/$k-arm64/uboot-reports" \
		"${configured[@]}")
	# Slots of 1 KiB: U-Boot joins the slots a report spans as the kernel does.
	# Compression off: the records stay as the capture wrote them (version
	# 2, printk records unformatted), which U-Boot formats to show them and
	# to save them as the kernel shows them; uboot-reports' are compressed.
	local layout="0x200000 0x20000 0x10000 0x10000 0x8000 0 0x80000 0x400"
	run_vm "$k" uboot-layout error-report --uboot "$ub/u-boot.bin" \
		--uboot-cmd "pstore set 0x50000000 $layout" "${show[@]}" \
		--append "$detectors pstore.error_report_compress=0" \
		--put triggers=test/guest/triggers/contexts-arm64.txt
	check_vm "$k" uboot-layout
	emit "$p""uboot-layout: " < <(test/check_uboot.py "$LOGS/$k-arm64/uboot-layout" $layout --format=2)
	# Repeats counted in a record, as U-Boot shows them after the reset.
	run_vm "$k" uboot-repeats repeats --uboot "$ub/u-boot.bin" \
		--uboot-cmd "pstore display error-report" \
		--append "ramoops.error_report_store_repeats=0"
	emit "$p""uboot-repeats: " < <(
		if tr -d '\r' < "$LOGS/$k-arm64/uboot-repeats/console.log" |
			grep "^Repeated 499 more times, the last at [0-9]*\.[0-9]\{6\} s$" > /dev/null; then
			echo "ok - U-Boot's pstore display shows the count of repeats"
		else
			echo "not ok - U-Boot's pstore display shows the count of repeats"
		fi)
	# A report that hangs, then a reset (QEMU's system_reset, as a reset
	# button): U-Boot shows the record as the kernel left it, open, with
	# the lines printed so far; the next kernel completes it (0x30).
	run_vm "$k" uboot-hang error-report --uboot "$ub/u-boot.bin" \
		--uboot-cmd "pstore display error-report" --on "GUEST-WATCHDOG=system_reset" \
		--append "kasan_multi_shot" --put finish=<(echo watchdog) --put triggers=<(
			echo "sh (echo 40 > /sys/kernel/debug/error_report_test/hang) & i=0; while ! dmesg | grep -q 'ert-hang line 39' && [ \$i -lt 60 ]; do sleep 0.5; i=\$((i + 1)); done")
	emit "$p""uboot-hang: " < <(
		log=$LOGS/$k-arm64/uboot-hang/console.log
		n=$(tr -d '\r' < "$log" | grep -c "error_report_test: ert-hang line [0-9]*: ")
		if tr -d '\r' < "$log" | grep -q ", open: the machine stopped while it was written" &&
			[ "$n" -ge 80 ]; then
			echo "ok - U-Boot shows the open record and its lines ($n hang lines in the console, kernel's and U-Boot's)"
		else
			echo "not ok - U-Boot shows the open record and its lines ($n hang lines in the console, kernel's and U-Boot's)"
		fi
		test/check_crash.py "$LOGS/$k-arm64/uboot-hang" --first "ert-hang line 0" --want warn:0x30)
	# The DT alone, without U-Boot, with ramoops' ECC: every slot has its
	# parity and the files end with ramoops' ECC notice.
	run_vm "$k" dt-ecc error-report --dt-ramoops "ecc-size=16" --append "$detectors" \
		--put triggers=test/guest/triggers/few.txt
	check_vm "$k" dt-ecc --ecc
	bad_sizes "$k" dt
	mte_tests
}

# KASAN as production arm64 devices run it: the hardware tag-based mode on
# MTE (VARIANT=mte, test/kconfig/mte.config), in both report modes: sync
# reports at the faulting access, async at the next kernel entry or exit,
# without the address. On QEMU 10 from bookworm-backports (make qemu-bpo):
# Debian 12's QEMU 7.2 reports tag faults from the first slab allocations.
mte_tests() {
	local k=6.12 p="6.12/arm64: " mode recs log want
	step "$p" "build the MTE kernel (VARIANT=mte) and initramfs, unpack QEMU from bookworm-backports" \
		"$LOGS/arm64-mte-build-wait.log" sh -c "cat '$LOGS/arm64-mte-build.log'; exit \$(cat '$LOGS/arm64-mte-build.rc')" ||
		return 0
	local KERNEL=$BUILD/out-$k-arm64-mte/arch/arm64/boot/Image
	local INITRD=$BUILD/initramfs-$k-arm64-mte.cpio.gz
	for mode in sync async; do
		run_vm "$k" "detector-kasan-mte-$mode" error-report --dt-ramoops "" \
			--qemu "$BUILD/qemu-bpo/usr/bin/qemu-system-aarch64" --machine-opts ",mte=on" \
			--append "kasan_multi_shot kasan.mode=$mode" \
			--put triggers=test/guest/triggers/kasan-mte.txt
		check_vm "$k" "detector-kasan-mte-$mode" --require kasan
		log=$LOGS/$k-arm64/detector-kasan-mte-$mode/console.log
		recs=$LOGS/$k-arm64/detector-kasan-mte-$mode/mbox/records
		# A sync report names the access and its tags; an async one cannot.
		want="Pointer tag: \\[..\\], memory tag: \\[..\\]"
		[ $mode = async ] && want="Asynchronous fault: no details available"
		emit "$p""detector-kasan-mte-$mode: " < <(
			if grep -q "KernelAddressSanitizer initialized (hw-tags, mode=$mode" "$log"; then
				echo "ok - KASAN ran in hw-tags mode $mode"
			else
				echo "not ok - KASAN ran in hw-tags mode $mode"
			fi
			if [ "$(grep -l "$want" "$recs"/* 2>/dev/null | wc -l)" = 2 ]; then
				echo "ok - both records are $mode reports ($want)"
			else
				echo "not ok - both records are $mode reports ($want)"
			fi)
	done
	# This kernel has lockdep too (the Makefile's LOCKDEP_VARIANTS): 6.12's
	# lockdep producer, in a boot of its own (a KASAN report turns lock
	# debugging off).
	run_vm "$k" detector-lockdep error-report --dt-ramoops "" \
		--qemu "$BUILD/qemu-bpo/usr/bin/qemu-system-aarch64" --machine-opts ",mte=on" \
		--put triggers=<(echo "lockup lockdep")
	check_vm "$k" detector-lockdep --events --require lockdep
}

# Damaged records (bits flipped, ranges zeroed in the RAM file), without and
# with ramoops ECC; then a few resets in the middle of report storms
# (make soak runs 200).
fault_tests() {
	local k=$1 ecc name order=
	# Compressed records are packed from the region's end.
	grep -q '^CONFIG_PSTORE_ERROR_REPORT_COMPRESS=y' "$BUILD/out-$k-x86_64/.config" &&
		order=--from-end
	for ecc in "" --ecc; do
		name=fault${ecc:+-ecc}
		rm -f "$BUILD/ram-$k.img"
		run_vm "$k" "$name" fault --ram-file "$BUILD/ram-$k.img" \
			--append "${ecc:+ramoops.ecc=1}" --on "$(test/fault-plan.py $ecc $order)"
		emit "$k/x86_64: $name: " < <(test/check_fault.py "$LOGS/$k-x86_64/$name" $ecc $order)
	done
	rm -f "$BUILD/ram-$k.img"
	primary "$k" || return 0
	run_vm "$k" soak-short soak --append "kasan_multi_shot" --resets 5 \
		--put resets=<(echo 5)
}

# On a kernel built with lockdep (6.1, test/kconfig/lockdep.config): a
# WARN storm on four CPUs beside a printk flood must leave lockdep silent.
# (WARN only: a KASAN report taints the kernel, which turns lock debugging
# off.)
lockdep_tests() {
	local k=$1 p="$1/x86_64: lockdep-storm: " log
	run_vm "$k" lockdep-storm error-report --smp 4 \
		--put triggers=/dev/null --put storm=<(echo "12 warn")
	check_vm "$k" lockdep-storm --storm --capacity 32
	log=$LOGS/$k-x86_64/lockdep-storm/mbox/dmesg.txt
	emit "$p" < <(
		if grep -q "Lock dependency validator" "$log" &&
			! grep -q "Disabling lock debugging\|turning off the locking correctness validator" "$log"; then
			echo "ok - lockdep was on for the whole storm"
		else
			echo "not ok - lockdep was on for the whole storm"
		fi
		if grep -E "possible circular locking|possible recursive locking|inconsistent lock state|suspicious RCU usage|sleeping function called from invalid context|DEBUG_LOCKS_WARN_ON|INFO: lockdep" "$log" | sed 's/^/# /' | grep .; then
			echo "not ok - no lockdep splat during the storm"
		else
			echo "ok - no lockdep splat during the storm"
		fi)
}

# The other producers of reports (issue 18), in one boot: LKDTM's UBSAN
# array bounds, BUG and NULL pointer oops (with kernel.panic_on_oops 0 for
# them: the shell that raised them dies, the machine runs on), and the test
# module's bounded lockups: a hung task, a soft lockup (which stalls RCU
# too), a hard lockup (found by the buddy CPU, 6.6 and later) and, with
# lockdep, a splat. The timeouts are short only around the triggers, but
# RCU's stall timeout: a grace period takes the one set when it started, so
# it is short for the whole boot. Lockups have no fixed last
# line, so the reports are the spans between the start and end events the
# module logged; each must come back byte-identical.
detector_tests() {
	local k=$1 cfg=$BUILD/out-$1-x86_64/.config dets=ubsan,soft_lockup,hung_task,rcu_stall,oops
	local skip=lockdep
	if grep -qx CONFIG_HARDLOCKUP_DETECTOR_BUDDY=y "$cfg"; then dets+=,hard_lockup; fi
	if grep -qx CONFIG_PROVE_LOCKING=y "$cfg"; then dets+=,lockdep; skip=none; fi
	run_vm "$k" detectors error-report --append "kasan_multi_shot rcupdate.rcu_cpu_stall_timeout=3" \
		--put triggers=<(grep -v "^lockup $skip" test/guest/triggers/detectors.txt)
	check_vm "$k" detectors --events --require "$dets"
	primary "$k" || return 0
	# A soft lockup that never ends, and a device whose watchdog daemon
	# stops petting: QEMU's i6300esb resets the machine, not the guest.
	run_vm "$k" watchdog-reset error-report --append "kasan_multi_shot" \
		--qemu-arg=-device --qemu-arg=i6300esb --qemu-arg=-action --qemu-arg=watchdog=reset \
		--put triggers=test/guest/triggers/watchdog-reset.txt --put finish=<(echo watchdog)
	check_vm "$k" watchdog-reset --events --reports-go-on --require soft_lockup
	emit "$k/x86_64: watchdog-reset: " < <(
		log=$LOGS/$k-x86_64/watchdog-reset/console.log
		if grep -q "GUEST-WATCHDOG boot=1" "$log" && grep -q "GUEST-READY test=error-report boot=2" "$log" &&
			! sed -n '/GUEST-WATCHDOG boot=1/,/GUEST-READY.*boot=2/p' "$log" | grep -q "reboot: Restarting\|Kernel panic"; then
			echo "ok - the hardware watchdog reset the machine (no reboot or panic in the guest)"
		else
			echo "not ok - the hardware watchdog reset the machine (no reboot or panic in the guest)"
		fi)
}

# The 6.12 x86 kernel with KCSAN instead of KASAN (VARIANT=kcsan,
# test/kconfig/kcsan.config): the WARN storm on four CPUs beside a printk
# flood must not make KCSAN report a data race in the capture, the store or
# the notifier (every KCSAN report of the boot is listed), and a real data
# race must come back as a kcsan record.
kcsan_tests() {
	local k=6.12 p="6.12/x86_64: "
	# The series' functions, as KCSAN names the racing ones in its BUG line.
	local ours='error_report|ern_|pstore|ramoops|persistent_ram'
	step "$p" "build the KCSAN kernel and initramfs (VARIANT=kcsan)" "$LOGS/kernel-$k-kcsan.log" \
		make -s KVER=$k ARCH=x86_64 VARIANT=kcsan kernel initramfs || return 0
	local KERNEL=$BUILD/out-$k-x86_64-kcsan/arch/x86/boot/bzImage
	local INITRD=$BUILD/initramfs-$k-x86_64-kcsan.cpio.gz
	run_vm "$k" kcsan-storm error-report --smp 4 \
		--put triggers=/dev/null --put storm=<(echo "12 warn")
	check_vm "$k" kcsan-storm --events --storm --capacity 32 \
		--no-race-in "$ours"
	# The same storm with ramoops' default, repeats counted: four CPUs
	# report one site at once, through the site table's lock-free paths.
	local rdir=$LOGS/$k-x86_64/kcsan-storm-repeats/mbox c
	run_vm "$k" kcsan-storm-repeats error-report --smp 4 \
		--append "ramoops.error_report_store_repeats=0" \
		--put triggers=/dev/null --put storm=<(echo "12 warn")
	emit "$p""kcsan-storm-repeats: " < <(
		races=$(grep -cE "BUG: KCSAN: data-race in .*($ours)" \
			"$rdir/dmesg.txt")
		[ "$races" = 0 ] && c=ok || c="not ok"
		echo "$c - no KCSAN report names the capture, the store or the site table ($races do)"
		read -r count < "$rdir/er_count"; read -r stored < "$rdir/er_stored"
		read -r dropped < "$rdir/er_dropped"; read -r repeats < "$rdir/er_repeats"
		[ "$repeats" -gt 0 ] && [ $((stored + dropped + repeats)) = "$count" ] && c=ok || c="not ok"
		echo "$c - $count reports: $stored stored, $repeats repeats, $dropped dropped")
	run_vm "$k" detector-kcsan error-report --put triggers=<(echo "lockup race 2")
	check_vm "$k" detector-kcsan --events --require kcsan
}

# crash-mid-report: the kernel dies inside a report, whose end never
# comes. The test module's WARN faults while it prints (a KASAN report and
# an oops nested in it): with panic_on_oops 0 the oops kills the task, and
# the WARN is stored when the task exits; with panic_on_oops 1 (the test
# kernels' default) the kernel panics, and the WARN is stored by the panic
# notifier. A WARN with panic_on_warn panics before its end too. The
# panicking boots' log is ramoops' panic dump.
crash_tests() {
	local k=$1 name crash=/sys/kernel/debug/error_report_test/crash
	run_vm "$k" crash-mid-report error-report --append "kasan_multi_shot" \
		--put triggers=<(echo "sh echo 0 > /proc/sys/kernel/panic_on_oops; echo 1 > $crash")
	emit "$k/$GARCH: crash-mid-report: " < <(test/check_crash.py "$LOGS/$k-$GARCH/crash-mid-report" \
		--first ert-crash --want warn:0x14,kasan:0,oops:0)
	name=crash-mid-report-panic-on-oops
	run_vm "$k" $name error-report --append "kasan_multi_shot" \
		--put triggers=<(echo "panic echo 1 > /proc/sys/kernel/panic_on_oops; echo 1 > $crash")
	emit "$k/$GARCH: $name: " < <(test/check_crash.py "$LOGS/$k-$GARCH/$name" --panic \
		--first ert-crash --want warn:0x14,kasan:0,oops:0)
	name=crash-mid-report-panic-on-warn
	run_vm "$k" $name error-report --append "kasan_multi_shot" \
		--put triggers=<(echo "panic echo 1 > /proc/sys/kernel/panic_on_warn; echo warn task > /sys/kernel/debug/error_report_test/trigger")
	emit "$k/$GARCH: $name: " < <(test/check_crash.py "$LOGS/$k-$GARCH/$name" --panic \
		--first "cut here" --want warn:0x10)
	# A report that hangs (a deadlock in it, preemption off): no end, no
	# panic, nothing stores it; the hardware watchdog resets the machine.
	# Its lines went to its record as they printed: the next boot shows
	# them, flagged incomplete and open (0x30).
	name=crash-mid-report-hang
	run_vm "$k" $name error-report --append "kasan_multi_shot" \
		--qemu-arg=-device --qemu-arg=i6300esb --qemu-arg=-action --qemu-arg=watchdog=reset \
		--put finish=<(echo watchdog) --put triggers=<(
			echo "sh watchdog -T 10 -t 1 /dev/watchdog"
			echo "sh (echo 40 > /sys/kernel/debug/error_report_test/hang) & i=0; while ! dmesg | grep -q 'ert-hang line 39' && [ \$i -lt 60 ]; do sleep 0.5; i=\$((i + 1)); done")
	emit "$k/$GARCH: $name: " < <(test/check_crash.py "$LOGS/$k-$GARCH/$name" \
		--first "ert-hang line 0" --want warn:0x30)
}

# reset-mid-header: a reset at steps of a record's write, and of its
# erase, from gdb on QEMU's gdbstub (test/qemu/reset-at-step.py): before
# a call the write or erase makes to its slots' zones, or after it
# returned. Records of two slots (2 KiB slots); no console region, so
# that the zone calls are the error report's.
reset_step_tests() {
	local k=$1 mode step steps fn nth until name
	local params="ramoops.console_size=0 ramoops.error_report_record_size=0x800 pstore.error_report_compress=0"
	# stream: the third report, written as it prints (open: 8 zaps, the
	# time header, the open record header; two calls per line, its entry
	# then its text; close: the final header, then a cut, zaps and the
	# time header). Steps: before the open header, before the first line,
	# between its entry and its text, before the second line and the
	# 8th, at the close's entry, after its first call, after it.
	# erase: two zaps. With compression (the 6.12 default), the third
	# report's compressed copy (the 3rd record written whole) and the
	# erase of its original (the 3rd erase, two slots) that follows it.
	for mode in stream:ramoops_pstore_stream_open:3:10,11,12,13,25,close+0,close+1,close+99:ramoops_pstore_stream_close \
		erase:ramoops_er_erase:1:1,2,3 \
		compact-write:ramoops_pstore_write:3:1,2,3,4 compact-erase:ramoops_er_erase:3:1,2,3; do
		IFS=: read -r mode fn nth steps until <<< "$mode"
		[[ $mode == compact-* ]] && params=${params% pstore.error_report_compress=0}
		for step in ${steps//,/ }; do
			name=reset-mid-header-$mode-${step/+/}
			run_vm "$k" "$name" reset-mid-header --append "$params" --timeout 120 \
				--put mode=<(echo "$mode") --gdb "test/qemu/reset-at-step.py $fn $nth $step $until"
			emit "$k/$GARCH: $name: " < <(test/check_reset_step.py "$LOGS/$k-$GARCH/$name" "$mode" "$step")
		done
	done
}

# capacity-default: the README's region (256 KiB) in the kernel's default
# slots (512 bytes, no error_report_record_size): 100 KASAN reports and 60
# WARNs raised over time (each once the one before shows in pstorefs) are
# all kept, byte-identical (issue 16: at least 150 typical reports raised
# over time; what a storm keeps is reports-storm's and make bench's). The other tests use 8 KiB slots, one
# report each (runvm.py).
capacity_default() {
	local k=$1 name=capacity-default
	local region="memmap=1M\$0x10000000 ramoops.mem_address=0x10000000 ramoops.mem_size=0x100000"
	region+=" ramoops.record_size=0x10000 ramoops.console_size=0x20000 ramoops.pmsg_size=0x10000"
	run_vm "$k" $name error-report --no-ramoops \
		--append "kasan_multi_shot $region ramoops.error_report_size=0x40000" \
		--put triggers=<(for i in $(seq 50); do echo "kasan-uaf task"; echo wait-shown
				echo "kasan-oob task"; echo wait-shown; done
			for i in $(seq 60); do echo "warn task"; echo wait-shown; done)
	check_vm "$k" $name
	emit "$k/$GARCH: $name: " < <(
		log=$LOGS/$k-$GARCH/$name/mbox
		slots=$(grep -o "error reports: [0-9]* slots of [0-9]* bytes" "$log/dmesg.txt")
		if [ "$slots" = "error reports: 512 slots of 500 bytes" ]; then
			echo "ok - the default slots: $slots"
		else
			echo "not ok - the default slots: $slots (want 512 slots of 500 bytes)"
		fi
		stored=$(cat "$log/er_stored")
		if [ "$stored" -ge 150 ]; then
			echo "ok - the default region kept $stored reports (at least 150)"
		else
			echo "not ok - the default region kept $stored reports (at least 150)"
		fi)
}

# primary KVER: true for the kernel every case runs on. On 6.1 the cases
# left out test code that is the same in both series and that another 6.1
# case reaches too: the storm (the lockdep storm is one), the cut of a long
# report (the capture library alone), the short soak (6.1's torn and
# damaged records are the fault runs'), and most bad sizes (one function).
primary() {
	[ "$1" != 6.1 ]
}

# The guest tests for one kernel. Each boots, reboots warm or crashes, and
# checks what pstore kept.
vm_tests() {
	local k=$1 detectors="kasan_multi_shot test.kfence_interval=10"
	# 32 slots of 16 KiB where every report must be whole, one slot each
	# (the storm's capacity is counted in slots).
	local big="ramoops.error_report_size=0x80000 ramoops.error_report_record_size=0x4000"
	run_vm "$k" pstore-reboot pstore-reboot
	run_vm "$k" kselftest-error-report kselftest-error-report
	run_vm "$k" reports-contexts error-report --append "$detectors $big" \
		--put triggers=test/guest/triggers/contexts.txt
	check_vm "$k" reports-contexts
	run_vm "$k" reports-crash error-report --append "$detectors" \
		--put triggers=test/guest/triggers/crash.txt --put finish=<(echo crash)
	check_vm "$k" reports-crash
	if primary "$k"; then
		run_vm "$k" reports-storm error-report --append "$detectors $big" --smp 4 \
			--put triggers=/dev/null --put storm=<(echo 20)
		check_vm "$k" reports-storm --storm --capacity 32
		capacity_default "$k"
	fi
	# The store unregistered and registered again (ramoops unbound and
	# bound) five times during a storm: no splat from KASAN, nor from
	# lockdep on the lockdep kernel.
	run_vm "$k" unregister-storm unregister-storm --append "$detectors" --smp 4
	# Exactness: lines another context of the reporting CPU prints in the
	# middle of a report (a hardirq inside a softirq report, a softirq
	# inside a task report, the CPU's own NMI backtrace that another CPU
	# asked for), and WARNs from the idle tasks of two CPUs at once (all
	# idle tasks print as pid 0), never reach a record.
	run_vm "$k" exact-irq-printk error-report --append "$detectors" \
		--put triggers=test/guest/triggers/exact-irq.txt
	check_vm "$k" exact-irq-printk
	run_vm "$k" exact-nmi-backtrace error-report --append "$detectors" \
		--put triggers=test/guest/triggers/exact-nmi.txt
	check_vm "$k" exact-nmi-backtrace
	run_vm "$k" exact-idle error-report --append "$detectors" \
		--put triggers=test/guest/triggers/exact-idle.txt
	check_vm "$k" exact-idle --idle
	# A report longer than the printk ring buffer (3 MB of lines, the
	# test kernels' ring holds 2 MiB): the ring wraps inside the report,
	# the record still holds its first lines. The console takes warnings
	# only, so that the lines do not crawl out of the serial port.
	run_vm "$k" ring-wrap error-report --append "$detectors" --put triggers=<(
		echo "sh echo 5 > /proc/sys/kernel/printk; echo 3000000 > /sys/kernel/debug/error_report_test/ringwrap")
	emit "$k/$GARCH: ring-wrap: " < <(test/check_ring_wrap.py "$LOGS/$k-$GARCH/ring-wrap")
	# More reports open in one context than the capture keeps (two):
	# three WARNs nested in one task, each raised from the start of the
	# one around it.
	run_vm "$k" frames-exhausted error-report --append "$detectors" --put triggers=<(
		echo "sh echo 3 > /sys/kernel/debug/error_report_test/deep")
	emit "$k/$GARCH: frames-exhausted: " < <(test/check_deep.py "$LOGS/$k-$GARCH/frames-exhausted")
	crash_tests "$k"
	if primary "$k"; then
		reset_step_tests "$k"
	fi
	detector_tests "$k"
	run_vm "$k" reports-nested error-report \
		--append "$detectors ramoops.error_report_record_size=0x4000" \
		--put triggers=test/guest/triggers/nested.txt
	check_vm "$k" reports-nested --nested
	# Slots of 1 KiB with ECC: each report spans several slots, each with
	# its parity; the ECC notice adds up those of the slots.
	run_vm "$k" reports-ecc error-report \
		--append "$detectors ramoops.ecc=1 ramoops.error_report_record_size=0x400" \
		--put triggers=test/guest/triggers/few.txt
	check_vm "$k" reports-ecc --ecc
	if primary "$k"; then
		# 4 slots of 4 KiB: a report spans at most a quarter of the
		# region, one slot here, so a KASAN report is cut.
		run_vm "$k" reports-truncated error-report \
			--append "$detectors ramoops.error_report_size=0x4000 ramoops.error_report_record_size=0x1000" \
			--put triggers=test/guest/triggers/kasan.txt
		check_vm "$k" reports-truncated --truncated
	fi
	# A small region, 64 slots of 512 bytes: a report holds 8 of them (an
	# eighth) when it starts, and grows its run as it prints. A KASAN
	# report (about 6 KiB) comes back whole: its run grew past the 8
	# slots' 4000 bytes.
	run_vm "$k" reports-grow error-report \
		--append "$detectors ramoops.error_report_size=0x8000 ramoops.error_report_record_size=0x200" \
		--put triggers=test/guest/triggers/kasan.txt
	check_vm "$k" reports-grow --grown 4000
	run_vm "$k" reports-unlink error-report-unlink --append "$detectors"
	# Debian's systemd-pstore archives by file name, flat: two boots'
	# reports in the same slots must all be in its archive.
	if primary "$k"; then
		run_vm "$k" systemd-pstore-boots systemd-pstore --append "$detectors"
		emit "$k/$GARCH: systemd-pstore-boots: " < <(
			test/check_systemd_pstore.py "$LOGS/$k-$GARCH/systemd-pstore-boots")
	fi
	run_vm "$k" runtime-collect runtime --append "$detectors"
	# ramoops' default: a report of a site whose record is held counts there.
	run_vm "$k" repeats repeats --append "ramoops.error_report_store_repeats=0"
	fault_tests "$k"
	run_vm "$k" kunit kunit --append "kunit.enable=1 kunit.filter_glob=*error_report*"
	for suite in error_report_notify ramoops_error_report; do
		emit "$k/$GARCH: kunit: " < <(test/ktap.py "$LOGS/$k-$GARCH/kunit/mbox/dmesg.txt" "$suite")
	done
	if primary "$k"; then
		bad_sizes "$k" param
	else
		bad_sizes "$k" param size-not-pow2 too-small-for-ecc
	fi
}

echo "TAP version 13"
step "" "make deps" "$LOGS/deps.log" make -s deps
if arm64_wanted && step "6.12: " "unpack and patch the kernel tree" "$LOGS/tree-6.12.log" \
	make -s KVER=6.12 tree; then
	arm64_build_start
fi

# Userspace: the reader, its unit tests under ASan/UBSan.
step "reader: " "build pstore-reader (-Wall -Wextra -Werror)" "$LOGS/reader.log" make -s reader
emit "reader unit: " < <(make -s -C tools/pstore-reader O="$BUILD/reader-tests" check \
	2>"$LOGS/reader-unit.log" | grep -v '^1\.\.')
step "reader: " "make install: binary, man page, systemd units" "$LOGS/install.log" \
	make -s -C tools/pstore-reader install DESTDIR="$BUILD/install"
step "reader: " "man page renders without a warning" "$LOGS/man.log" \
	sh -c '! groff -man -ww -z tools/pstore-reader/pstore-reader.8 2>&1 | grep .'
step "reader: " "20 s of libFuzzer on the record parser, no finding" "$LOGS/fuzz.log" \
	make -s fuzz FUZZ_TIME=20
# make bench's capture figures refuse a guest clock that fell back to jiffies.
emit "bench figures: " < <(python3 test/bench/test_capture_figures.py | grep -v '^1\.\.')

for kver in $KVERS; do
	p="$kver/x86_64: "
	mk=(make -s KVER="$kver" ARCH=x86_64)
	step "$p" "build patched kernel" "$LOGS/kernel-$kver.log" "${mk[@]}" kernel || continue
	emit "$p""series: " < <(scripts/check-series.sh "$kver" 2>/dev/null)
	# W=1, sparse and coccinelle on what the series adds: on the primary
	# kernel (6.1's series is the same code on an older base).
	if primary "$kver"; then
		emit "$p""checks: " < <(scripts/check-warnings.sh "$kver" 2>/dev/null)
	fi
	step "$p" "build initramfs" "$LOGS/initramfs-$kver.log" "${mk[@]}" initramfs || continue
	KERNEL=$BUILD/out-$kver-x86_64/arch/x86/boot/bzImage
	INITRD=$BUILD/initramfs-$kver-x86_64.cpio.gz
	vm_tests "$kver"
	# The kernel the Makefile built with lockdep (LOCKDEP_KVERS).
	if grep -qx CONFIG_PROVE_LOCKING=y "$BUILD/out-$kver-x86_64/.config"; then
		lockdep_tests "$kver"
	fi
done
if [[ " $KVERS " == *" 6.12 "* ]] && [ "${KCSAN:-1}" != 0 ]; then kcsan_tests; fi
if arm64_wanted; then arm64_tests; fi

echo "1..$n"
echo "# total time $(( $(date +%s) - start )) s; logs in $LOGS"
echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" = 0 ]
