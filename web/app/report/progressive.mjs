// Appending many report nodes without freezing the page: the first few at once, the rest in small
// batches, one batch per task (a timer between batches), each batch's style and layout done in its
// own task, so no single task builds and lays out hundreds of finding cards.
//
// appendInBatches(items, append, {first = 6, batch = 6, isCurrent = () => true})
//   → Promise<boolean>: calls append(item) for every item in order; `first` of them synchronously
//   (before this function returns), then `batch` per later task. Stops early, resolving false, as
//   soon as isCurrent() is false (a newer render replaced the list); true once all were appended.
//   append may throw: the promise then rejects and no further item is appended.

function nextTask() {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export async function appendInBatches(items, append, { first = 6, batch = 6, isCurrent = () => true } = {}) {
  let at = 0;
  const run = (count) => {
    const end = Math.min(items.length, at + count);
    for (; at < end; at++) append(items[at]);
  };
  run(first);
  while (at < items.length) {
    await nextTask();
    if (!isCurrent()) return false;
    run(batch);
    // Lay the batch out now, inside this task, rather than letting several batches pile up into
    // one rendering step.
    void document.body.offsetHeight;
  }
  return true;
}
