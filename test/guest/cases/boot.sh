# SPDX-License-Identifier: GPL-2.0-only
# make bench: a boot and nothing else, to time it.
tap_ok 0 "booted"
