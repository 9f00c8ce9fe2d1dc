#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Assemble a patched kernel tree from a pristine one, incrementally.
#
#   kernel-tree.sh PRISTINE TREE PATCHDIR
#
# PRISTINE is never written to. TREE starts as a hard-linked copy of it. The
# project's kernel side is laid on top as a series (scripts/make-series.sh):
# the patches in PATCHDIR (edits to upstream files), with the new files, kept
# in this repository at their kernel-tree paths, folded into the patches that
# add them (patches/new-files).
# The result is staged and copied into TREE by content (rsync --checksum), so a
# file whose bytes did not change keeps its mtime and Kbuild rebuilds only what
# depends on the files that did. Files this script touched on an earlier run
# but no longer does are put back to their pristine state.
set -euo pipefail

PRISTINE=$(realpath "$1")
TREE=$2
PATCHDIR=$3
REPO=$(cd "$(dirname "$0")/.." && pwd)
. "$REPO/scripts/pristine-files.sh"

[ -f "$PRISTINE/Makefile" ] || { echo "kernel-tree: $PRISTINE is not a kernel tree" >&2; exit 1; }

if [ ! -f "$TREE/Makefile" ]; then
	echo "  TREE    $TREE (linked copy of $PRISTINE)"
	rm -rf "$TREE"
	mkdir -p "$(dirname "$TREE")"
	cp -al "$PRISTINE" "$TREE" 2>/dev/null || cp -a "$PRISTINE" "$TREE"
fi

# One assembly of a tree at a time: make test builds the arm64 kernel in the
# background from the same tree while x86 builds go on.
exec 9> "$TREE.lock"
flock 9

STAGE=$TREE.stage
rm -rf "$STAGE"
mkdir -p "$STAGE"

# The kernel side as the series "make series" emits (the patches with the
# new files folded in), applied to fresh copies of the pristine files it
# touches: the tree that is built and booted is the series, applied.
SERIES=$TREE.series
BUILD=$(dirname "$TREE") "$REPO/scripts/make-series.sh" "$PATCHDIR" "$SERIES" \
	"$PRISTINE" > /dev/null
shopt -s nullglob
# Every patch but the cover letter (0000).
patches=()
for p in "$SERIES"/[0-9][0-9][0-9][0-9]-*.patch; do
	[[ $p == */0000-cover-letter.patch ]] || patches+=("$p")
done
copy_pristine "$PRISTINE" "$STAGE" "${patches[@]}"
for p in "${patches[@]}"; do
	if ! patch -p1 -d "$STAGE" -s --no-backup-if-mismatch -r - < "$p"; then
		echo "kernel-tree: $p does not apply to $PRISTINE" >&2
		exit 1
	fi
done

# Restore what an earlier run touched and this one does not.
APPLIED=$TREE.applied
(cd "$STAGE" && find . -type f | sed 's#^\./##' | sort) > "$APPLIED.new"
if [ -f "$APPLIED" ]; then
	comm -23 "$APPLIED" "$APPLIED.new" | while read -r f; do
		if [ -f "$PRISTINE/$f" ]; then
			cp --remove-destination "$PRISTINE/$f" "$TREE/$f"
		else
			rm -f "$TREE/$f"
		fi
	done
fi

rsync -rc "$STAGE/" "$TREE/"
mv "$APPLIED.new" "$APPLIED"
rm -rf "$STAGE"
