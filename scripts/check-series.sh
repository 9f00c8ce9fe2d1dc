#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Check the series "make series" emits, as TAP:
#  - "git am" applies it to the pristine tree, and the result is, file for
#    file, the tree the harness built and booted (so it builds and works);
#  - scripts/checkpatch.pl --strict: no error, no warning but the justified
#    one (see patches/cover-letter.txt);
#  - scripts/kernel-doc: no warning in the new files, none added elsewhere.
#   check-series.sh KVER
set -uo pipefail
kver=$1
repo=$(cd "$(dirname "$0")/.." && pwd)
. "$repo/scripts/pristine-files.sh"
BUILD=${BUILD:-$repo/build}
export BUILD
pristine=$BUILD/linux-$kver-pristine
built=$BUILD/linux-$kver
series=$BUILD/series-$kver
work=$BUILD/series-check-$kver

tap() { if [ "$1" = 0 ]; then echo "ok - $2"; else echo "not ok - $2"; fi; }

if ! "$repo/scripts/make-series.sh" "$kver" "$series" > "$BUILD/logs/series-$kver.log" 2>&1; then
	tap 1 "make series"
	exit 0
fi
# Every patch but the cover letter (0000).
patches=()
for p in "$series"/[0-9][0-9][0-9][0-9]-*.patch; do
	[[ $p == */0000-cover-letter.patch ]] || patches+=("$p")
done
tap 0 "make series: cover letter and ${#patches[@]} patches"

# git am onto the pristine versions of every file the series touches.
rm -rf "$work"
mkdir -p "$work"
files=$(cat "${patches[@]}" | sed -n 's#^+++ b/\([^[:space:]]*\).*#\1#p' | sort -u)
copy_pristine "$pristine" "$work" "${patches[@]}"
(git_base "$work" && cd "$work" && git am -q "${patches[@]}") > "$BUILD/logs/series-am-$kver.log" 2>&1
tap $? "git am of the series onto pristine $kver"
diffs=0
for f in $files; do
	cmp -s "$work/$f" "$built/$f" || { echo "# differs from the built tree: $f"; diffs=$((diffs + 1)); }
done
tap $diffs "the applied series is the tree that was built and booted ($(echo "$files" | wc -w) files compared)"

# checkpatch, each patch.
for p in "${patches[@]}"; do
	out=$(cd "$pristine" && ./scripts/checkpatch.pl --strict -q "$p" 2>&1)
	errors=$(echo "$out" | grep -c '^ERROR:')
	warnings=$(echo "$out" | grep '^WARNING:' | grep -vc 'does MAINTAINERS need updating')
	checks=$(echo "$out" | grep -c '^CHECK:')
	[ "$errors$warnings" = 00 ]
	tap $? "checkpatch --strict $(basename "$p"): $errors errors, $warnings warnings, $checks checks"
	[ "$errors$warnings" = 00 ] || echo "$out" | sed 's/^/# /'
done

# kernel-doc; -Wall where this tree's kernel-doc has it (6.1's has not).
kw=-Wall
case $("$pristine/scripts/kernel-doc" -Wall -none /dev/null 2>&1) in *"Argument unknown"*) kw= ;; esac
# The new C files of this series: those of patches it has (6.1 has fewer).
new=$(while read -r name f; do
	case $name$f in [#]*) continue ;; *.[ch]) ;; *) continue ;; esac
	ls "$repo/patches/$kver/"[0-9][0-9][0-9][0-9]-"$name".patch > /dev/null 2>&1 && echo "$f"
done < "$repo/patches/new-files")
n=$(cd "$built" && ./scripts/kernel-doc -none $kw $new 2>&1 | tee /dev/stderr | wc -l)
tap "$n" "kernel-doc $kw: $n warnings in the new files" 2> /dev/null
added=0
for f in $files; do
	case $f in *.c|*.h) ;; *) continue ;; esac
	[ -f "$pristine/$f" ] || continue
	a=$("$pristine/scripts/kernel-doc" -none $kw "$pristine/$f" 2>&1 | wc -l)
	b=$("$built/scripts/kernel-doc" -none $kw "$built/$f" 2>&1 | wc -l)
	[ "$b" -gt "$a" ] && { echo "# kernel-doc: $f: $a -> $b warnings"; added=$((added + 1)); }
done
tap "$added" "kernel-doc $kw: no warning added to the changed files"
