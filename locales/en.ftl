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

## Source alerts (to newsbrief admins)
source-alert-failing = ⚠️ Source <b>{ $name }</b> (#{ $id }) has been failing since { $since } UTC: { $reason }. Its stories are not coming in; /sources shows its state.
source-alert-recovered = ✅ Source <b>{ $name }</b> (#{ $id }) works again.

## Sources (newsbrief admins)
sources-admin-only = Only newsbrief's administrators can manage the news sources.
sources-empty = No sources yet. Add one with <code>/addsource https://site.example/</code> (a feed, or a page that links to one), or send me an OPML file.
sources-header = <b>Sources: { $count }</b> (failing: { $failing }, paused: { $paused }) · page { $page } of { $pages }
sources-previous = « Previous
sources-next = Next »
sources-state-ok = ✅ ok, last polled { $time }
sources-state-failing = ⚠️ failing since { $since } (failed polls: { $failures }): { $error }
sources-state-paused = ⏸ paused
sources-state-paused-polled = ⏸ paused (last polled { $time })
sources-state-new = 🕓 not polled yet
sources-every = every { $minutes } min
sources-every-seconds = every { $seconds } s
sources-push = push (WebSub)
sources-stories = stories: { $count }
sources-add-usage = Usage: <code>/addsource URL</code> — a feed (RSS, Atom, JSON Feed) or a site's page that links to one, e.g. <code>/addsource https://www.pravda.com.ua/</code>. I show what I found before adding it.
sources-preview-found = Found <b>{ $name }</b>
sources-preview-feed = Feed: { $url } ({ $format }, items now: { $items })
sources-preview-site = Site: { $url }
sources-preview-language = Language: { $language }
sources-preview-push-yes = Push: yes, its hub announces new items (WebSub)
sources-preview-push-no = Push: no, it will be polled
sources-preview-latest = Latest headlines:
sources-preview-question = Add this source? Its first poll archives the items already in the feed; only stories published after it reach subscribers.
sources-button-add = ✅ Add
sources-button-cancel = Cancel
sources-added = Added <b>{ $name }</b> as source #{ $id }. Its first poll is archiving what the feed holds now; /sources shows how it goes.
sources-added-short = Added.
sources-already = <b>{ $name }</b> is already a source (#{ $id }).
sources-cancelled = Not added: <b>{ $name }</b>.
sources-refused = Cannot add { $url }: { $reason }
sources-reason-blocked = it leads to a private or local network address, which newsbrief never fetches.
sources-reason-invalid-url = that is not a web address.
sources-reason-scheme = only http:// and https:// addresses can be added.
sources-reason-credentials = the address contains a user name or password, which would be stored and shown in /sources. Use a feed address without them.
sources-reason-timeout = the site did not answer in time.
sources-reason-http-status = the site answered with HTTP error { $status }.
sources-reason-unsupported-type = it is neither a feed nor a web page.
sources-reason-redirects = the site redirects too many times.
sources-reason-network = it could not be fetched ({ $detail }).
sources-reason-no-feed = it is not a feed, and the page links to no feed.
sources-reason-bad-feed = the feed could not be read ({ $detail }).
sources-id-usage = Usage: <code>/{ $command } ID</code>, with the source's number as /sources shows it, e.g. <code>/{ $command } 3</code>.
sources-unknown = There is no source #{ $id }. /sources lists them.
sources-removed = Removed <b>{ $name }</b> (#{ $id }). Its stories stay in the archive.
sources-paused = Paused <b>{ $name }</b> (#{ $id }): it is not polled until /resumesource { $id }.
sources-resumed = Resumed <b>{ $name }</b> (#{ $id }): it is polled again from now on.
sources-already-paused = <b>{ $name }</b> (#{ $id }) is already paused.
sources-already-running = <b>{ $name }</b> (#{ $id }) is not paused.
sources-import-too-big = { $file } is too big for a list of feeds (up to { $max }). Nothing was imported.
sources-import-download-failed = I could not download { $file } from Telegram. Please send it again.
sources-import-not-opml = { $file } is not an OPML list of feeds ({ $detail }). Nothing was imported.
sources-import-done = Imported { $file }: added { $added }, already there { $existing }, refused { $refused }. New sources are polled within a few minutes.
sources-import-more-refused = …and { $count } more refused.
sources-export-empty = There are no sources to export yet.
sources-export-caption = newsbrief's sources as OPML (sources: { $count }). Feed readers open it; sent back to me, it is imported.
## Related stories (/related), search (/search) and inline mode
command-related = Stories related to a brief, a link or words
command-search = Search the briefs
related-usage = Reply /related to one of my briefs, or send it with a link or some words, e.g. <code>/related https://example.com/news/story</code> or <code>/related ceasefire talks</code>.
search-usage = Send /search with some words, e.g. <code>/search ceasefire talks</code>.
related-title-story = Related to <b>{ $title }</b>
related-title-words = Stories about <b>{ $words }</b>
search-title = Newest briefs about <b>{ $words }</b>
related-same-story = The same story elsewhere
related-more = Related stories
related-none = I have nothing related to this in the archive yet.
search-none = No briefs match <b>{ $words }</b>.
related-page = Page { $page } of { $pages }
related-previous = ‹ Back
related-next = More ›
related-too-long = That is too long to search: please use at most { $max } characters.
related-no-words = There is nothing in that I can search for: please use some words or numbers.
related-bad-link = I can only open http and https links.
related-private-link = That link points to a private network address, which I never open.
related-fetch-failed = I could not open that page. Check the link, or try again later.
related-not-article = That page has no article I could read.
related-not-a-brief = That message is not one of my briefs. Reply /related to a brief, or send /related with a link or some words.
related-unknown-brief = I no longer have the story of that brief.
related-expired = This list has expired: please send the command again.
related-button = Related
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
## Breaking news (/breaking, /stopbroadcast; newsbrief admins only)
admin-only = Sorry, only newsbrief's admins can use this command.
breaking-private-only = Please send /breaking in a private chat with me.
breaking-ask = ⚡ <b>Breaking news</b>
    Send me a link to the story, paste its text (first line: the headline), or forward a post.
    /cancel leaves at any step.
breaking-input-only = Please send a link, a text or a forwarded post (or /cancel).
breaking-fetching = Reading the page…
breaking-fetch-failed = I could not read that page: { $reason }. Send another link, paste the text, or /cancel.
breaking-fetch-reason-bad-url = the link is not valid
breaking-fetch-reason-private-address = it points to a private address
breaking-fetch-reason-unreachable = the site did not answer
breaking-fetch-reason-not-article = there is no article on it
breaking-empty = There is no text in that message. Send a link, a text or a forwarded post (or /cancel).
breaking-preview = This is how subscribers will see it:
breaking-edit-headline = ✏️ Headline
breaking-edit-text = ✏️ Text
breaking-continue = Continue ➡️
breaking-cancel = Cancel
breaking-ask-headline = Send the new headline (or /cancel).
breaking-ask-text = Send the new text, one paragraph per line (or /cancel).
breaking-audience = Who should receive it?
breaking-audience-all = 📣 Everyone
breaking-audience-topics = 🏷 Some topics
breaking-audience-test = 🧪 Test: only me
breaking-topics = Choose the topics, then press Done.
breaking-topics-done = Done
breaking-topics-none = Choose at least one topic.
breaking-urgent-on = 🚨 Urgent: yes
breaking-urgent-off = Urgent: no
breaking-confirm = It will reach { $count ->
    [one] { $count } chat
   *[other] { $count } chats
}. { $urgent ->
    [yes] Urgent: it skips digests, and quiet hours where a chat lets breaking news through.
   *[no] Not urgent: digest chats get it with their digest, and quiet hours are kept.
}
breaking-send = ✅ Send
breaking-nobody = Nobody would receive it: no chat matches that audience. Choose another.
breaking-cancelled = Breaking news cancelled; nothing was sent.
breaking-timeout = You did not answer for a while, so I put the breaking news aside. Send /breaking to start again.
breaking-stale-button = That button belongs to another step.
broadcast-progress = 📣 Broadcast #{ $id }
    Sent: { $sent } · failed: { $failed } · blocked: { $blocked }
    Remaining: { $remaining } · about { $eta } left
broadcast-done = ✅ Broadcast #{ $id } finished.
    Sent: { $sent } · failed: { $failed } · blocked: { $blocked }
broadcast-stopped = ⏹ Broadcast #{ $id } stopped.
    Sent: { $sent } · failed: { $failed } · blocked: { $blocked } · not sent: { $dropped }
broadcast-none-running = No such broadcast is running.
## Admins (/admins, /audit) and their command menu
command-breaking = Push breaking news to subscribers
command-stopbroadcast = Stop your running broadcast
command-stats = Figures: chats, subscribers, stories, deliveries
command-admins = List, add or remove newsbrief admins
command-audit = The latest admin actions
admins-title = <b>newsbrief admins</b>
admins-entry = • <code>{ $id }</code>
admins-entry-config = • <code>{ $id }</code> (ADMIN_IDS)
admins-usage = <code>/admins add 123456789</code> makes a user an admin; <code>/admins remove 123456789</code> takes it back. A user id is a number (the user can see theirs with @userinfobot).
admins-not-yourself = You cannot remove yourself; ask another admin.
admins-added = { $id } is now a newsbrief admin.
admins-already = { $id } is already a newsbrief admin.
admins-removed = { $id } is no longer a newsbrief admin.
admins-not-admin = { $id } is not a newsbrief admin.
admins-config-admin = { $id } is an admin by the bot's configuration (ADMIN_IDS); change it there.
audit-title = <b>Audit log</b> · page { $page }
audit-empty = The audit log has nothing here.
## /stats (newsbrief admins)
stats-title = <b>📊 newsbrief today</b>
stats-chats = Chats: { $active } active, { $blocked } blocked the bot, { $left } removed it
stats-chat-kind = { $kind }: { $count }
stats-kind-private = private
stats-kind-group = groups
stats-kind-supergroup = supergroups
stats-kind-channel = channels
stats-topics = <b>Followers per topic</b>
stats-none = • none
stats-today = Today (UTC): { $stories ->
    [one] { $stories } story
   *[other] { $stories } stories
} stored; deliveries { $sent } sent, { $failed } failed, { $blocked } blocked
stats-queue = Waiting to be sent: { $count }
stats-failing = <b>Failing sources</b>
stats-source-failures = { $count ->
    [one] { $count } failed poll
   *[other] { $count } failed polls
}
broadcast-stop-usage = Send /stopbroadcast to stop your broadcast, or /stopbroadcast followed by a broadcast's number (as in its status message).
