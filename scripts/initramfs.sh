#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Build the guest initramfs: busybox-static, the guest scripts (test/guest),
# the kernel's pstore kselftests, the test module and pstore-reader.
#   initramfs.sh OUTPUT.cpio.gz
# Environment (from the Makefile): ARCH BUILD KTAG TREE MODDIR SYSROOT CROSS
set -euo pipefail
out=$1
repo=$(cd "$(dirname "$0")/.." && pwd)
root=$out.d
rm -rf "$root"
mkdir -p "$root"/{bin,sbin,etc,proc,sys,dev,tmp,mbox,root,lib/modules,kselftest}

case $ARCH in
x86_64) busybox=/bin/busybox ;;
arm64) busybox=$SYSROOT/bin/busybox ;;	# Debian's arm64 busybox-static
esac
cp "$busybox" "$root/bin/busybox"
ln -s busybox "$root/bin/sh"

cp "$repo/test/guest/init" "$root/init"
cp -r "$repo/test/guest/lib.sh" "$repo/test/guest/cases" "$root/"
cp -r "$TREE/tools/testing/selftests/pstore" "$root/kselftest/"

for ko in "${MODDIR:-$BUILD/module-$KTAG-$ARCH}"/*.ko; do
	[ -f "$ko" ] && cp "$ko" "$root/lib/modules/"
done
reader=$BUILD/guest-$ARCH/pstore-reader
[ -x "$reader" ] && cp "$reader" "$root/bin/"
# Small guest-side helpers, static.
for t in "$repo"/test/guest/tools/*.c; do
	"${CROSS:-}gcc" -static -O2 -Wall -Wextra -Werror -o "$root/bin/$(basename "$t" .c)" "$t"
done

(cd "$root" && find . | LC_ALL=C sort | cpio -o -H newc -R 0:0 --quiet | gzip -1) > "$out.tmp"
mv "$out.tmp" "$out"
echo "  INITRD  $out ($(du -k "$out" | cut -f1) KiB)"
