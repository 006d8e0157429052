// The entry order of a capture's HAR, kept apart from where the entries' bytes live: the capture
// reserves a slot per task in the order its entries must appear, and fills slots in any order as
// requests complete. Used by har-file-writer.mjs (Node, bytes in a spool file) and
// har-memory-writer.mjs (the browser extension, bytes in memory). Pure.
//
// createHarSlots() → slots
//   slots.reserve() → slot: the next place in the order.
//   slots.put(slot, part, pieces): a slot may be filled in several parts (e.g. a page's
//     subresources, each when it completes); the order lists a slot's parts in part order.
//   slots.ordered() → every piece put, in slot order then part order (empty slots skipped).
export function createHarSlots() {
  const slots = [];
  return {
    reserve() {
      slots.push(null);
      return slots.length - 1;
    },
    put(slot, part, pieces) {
      if (!slots[slot]) slots[slot] = [];
      slots[slot][part] = pieces;
    },
    ordered() {
      return slots.flatMap((parts) => (parts ?? []).flatMap((pieces) => pieces ?? []));
    },
  };
}
