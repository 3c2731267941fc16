## newsbrief — English
## Every user-facing string lives here and in uk.ftl; a test keeps the two in step.

## Commands (the menu next to the input field)
command-start = Welcome and what to try
command-help = What newsbrief can do
command-language = Change the language

## Start and help
start-welcome =
    Hello, { $name }! I am <b>newsbrief</b>: I read the news and send you short briefs — the headline and the story in a few sentences — on the topics you follow.

    Try /help to see what I can do, or /language to switch to Ukrainian.
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
