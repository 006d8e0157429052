// A background tab of the extension's own, debugged through chrome.debugger for one capture: the
// capture navigates it from URL to URL (cdp-transport.mjs) and never touches the user's tabs.
//
// openDebuggerSession({onLost}) → Promise<session>
//   session.send(method, params) → Promise<result>: a DevTools protocol command to the tab. A
//     command refused because the browser took the tab over (see TAB_TAKEN_OVER) marks the tab
//     lost and calls the onTabLost listeners; the next ensureAttached() gives a fresh tab.
//   session.onEvent(listener(method, params)): the tab's protocol events.
//   session.onTabLost(listener()): called (once per tab) when the tab is found lost.
//   session.ensureAttached() → Promise<generation>: the tab, debugged. When the debugger was
//     detached, the tab was lost or renewTab() was called, the tab is closed and a fresh one is
//     opened and attached. generation counts attachments: a user of the session sets up its
//     protocol domains again when it changes.
//   session.renewTab(): the tab is not to be used again: the next ensureAttached() replaces it.
//     (After a navigation ended in a certificate error: the browser shows its interstitial in that
//     tab some time later, possibly during the next navigation, and then refuses every command.)
//   session.close() → Promise: detaches and closes the tab (never rejects; safe to call twice).
//   session.abandon(): the same, at once and without waiting (for a page that is going away: only
//     what is sent before it goes is done; closing the tab detaches the debugger with it).
//   onLost(reason): called when the user ends the debugging themselves (the browser's "cancel"
//     on its debugging bar: reason "canceled_by_user") or closes the tab ("target_closed"); the
//     capture then stops.
// Throws when the tab cannot be created or debugged within ATTACH_TRIES attempts.
export const ATTACH_TRIES = 50;
const ATTACH_PAUSE_MS = 100;
const PROTOCOL_VERSION = '1.3';

// What chrome.debugger answers for a tab the browser took over: one of its own pages is shown
// there (a certificate error's interstitial; the debugger stays attached and no onDetach comes),
// or the debugger is no longer attached to it.
const TAB_TAKEN_OVER = /Cannot attach to this target|is not attached to the|Detached while handling command/i;

const pause = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

export async function openDebuggerSession({ onLost } = {}) {
  let tabId = null;
  let attached = false;
  let usable = false; // false once the tab is lost or renewTab() was called
  let generation = 0;
  let closed = false;
  const listeners = [];
  const lostListeners = [];

  const onEvent = (source, method, params) => {
    if (source.tabId !== tabId) return;
    for (const listener of listeners) listener(method, params ?? {});
  };
  const onDetach = (source, reason) => {
    if (source.tabId !== tabId) return;
    attached = false;
    if (!closed && (reason === 'canceled_by_user' || reason === 'target_closed')) onLost?.(reason);
  };
  chrome.debugger.onEvent.addListener(onEvent);
  chrome.debugger.onDetach.addListener(onDetach);

  const markLost = (id) => {
    if (id !== tabId || !usable) return;
    usable = false;
    for (const listener of lostListeners) listener();
  };

  // Detaches from the current tab and closes it (its events and detach are ignored from then on).
  async function dropTab() {
    const id = tabId;
    tabId = null;
    usable = false;
    if (id === null) return;
    if (attached) await chrome.debugger.detach({ tabId: id }).catch(() => {});
    attached = false;
    await chrome.tabs.remove(id).catch(() => {});
  }

  // A fresh tab, debugged. A tab just created cannot always be attached at once.
  async function openTab() {
    const tab = await chrome.tabs.create({ url: 'about:blank', active: false });
    if (closed) {
      await chrome.tabs.remove(tab.id).catch(() => {});
      throw new Error('the capture was ended');
    }
    tabId = tab.id;
    for (let i = 1; ; i++) {
      try {
        await chrome.debugger.attach({ tabId }, PROTOCOL_VERSION);
        attached = true;
        usable = true;
        generation++;
        return;
      } catch (e) {
        if (i >= ATTACH_TRIES || closed) throw new Error(`the capture tab cannot be debugged: ${e.message}`);
        await pause(ATTACH_PAUSE_MS);
      }
    }
  }

  const forget = () => {
    closed = true;
    chrome.debugger.onEvent.removeListener(onEvent);
    chrome.debugger.onDetach.removeListener(onDetach);
  };
  const session = {
    send(method, params) {
      const id = tabId;
      return chrome.debugger.sendCommand({ tabId: id }, method, params).catch((e) => {
        if (TAB_TAKEN_OVER.test(e?.message ?? '')) markLost(id);
        throw e;
      });
    },
    onEvent: (listener) => { listeners.push(listener); },
    onTabLost: (listener) => { lostListeners.push(listener); },
    async ensureAttached() {
      if (closed) throw new Error('the capture was ended');
      if (!attached || !usable) {
        await dropTab();
        await openTab();
      }
      return generation;
    },
    renewTab() {
      usable = false;
    },
    abandon() {
      if (closed) return;
      forget();
      if (tabId !== null) chrome.tabs.remove(tabId).catch(() => {});
    },
    async close() {
      if (closed) return;
      forget();
      await dropTab();
    },
  };
  try {
    await openTab();
  } catch (e) {
    await session.close();
    throw e;
  }
  return session;
}
