# SPDX-License-Identifier: GPL-2.0-only
#
# One entry point for the project. See README.md.
#
#   make deps                 install what is missing (Debian 12, as root)
#   make kernel               build the patched kernel (KVER=6.12|6.1 ARCH=x86_64|arm64)
#   make initramfs            busybox + reader + test module + guest scripts
#   make u-boot               U-Boot for QEMU virt (arm64) with patches/u-boot
#   make reader               tools/pstore-reader for the host
#   make test                 everything; ends with "N passed, N failed"
#   make demo                 KASAN report -> warm reboot -> reader output
#   make bench | soak | fuzz | series
#
# KERNEL_SRC=<tree> builds against your own kernel tree instead of Debian's
# linux-source package (the tree is not modified: a linked copy is patched).

SHELL := /bin/bash
KVER ?= 6.12
ARCH ?= x86_64
BUILD ?= $(CURDIR)/build
JOBS ?= $(shell nproc)
V ?= 0

ifeq ($(ARCH),x86_64)
KARCH := x86
KIMAGE := arch/x86/boot/bzImage
CROSS :=
else ifeq ($(ARCH),arm64)
KARCH := arm64
KIMAGE := arch/arm64/boot/Image
CROSS := aarch64-linux-gnu-
else
$(error ARCH must be x86_64 or arm64)
endif

ifneq ($(KERNEL_SRC),)
PRISTINE := $(abspath $(KERNEL_SRC))
KTAG := custom
PATCHES ?= $(CURDIR)/patches/6.12
else
PRISTINE := $(BUILD)/linux-$(KVER)-pristine
KTAG := $(KVER)
PATCHES ?= $(CURDIR)/patches/$(KVER)
endif

# VARIANT=<name> (test/kconfig/<name>.config) builds a second kernel beside
# the first, with its own module and initramfs. The 6.1 kernel is built with
# lockdep (test/kconfig/lockdep.config) rather than a lockdep variant of 6.12:
# make test's lockdep storm runs on it, and it saves a third x86 build. The
# arm64 MTE kernel (VARIANT=mte) has lockdep too: 6.12's lockdep producer is
# tested there, at no build of its own.
LOCKDEP_KVERS ?= 6.1
LOCKDEP_VARIANTS ?= mte
VARIANT ?=
FLAVOUR := $(KTAG)-$(ARCH)$(if $(VARIANT),-$(VARIANT))
TREE := $(BUILD)/linux-$(KTAG)
OUT := $(BUILD)/out-$(FLAVOUR)
KERNEL := $(OUT)/$(KIMAGE)
INITRD := $(BUILD)/initramfs-$(FLAVOUR).cpio.gz
MODDIR := $(BUILD)/module-$(FLAVOUR)
GUEST := $(BUILD)/guest-$(ARCH)
export KVER ARCH BUILD KTAG TREE OUT KERNEL INITRD KARCH CROSS MODDIR SYSROOT
# ccache hashes the compiler's arguments, in which the kernel build puts
# absolute paths to the tree; relative to the clone, a second clone (CI's
# clean ones) finds the first one's objects.
export CCACHE_BASEDIR ?= $(CURDIR)
# Depend mode: on a miss ccache takes the headers from the compiler's -MMD
# output instead of running the preprocessor and hashing every header first.
# A cold 6.12 x86 build: 626 s in the default mode, 423 s in depend mode
# (457 s without ccache); warm: 94 s. Files pulled in with .incbin escape
# it: scripts/ccache-cc compiles assembler sources without ccache.
export CCACHE_DEPEND ?= 1
CCACHE_CC := $(CURDIR)/scripts/ccache-cc

# The compiler: gcc, but clang for a variant only clang can build (KMSAN).
KCC := $(if $(filter kmsan,$(VARIANT)),clang,$(CROSS)gcc)
export KCC

KMAKE = $(MAKE) -C $(TREE) O=$(OUT) ARCH=$(KARCH) CROSS_COMPILE=$(CROSS) \
	CC="$(CCACHE_CC) $(KCC)" KBUILD_BUILD_TIMESTAMP="2026-01-01" \
	KBUILD_BUILD_USER=pstore KBUILD_BUILD_HOST=qemu -j$(JOBS) \
	$(if $(filter 1,$(V)),,-s)

FRAGMENTS := test/kconfig/common.config test/kconfig/$(ARCH).config \
	$(wildcard test/kconfig/$(KTAG).config test/kconfig/$(KTAG)-$(ARCH).config) \
	$(if $(filter $(LOCKDEP_KVERS),$(KTAG))$(filter $(LOCKDEP_VARIANTS),$(VARIANT)),test/kconfig/lockdep.config) \
	$(if $(VARIANT),test/kconfig/$(VARIANT).config) $(EXTRA_CONFIG)

.PHONY: all deps kernel tree config module reader sysroot guest-reader initramfs u-boot qemu-bpo test demo \
	bench soak fuzz series clean distclean

all: kernel initramfs reader

deps:
	@scripts/deps.sh

# --- kernel ------------------------------------------------------------------
$(PRISTINE)/Makefile:
	@echo "  UNPACK  /usr/src/linux-source-$(KVER).tar.xz"
	@mkdir -p $(BUILD)
	@rm -rf $(BUILD)/linux-source-$(KVER) $(PRISTINE)
	@tar -C $(BUILD) -xf /usr/src/linux-source-$(KVER).tar.xz
	@mv $(BUILD)/linux-source-$(KVER) $(PRISTINE)

