/** Telegram HTML needs `&`, `<` and `>` escaped in every string that did not come from us. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
