#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# make bench: print the project's figures. Each is measured here, on this
# machine, under QEMU TCG; docs/benchmarks.md records the latest ones.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-$PWD/build}
export BUILD
make -s KVER=6.12 ARCH=x86_64 kernel initramfs
K=$BUILD/out-6.12-x86_64/arch/x86/boot/bzImage
I=$BUILD/initramfs-6.12-x86_64.cpio.gz
log=$BUILD/logs/bench

echo "bench: machine: $(nproc) CPUs, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1), QEMU TCG, guest -smp 2"
echo
echo "== report -> archived by pstore-reader watch (runtime notifier), 50 WARNs =="
test/qemu/runvm.py --kernel "$K" --initrd "$I" --test bench-latency --logdir "$log/latency" \
	--timeout 300 > "$log-latency.tap" || true
if grep -q '^median' "$log/latency/mbox/latency.txt" 2>/dev/null; then
	sed -n 's/^median/latency: median/p' "$log/latency/mbox/latency.txt"
	echo "target: median <= 100 ms under TCG"
else
	echo "latency: run failed, see $log/latency/console.log"
fi

echo
echo "== pstore-reader collect vs systemd-pstore, 64 records on disk =="
make -s reader
python3 test/bench/collect-vs-systemd.py tools/pstore-reader/pstore-reader "$BUILD/bench-collect" 20
