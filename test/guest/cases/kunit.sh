# SPDX-License-Identifier: GPL-2.0-only
#
# The KUnit suite ran during boot (kunit.enable=1 on the command line); its
# KTAP output is in the log, which the host parses (test/ktap.py).
save_dmesg /mbox/dmesg.txt
check "KUnit ran the error_report_notify suite" grep -q "# Subtest: error_report_notify" /mbox/dmesg.txt
check "KUnit ran the ramoops_error_report suite" grep -q "# Subtest: ramoops_error_report" /mbox/dmesg.txt
