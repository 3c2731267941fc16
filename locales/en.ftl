## newsbrief — English
## Every user-facing string lives here and in uk.ftl; a test keeps the two in step.

## Commands (the menu next to the input field)
command-start = Welcome and what to try
command-help = What newsbrief can do
command-language = Change the language
command-topics = Choose topics to follow
command-subscribe = Follow a topic or your own words
command-unsubscribe = Stop following something
command-mysubs = What this chat follows
command-settings = Delivery, quiet hours, time zone
command-channel = Set up a channel you run

## Start and help
start-welcome =
    Hello, { $name }! I am <b>newsbrief</b>: I read the news and send you short briefs — the headline and the story in a few sentences — on the topics you follow.

    Choose what to follow with /topics, or send /help to see everything I can do. /language switches to Ukrainian.
help-intro = <b>newsbrief</b> turns news articles into short briefs and sends them to the chats that follow their topics.

## Language
language-choose = Choose the language of this chat:
language-changed = The chat now speaks English.

## Answers to everything else
unknown-command = I don't know { $command }. Send /help to see what I can do.
unknown-text = I answer commands only. Send /help to see them.
button-invalid = This button is no longer valid. Please open the menu again.
admins-only = Only the chat's administrators can change this.
error-generic = Something went wrong on our side. Please try again in a moment.

## Brief (the message or photo caption of one article)
brief-read-more = Read the full story
brief-age-now = just now
brief-age-minutes = { $count } min ago
brief-age-hours = { $count ->
    [one] { $count } hour ago
   *[other] { $count } hours ago
}
brief-age-days = { $count ->
    [one] { $count } day ago
   *[other] { $count } days ago
}
brief-date = { DATETIME($date, day: "numeric", month: "short", year: "numeric") }
brief-no-text = Could not read the article on the page. Open the full story on the site.
brief-too-short = The page has too little text for a brief. Open the full story on the site.

## Topics (/topics)
topics-intro = { $where ->
    [channel] Topics for the channel <b>{ $title }</b>. Tap one to follow it there; ✓ marks what the channel follows.
    [thread] Topics for this forum topic. Tap one to follow it here; ✓ marks what this topic follows.
   *[chat] Tap a topic to follow it in this chat; ✓ marks what it follows.
} (page { $page } of { $pages })
topics-previous = ‹ Back
topics-next = More ›
topics-own-words = ➕ Follow your own words…

## Subscribing (/subscribe, /unsubscribe, deep links)
subscribe-ask = { $where ->
    [channel] What should the channel <b>{ $title }</b> follow? Reply with a topic such as China, or your own words, e.g. <code>Odesa -football</code> or <code>"grain deal"</code>.
   *[other] What should I follow here? Reply with a topic such as China, or your own words, e.g. <code>Odesa -football</code> or <code>"grain deal"</code>.
}
subscribe-ask-placeholder = China, or: Odesa -football
subscribe-done = Following <b>{ $name }</b>. Briefs on it will come here.
subscribe-already = Already following <b>{ $name }</b>.
subscribe-words-done = Following your words: <b>{ $words }</b>. Any article that mentions them will come here.
subscribe-words-already = Already following <b>{ $words }</b>.
subscribe-limit = This chat follows { $max } things already, the most it can. Remove some with /mysubs first.
unsubscribe-done = Stopped following <b>{ $what }</b>.
unsubscribe-not-following = Nothing to stop: this chat does not follow <b>{ $what }</b>. See /mysubs for what it follows.
deep-link-unknown-topic = That link points to a topic I don't offer (any more). Send /topics to see the topics you can follow.
deep-link-more = More topics: /topics · what you follow: /mysubs · delivery: /settings

