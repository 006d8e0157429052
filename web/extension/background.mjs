// The extension's service worker: a click on the toolbar button opens the capture page for the
// tab it was clicked on (activeTab grants the page its URL for this click only). It holds no
// state and does no capture itself (a service worker may be stopped at any time; the capture runs
// in the page, which stays open while it works).
//
// openCapture(tab: {id, url, index?, windowId?}) → Promise<tab>: opens
//   extension/capture.html?tab=<id>&url=<url> next to that tab. Also the handler of the click;
//   exposed as globalThis.portalCheckOpenCapture for the browser tests (a test cannot click the
//   toolbar).
export async function openCapture(tab) {
  const page = new URL(chrome.runtime.getURL('extension/capture.html'));
  page.searchParams.set('tab', String(tab.id ?? ''));
  page.searchParams.set('url', tab.url ?? '');
  const where = tab.index === undefined ? {} : { index: tab.index + 1, windowId: tab.windowId };
  return chrome.tabs.create({ url: page.href, ...where });
}

chrome.action.onClicked.addListener((tab) => { openCapture(tab); });
globalThis.portalCheckOpenCapture = openCapture;
