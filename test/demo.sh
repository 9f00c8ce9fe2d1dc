#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# make demo: build, boot QEMU, raise a real KASAN use-after-free, reboot
# warm, and print the report pstore-reader recovered from pstore.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-$PWD/build}
export BUILD
log=$BUILD/logs/demo
# A fresh clone has no build/logs yet: runvm.py makes $log, but the TAP
# file and the build log beside it are opened by this shell first.
mkdir -p "$log"
echo "demo: building the patched 6.12 kernel and the guest (a few minutes the first time;"
echo "demo: ccache makes reruns fast), build log: $log-build.log"
make -s KVER=6.12 ARCH=x86_64 kernel initramfs > "$log-build.log" 2>&1 || {
	tail -n 30 "$log-build.log"
	echo "demo: the build failed; see $log-build.log" >&2
	exit 1
}
test/qemu/runvm.py --arch x86_64 --kernel "$BUILD/out-6.12-x86_64/arch/x86/boot/bzImage" \
	--initrd "$BUILD/initramfs-6.12-x86_64.cpio.gz" --test demo --logdir "$log" \
	--timeout 240 --append "test.kfence_interval=10" > "$log.tap" || {
	cat "$log.tap"
	echo "demo: the guest did not finish; see $log/console.log" >&2
	exit 1
}
echo
echo "demo: the guest raised a real KASAN use-after-free; the kernel copied the report's lines as"
echo "demo: printk stored them, kept it in reserved RAM, and after a warm reboot pstore gave it back:"
echo
cat "$log/mbox/reader-show-reports.txt"
echo
echo "demo: pstore-reader collect archived and freed them:"
cat "$log/mbox/reader-collect.txt"
find "$log/mbox/archive" -type f ! -name .lock | sed "s|$log/mbox/archive/|  archive/|"
echo
echo "demo: what the guest printed around the reboot:"
grep -a '^DEMO:\|GUEST-REBOOT\|GUEST-READY' "$log/console.log" | sed 's/^/  | /'
echo
echo "demo: every record pstore held (console-ramoops too): $log/mbox/reader-show.txt"
echo "demo: full console log: $log/console.log"