## Your own words (custom topics)
words-error-empty = Type a word or phrase to follow, e.g. Odesa or "grain deal".
words-error-too-long = That is longer than { $max } characters; keep to a few words.
words-error-only-exclusions = Add a word to follow, not only words to leave out (those start with -).
words-error-too-many-terms = Use at most { $max } words and phrases in one topic.
words-error-phrase-too-long = A phrase can have at most { $max } words; use a shorter one.
words-error-stem-too-short = Put at least 4 letters before the *, e.g. Одес*.
words-error-unclosed-quote = A quote is not closed: put the phrase between two " marks.

## What a chat follows (/mysubs)
mysubs-header = { $where ->
    [channel] The channel <b>{ $title }</b> follows
    [thread] This forum topic follows
   *[chat] This chat follows
} { $count ->
    [one] one thing:
   *[other] { $count } things:
}
mysubs-topic-line = • { $name }
mysubs-words-line = • your words: { $words }
mysubs-topic-paused = (no longer offered)
mysubs-footer = Tap ✕ to stop following one. Add more with /topics or /subscribe.
mysubs-empty = { $where ->
    [channel] The channel <b>{ $title }</b> follows nothing yet.
    [thread] This forum topic follows nothing yet.
   *[chat] This chat follows nothing yet.
} Choose topics with /topics, or follow your own words with /subscribe.

## Questions the bot asks
prompt-cancelled = Cancelled.
prompt-nothing-to-cancel = There is nothing to cancel.
prompt-chat-gone = That chat is no longer available to me, so nothing was changed.

## Settings (/settings)
settings-summary =
    ⚙️ <b>{ $where ->
        [channel] Settings of the channel { $title }
       *[chat] Settings of this chat
    }</b>

    Delivery: { $delivery }
    Time zone: { $zone }
    Quiet hours: { $quiet }
    Breaking news during quiet hours: { $breaking }
    Link previews: { $previews }
    Images: { $images }
    Language: { $language }
settings-on = on
settings-off = off
settings-saved = Saved.
settings-back = « Back
settings-button-delivery = 📬 Delivery: { $value }
settings-button-zone = 🕓 Time zone: { $value }
settings-button-quiet = 🌙 Quiet hours: { $value }
settings-button-breaking = ⚡ Breaking news in quiet hours: { $value }
settings-button-previews = 🔗 Previews: { $value }
settings-button-images = 🖼 Images: { $value }
settings-button-language = 🌐 Language: { $value }
settings-delivery-choose = How should briefs arrive? A digest collects them and sends them together.
settings-delivery-instant = As they come
settings-delivery-hourly = Hourly digest
settings-delivery-daily = Daily digest
settings-delivery-daily-at = daily digest at { $time }
settings-zone-choose = Times are in the chat's time zone, now { $zone }. Choose one, or type another.
settings-zone-type = ⌨️ Type another time zone…
settings-zone-ask = { $where ->
    [channel] Which time zone is the channel <b>{ $title }</b> in? Reply with its name, e.g. <code>Europe/Kyiv</code>, <code>America/Chicago</code> or just a city: <code>Lisbon</code>.
   *[other] Which time zone is this chat in? Reply with its name, e.g. <code>Europe/Kyiv</code>, <code>America/Chicago</code> or just a city: <code>Lisbon</code>.
}
settings-zone-placeholder = Europe/Kyiv
settings-zone-saved = Time zone set to <b>{ $zone }</b>.
settings-zone-invalid = I don't know the time zone “{ $zone }”. Use a name like Europe/Kyiv or America/New_York, or a big city in it.
settings-quiet-choose = During quiet hours briefs wait and arrive when they end (breaking news can come through if you allow it).
settings-quiet-off = No quiet hours

## Channels (/channel, in a private chat)
channel-private-only = Channels are set up in a private chat with me: open it and send /channel @yourchannel.
channel-how-to = To send briefs to a channel you run:
    1. Add @{ $bot } to the channel as an administrator allowed to post.
    2. Send me <code>/channel @yourchannel</code>, or forward me any post from it.
