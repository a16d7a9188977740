// Runs in the page's own world at document_start, beside the isolated content script, for the two things only the
// page's world does well:
// - Following a `javascript:` link after Confirm: Chrome does not let an extension's isolated world do it (Dangdang's
//   确认收货 is such a link). The content script marks the element and asks; this clicks it with the page's own
//   click(), captured before any page script could replace it.
// - The first full scan for labels: walking every text node costs several times more from the isolated world (each
//   node needs a wrapper there) than from the page's. This walks and marks the few candidate elements; the content
//   script checks each one itself, so a page that tampered with this could only hide marks, never confirm anything.
// A page script could send the same requests, but it can already click any element and set any attribute itself.
const REPLAY_EVENT = 'receiptguard-replay';
const REPLAY_ATTRIBUTE = 'data-receiptguard-replay';
const SCAN_EVENT = 'receiptguard-scan';
const SCAN_ATTRIBUTE = 'data-receiptguard-scan';
const CANDIDATE_ATTRIBUTE = 'data-receiptguard-candidate';
const MAX_TEXT = 64;

const click = HTMLElement.prototype.click;
const createTreeWalker = Document.prototype.createTreeWalker;
const nextNode = TreeWalker.prototype.nextNode;
const setAttribute = Element.prototype.setAttribute;

window.addEventListener(
  REPLAY_EVENT,
  (event) => {
    const target = event.target;
    if (!(target instanceof HTMLElement) || !target.hasAttribute(REPLAY_ATTRIBUTE)) return;
    event.stopImmediatePropagation();
    target.removeAttribute(REPLAY_ATTRIBUTE);
    click.call(target);
  },
  true,
);

window.addEventListener(
  SCAN_EVENT,
  (event) => {
    const root = document.documentElement;
    if (event.target !== root || !root.hasAttribute(SCAN_ATTRIBUTE)) return;
    event.stopImmediatePropagation();
    let pattern: RegExp;
    try {
      pattern = new RegExp(root.getAttribute(SCAN_ATTRIBUTE)!, 'i');
    } catch {
      return;
    }
    root.removeAttribute(SCAN_ATTRIBUTE);
    const walker = createTreeWalker.call(document, root, NodeFilter.SHOW_TEXT);
    for (let text = nextNode.call(walker) as Text | null; text !== null; text = nextNode.call(walker) as Text | null) {
      const data = text.data;
      if (data.length <= MAX_TEXT && pattern.test(data) && text.parentElement) setAttribute.call(text.parentElement, CANDIDATE_ATTRIBUTE, '');
    }
  },
  true,
);
