#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Build U-Boot for QEMU's arm64 "virt" board with the project's pstore
# patches, so that U-Boot can hand the ramoops region (error report slots
# included) to the kernel and read the records after a warm reset.
#
#   u-boot.sh OUTDIR     -> OUTDIR/u-boot.bin, OUTDIR/tools/mkimage
#
# The source is Debian's u-boot source package, with Debian's patches (the
# U-Boot the project's QEMU tests would otherwise take from u-boot-qemu),
# unpacked into OUTDIR.src; patches/u-boot/ are applied on top and
# test/u-boot/qemu_arm64.config is merged onto qemu_arm64_defconfig.
# Quiet unless something fails.
#
# Incremental: the source is unpacked again only when the patches or this
# script change (a patch may not apply to a tree that had another one), and
# a run whose inputs match those of the last good build returns at once.
# Objects go through ccache, so even a fresh unpack rebuilds quickly.
set -euo pipefail

[ $# -eq 1 ] || { echo "usage: $0 OUTDIR" >&2; exit 2; }
REPO=$(cd "$(dirname "$0")/.." && pwd)
OUT=$(realpath -m "$1")
SRC=$OUT.src
FRAGMENT=$REPO/test/u-boot/qemu_arm64.config
CROSS=aarch64-linux-gnu-
shopt -s nullglob
PATCHES=("$REPO"/patches/u-boot/*.patch)

# What the unpacked tree depends on, and what the build does besides.
src_key=$(cat "$0" "${PATCHES[@]}" | sha256sum | cut -d' ' -f1)
build_key=$(sha256sum < "$FRAGMENT" | cut -d' ' -f1)-$src_key

if [ "$(cat "$OUT/.pstore-build" 2>/dev/null)" = "$build_key" ] &&
   [ -f "$OUT/u-boot.bin" ] && [ -x "$OUT/tools/mkimage" ]; then
	exit 0
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
# Run a step with its output kept aside, shown only if it fails.
quiet() {
	if ! "$@" > "$log" 2>&1; then
		cat "$log" >&2
		echo "u-boot.sh: failed: $*" >&2
		exit 1
	fi
}

if [ "$(cat "$SRC/.pstore-src" 2>/dev/null)" != "$src_key" ]; then
	rm -rf "$SRC"
	quiet "$REPO/scripts/debian-apt.sh" source "$SRC" u-boot
	for p in "${PATCHES[@]}"; do
		if ! patch -p1 -d "$SRC" -s --no-backup-if-mismatch -r - < "$p" > "$log" 2>&1; then
			cat "$log" >&2
			echo "u-boot.sh: $p does not apply to Debian's U-Boot" >&2
			exit 1
		fi
	done
	echo "$src_key" > "$SRC/.pstore-src"
fi

# Fixed build date (the Debian release's), so that an unchanged tree builds
# the same bytes and ccache finds every object.
SOURCE_DATE_EPOCH=$(dpkg-parsechangelog -l "$SRC/debian/changelog" -STimestamp)
export SOURCE_DATE_EPOCH
# ccache's depend mode, as for the kernel (Makefile): a miss costs no extra
# preprocessor run; scripts/ccache-cc keeps assembler sources out of it.
export CCACHE_DEPEND=${CCACHE_DEPEND:-1}

# .config is made in a scratch folder and copied only if its content
# changed, so that an unchanged configuration rebuilds nothing.
tmp=$OUT/kconfig.tmp
rm -rf "$tmp"
mkdir -p "$tmp"
quiet make -C "$SRC" O="$tmp" CROSS_COMPILE=$CROSS qemu_arm64_defconfig
# merge_config.sh keeps its temporary file in the current folder.
(cd "$tmp" && quiet "$SRC/scripts/kconfig/merge_config.sh" -m -O "$tmp" .config "$FRAGMENT")
quiet make -C "$SRC" O="$tmp" CROSS_COMPILE=$CROSS olddefconfig
# A symbol the fragment sets but that olddefconfig dropped (a missing
# dependency) would leave a U-Boot without pstore: fail instead.
"$REPO/scripts/check-kconfig.sh" "$tmp/.config" "$FRAGMENT"
cmp -s "$tmp/.config" "$OUT/.config" || cp "$tmp/.config" "$OUT/.config"
rm -rf "$tmp"

quiet make -C "$SRC" O="$OUT" CROSS_COMPILE=$CROSS \
	CC="$REPO/scripts/ccache-cc ${CROSS}gcc" HOSTCC="$REPO/scripts/ccache-cc gcc" \
	-j"${JOBS:-$(nproc)}" all
echo "$build_key" > "$OUT/.pstore-build"