channel-list = Channels you set up here; tap one to manage it. To add another, send <code>/channel @name</code> or forward me a post from it (add @{ $bot } there as an admin first).
channel-bad-reference = That does not look like a channel. Send <code>/channel @name</code>, a t.me link to it, or its id such as <code>-1001234567890</code>.
channel-not-found = I can't see { $channel }. Add @{ $bot } to the channel as an administrator, then try again.
channel-not-a-channel = <b>{ $title }</b> is not a channel. In a group, send /topics and /settings there.
channel-bot-not-admin = I am not an administrator of <b>{ $title }</b> who may post. Make @{ $bot } an admin with the right to post messages, then try again.
channel-user-not-admin = Only administrators of <b>{ $title }</b> can set it up.
channel-ready = Done: <b>{ $title }</b> is set up.
channel-menu = Managing the channel <b>{ $title }</b>. Choose what to change:
channel-button-topics = 📰 Topics
channel-button-words = ➕ Own words
channel-button-subscriptions = 📋 Followed
channel-button-settings = ⚙️ Settings
channel-button-forget = Remove from this list
channel-back = « Channel menu
channel-forgotten = Removed from your list.
channel-forgotten-text = The channel is off your list; what it follows is unchanged. Send /channel to see your channels.

## Editing topics (newsbrief admins)
topic-admin-only = Only newsbrief's administrators can edit topics. To follow something, use /topics or /subscribe.
topic-admin-usage = Usage: <code>/topicadd slug English name | Ukrainian name | alias, alias | section, section</code> (sections optional), e.g. <code>/topicadd lviv Lviv | Львів | Lviv, Lvov, Львів, Львова</code>. <code>/topicoff slug</code> and <code>/topicon slug</code> stop and resume offering a topic. Or send <code>/topicadd</code> alone in a private chat to be asked step by step.
topic-admin-invalid = The topic was not saved:
    { $problems }
topic-admin-added = Added <b>{ $name }</b> (<code>{ $slug }</code>). Link to follow it: https://t.me/{ $bot }?start=sub_{ $slug }
topic-admin-edited = Updated <b>{ $name }</b> (<code>{ $slug }</code>). Link to follow it: https://t.me/{ $bot }?start=sub_{ $slug }
topic-admin-unknown = There is no topic “{ $slug }”.
topic-admin-disabled = <b>{ $name }</b> is no longer offered. Chats that follow it keep their subscription.
topic-admin-enabled = <b>{ $name }</b> is offered again.

## Topic wizard (/topicadd without arguments; newsbrief admins)
topic-wizard-slug = A new topic, step by step (send /cancel to stop). First its short id, the <b>slug</b>: lowercase letters, digits and dashes, e.g. <code>lviv</code>. Editing an existing topic? Send its slug.
topic-wizard-slug-invalid = That is not a slug: use lowercase Latin letters, digits and dashes, up to 32 characters, e.g. <code>grain-deal</code>.
topic-wizard-name-en = Its name in English, as readers will see it (e.g. <i>Lviv</i>):
topic-wizard-name-uk = Its name in Ukrainian (e.g. <i>Львів</i>):
topic-wizard-aliases = The words that mean it in articles, separated by commas, in every language and spelling (e.g. <i>Lviv, Lvov, Львів, Львова, Львові</i>):
topic-wizard-text-only = Please answer with text, or send /cancel.
topic-wizard-cancelled = Stopped; no topic was saved.

## Delivery (briefs and digests the bot sends on its own)
delivery-related = 🔎 Related
delivery-breaking = ⚡ Breaking
delivery-also-reported = Also reported by { $sources }
delivery-digest-title = 📰 <b>Your digest</b> · { $count ->
    [one] { $count } story
   *[other] { $count } stories
}
delivery-digest-part = (part { $part } of { $parts })
delivery-digest-read = { $n }. Read
delivery-digest-related = { $n }. Related
