#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Fail when a symbol a fragment asks for did not survive olddefconfig (a
# missing dependency silently drops it, e.g. KASAN without SLUB).
#   check-kconfig.sh .config FRAGMENT...
set -eu
cfg=$1; shift
bad=0
# What each symbol should be: the last fragment that sets it wins, as in
# merge_config.sh (a variant's fragment overrides the common one).
declare -A want from
for frag in "$@"; do
	while read -r line; do
		case $line in
		CONFIG_*=*) sym=${line%%=*} ;;
		"# CONFIG_"*" is not set") sym=${line#\# }; sym=${sym%% *} ;;
		*) continue ;;
		esac
		want[$sym]=$line from[$sym]=$frag
	done < "$frag"
done
for sym in "${!want[@]}"; do
	line=${want[$sym]}
	case $line in
	CONFIG_*=*)
		grep -qx -- "$line" "$cfg" || { echo "kconfig: ${from[$sym]} wants $line, .config has: $(grep -- "^$sym=" "$cfg" || echo unset)" >&2; bad=1; } ;;
	*)
		if grep -q -- "^$sym=" "$cfg"; then echo "kconfig: ${from[$sym]} wants $sym unset" >&2; bad=1; fi ;;
	esac
done
exit $bad
