## newsbrief — українська
## Кожен рядок, який бачить користувач, живе тут і в en.ftl; тест стежить, щоб вони збігалися.

## Команди (меню біля поля введення)
command-start = Вітання і з чого почати
command-help = Що вміє newsbrief
command-language = Змінити мову

## Початок і довідка
start-welcome =
    Вітаю, { $name }! Я <b>newsbrief</b>: читаю новини й надсилаю короткі зведення — заголовок і суть у кількох реченнях — на теми, за якими ви стежите.

    Надішліть /help, щоб побачити, що я вмію, або /language, щоб змінити мову.
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
