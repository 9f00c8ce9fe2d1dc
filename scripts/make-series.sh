#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# make series: the kernel side as a git format-patch series with a cover
# letter, the new files folded into the patches that add them
# (patches/new-files).
#   make-series.sh KVER|PATCHDIR OUTDIR [PRISTINE]
# Environment: BUILD (the default pristine tree is $BUILD/linux-KVER-pristine).
#
# The series is built in a small repository holding the pristine versions of
# the files it touches, one commit per patch; "git am" of the result onto a
# full tree touches only those files.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
. "$repo/scripts/pristine-files.sh"
if [ -d "$1" ]; then
	patchdir=$(realpath "$1")
	kver=$(basename "$patchdir")
else
	kver=$1
	patchdir=$repo/patches/$kver
fi
out=$(realpath -m "$2")
pristine=$(realpath "${3:-$BUILD/linux-$kver-pristine}")
work=$out.work

rm -rf "$work" "$out"
mkdir -p "$work" "$out"
copy_pristine "$pristine" "$work" "$patchdir"/*.patch
git_base "$work"
cd "$work"
for p in "$patchdir"/*.patch; do
	git am -q "$p"
	name=$(basename "$p" .patch | cut -c6-)
	{ grep "^$name " "$repo/patches/new-files" || true; } | while read -r _ f; do
		mkdir -p "$(dirname "$f")"
		cp "$repo/$f" "$f"
		git add "$f"
	done
	git diff --cached --quiet || git commit -q --amend --no-edit
done
n=$(git rev-list --count HEAD~"$(ls "$patchdir"/*.patch | wc -l)"..HEAD)
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
cd / && rm -rf "$work"
ls "$out"
