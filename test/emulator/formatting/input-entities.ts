// The `entities` / `caption_entities` parameter: a JSON array of MessageEntity given by the bot
// instead of a parse_mode. Shapes are checked the way the Bot API checks them.
import type { MessageEntity } from "grammy/types";
import { badRequest } from "../api-error.ts";
import { checkedLink, sortEntities } from "./entity-utils.ts";
import type { UserLookup } from "./types.ts";

const PLAIN_TYPES = new Set([
  "mention", "hashtag", "cashtag", "bot_command", "url", "email", "phone_number", "bold", "italic",
  "underline", "strikethrough", "spoiler", "blockquote", "expandable_blockquote", "code",
]);

export function parseInputEntities(raw: unknown, lookupUser: UserLookup): MessageEntity[] {
  let value = raw;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      throw badRequest("Can't parse entities JSON object");
    }
  }
  if (!Array.isArray(value)) throw badRequest("Can't parse entities: expected an Array of MessageEntity");
  return sortEntities(value.map((item: unknown) => parseOne(item, lookupUser)));
}

function parseOne(item: unknown, lookupUser: UserLookup): MessageEntity {
  if (typeof item !== "object" || item === null) throw badRequest("Can't parse entities: expected a MessageEntity object");
  const record = item as Record<string, unknown>;
  const type = record["type"];
  const offset = record["offset"];
  const length = record["length"];
  if (typeof type !== "string") throw badRequest("Can't parse entities: field \"type\" must be of type String");
  if (!Number.isInteger(offset)) throw badRequest("Can't parse entities: field \"offset\" must be of type Number");
  if (!Number.isInteger(length)) throw badRequest("Can't parse entities: field \"length\" must be of type Number");
  const span = { offset: offset as number, length: length as number };
  if (PLAIN_TYPES.has(type)) return { type: type as MessageEntity.CommonMessageEntity["type"], ...span };
  switch (type) {
    case "pre": {
      const language = record["language"];
      return typeof language === "string" && language !== "" ? { type, ...span, language } : { type, ...span };
    }
    case "text_link": {
      const url = record["url"];
      if (typeof url !== "string") throw badRequest("Can't parse entities: field \"url\" must be of type String");
      const link = checkedLink(url);
      if (link === "") throw badRequest("Entity URL is invalid");
      return { type, ...span, url: link };
    }
    case "text_mention": {
      const user = record["user"] as { id?: unknown } | undefined;
      if (typeof user?.id !== "number") throw badRequest("Can't parse entities: field \"user\" must be of type Object");
      const known = lookupUser(user.id);
      if (known === undefined) throw badRequest("User not found");
      return { type, ...span, user: known };
    }
    case "custom_emoji": {
      const id = record["custom_emoji_id"];
      if (typeof id !== "string" || !/^\d+$/.test(id)) throw badRequest("Invalid custom emoji identifier specified");
      return { type, ...span, custom_emoji_id: id };
    }
    default:
      throw badRequest(`Can't parse entities: unsupported entity type "${type}"`);
  }
}
