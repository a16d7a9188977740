// Styles of the confirmation dialog, inside its shadow root (page CSS cannot reach them, and they cannot leak out).
export const dialogCss = `
:host { all: initial; }
.backdrop {
  position: fixed; inset: 0; display: flex; align-items: center; justify-content: center;
  background: rgb(0 0 0 / 45%); padding: 1rem; box-sizing: border-box; overflow: auto;
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif;
}
.dialog {
  color: #1d1d1f; background: #fff; border-radius: 12px; max-width: 32rem; width: 100%;
  padding: 1.25rem 1.5rem; box-shadow: 0 12px 40px rgb(0 0 0 / 35%); box-sizing: border-box;
}
h2 { margin: 0 0 .5rem; font-size: 1.25rem; }
p { margin: .5rem 0; }
.page { color: #5f6368; font-size: .9rem; overflow-wrap: anywhere; }
.evidence { color: #5f6368; font-size: .9rem; }
.actions { display: flex; gap: .75rem; justify-content: flex-end; margin-top: 1rem; flex-wrap: wrap; }
button { font: inherit; padding: .5rem 1.1rem; border-radius: 8px; cursor: pointer; border: 1px solid #c7c7cc; background: #f5f5f7; color: inherit; }
button.confirm { background: #c2410c; border-color: #c2410c; color: #fff; }
button:focus-visible { outline: 3px solid #2563eb; outline-offset: 2px; }
@media (prefers-color-scheme: dark) {
  .dialog { color: #ececf1; background: #222228; }
  .page, .evidence { color: #a1a1aa; }
  button { background: #2e2e36; border-color: #4a4a55; }
  button.confirm { background: #ea580c; border-color: #ea580c; }
}
`;
