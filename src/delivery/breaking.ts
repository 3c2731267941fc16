/**
 * Whether a story is breaking news: its outlet says so in the headline ("BREAKING:", "Urgent –",
 * "Терміново:", "⚡"). Breaking briefs jump the queue, reach digest chats at once and, where a
 * chat allows it, come through quiet hours.
 */
const MARKER = /^\s*(?:⚡|🔴|❗|‼️)?\s*(?:breaking(?:\s+news)?|urgent|just\s+in|flash|терміново|блискавка|срочно|молния)(?![\p{L}\p{N}])\s*[:!\-–—|]/iu;

export function isBreaking(title: string): boolean {
  return MARKER.test(title) || /^\s*(?:⚡|🔴)/u.test(title);
}
