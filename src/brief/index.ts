/** The brief engine: an Article in, a Brief out, and its rendering for Telegram. */
export type { Brief, BriefOptions, BriefStatus } from "./types.ts";
export { buildBrief, summarize, MIN_BODY_WORDS } from "./build.ts";
export { splitSentences } from "./sentences.ts";
export { renderBrief, ageText, MESSAGE_LIMIT, CAPTION_LIMIT } from "./render.ts";
export type { RenderOptions, RenderedBrief, BriefLinkPreview } from "./render.ts";
export { escapeHtml, toHashtag, safeHttpUrl, cleanInline, shorten } from "./telegram-text.ts";
