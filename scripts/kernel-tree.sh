#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Assemble a patched kernel tree from a pristine one, incrementally.
#
#   kernel-tree.sh PRISTINE TREE PATCHDIR
#
# PRISTINE is never written to. TREE starts as a hard-linked copy of it. The
# project's kernel side is then laid on top:
#   - new files, kept in this repository at their kernel-tree paths
#     (see KERNEL_DIRS below), are copied in;
#   - edits to existing upstream files are the patches in PATCHDIR, applied
#     in name order to fresh copies of the pristine files.
# The result is staged and copied into TREE by content (rsync --checksum), so a
# file whose bytes did not change keeps its mtime and Kbuild rebuilds only what
# depends on the files that did. Files this script touched on an earlier run
# but no longer does are put back to their pristine state.
set -euo pipefail

PRISTINE=$(realpath "$1")
TREE=$2
PATCHDIR=$3
REPO=$(cd "$(dirname "$0")/.." && pwd)
# Top-level folders of this repository that hold kernel-tree files.
KERNEL_DIRS="Documentation fs include kernel lib mm tools/testing"

[ -f "$PRISTINE/Makefile" ] || { echo "kernel-tree: $PRISTINE is not a kernel tree" >&2; exit 1; }

if [ ! -f "$TREE/Makefile" ]; then
	echo "  TREE    $TREE (linked copy of $PRISTINE)"
	rm -rf "$TREE"
	mkdir -p "$(dirname "$TREE")"
	cp -al "$PRISTINE" "$TREE" 2>/dev/null || cp -a "$PRISTINE" "$TREE"
fi

STAGE=$TREE.stage
rm -rf "$STAGE"
mkdir -p "$STAGE"

# New files.
(cd "$REPO" && git ls-files --cached --others --exclude-standard -- $KERNEL_DIRS 2>/dev/null ||
	find $KERNEL_DIRS -type f 2>/dev/null) | while read -r f; do
	[ -f "$REPO/$f" ] || continue
	mkdir -p "$STAGE/$(dirname "$f")"
	cp "$REPO/$f" "$STAGE/$f"
done

# Edits to upstream files.
shopt -s nullglob
patches=("$PATCHDIR"/*.patch)
for p in "${patches[@]}"; do
	sed -n 's#^+++ b/\([^[:space:]]*\).*#\1#p' "$p"
done | sort -u | while read -r f; do
	[ -f "$PRISTINE/$f" ] || continue
	[ -f "$STAGE/$f" ] && continue
	mkdir -p "$STAGE/$(dirname "$f")"
	cp "$PRISTINE/$f" "$STAGE/$f"
done
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
