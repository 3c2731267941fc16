/** /search <words>: the newest briefs relevant to the words, paged (the pages turn through `find:` buttons). */
import { Composer } from "grammy";
import type { BotContext } from "../context.ts";
import { searchAnswer } from "../related/answers.ts";
import { MAX_QUERY_CHARS, parseQuery } from "../related/input.ts";
import { send } from "./related.ts";

export function searchFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command("search", async (ctx) => {
    const input = parseQuery(ctx.match);
    if (input.kind === "words") return send(ctx, await searchAnswer(ctx, input.words));
    // A link, nothing, or nothing searchable: say what /search takes.
    const key = input.kind === "too-long" ? "related-too-long" : input.kind === "no-words" ? "related-no-words" : "search-usage";
    await ctx.reply(ctx.t(key, { max: MAX_QUERY_CHARS }), { parse_mode: "HTML", reply_parameters: { message_id: ctx.msgId ?? 0, allow_sending_without_reply: true } });
  });

  return feature;
}
