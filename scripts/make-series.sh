#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# make series: the kernel side as a git format-patch series with a cover
# letter, the new files folded into the patches that add them
# (patches/new-files).
#   make-series.sh KVER OUTDIR
# Environment: BUILD (the pristine tree is $BUILD/linux-KVER-pristine).
#
# The series is built in a small repository holding the pristine versions of
# the files it touches, one commit per patch; "git am" of the result onto a
# full tree touches only those files.
set -euo pipefail
kver=$1 out=$(realpath -m "$2")
repo=$(cd "$(dirname "$0")/.." && pwd)
pristine=$BUILD/linux-$kver-pristine
work=$BUILD/series-work-$kver

rm -rf "$work" "$out"
mkdir -p "$work" "$out"
cat "$repo/patches/$kver"/*.patch | sed -n 's#^+++ b/\([^[:space:]]*\).*#\1#p' | sort -u |
while read -r f; do
	mkdir -p "$work/$(dirname "$f")"
	cp "$pristine/$f" "$work/$f"
done
cd "$work"
git init -q
git config user.name pstore-error-report
git config user.email pstore-error-report@localhost
git add -A
git commit -qm base
for p in "$repo/patches/$kver"/*.patch; do
	git am -q "$p"
	num=$(basename "$p" | cut -c1-4)
	{ grep "^$num " "$repo/patches/new-files" || true; } | while read -r _ f; do
		mkdir -p "$(dirname "$f")"
		cp "$repo/$f" "$f"
		git add "$f"
	done
	git diff --cached --quiet || git commit -q --amend --no-edit
done
n=$(git rev-list --count HEAD~"$(ls "$repo/patches/$kver"/*.patch | wc -l)"..HEAD)
git format-patch -q --cover-letter --thread --zero-commit -o "$out" HEAD~"$n"
# The cover letter's subject and blurb.
subject=$(head -1 "$repo/patches/cover-letter.txt")
python3 - "$out"/0000-cover-letter.patch "$repo/patches/cover-letter.txt" "$subject" <<'PY'
import sys
path, blurb_file, subject = sys.argv[1:]
text = open(path).read()
blurb = open(blurb_file).read().split("\n", 1)[1].strip("\n")
text = text.replace("*** SUBJECT HERE ***", subject).replace("*** BLURB HERE ***", blurb)
open(path, "w").write(text)
PY
sed -i "s/^Date: .*/Date: Thu, 1 Jan 2026 00:00:00 +0000/" "$out"/*.patch
ls "$out"
