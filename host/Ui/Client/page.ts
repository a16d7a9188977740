export function showError(message: string): void {
  const box = document.getElementById('error');
  if (!box) return;
  box.textContent = message;
  box.hidden = false;
}
