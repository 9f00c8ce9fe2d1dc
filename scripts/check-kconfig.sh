#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Fail when a symbol a fragment asks for did not survive olddefconfig (a
# missing dependency silently drops it, e.g. KASAN without SLUB).
#   check-kconfig.sh .config FRAGMENT...
set -eu
cfg=$1; shift
bad=0
for frag in "$@"; do
	while read -r line; do
		case $line in
		CONFIG_*=*)
			grep -qx -- "$line" "$cfg" || { echo "kconfig: $frag wants $line, .config has: $(grep -- "^${line%%=*}=" "$cfg" || echo unset)" >&2; bad=1; } ;;
		"# CONFIG_"*" is not set")
			sym=${line#\# }; sym=${sym%% *}
			if grep -q -- "^$sym=" "$cfg"; then echo "kconfig: $frag wants $sym unset" >&2; bad=1; fi ;;
		esac
	done < "$frag"
done
exit $bad
