// Runs in the page's own world at document_start, beside the isolated content script. Some held actions can only be
// performed from the page's world: Chrome does not let an extension's isolated world follow a `javascript:` link
// (as Dangdang's 确认收货 is). The content script marks the element and asks; this clicks it with the page's own
// click(), captured before any page script could replace it. A page script could ask the same, but it can already
// click any element itself, so nothing is given away.
const REPLAY_EVENT = 'receiptguard-replay';
const REPLAY_ATTRIBUTE = 'data-receiptguard-replay';
const click = HTMLElement.prototype.click;

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
