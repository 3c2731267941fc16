// answerCallbackQuery and answerInlineQuery: a query can be answered once, and only while fresh.
import { badRequest } from "../api-error.ts";
import type { EmulatorCore, MethodHandler, QueryRecord } from "../emulator-core.ts";
import { optJson, optString, paramsForLog, type Params } from "../params.ts";

const TOO_OLD = "Query is too old and response timeout expired or query ID is invalid";

function freshQuery<Q extends QueryRecord>(core: EmulatorCore, queries: Map<string, Q>, id: string | undefined): Q {
  const query = id === undefined ? undefined : queries.get(id);
  if (query === undefined || query.answer !== undefined || Date.now() - query.createdAt > core.options.queryAnswerTimeoutMs) {
    throw badRequest(TOO_OLD);
  }
  return query;
}

const answerCallbackQuery: MethodHandler = (core, params) => {
  const query = freshQuery(core, core.callbackQueries, optString(params, "callback_query_id"));
  const text = optString(params, "text");
  if (text !== undefined && text.length > 200) throw badRequest("MESSAGE_TOO_LONG");
  const url = optString(params, "url");
  if (url !== undefined && !/^(https?|tg):\/\//.test(url)) throw badRequest("URL_INVALID");
  const answer: Params = paramsForLog(params);
  query.answer = answer;
  query.answeredAt = Date.now();
  core.callbackAnswers.add(query.id, answer);
  return true;
};

const RESULT_TYPES = new Set([
  "article", "photo", "gif", "mpeg4_gif", "video", "audio", "voice", "document", "location", "venue", "contact", "game", "sticker",
]);

const answerInlineQuery: MethodHandler = (core, params) => {
  const query = freshQuery(core, core.inlineQueries, optString(params, "inline_query_id"));
  const results = optJson(params, "results", "Can't parse inline query results JSON object");
  if (!Array.isArray(results)) throw badRequest("Can't parse inline query results JSON object");
  if (results.length > 50) throw badRequest("RESULTS_TOO_MUCH");
  const ids = new Set<string>();
  for (const result of results as { type?: unknown; id?: unknown }[]) {
    if (typeof result.type !== "string" || !RESULT_TYPES.has(result.type)) throw badRequest("Unsupported inline query result type");
    if (typeof result.id !== "string" || result.id === "" || Buffer.byteLength(result.id) > 64) throw badRequest("RESULT_ID_INVALID");
    if (ids.has(result.id)) throw badRequest("RESULT_ID_DUPLICATE");
    ids.add(result.id);
  }
  const answer: Params = { ...paramsForLog(params), results };
  query.answer = answer;
  query.answeredAt = Date.now();
  core.inlineAnswers.add(query.id, answer);
  return true;
};

export const queryMethods: Record<string, MethodHandler> = { answerCallbackQuery, answerInlineQuery };
