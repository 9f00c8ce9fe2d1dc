#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# The checks a maintainer runs before reading, on what the series adds, as
# TAP:
#  - W=1 (gcc's extra warnings) and sparse (C=2, Debian's sparse);
#  - coccicheck (Debian's coccinelle): every semantic patch of the tree, in
#    report mode;
# on every object built from a C file the series adds or changes. A warning
# counts when it is on a line the series adds (new files: every line);
# warnings upstream already had on the lines around are shown, not counted.
# The objects are built in a folder of their own, from the kernel's config,
# so the tree that is booted keeps its objects.
#   check-warnings.sh KVER [ARCH]
set -uo pipefail
kver=$1 arch=${2:-x86_64}
repo=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-$repo/build}
karch=x86
[ "$arch" = arm64 ] && karch=arm64
tree=$BUILD/linux-$kver
pristine=$BUILD/linux-$kver-pristine
out=$BUILD/out-$kver-$arch
work=$BUILD/out-$kver-$arch-checks
logs=$BUILD/logs/checks-$kver
mkdir -p "$logs" "$work"

tap() { if [ "$1" = 0 ]; then echo "ok - $2"; else echo "not ok - $2"; fi; }

# The C files the series touches that this config builds.
objs=()
while read -r f; do
	[[ $f == *.c ]] || continue
	[ -f "$out/${f%.c}.o" ] && objs+=("${f%.c}.o")
done < "$tree.applied"
[ ${#objs[@]} -gt 0 ] || { tap 1 "$kver: objects of the series found in $out"; exit 0; }

cp "$out/.config" "$work/.config"
kmake() {
	make -C "$tree" O="$work" ARCH=$karch -j"$(nproc)" KBUILD_BUILD_TIMESTAMP=2026-01-01 "$@"
}
if ! kmake -s olddefconfig prepare > "$logs/prepare.log" 2>&1; then
	tap 1 "$kver: prepare a build folder for the checks (see $logs/prepare.log)"
	exit 0
fi

# added FILE: the line numbers the series adds to FILE, one per line.
added() {
	if [ ! -f "$pristine/$1" ]; then
		seq 1 "$(wc -l < "$tree/$1")"
		return
	fi
	diff -U0 "$pristine/$1" "$tree/$1" | sed -n 's/^@@ -[0-9,]* +\([0-9]*\)\(,\([0-9]*\)\)\? @@.*/\1 \3/p' |
		while read -r start count; do
			[ -n "$count" ] || count=1
			[ "$count" = 0 ] || seq "$start" $((start + count - 1))
		done
}

# judge NAME LOG: count the warnings of LOG on added lines, one TAP line.
judge() {
	local name=$1 log=$2 ours=0 theirs=0 file line rest f
	declare -A lines=()
	for f in "${objs[@]}"; do
		f=${f%.o}.c
		lines[$f]=" $(added "$f" | tr '\n' ' ')"
	done
	while IFS=: read -r file line rest; do
		file=${file#"$tree"/}
		file=${file#./}
		[ -n "${lines[$file]+x}" ] || continue
		if [[ ${lines[$file]} == *" $line "* ]]; then
			echo "# $file:$line:$rest"
			ours=$((ours + 1))
		else
			theirs=$((theirs + 1))
		fi
	# One per warning: sparse's "expected"/"got" lines after it are indented.
	done < <(grep -E '^[^ :]+\.[ch]:[0-9]+:[0-9-]+: [^ ]' "$log")
	tap $((ours > 0)) "$kver: $name: $ours on the lines the series adds ($theirs upstream's in the same files, ${#objs[@]} objects)"
}

rm -f "${objs[@]/#/$work/}"
kmake W=1 C=2 CHECK=sparse KCFLAGS=-fstack-usage "${objs[@]}" > "$logs/w1-sparse.log" 2>&1
judge "W=1 and sparse" "$logs/w1-sparse.log"

# coccicheck runs every semantic patch once per file; run each once on all
# the files instead, two at a time, with the options its header asks for
# (what scripts/coccicheck does): minutes rather than most of an hour.
files=("${objs[@]/%.o/.c}")
incs="-I arch/$karch/include -I $work/arch/$karch/include/generated -I include \
	-I $work/include -I arch/$karch/include/uapi \
	-I $work/arch/$karch/include/generated/uapi -I include/uapi \
	-I $work/include/generated/uapi --include include/linux/compiler-version.h \
	--include include/linux/kconfig.h"
export incs
cocci_one() {
	local opts
	opts=$(sed -n 's#^// Options: ##p' "$1")
	# shellcheck disable=SC2086
	spatch -D report --no-show-diff --very-quiet --cocci-file "$1" $opts $incs \
		"${@:2}" 2>/dev/null
}
export -f cocci_one
(cd "$tree" && ls scripts/coccinelle/*/*.cocci |
	xargs -P "$(nproc)" -I{} bash -c 'cocci_one "$@"' _ {} "${files[@]}") \
	> "$logs/coccicheck.log" 2>&1
judge "coccicheck (report mode, $(ls "$tree"/scripts/coccinelle/*/*.cocci | wc -l) semantic patches)" \
	"$logs/coccicheck.log"
