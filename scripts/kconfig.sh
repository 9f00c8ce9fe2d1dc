#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Make OUT/.config: tinyconfig + the fragments, then olddefconfig. Run on
# every build (a patch may add Kconfig symbols the fragments set); .config
# is replaced only when its content changes, so Kbuild rebuilds nothing
# when nothing changed.
#   kconfig.sh TREE OUT KARCH CROSS FRAGMENT...
set -euo pipefail
tree=$1 out=$2 karch=$3 cross=$4; shift 4
tmp=$out/kconfig.tmp
rm -rf "$tmp"
mkdir -p "$tmp"
# CC: the compiler the kernel is built with (KCC from the Makefile), which
# decides what Kconfig offers (KMSAN needs clang).
km() { make -s -C "$tree" O="$tmp" ARCH="$karch" CROSS_COMPILE="$cross" ${KCC:+CC="$KCC"} "$@" >/dev/null; }
km tinyconfig
(cd "$tmp" && "$tree/scripts/kconfig/merge_config.sh" -m -O "$tmp" .config "$@" >/dev/null)
km olddefconfig
"$(dirname "$0")/check-kconfig.sh" "$tmp/.config" "$@"
if ! cmp -s "$tmp/.config" "$out/.config"; then
	cp "$tmp/.config" "$out/.config"
	echo "  CONFIG  $out/.config updated"
fi
rm -rf "$tmp"
