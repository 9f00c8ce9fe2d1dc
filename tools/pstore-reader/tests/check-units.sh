#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# The shipped units stay sandboxed: "systemd-analyze security" exposure at
# most 2.0 for each, and the boot unit ordered after efi_pstore as
# systemd-pstore is. Skipped (exit 0, said) where systemd-analyze is not.
# usage: check-units.sh [MAX]
max=${1:-2.0}
dist=$(dirname "$0")/../dist
fail=0
n=0

tap() {
	n=$((n + 1))
	if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fail=1; fi
}

if ! command -v systemd-analyze > /dev/null; then
	echo "1..0 # SKIP systemd-analyze not installed"
	exit 0
fi
echo "1..4"
for unit in pstore-reader.service pstore-reader-watch.service; do
	score=$(systemd-analyze security --offline=yes --no-pager "$dist/$unit" 2>&1 |
		sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p')
	awk -v s="${score:-99}" -v m="$max" 'BEGIN { exit !(s <= m) }'
	tap $? "$unit: systemd-analyze security exposure ${score:-unknown} <= $max"
done
grep -q '^After=.*modprobe@efi_pstore.service' "$dist/pstore-reader.service" &&
	grep -q '^Wants=modprobe@efi_pstore.service' "$dist/pstore-reader.service"
tap $? "pstore-reader.service: after modprobe@efi_pstore.service, as systemd-pstore"
# The success set follows the exit statuses: 5 (damaged, archived, freed) only.
grep -q '^SuccessExitStatus=5$' "$dist/pstore-reader.service"
tap $? "pstore-reader.service: SuccessExitStatus=5 only"
exit $fail
