import { Bot, GrammyError, InlineKeyboard, InputFile } from "grammy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { botFor, failure, startPolling } from "./helpers.ts";
import { startEmulator, type TelegramEmulator } from "./index.ts";

let emulator: TelegramEmulator;
let bot: Bot;
beforeEach(async () => {
  emulator = await startEmulator({ flood: false });
  bot = botFor(emulator);
});
afterEach(async () => {
  await emulator.close();
});

describe("editing and deleting", () => {
  it("edits text, applies it to botMessages, and refuses an identical edit", async () => {
    const chat = emulator.privateChat(emulator.createUser());
    const sent = await bot.api.sendMessage(chat.id, "Working…");
    const edited = await bot.api.editMessageText(chat.id, sent.message_id, "<b>Done</b>", { parse_mode: "HTML" });
    expect(edited).toMatchObject({ message_id: sent.message_id, text: "Done", entities: [{ type: "bold", offset: 0, length: 4 }] });
    expect((edited as { edit_date?: number }).edit_date).toEqual(expect.any(Number));
    expect(emulator.botMessages(chat.id).map((m) => m.text)).toEqual(["Done"]);
    expect((await emulator.waitForBotEdit(chat.id)).text).toBe("Done");

    const same = await failure(bot.api.editMessageText(chat.id, sent.message_id, "<b>Done</b>", { parse_mode: "HTML" }));
    expect(same.error_code).toBe(400);
    expect(same.description).toBe(
      "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
    );
    // Same text but different formatting is a modification.
    await bot.api.editMessageText(chat.id, sent.message_id, "Done");
  });

  it("removes the keyboard when an edit omits reply_markup, and edits markup alone", async () => {
    const chat = emulator.privateChat(emulator.createUser());
    const keyboard = new InlineKeyboard().text("More", "more:1");
    const sent = await bot.api.sendMessage(chat.id, "Brief", { reply_markup: keyboard });
    expect(sent.reply_markup).toEqual({ inline_keyboard: [[{ text: "More", callback_data: "more:1" }]] });
    await bot.api.editMessageText(chat.id, sent.message_id, "Brief (updated)");
    expect(emulator.message(chat.id, sent.message_id)?.reply_markup).toBeUndefined();
    const notModified = await failure(bot.api.editMessageReplyMarkup(chat.id, sent.message_id));
    expect(notModified.description).toMatch(/^Bad Request: message is not modified/);
    await bot.api.editMessageReplyMarkup(chat.id, sent.message_id, { reply_markup: keyboard });
    expect(emulator.message(chat.id, sent.message_id)?.reply_markup).toEqual(sent.reply_markup);
  });

  it("answers 'message to edit not found' and 'message to delete not found'", async () => {
    const chat = emulator.privateChat(emulator.createUser());
    const sent = await bot.api.sendMessage(chat.id, "bye");
    expect(await bot.api.deleteMessage(chat.id, sent.message_id)).toBe(true);
    expect(emulator.botMessages(chat.id)).toEqual([]);
    expect((await failure(bot.api.editMessageText(chat.id, sent.message_id, "x"))).description).toBe("Bad Request: message to edit not found");
    expect((await failure(bot.api.deleteMessage(chat.id, sent.message_id))).description).toBe("Bad Request: message to delete not found");
  });

  it("edits a photo caption but not the text of a photo", async () => {
    const chat = emulator.privateChat(emulator.createUser());
    const photo = await bot.api.sendPhoto(chat.id, "https://example.com/cover.jpg", { caption: "<i>Cover</i>", parse_mode: "HTML" });
    expect(photo.caption).toBe("Cover");
    expect(photo.caption_entities).toEqual([{ type: "italic", offset: 0, length: 5 }]);
    const edited = await bot.api.editMessageCaption(chat.id, photo.message_id, { caption: "New cover" });
    expect((edited as { caption?: string }).caption).toBe("New cover");
    expect((await failure(bot.api.editMessageText(chat.id, photo.message_id, "x"))).description).toBe(
      "Bad Request: there is no text in the message to edit",
    );
  });
});

