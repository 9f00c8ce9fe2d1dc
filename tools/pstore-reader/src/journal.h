/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Reports to the systemd journal, as structured entries.
 */
#ifndef PSTORE_READER_JOURNAL_H
#define PSTORE_READER_JOURNAL_H

#include "report.h"

/*
 * MESSAGE_ID of a kernel error report entry; its catalog entry is
 * dist/pstore-reader.catalog (journalctl -x shows it).
 */
#define JOURNAL_MESSAGE_ID "6b2e3c4d9a1f4c7e8d5b0a9f3e2d1c0b"

#define JOURNAL_MAX_FIELDS 16

/*
 * PRIORITY of @rep: crit (2) for a panic dump, warning (4) for a WARN,
 * err (3) for every other detector (KASAN, KFENCE, UBSAN, lockups, hung
 * tasks, RCU stalls, oopses, lockdep, unknown ones) and other bugs.
 */
int journal_priority(const struct report *rep);

/*
 * The journal fields of @rep, as "NAME=value" strings in @fields (each
 * malloc'ed; free them). Returns how many.
 */
int journal_fields(const struct report *rep, char **fields, int max);

/*
 * Send @rep to the journal. Returns 0, or -errno; -ENOSYS when built
 * without libsystemd or when libsystemd.so.0 cannot be opened (said once).
 */
int journal_send(const struct report *rep);

#endif
