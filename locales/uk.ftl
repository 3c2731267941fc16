## newsbrief — українська
## Кожен рядок, який бачить користувач, живе тут і в en.ftl; тест стежить, щоб вони збігалися.

## Команди (меню біля поля введення)
command-start = Вітання і з чого почати
command-help = Що вміє newsbrief
command-language = Змінити мову
command-topics = Обрати теми
command-subscribe = Стежити за темою або своїми словами
command-unsubscribe = Перестати стежити
command-mysubs = За чим стежить цей чат
command-settings = Доставка, тихі години, часовий пояс
command-channel = Налаштувати свій канал

## Початок і довідка
start-welcome =
    Вітаю, { $name }! Я <b>newsbrief</b>: читаю новини й надсилаю короткі зведення — заголовок і суть у кількох реченнях — на теми, за якими ви стежите.

    Оберіть, за чим стежити, у /topics або надішліть /help, щоб побачити все, що я вмію. /language змінює мову.
help-intro = <b>newsbrief</b> перетворює новинні статті на короткі зведення й надсилає їх у чати, що стежать за їхніми темами.

## Мова
language-choose = Оберіть мову цього чату:
language-changed = Тепер чат розмовляє українською.

## Відповіді на все інше
unknown-command = Я не знаю команди { $command }. Надішліть /help, щоб побачити, що я вмію.
unknown-text = Я відповідаю лише на команди. Надішліть /help, щоб їх побачити.
button-invalid = Ця кнопка вже не дійсна. Відкрийте меню ще раз.
admins-only = Змінювати це можуть лише адміністратори чату.
error-generic = Щось пішло не так з нашого боку. Спробуйте ще раз за хвилину.

## Brief (the message or photo caption of one article)
brief-read-more = Читати повністю
brief-age-now = щойно
brief-age-minutes = { $count } хв тому
brief-age-hours = { $count ->
    [one] { $count } годину тому
    [few] { $count } години тому
    [many] { $count } годин тому
   *[other] { $count } години тому
}
brief-age-days = { $count ->
    [one] { $count } день тому
    [few] { $count } дні тому
    [many] { $count } днів тому
   *[other] { $count } дня тому
}
brief-date = { DATETIME($date, day: "numeric", month: "short", year: "numeric") }
brief-no-text = Не вдалося прочитати статтю на сторінці. Відкрийте її повністю на сайті.
brief-too-short = На сторінці замало тексту для короткого викладу. Відкрийте статтю повністю на сайті.

## Теми (/topics)
topics-intro = { $where ->
    [channel] Теми для каналу <b>{ $title }</b>. Торкніться теми, щоб канал стежив за нею; ✓ позначає те, за чим він уже стежить.
    [thread] Теми для цієї гілки форуму. Торкніться теми, щоб стежити за нею тут; ✓ позначає те, за чим гілка вже стежить.
   *[chat] Торкніться теми, щоб стежити за нею в цьому чаті; ✓ позначає те, за чим він уже стежить.
} (сторінка { $page } з { $pages })
topics-previous = ‹ Назад
topics-next = Ще ›
topics-own-words = ➕ Стежити за своїми словами…

## Підписки (/subscribe, /unsubscribe, посилання)
subscribe-ask = { $where ->
    [channel] За чим стежити каналу <b>{ $title }</b>? Дайте відповідь темою, як-от Китай, або своїми словами, наприклад <code>Одеса -футбол</code> чи <code>"зернова угода"</code>.
   *[other] За чим мені тут стежити? Дайте відповідь темою, як-от Китай, або своїми словами, наприклад <code>Одеса -футбол</code> чи <code>"зернова угода"</code>.
}
subscribe-ask-placeholder = Китай, або: Одеса -футбол
subscribe-done = Стежу за темою <b>{ $name }</b>. Зведення про неї надходитимуть сюди.
subscribe-already = Уже стежу за темою <b>{ $name }</b>.
subscribe-words-done = Стежу за вашими словами: <b>{ $words }</b>. Сюди надходитимуть статті, де вони згадуються.
subscribe-words-already = Уже стежу за <b>{ $words }</b>.
subscribe-limit = Цей чат уже має { $max } підписок — це найбільше, що можна. Спершу приберіть зайві через /mysubs.
unsubscribe-done = Більше не стежу за <b>{ $what }</b>.
unsubscribe-not-following = Нема чого скасовувати: цей чат не стежить за <b>{ $what }</b>. Перелік підписок — у /mysubs.
deep-link-unknown-topic = Це посилання веде на тему, якої я (вже) не пропоную. Надішліть /topics, щоб побачити доступні теми.
deep-link-more = Інші теми: /topics · ваші підписки: /mysubs · доставка: /settings

