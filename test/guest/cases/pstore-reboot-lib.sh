# SPDX-License-Identifier: GPL-2.0-only
#
# Helpers for the guest cases that run kselftests across a crash.

KS=/mbox/kselftest

# The kernel's pstore kselftests, copied where their state survives a crash.
kselftest_setup() {
	mkdir -p "$KS"
	cp -r /kselftest/pstore/. "$KS/"
}

# The upstream scripts keep their state next to themselves, on a disk. Here
# they live in the mailbox, saved right before the crash script runs. The two
# changes that script makes just before "echo c" (uuid -> prev_uuid, and the
# reboot flag) cannot be saved from inside it (busybox runs "sync" as a
# builtin), so boot 2 replays exactly those two steps.
replay_crash_test_state() {
	[ -f "$KS/uuid" ] && mv "$KS/uuid" "$KS/prev_uuid"
	touch "$KS/reboot_flag"
}

# kselftest_tap SCRIPT: run an upstream script, turn its "... ok/FAIL" lines
# into TAP. The "end trace" checks are stale for a sysrq crash on these
# kernels: sysrq-c calls panic() directly, which prints "---[ end Kernel
# panic", never "---[ end trace"; they stay visible as known failures.
kselftest_tap() {
	script=$1
	(cd "$KS" && sh "./$script") > "/mbox/$script.out" 2>&1
	rc=$?
	awk '
	/^[^ \t]/ && !/ \.\.\. / { head = $0; next }
	/ \.\.\. (ok|FAIL)$/ {
		line = $0; sub(/^[ \t]+/, "", line)
		res = line; sub(/.* \.\.\. /, "", res)
		desc = line; sub(/ \.\.\. (ok|FAIL)$/, "", desc)
		if ($0 ~ /^[ \t]/) desc = head ": " desc
		print res "\t" desc
	}' "/mbox/$script.out" | while IFS='	' read -r res desc; do
		st=1; [ "$res" = ok ] && st=0
		case $desc in
		*"oops end marker"*)
			tap_ok $st "kselftest $script: $desc" \
				"TODO sysrq-c panics directly: no '---[ end trace' on 6.1/6.12" ;;
		*) tap_ok $st "kselftest $script: $desc" ;;
		esac
	done
	echo "$rc" > "/mbox/$script.rc"
}
