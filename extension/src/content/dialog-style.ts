// Styles of the dialog and the notice, inside their shadow roots (page CSS cannot reach them, and they cannot leak
// out). Sizes in rem so they follow the browser's zoom; the dialog scrolls within the viewport and keeps its buttons
// in view, so it stays usable at 200% zoom.
const common = `
:host { all: initial; }
* { box-sizing: border-box; }
.surface {
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif;
  color: #1d1d1f; background: #fff;
}
button { font: inherit; padding: .5rem 1.1rem; border-radius: .5rem; cursor: pointer; border: 1px solid #c7c7cc; background: #f5f5f7; color: inherit; }
button:focus-visible, input:focus-visible { outline: 3px solid #2563eb; outline-offset: 2px; }
@media (prefers-color-scheme: dark) {
  .surface { color: #ececf1; background: #222228; }
  button { background: #2e2e36; border-color: #4a4a55; }
}
`;

export const dialogCss = `${common}
.backdrop {
  position: fixed; inset: 0; display: flex; align-items: center; justify-content: center;
  background: rgb(0 0 0 / 45%); padding: 1rem; overflow: auto;
}
.dialog {
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif;
  color: #1d1d1f; background: #fff; border-radius: .75rem; width: min(36rem, 100%); max-height: calc(100vh - 2rem);
  overflow: auto; padding: 1.25rem 1.5rem 0; box-shadow: 0 .75rem 2.5rem rgb(0 0 0 / 35%);
  /* What is scrolled into view (a focused checkbox) stays clear of the sticky buttons. */
  scroll-padding-bottom: 5rem;
}
h2 { margin: 0 0 .5rem; font-size: 1.25rem; }
p { margin: .4rem 0; }
.clicked, .evidence { color: #5f6368; font-size: .9rem; }
dl.summary { display: grid; grid-template-columns: max-content 1fr; gap: .15rem .9rem; margin: .75rem 0; padding: .6rem .8rem; background: #f5f5f7; border-radius: .5rem; font-size: .95rem; }
dl.summary dt { color: #5f6368; }
dl.summary dd { margin: 0; overflow-wrap: anywhere; }
ul.warnings { list-style: none; padding: 0; margin: .75rem 0; display: grid; gap: .4rem; }
li.warning { padding: .5rem .75rem .5rem 2.1rem; border-radius: .5rem; background: #fff7ed; border: 1px solid #fdba74; position: relative; font-size: .95rem; }
li.warning::before { content: "⚠"; position: absolute; left: .7rem; top: .45rem; color: #c2410c; }
li.warning.deadline { background: #eff6ff; border-color: #93c5fd; }
li.warning.deadline::before { content: "ℹ"; color: #1d4ed8; }
fieldset.checklist { border: 1px solid #d9d9de; border-radius: .5rem; margin: .75rem 0; padding: .5rem .8rem; }
legend { font-weight: 600; padding: 0 .3rem; }
label.check { display: grid; grid-template-columns: auto 1fr; gap: .1rem .6rem; align-items: start; padding: .35rem 0; cursor: pointer; }
label.check input { margin: .3rem 0 0; width: 1.1rem; height: 1.1rem; }
small.scam { grid-column: 2; color: #9a3412; font-size: .85rem; }
.type { margin: .75rem 0; display: grid; gap: .35rem; }
.type input { font: inherit; padding: .45rem .6rem; border-radius: .4rem; border: 1px solid #9ca3af; }
.actions {
  position: sticky; bottom: 0; display: flex; gap: .75rem; justify-content: flex-end; flex-wrap: wrap;
  margin: 0 -1.5rem; padding: .9rem 1.5rem 1.1rem; background: inherit; border-top: 1px solid #e5e5ea;
}
button.confirm { background: #c2410c; border-color: #c2410c; color: #fff; }
button.confirm:disabled { background: #e5e7eb; border-color: #d1d5db; color: #6b7280; cursor: not-allowed; }
@media (prefers-color-scheme: dark) {
  .dialog { color: #ececf1; background: #222228; }
  .clicked, .evidence, dl.summary dt { color: #a1a1aa; }
  dl.summary { background: #2e2e36; }
  li.warning { background: #3b2412; border-color: #9a3412; }
  li.warning.deadline { background: #172554; border-color: #1d4ed8; }
  fieldset.checklist { border-color: #4a4a55; }
  small.scam { color: #fdba74; }
  .type input { background: #2e2e36; color: inherit; border-color: #4a4a55; }
  .actions { border-color: #3a3a44; }
  button { background: #2e2e36; border-color: #4a4a55; }
  button.confirm { background: #ea580c; border-color: #ea580c; }
  button.confirm:disabled { background: #3a3a44; border-color: #4a4a55; color: #9ca3af; }
}
`;

export const noticeCss = `${common}
.notice {
  position: fixed; right: 1rem; bottom: 1rem; width: min(26rem, calc(100vw - 2rem)); padding: .9rem 1rem;
  border-radius: .75rem; box-shadow: 0 .5rem 2rem rgb(0 0 0 / 30%); border-left: .35rem solid #15803d;
}
.notice.warn { border-left-color: #c2410c; }
.notice.error { border-left-color: #b91c1c; }
.notice p { margin: 0 0 .6rem; }
.links { display: flex; flex-wrap: wrap; gap: .5rem; }
.links button { padding: .35rem .8rem; font-size: .9rem; }
button.close { position: absolute; top: .35rem; right: .4rem; border: 0; background: none; font-size: 1.1rem; padding: .2rem .5rem; }
`;
