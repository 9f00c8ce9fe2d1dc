/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * ramoops' error report region: slots of reserved RAM, each error_report
 * record taking a run of them. ram.c gives the region its part of the
 * reserved memory and calls these from its pstore callbacks.
 */
#ifndef __PSTORE_RAM_ERROR_REPORT_H__
#define __PSTORE_RAM_ERROR_REPORT_H__

#include <linux/atomic.h>
#include <linux/time64.h>
#include <linux/types.h>

struct device;
struct persistent_ram_ecc_info;
struct persistent_ram_zone;
struct pstore_record;
struct ramoops_platform_data;

/* A header and a few lines of text, or a compressed KASAN report's part. */
#define RAMOOPS_ER_DEFAULT_SLOT_SIZE 512UL

/**
 * struct ramoops_er_slots - the error report region of a ramoops context
 * @przs: one zone per slot, all in the one mapping of the region
 * @state: per slot, enum ramoops_er_slot_state
 * @span: per slot, the number of slots of the report starting there, 0 in
 *        a slot a report continues in or a free one
 * @time: per slot, the time of the report starting there, as its time
 *        header has it (a record's id tells its report by it)
 * @hlen: per slot, the length of the time header of a report being
 *        written there (ramoops_er_open())
 * @vaddr: where the region is mapped
 * @paddr: where the region starts
 * @size: the size of the region, 0 if it is disabled
 * @slot_size: the size of a slot
 * @cnt: the number of slots
 * @max_span: the most slots a report takes
 * @hold: the most slots a report holds when it starts to print
 * @next: where a search for free slots from the region's start begins:
 *        the slot after the last run claimed so, or after what its record
 *        kept when it closed (a hint, read and set without a lock)
 * @unread: the records written as they print that pstore has not read yet
 * @unread_map: per slot, whether the record starting there is one of them
 * @read_cnt: the next slot pstore's reading of the backend looks at
 */
struct ramoops_er_slots {
	struct persistent_ram_zone *przs;
	atomic_t *state;
	unsigned int *span;
	struct timespec64 *time;
	u8 *hlen;
	void *vaddr;
	phys_addr_t paddr;
	size_t size;
	size_t slot_size;
	unsigned int cnt;
	unsigned int max_span;
	unsigned int hold;
	unsigned int next;
	atomic_t unread;
	unsigned long *unread_map;
	unsigned int read_cnt;
};

void ramoops_er_check(struct device *dev, struct ramoops_platform_data *pdata);
int ramoops_er_init(struct ramoops_er_slots *er, struct device *dev,
		    phys_addr_t paddr, size_t size, size_t slot_size,
		    unsigned int memtype,
		    struct persistent_ram_ecc_info *ecc_info);
void ramoops_er_free(struct ramoops_er_slots *er);
size_t ramoops_er_max_record(const struct ramoops_er_slots *er);
ssize_t ramoops_er_read(struct ramoops_er_slots *er,
			struct pstore_record *record);
ssize_t ramoops_er_read_id(struct ramoops_er_slots *er,
			   struct pstore_record *record);
int ramoops_er_write(struct ramoops_er_slots *er,
		     struct pstore_record *record);
int ramoops_er_open(struct ramoops_er_slots *er, struct pstore_record *record);
int ramoops_er_stream_write(struct ramoops_er_slots *er,
			    struct pstore_record *record, size_t offset);
int ramoops_er_close(struct ramoops_er_slots *er, struct pstore_record *record);
int ramoops_er_erase(struct ramoops_er_slots *er,
		     struct pstore_record *record);

#endif
