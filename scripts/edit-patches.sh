#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Developer tool: edit the patches to upstream files as git commits.
#
#   edit-patches.sh start KVER   build/edit-KVER: a git repository holding the
#                                pristine versions of the files the patches
#                                touch, one commit per patch on top
#   edit-patches.sh save KVER    write the commits back to patches/KVER/
#   edit-patches.sh add KVER PATH...
#                                bring more pristine files into the base
#                                commit, so that a patch can start touching them
#
# Edit with git commit --fixup / rebase -i / commit --amend in between. Only
# the touched files are in the repository, which keeps it small; a patch
# that starts touching another upstream file needs "add" first.
set -euo pipefail
cmd=$1 kver=$2
repo=$(cd "$(dirname "$0")/.." && pwd)
. "$repo/scripts/pristine-files.sh"
build=${BUILD:-$repo/build}
edit=$build/edit-$kver
pristine=$build/linux-$kver-pristine

case $cmd in
start)
	rm -rf "$edit"
	mkdir -p "$edit"
	copy_pristine "$pristine" "$edit" "$repo/patches/$kver"/*.patch
	git_base "$edit"
	cd "$edit"
	git tag base
	git am -q "$repo/patches/$kver"/*.patch
	git log --oneline base..HEAD
	;;
save)
	cd "$edit"
	rm -f "$repo/patches/$kver"/*.patch
	git format-patch -q --no-signature --zero-commit --no-numbered \
		-o "$repo/patches/$kver" base..HEAD
	# A fixed date keeps the patch files stable across saves.
	sed -i "s/^Date: .*/Date: Thu, 1 Jan 2026 00:00:00 +0000/" "$repo/patches/$kver"/*.patch
	ls "$repo/patches/$kver"
	;;
add)
	shift 2
	cd "$edit"
	git diff --quiet && git diff --cached --quiet || { echo "commit first" >&2; exit 1; }
	branch=$(git rev-parse --abbrev-ref HEAD)
	old_base=$(git rev-parse base)
	git checkout -q base
	for f in "$@"; do
		mkdir -p "$(dirname "$f")"
		cp "$pristine/$f" "$f"
		git add "$f"
	done
	git commit -q --amend -m base
	git tag -f base >/dev/null
	git checkout -q "$branch"
	git rebase -q --onto base "$old_base"
	git log --oneline base..HEAD
	;;
*)
	echo "usage: $0 start|save|add KVER" >&2
	exit 2
	;;
esac
