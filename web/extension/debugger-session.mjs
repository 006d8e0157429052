// A background tab of the extension's own, debugged through chrome.debugger for one capture: the
// capture navigates it from URL to URL (cdp-transport.mjs) and never touches the user's tabs.
//
// openDebuggerSession({onLost}) → Promise<session>
//   session.send(method, params) → Promise<result>: a DevTools protocol command to the tab.
//   session.onEvent(listener(method, params)): the tab's protocol events.
//   session.ensureAttached() → Promise<generation>: attaches again when the debugger was detached
//     (the browser detaches it when the tab shows one of its own pages, e.g. a certificate error
//     interstitial), after taking the tab back to about:blank. generation counts attachments: a
//     user of the session sets up its protocol domains again when it changes.
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

const pause = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

export async function openDebuggerSession({ onLost } = {}) {
  const tab = await chrome.tabs.create({ url: 'about:blank', active: false });
  const target = { tabId: tab.id };
  let attached = false;
  let generation = 0;
  let closed = false;
  const listeners = [];

  const onEvent = (source, method, params) => {
    if (source.tabId !== tab.id) return;
    for (const listener of listeners) listener(method, params ?? {});
  };
  const onDetach = (source, reason) => {
    if (source.tabId !== tab.id) return;
    attached = false;
    if (!closed && (reason === 'canceled_by_user' || reason === 'target_closed')) onLost?.(reason);
  };
  chrome.debugger.onEvent.addListener(onEvent);
  chrome.debugger.onDetach.addListener(onDetach);

  // A tab just created (or just taken back from a browser page) cannot be attached at once.
  async function attach() {
    for (let i = 1; ; i++) {
      try {
        await chrome.debugger.attach(target, PROTOCOL_VERSION);
        attached = true;
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
    send: (method, params) => chrome.debugger.sendCommand(target, method, params),
    onEvent: (listener) => { listeners.push(listener); },
    async ensureAttached() {
      if (closed) throw new Error('the capture was ended');
      if (!attached) {
        await chrome.tabs.update(tab.id, { url: 'about:blank' }).catch(() => {});
        await attach();
      }
      return generation;
    },
    abandon() {
      if (closed) return;
      forget();
      chrome.tabs.remove(tab.id).catch(() => {});
    },
    async close() {
      if (closed) return;
      forget();
      if (attached) await chrome.debugger.detach(target).catch(() => {});
      attached = false;
      await chrome.tabs.remove(tab.id).catch(() => {});
    },
  };
  try {
    await attach();
  } catch (e) {
    await session.close();
    throw e;
  }
  return session;
}