describe("sending", () => {
  it("validates inline keyboards: callback_data over 64 bytes is BUTTON_DATA_INVALID", async () => {
    const chat = emulator.privateChat(emulator.createUser());
    const tooLong = new InlineKeyboard().text("x", "é".repeat(33));
    const error = await failure(bot.api.sendMessage(chat.id, "hi", { reply_markup: tooLong }));
    expect(error.description).toBe("Bad Request: BUTTON_DATA_INVALID");
    await bot.api.sendMessage(chat.id, "hi", { reply_markup: new InlineKeyboard().text("x", "a".repeat(64)) });
  });

  it("sends photos by URL, by file_id and as uploads; refuses unknown file ids", async () => {
    const chat = emulator.privateChat(emulator.createUser());
    const byUrl = await bot.api.sendPhoto(chat.id, "https://example.com/a.jpg");
    const largest = byUrl.photo.at(-1);
    expect(largest?.file_id).toEqual(expect.any(String));
    const byId = await bot.api.sendPhoto(chat.id, largest?.file_id ?? "");
    expect(byId.photo).toEqual(byUrl.photo);
    const png = Buffer.alloc(64);
    png.writeUInt32BE(0x89504e47, 0);
    png.writeUInt32BE(640, 16);
    png.writeUInt32BE(480, 20);
    const uploaded = await bot.api.sendPhoto(chat.id, new InputFile(png, "chart.png"), { caption: "Chart" });
    expect(uploaded.photo.at(-1)).toMatchObject({ width: 640, height: 480 });
    expect(uploaded.caption).toBe("Chart");
    expect((await failure(bot.api.sendPhoto(chat.id, "nonsense"))).description).toBe("Bad Request: wrong file identifier/HTTP URL specified");
    emulator.markUrlUnreachable("https://example.com/gone.jpg");
    expect((await failure(bot.api.sendPhoto(chat.id, "https://example.com/gone.jpg"))).description).toBe(
      "Bad Request: failed to get HTTP URL content",
    );
  });

  it("replies, keeps link_preview_options and records chat actions", async () => {
    const user = emulator.createUser();
    const chat = emulator.privateChat(user);
    const question = emulator.userSends(chat, "what's new?");
    const answer = await bot.api.sendMessage(chat.id, "see https://example.com", {
      reply_parameters: { message_id: question.message_id },
      link_preview_options: { is_disabled: true },
    });
    expect(answer.reply_to_message).toMatchObject({ message_id: question.message_id, text: "what's new?" });
    expect(answer.link_preview_options).toEqual({ is_disabled: true });
    expect((await failure(bot.api.sendMessage(chat.id, "x", { reply_parameters: { message_id: 999 } }))).description).toBe(
      "Bad Request: message to be replied not found",
    );
    await bot.api.sendChatAction(chat.id, "typing");
    expect(emulator.chatActions(chat.id).map((a) => a.action)).toEqual(["typing"]);
    expect((await failure(bot.api.sendChatAction(chat.id, "dancing" as "typing"))).description).toBe(
      "Bad Request: wrong parameter action in request",
    );
  });

  it("copies and forwards messages", async () => {
    const alice = emulator.createUser({ firstName: "Alice" });
    const bob = emulator.createUser({ firstName: "Bob" });
    const original = emulator.userSends(emulator.privateChat(alice), "an article");
    const copy = await bot.api.copyMessage(bob.id, alice.id, original.message_id);
    expect(emulator.message(bob.id, copy.message_id)?.text).toBe("an article");
    const forwarded = await bot.api.forwardMessage(bob.id, alice.id, original.message_id);
    expect(forwarded.forward_origin).toMatchObject({ type: "user", sender_user: { id: alice.id } });
  });
});

describe("callback queries", () => {
  it("delivers the click with the original message and chat_instance; a query is answered once", async () => {
    bot.command("start", (ctx) => ctx.reply("Pick a topic", { reply_markup: new InlineKeyboard().text("Tech", "topic:tech") }));
    bot.callbackQuery(/^topic:(.+)$/, async (ctx) => {
      await ctx.answerCallbackQuery({ text: `Following ${ctx.match[1]}` });
      await ctx.editMessageText(`You follow ${ctx.match[1]} (message ${ctx.callbackQuery.message?.message_id}, ${ctx.callbackQuery.chat_instance})`);
    });
    const chat = emulator.privateChat(emulator.createUser());
    const { running } = await startPolling(bot, emulator);

    emulator.userSends(chat, "/start");
    const menu = await emulator.waitForBotMessage(chat.id);
    const queryId = emulator.userClicks(chat, menu.message_id, "topic:tech");
    expect(await emulator.waitForCallbackAnswer(queryId)).toMatchObject({ text: "Following tech" });
    const edited = await emulator.waitForBotEdit(chat.id);
    expect(edited.text).toMatch(new RegExp(`^You follow tech \\(message ${menu.message_id}, -?\\d+\\)$`));
    expect(emulator.answersTo(queryId)).toMatchObject({ text: "Following tech" });

    const twice = await failure(bot.api.answerCallbackQuery(queryId));
    expect(twice.description).toBe("Bad Request: query is too old and response timeout expired or query ID is invalid");
    expect(() => emulator.userClicks(chat, menu.message_id, "topic:sports")).toThrow(/no button with callback_data "topic:sports"/);

    await bot.stop();
    await running;
  });

  it("refuses to answer a query after the answer timeout", async () => {
    await emulator.close();
    emulator = await startEmulator({ queryAnswerTimeoutMs: 30 });
    bot = botFor(emulator);
    const chat = emulator.privateChat(emulator.createUser());
    const sent = await bot.api.sendMessage(chat.id, "x", { reply_markup: new InlineKeyboard().text("ok", "ok") });
    const queryId = emulator.userClicks(chat, sent.message_id, "ok");
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect((await failure(bot.api.answerCallbackQuery(queryId))).description).toMatch(/^Bad Request: query is too old/);
  });

  it("delivers inline queries and records the answer", async () => {
    const user = emulator.createUser();
    const queryId = emulator.inlineQuery(user, "climate");
    await bot.api.answerInlineQuery(queryId, [
      { type: "article", id: "a1", title: "Climate brief", input_message_content: { message_text: "..." } },
    ]);
    expect(emulator.inlineAnswersTo(queryId)).toMatchObject({ results: [{ id: "a1", title: "Climate brief" }] });
    const [update] = (await bot.api.getUpdates()).filter((u) => u.inline_query !== undefined);
    expect(update?.inline_query).toMatchObject({ id: queryId, query: "climate", from: { id: user.id } });
  });
});