## Власні слова
words-error-empty = Напишіть слово чи фразу, за якими стежити, наприклад Одеса або "зернова угода".
words-error-too-long = Це довше за { $max } символів; обмежтеся кількома словами.
words-error-only-exclusions = Додайте слово, за яким стежити, а не лише слова, які слід пропускати (ті, що з -).
words-error-too-many-terms = В одній темі можна щонайбільше { $max } слів і фраз.
words-error-phrase-too-long = Фраза може мати щонайбільше { $max } слів; скоротіть її.
words-error-stem-too-short = Поставте перед * щонайменше 4 літери, наприклад Одес*.
words-error-unclosed-quote = Лапки не закрито: візьміть фразу в дві позначки ".

## Підписки чату (/mysubs)
mysubs-header = { $where ->
    [channel] Підписки каналу <b>{ $title }</b>
    [thread] Підписки цієї гілки форуму
   *[chat] Підписки цього чату
} ({ $count }):
mysubs-topic-line = • { $name }
mysubs-words-line = • ваші слова: { $words }
mysubs-topic-paused = (більше не пропонується)
mysubs-footer = Торкніться ✕, щоб відписатися. Додати ще — /topics або /subscribe.
mysubs-empty = { $where ->
    [channel] Канал <b>{ $title }</b> поки ні за чим не стежить.
    [thread] Ця гілка форуму поки ні за чим не стежить.
   *[chat] Цей чат поки ні за чим не стежить.
} Оберіть теми в /topics або стежте за своїми словами через /subscribe.

## Запитання бота
prompt-cancelled = Скасовано.
prompt-nothing-to-cancel = Нема чого скасовувати.
prompt-chat-gone = Цей чат мені більше не доступний, тож нічого не змінено.

## Налаштування (/settings)
settings-summary =
    ⚙️ <b>{ $where ->
        [channel] Налаштування каналу { $title }
       *[chat] Налаштування цього чату
    }</b>

    Доставка: { $delivery }
    Часовий пояс: { $zone }
    Тихі години: { $quiet }
    Термінові новини в тихі години: { $breaking }
    Попередній перегляд посилань: { $previews }
    Зображення: { $images }
    Мова: { $language }
settings-on = увімк.
settings-off = вимк.
settings-saved = Збережено.
settings-back = « Назад
settings-button-delivery = 📬 Доставка: { $value }
settings-button-zone = 🕓 Часовий пояс: { $value }
settings-button-quiet = 🌙 Тихі години: { $value }
settings-button-breaking = ⚡ Термінове в тихі години: { $value }
settings-button-previews = 🔗 Перегляд посилань: { $value }
settings-button-images = 🖼 Зображення: { $value }
settings-button-language = 🌐 Мова: { $value }
settings-delivery-choose = Як надсилати зведення? Дайджест збирає їх і надсилає разом.
settings-delivery-instant = Одразу
settings-delivery-hourly = Щогодинний дайджест
settings-delivery-daily = Щоденний дайджест
settings-delivery-daily-at = щоденний дайджест о { $time }
settings-zone-choose = Час рахується за часовим поясом чату, зараз це { $zone }. Оберіть пояс або введіть інший.
settings-zone-type = ⌨️ Ввести інший пояс…
settings-zone-ask = { $where ->
    [channel] У якому часовому поясі канал <b>{ $title }</b>? Дайте відповідь назвою поясу, як-от <code>Europe/Kyiv</code>, <code>America/Chicago</code>, або просто містом: <code>Lisbon</code>.
   *[other] У якому часовому поясі цей чат? Дайте відповідь назвою поясу, як-от <code>Europe/Kyiv</code>, <code>America/Chicago</code>, або просто містом: <code>Lisbon</code>.
}
settings-zone-placeholder = Europe/Kyiv
settings-zone-saved = Часовий пояс: <b>{ $zone }</b>.
settings-zone-invalid = Я не знаю часового поясу «{ $zone }». Напишіть назву на зразок Europe/Kyiv чи America/New_York або велике місто в ньому (латиницею).
settings-quiet-choose = У тихі години зведення чекають і надходять, коли ті скінчаться (термінові новини можуть пройти, якщо ви дозволите).
settings-quiet-off = Без тихих годин