tree: $(PRISTINE)/Makefile
	@scripts/kernel-tree.sh $(PRISTINE) $(TREE) $(PATCHES)

config: tree
	@mkdir -p $(OUT)
	@scripts/kconfig.sh $(TREE) $(OUT) $(KARCH) "$(CROSS)" $(addprefix $(CURDIR)/,$(FRAGMENTS))

kernel: config
	@echo "  KERNEL  $(KTAG) $(ARCH) -> $(KERNEL)"
	@$(KMAKE) $(notdir $(KIMAGE)) modules
	@$(MAKE) -s module

# The out-of-tree test module (test/module), built against $(OUT) in a copy
# per kernel so that builds for several kernels do not share objects.
module:
	@mkdir -p $(MODDIR)
	@rsync -c test/module/Kbuild test/module/*.c $(MODDIR)/
	@$(MAKE) -C $(OUT) ARCH=$(KARCH) CROSS_COMPILE=$(CROSS) CC="$(CCACHE_CC) $(KCC)" \
		M=$(MODDIR) -s modules

# --- userspace ---------------------------------------------------------------
reader:
	@$(MAKE) -s -C tools/pstore-reader

# The arm64 guest's userspace comes from Debian's arm64 packages, unpacked
# (not installed) into a sysroot: busybox-static, and the static libraries
# the reader links.
SYSROOT := $(BUILD)/sysroot-$(ARCH)
ARM64_DEBS := busybox-static libjson-c-dev libjson-c5 zlib1g-dev zlib1g libpcre2-dev libpcre2-8-0 libiberty-dev

# The stamp's name carries the package list, so a change to it unpacks again.
SYSROOT_DONE := $(BUILD)/sysroot-arm64/.done-$(shell echo $(ARM64_DEBS) | md5sum | cut -c1-8)

$(SYSROOT_DONE): scripts/debian-apt.sh
	@echo "  SYSROOT $(@D)"
	@rm -rf $(@D)
	@scripts/debian-apt.sh unpack-arm64 $(@D) $(ARM64_DEBS)
	@touch $@

sysroot: $(if $(CROSS),$(SYSROOT_DONE))

guest-reader: sysroot
	@$(MAKE) -s -C tools/pstore-reader STATIC=1 CROSS=$(CROSS) O=$(GUEST) \
		$(if $(CROSS),SYSROOT=$(SYSROOT))

initramfs: guest-reader
	@scripts/initramfs.sh $(INITRD)

# QEMU from bookworm-backports, unpacked beside the installed one (not
# installed): the arm64 MTE tests need it, Debian 12's QEMU 7.2 reports tag
# faults from the first slab allocations on (docs/detectors.md).
QEMU_BPO_DONE := $(BUILD)/qemu-bpo/.done

$(QEMU_BPO_DONE): scripts/debian-apt.sh
	@echo "  QEMU    $(@D) (bookworm-backports)"
	@rm -rf $(@D)
	@scripts/debian-apt.sh unpack-host $(@D) qemu-system-arm/bookworm-backports
	@$(@D)/usr/bin/qemu-system-aarch64 --version | head -n 1
	@touch $@

qemu-bpo: $(QEMU_BPO_DONE)

# --- firmware ----------------------------------------------------------------
# U-Boot for QEMU virt (arm64), with the error report region in its pstore
# command (patches/u-boot), configured by test/u-boot/qemu_arm64.config.
u-boot:
	@scripts/u-boot.sh $(BUILD)/u-boot-arm64

# --- tests -------------------------------------------------------------------
test: deps
	@test/run-all.sh

demo: deps
	@test/demo.sh

bench: deps
	@test/bench.sh

# Resets at random moments of report storms (make test runs 5 of them).
SOAK_RESETS ?= 200
soak: deps
	@$(MAKE) -s KVER=$(KVER) ARCH=x86_64 kernel initramfs
	@test/qemu/runvm.py --kernel $(KERNEL) --initrd $(INITRD) --test soak \
		--logdir $(BUILD)/logs/soak --append kasan_multi_shot --resets $(SOAK_RESETS) \
		--timeout $$(( $(SOAK_RESETS) * 30 + 120 )) --put resets=<(echo $(SOAK_RESETS))
	@cat $(BUILD)/logs/soak/mbox/cycles | awk '{a += $$4; f += $$6} END {print "soak: " NR " boots, " a " records archived intact, " f " flagged"}'

# The reader's parser under libFuzzer: a long run here, a short one in make test.
FUZZ_TIME ?= 600
fuzz: deps
	@$(MAKE) -s -C tools/pstore-reader fuzz O=$(BUILD)/fuzz FUZZ_TIME=$(FUZZ_TIME)

# The kernel side as a git format-patch series with a cover letter.
series: $(PRISTINE)/Makefile
	@scripts/make-series.sh $(KVER) $(BUILD)/series-$(KVER) > /dev/null
	@echo "  SERIES  $(BUILD)/series-$(KVER)/"
	@ls $(BUILD)/series-$(KVER)/

clean:
	rm -rf $(OUT) $(INITRD) $(GUEST)
	@$(MAKE) -s -C tools/pstore-reader clean

distclean:
	rm -rf $(BUILD)
