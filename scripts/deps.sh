#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Install what the project needs from Debian's archive. Idempotent and quiet
# when everything is already there.
#
# linux-source-6.12 lives in bookworm-backports. We enable that suite on the
# Debian mirror the machine is already configured with: the URI is read from
# the apt sources, never written into this repository.
set -euo pipefail

PKGS=(
	build-essential bc flex bison libelf-dev libssl-dev cpio ccache kmod
	rsync python3 perl xz-utils zstd file git patch
	qemu-system-x86 qemu-system-arm qemu-utils u-boot-qemu
	busybox-static gcc-aarch64-linux-gnu libc6-dev-arm64-cross device-tree-compiler mtools
	libcmocka-dev libjson-c-dev zlib1g-dev libsystemd-dev pkg-config libpcre2-dev libiberty-dev
	clang llvm libclang-rt-14-dev systemd
	sparse coccinelle gdb
	linux-source-6.1 linux-source-6.12 socat
)

missing=()
for p in "${PKGS[@]}"; do
	dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' \
		|| missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

# The first URI of a configured "bookworm" main suite (deb822 or one-line).
mirror_uri() {
	local f
	for f in /etc/apt/sources.list.d/*.sources; do
		[ -r "$f" ] || continue
		awk 'BEGIN{RS=""; FS="\n"}
		     /Suites:[^\n]*bookworm([ \t\n]|$)/ {
			for (i = 1; i <= NF; i++)
				if ($i ~ /^URIs:/) { sub(/^URIs:[ \t]*/, "", $i); split($i, u, " "); print u[1]; exit }
		     }' "$f"
	done
	cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
		awk '$1 == "deb" && $0 ~ / bookworm / { for (i = 2; i <= NF; i++) if ($i ~ /:\/\//) { print $i; exit } }'
	return 0
}

if ! apt-cache policy 2>/dev/null | grep -q 'bookworm-backports'; then
	uri=$(mirror_uri 2>/dev/null | head -n 1 || true)
	if [ -z "$uri" ]; then
		echo "deps: no bookworm mirror found in the apt sources; cannot enable bookworm-backports" >&2
		exit 1
	fi
	cat > /etc/apt/sources.list.d/pstore-project-backports.sources <<SRC
Types: deb
URIs: $uri
Suites: bookworm-backports
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
	echo "deps: enabled bookworm-backports on $uri"
fi

echo "deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