## Канали (/channel, в особистому чаті)
channel-private-only = Канали налаштовують в особистому чаті зі мною: відкрийте його й надішліть /channel @вашканал.
channel-how-to = Щоб надсилати зведення у ваш канал:
    1. Додайте @{ $bot } до каналу адміністратором із правом публікувати.
    2. Надішліть мені <code>/channel @вашканал</code> або перешліть будь-який допис із нього.
channel-list = Канали, налаштовані тут; торкніться каналу, щоб керувати ним. Щоб додати інший, надішліть <code>/channel @назва</code> або перешліть мені допис із нього (спершу зробіть @{ $bot } там адміністратором).
channel-bad-reference = Це не схоже на канал. Надішліть <code>/channel @назва</code>, посилання t.me на нього або його id, як-от <code>-1001234567890</code>.
channel-not-found = Я не бачу { $channel }. Додайте @{ $bot } до каналу адміністратором і спробуйте ще раз.
channel-not-a-channel = <b>{ $title }</b> — не канал. У групі надішліть /topics і /settings просто там.
channel-bot-not-admin = Я не адміністратор каналу <b>{ $title }</b> з правом публікувати. Зробіть @{ $bot } адміністратором із правом надсилати дописи й спробуйте ще раз.
channel-user-not-admin = Налаштовувати <b>{ $title }</b> можуть лише його адміністратори.
channel-ready = Готово: <b>{ $title }</b> налаштовано.
channel-menu = Керування каналом <b>{ $title }</b>. Оберіть, що змінити:
channel-button-topics = 📰 Теми
channel-button-words = ➕ Свої слова
channel-button-subscriptions = 📋 Підписки
channel-button-settings = ⚙️ Налаштування
channel-button-forget = Прибрати з цього списку
channel-back = « Меню каналу
channel-forgotten = Прибрано з вашого списку.
channel-forgotten-text = Канал прибрано з вашого списку; його підписки не змінилися. Надішліть /channel, щоб побачити свої канали.

