#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Fetch from Debian's archive without touching the system's apt state: the
# arm64 packages the arm64 guest needs (no foreign architecture is added to
# dpkg) and source packages (U-Boot). apt runs on a private state folder whose
# sources are the machine's own (the mirror is read from them, never written
# here), with deb-src added. Downloads are cached outside the clone, in
# $PSTORE_CACHE (default /var/cache/pstore-error-report), so a fresh clone
# does not fetch them again.
#
#   debian-apt.sh unpack-arm64 DEST PKG...   unpack arm64 .debs into DEST
#   debian-apt.sh unpack-host DEST PKG/SUITE...
#                                            unpack the machine's own .debs
#                                            of that suite into DEST (a newer
#                                            tool beside the installed one)
#   debian-apt.sh source DEST PKG            unpack a source package into DEST
set -euo pipefail

CACHE=${PSTORE_CACHE:-/var/cache/pstore-error-report}
APTDIR=$CACHE/apt
mkdir -p "$APTDIR"/{sources,cache/archives/partial,debs,src}
: > "$APTDIR/status"

# The system's sources, each "deb" entry doubled by a "deb-src" one.
for f in /etc/apt/sources.list.d/*.sources; do
	[ -r "$f" ] || continue
	sed 's/^Types:.*/Types: deb deb-src/' "$f" > "$APTDIR/sources/$(basename "$f")"
done
for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
	[ -r "$f" ] || continue
	sed -n 's/^deb \(.*\)/deb \1\ndeb-src \1/p' "$f" > "$APTDIR/sources/$(basename "$f")"
done

base_opts=(-o Dir::Etc::SourceList=/dev/null -o Dir::Etc::SourceParts="$APTDIR/sources"
	-o Dir::Cache="$APTDIR/cache"
	-o Dir::State::status="$APTDIR/status" -o Debug::NoLocking=1
	-o APT::Sandbox::User=root -qq)

# Refresh the private package lists of an architecture at most once a day;
# each architecture has lists of its own (an update drops the others').
# Sets apt_opts for it.
update() {
	local arch=$1 stamp=$APTDIR/updated-$1
	mkdir -p "$APTDIR/lists-$arch/partial"
	apt_opts=("${base_opts[@]}" -o Dir::State::Lists="$APTDIR/lists-$arch"
		-o APT::Architecture="$arch")
	if [ -z "$(find "$stamp" -mmin -1440 2>/dev/null)" ]; then
		apt-get "${apt_opts[@]}" update
		touch "$stamp"
	fi
}

cmd=${1:-}
case $cmd in
unpack-arm64)
	dest=$2; shift 2
	update arm64
	mkdir -p "$dest"
	for pkg in "$@"; do
		deb=$(ls "$APTDIR/debs/${pkg}_"*_arm64.deb 2>/dev/null | head -n 1 || true)
		if [ -z "$deb" ]; then
			(cd "$APTDIR/debs" && apt-get "${apt_opts[@]}" download "$pkg:arm64")
			deb=$(ls "$APTDIR/debs/${pkg}_"*_arm64.deb | head -n 1)
		fi
		dpkg-deb -x "$deb" "$dest"
	done
	;;
unpack-host)
	dest=$2; shift 2
	arch=$(dpkg --print-architecture)
	update "$arch"
	mkdir -p "$dest"
	for spec in "$@"; do
		pkg=${spec%/*} suite=${spec#*/}
		mkdir -p "$APTDIR/debs/$suite"
		deb=$(ls "$APTDIR/debs/$suite/${pkg}_"*"_$arch.deb" 2>/dev/null | head -n 1 || true)
		if [ -z "$deb" ]; then
			(cd "$APTDIR/debs/$suite" && apt-get "${apt_opts[@]}" download "$pkg/$suite")
			deb=$(ls "$APTDIR/debs/$suite/${pkg}_"*"_$arch.deb" | head -n 1)
		fi
		dpkg-deb -x "$deb" "$dest"
	done
	;;
source)
	dest=$2 pkg=$3
	update "$(dpkg --print-architecture)"
	dsc=$(ls "$APTDIR/src/${pkg}_"*.dsc 2>/dev/null | head -n 1 || true)
	if [ -z "$dsc" ]; then
		(cd "$APTDIR/src" && apt-get "${apt_opts[@]}" source --download-only "$pkg")
		dsc=$(ls "$APTDIR/src/${pkg}_"*.dsc | head -n 1)
	fi
	rm -rf "$dest"
	# apt checked the archive's signatures when it fetched the .dsc.
	dpkg-source --no-check -x "$dsc" "$dest" >/dev/null
	;;
*)
	echo "usage: $0 unpack-arm64 DEST PKG... | unpack-host DEST PKG/SUITE... | source DEST PKG" >&2
	exit 2
	;;
esac