## Редагування тем (адміністратори newsbrief)
topic-admin-only = Редагувати теми можуть лише адміністратори newsbrief. Щоб стежити за чимось, скористайтеся /topics або /subscribe.
topic-admin-usage = Використання: <code>/topicadd slug Назва англійською | Назва українською | псевдонім, псевдонім | розділ, розділ</code> (розділи необов'язкові), наприклад <code>/topicadd lviv Lviv | Львів | Lviv, Lvov, Львів, Львова</code>. <code>/topicoff slug</code> і <code>/topicon slug</code> припиняють і відновлюють показ теми. Або надішліть просто <code>/topicadd</code> в особистому чаті, і я запитаю все крок за кроком.
topic-admin-invalid = Тему не збережено:
    { $problems }
topic-admin-added = Додано <b>{ $name }</b> (<code>{ $slug }</code>). Посилання, щоб стежити: https://t.me/{ $bot }?start=sub_{ $slug }
topic-admin-edited = Оновлено <b>{ $name }</b> (<code>{ $slug }</code>). Посилання, щоб стежити: https://t.me/{ $bot }?start=sub_{ $slug }
topic-admin-unknown = Теми «{ $slug }» немає.
topic-admin-disabled = <b>{ $name }</b> більше не пропонується. Чати, що стежать за нею, зберігають підписку.
topic-admin-enabled = <b>{ $name }</b> знову пропонується.

## Майстер тем (/topicadd без аргументів; адміністратори newsbrief)
topic-wizard-slug = Нова тема, крок за кроком (надішліть /cancel, щоб зупинитися). Спершу її короткий ідентифікатор, <b>slug</b>: малі латинські літери, цифри й дефіси, напр. <code>lviv</code>. Редагуєте наявну тему? Надішліть її slug.
topic-wizard-slug-invalid = Це не slug: лише малі латинські літери, цифри й дефіси, до 32 символів, напр. <code>grain-deal</code>.
topic-wizard-name-en = Її назва англійською, як її бачитимуть читачі (напр. <i>Lviv</i>):
topic-wizard-name-uk = Її назва українською (напр. <i>Львів</i>):
topic-wizard-aliases = Слова, що її позначають у статтях, через кому, усіма мовами й написаннями (напр. <i>Lviv, Lvov, Львів, Львова, Львові</i>):
topic-wizard-text-only = Будь ласка, дайте відповідь текстом або надішліть /cancel.
topic-wizard-cancelled = Зупинено; тему не збережено.

## Source alerts (to newsbrief admins)
source-alert-failing = ⚠️ Джерело <b>{ $name }</b> (#{ $id }) не працює з { $since } UTC: { $reason }. Його новини не надходять; стан показує /sources.
source-alert-recovered = ✅ Джерело <b>{ $name }</b> (#{ $id }) знову працює.

## Джерела (адміністратори newsbrief)
sources-admin-only = Керувати джерелами новин можуть лише адміністратори newsbrief.
sources-empty = Джерел ще немає. Додайте перше: <code>/addsource https://site.example/</code> (стрічка або сторінка, що на неї посилається), або надішліть мені файл OPML.
sources-header = <b>Джерела: { $count }</b> (зі збоями: { $failing }, призупинені: { $paused }) · сторінка { $page } з { $pages }
sources-previous = « Назад
sources-next = Далі »
sources-state-ok = ✅ працює, востаннє опитано { $time }
sources-state-failing = ⚠️ збої від { $since } (невдалих опитувань: { $failures }): { $error }
sources-state-paused = ⏸ призупинено
sources-state-paused-polled = ⏸ призупинено (востаннє опитано { $time })
sources-state-new = 🕓 ще не опитано
sources-every = раз на { $minutes } хв
sources-every-seconds = раз на { $seconds } с
sources-push = push (WebSub)
sources-stories = новин: { $count }
sources-add-usage = Використання: <code>/addsource URL</code> — стрічка (RSS, Atom, JSON Feed) або сторінка сайту, що на неї посилається, напр. <code>/addsource https://www.pravda.com.ua/</code>. Перш ніж додати, я покажу, що знайшов.
sources-preview-found = Знайдено <b>{ $name }</b>
sources-preview-feed = Стрічка: { $url } ({ $format }, записів зараз: { $items })
sources-preview-site = Сайт: { $url }
sources-preview-language = Мова: { $language }
sources-preview-push-yes = Push: так, її хаб повідомляє про нові записи (WebSub)
sources-preview-push-no = Push: ні, її опитуватимемо
sources-preview-latest = Останні заголовки:
sources-preview-question = Додати це джерело? Перше опитування заносить до архіву те, що вже є у стрічці; підписникам надходять лише новини, опубліковані після нього.
sources-button-add = ✅ Додати
sources-button-cancel = Скасувати
sources-added = Додано <b>{ $name }</b> як джерело #{ $id }. Перше опитування заносить до архіву те, що зараз є у стрічці; /sources покаже, як іде.
sources-added-short = Додано.
sources-already = <b>{ $name }</b> уже є серед джерел (#{ $id }).
sources-cancelled = Не додано: <b>{ $name }</b>.
sources-refused = Не можу додати { $url }: { $reason }
sources-reason-blocked = адреса веде до приватної чи локальної мережі, а newsbrief туди ніколи не звертається.
sources-reason-invalid-url = це не вебадреса.
sources-reason-scheme = можна додавати лише адреси http:// і https://.
sources-reason-credentials = адреса містить ім'я користувача чи пароль, які зберігалися б і показувалися в /sources. Дайте адресу стрічки без них.
sources-reason-timeout = сайт не відповів вчасно.
sources-reason-http-status = сайт відповів помилкою HTTP { $status }.
sources-reason-unsupported-type = це не стрічка і не вебсторінка.
sources-reason-redirects = сайт перенаправляє забагато разів.
sources-reason-network = її не вдалося завантажити ({ $detail }).
sources-reason-no-feed = це не стрічка, і сторінка не посилається на жодну стрічку.
sources-reason-bad-feed = стрічку не вдалося прочитати ({ $detail }).
sources-id-usage = Використання: <code>/{ $command } ID</code>, де ID — номер джерела з /sources, напр. <code>/{ $command } 3</code>.
sources-unknown = Джерела #{ $id } немає. Список — у /sources.
sources-removed = Вилучено <b>{ $name }</b> (#{ $id }). Його новини лишаються в архіві.
sources-paused = Призупинено <b>{ $name }</b> (#{ $id }): його не опитуватимуть до /resumesource { $id }.
sources-resumed = Відновлено <b>{ $name }</b> (#{ $id }): відтепер його знову опитують.
sources-already-paused = <b>{ $name }</b> (#{ $id }) уже призупинено.
sources-already-running = <b>{ $name }</b> (#{ $id }) не призупинено.
sources-import-too-big = { $file } завеликий для списку стрічок (до { $max }). Нічого не імпортовано.
sources-import-download-failed = Не вдалося завантажити { $file } з Telegram. Надішліть його ще раз, будь ласка.
sources-import-not-opml = { $file } — не список стрічок OPML ({ $detail }). Нічого не імпортовано.
sources-import-done = Імпортовано { $file }: додано { $added }, уже були { $existing }, відхилено { $refused }. Нові джерела буде опитано за кілька хвилин.
sources-import-more-refused = …і ще відхилено: { $count }.
sources-export-empty = Джерел для експорту ще немає.
sources-export-caption = Джерела newsbrief у форматі OPML (джерел: { $count }). Його відкривають програми для стрічок; надісланий мені, він імпортується.
## Пов'язані історії (/related), пошук (/search) і вбудований режим
command-related = Історії, пов'язані з брифом, посиланням або словами
command-search = Пошук серед брифів
related-usage = Надішліть /related у відповідь на мій бриф або разом із посиланням чи словами, наприклад <code>/related https://example.com/news/story</code> або <code>/related переговори про перемир'я</code>.
search-usage = Надішліть /search разом зі словами, наприклад <code>/search переговори про перемир'я</code>.
related-title-story = Пов'язане з <b>{ $title }</b>
related-title-words = Історії про <b>{ $words }</b>
search-title = Найновіші брифи про <b>{ $words }</b>
related-same-story = Та сама історія в інших виданнях
related-more = Пов'язані історії
related-none = В архіві поки немає нічого пов'язаного з цим.
search-none = Немає брифів про <b>{ $words }</b>.
related-page = Сторінка { $page } з { $pages }
related-previous = ‹ Назад
related-next = Далі ›
related-too-long = Це задовго для пошуку: будь ласка, не більше ніж { $max } символів.
related-no-words = Тут немає нічого, що можна шукати: напишіть якісь слова або числа.
related-bad-link = Я відкриваю лише посилання http і https.
related-private-link = Це посилання веде на адресу приватної мережі, такі я ніколи не відкриваю.
related-fetch-failed = Не вдалося відкрити цю сторінку. Перевірте посилання або спробуйте пізніше.
related-not-article = На цій сторінці немає статті, яку я міг би прочитати.
related-not-a-brief = Це повідомлення не є моїм брифом. Надішліть /related у відповідь на бриф або разом із посиланням чи словами.
related-unknown-brief = У мене більше немає історії цього брифу.
related-expired = Цей список застарів: надішліть команду ще раз.
related-button = Пов'язане
## Delivery (briefs and digests the bot sends on its own)
delivery-related = 🔎 Схожі
delivery-breaking = ⚡ Терміново
delivery-also-reported = Також пишуть: { $sources }
delivery-digest-title = 📰 <b>Ваш дайджест</b> · { $count ->
    [one] { $count } новина
    [few] { $count } новини
    [many] { $count } новин
   *[other] { $count } новини
}
delivery-digest-part = (частина { $part } з { $parts })
delivery-digest-read = { $n }. Читати
delivery-digest-related = { $n }. Схожі
## Термінові новини (/breaking, /stopbroadcast; лише адміністратори newsbrief)
admin-only = Вибачте, цією командою можуть користуватися лише адміністратори newsbrief.
breaking-private-only = Надішліть /breaking в особистому чаті зі мною.
breaking-ask = ⚡ <b>Термінова новина</b>
    Надішліть посилання на матеріал, вставте текст (перший рядок — заголовок) або перешліть допис.
    /cancel — вийти на будь-якому кроці.
breaking-input-only = Надішліть посилання, текст або пересланий допис (чи /cancel).
breaking-fetching = Читаю сторінку…
breaking-fetch-failed = Не вдалося прочитати сторінку: { $reason }. Надішліть інше посилання, вставте текст або /cancel.
breaking-fetch-reason-bad-url = посилання недійсне
breaking-fetch-reason-private-address = воно веде на приватну адресу
breaking-fetch-reason-unreachable = сайт не відповів
breaking-fetch-reason-not-article = на ній немає статті
breaking-empty = У повідомленні немає тексту. Надішліть посилання, текст або пересланий допис (чи /cancel).
breaking-preview = Так її побачать підписники:
breaking-edit-headline = ✏️ Заголовок
breaking-edit-text = ✏️ Текст
breaking-continue = Далі ➡️
breaking-cancel = Скасувати
breaking-ask-headline = Надішліть новий заголовок (чи /cancel).
breaking-ask-text = Надішліть новий текст, абзац на рядок (чи /cancel).
breaking-audience = Хто має її отримати?
breaking-audience-all = 📣 Усі
breaking-audience-topics = 🏷 Деякі теми
breaking-audience-test = 🧪 Тест: лише я
breaking-topics = Виберіть теми й натисніть «Готово».
breaking-topics-done = Готово
breaking-topics-none = Виберіть хоча б одну тему.
breaking-urgent-on = 🚨 Терміново: так
breaking-urgent-off = Терміново: ні
breaking-confirm = Її отримають { $count ->
    [one] { $count } чат
    [few] { $count } чати
   *[other] { $count } чатів
}. { $urgent ->
    [yes] Терміново: минає дайджести, а тихі години — там, де чат пропускає термінові новини.
   *[no] Не терміново: чати з дайджестом отримають її з дайджестом, тихі години діють.
}
breaking-send = ✅ Надіслати
breaking-nobody = Її ніхто не отримає: жоден чат не відповідає цій аудиторії. Виберіть іншу.
breaking-cancelled = Термінову новину скасовано; нічого не надіслано.
breaking-timeout = Ви довго не відповідали, тож я відклав термінову новину. Надішліть /breaking, щоб почати знову.
breaking-stale-button = Ця кнопка належить іншому кроку.
broadcast-progress = 📣 Розсилка #{ $id }
    Надіслано: { $sent } · помилки: { $failed } · заблоковано: { $blocked }
    Лишилося: { $remaining } · приблизно { $eta }
broadcast-done = ✅ Розсилку #{ $id } завершено.
    Надіслано: { $sent } · помилки: { $failed } · заблоковано: { $blocked }
broadcast-stopped = ⏹ Розсилку #{ $id } зупинено.
    Надіслано: { $sent } · помилки: { $failed } · заблоковано: { $blocked } · не надіслано: { $dropped }
broadcast-none-running = Такої розсилки зараз немає.
## Адміністратори (/admins, /audit) і їхнє меню команд
command-breaking = Надіслати термінову новину підписникам
command-stopbroadcast = Зупинити вашу розсилку
command-stats = Цифри: чати, підписники, новини, доставки
command-admins = Переглянути, додати чи вилучити адміністраторів
command-audit = Останні дії адміністраторів
admins-title = <b>Адміністратори newsbrief</b>
admins-entry = • <code>{ $id }</code>
admins-entry-config = • <code>{ $id }</code> (ADMIN_IDS)
admins-usage = <code>/admins add 123456789</code> робить користувача адміністратором; <code>/admins remove 123456789</code> скасовує це. Ідентифікатор користувача — число (його можна дізнатися в @userinfobot).
admins-not-yourself = Ви не можете вилучити себе; попросіть іншого адміністратора.
admins-added = { $id } тепер адміністратор newsbrief.
admins-already = { $id } уже адміністратор newsbrief.
admins-removed = { $id } більше не адміністратор newsbrief.
admins-not-admin = { $id } не адміністратор newsbrief.
admins-config-admin = { $id } — адміністратор за налаштуваннями бота (ADMIN_IDS); змініть це там.
audit-title = <b>Журнал дій</b> · сторінка { $page }
audit-empty = У журналі тут нічого немає.
## /stats (адміністратори newsbrief)
stats-title = <b>📊 newsbrief сьогодні</b>
stats-chats = Чати: { $active } активних, { $blocked } заблокували бота, { $left } вилучили його
stats-chat-kind = { $kind }: { $count }
stats-kind-private = особисті
stats-kind-group = групи
stats-kind-supergroup = супергрупи
stats-kind-channel = канали
stats-topics = <b>Підписники за темами</b>
stats-none = • немає
stats-today = Сьогодні (UTC): збережено новин: { $stories }; доставки: надіслано { $sent }, помилки { $failed }, заблоковано { $blocked }
stats-queue = Чекають на надсилання: { $count }
stats-failing = <b>Джерела з помилками</b>
stats-source-failures = { $count ->
    [one] { $count } невдале опитування
    [few] { $count } невдалі опитування
   *[other] { $count } невдалих опитувань
}
broadcast-stop-usage = Надішліть /stopbroadcast, щоб зупинити вашу розсилку, або /stopbroadcast і номер розсилки (як у її повідомленні про стан).
