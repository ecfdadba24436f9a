<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk_UA" sourcelanguage="en">
<context>
    <name>AiderImporter</name>
    <message>
        <source>Aider chat history (.aider.chat.history.md)</source>
        <translation>Історія чату Aider (.aider.chat.history.md)</translation>
    </message>
    <message>
        <source>%1 has no Aider chat history (%2)</source>
        <translation>%1 не має історії чату Aider (%2)</translation>
    </message>
    <message>
        <source>%1 changed since the last import; read it again from the start (messages already in the store are not added twice).</source>
        <translation>%1 змінився після останнього імпорту; його прочитано знову з початку (повідомлення, що вже є у сховищі, не додаються вдруге).</translation>
    </message>
    <message>
        <source>Aider chat (before the first session header)</source>
        <translation>Чат Aider (до першого заголовка сеансу)</translation>
    </message>
</context>
<context>
    <name>AriumImporter</name>
    <message>
        <source>Arium workspace (history.log, versions/)</source>
        <translation>Робочий простір Arium (history.log, versions/)</translation>
    </message>
    <message>
        <source>%1 is not an Arium workspace folder</source>
        <translation>%1 не є текою робочого простору Arium</translation>
    </message>
    <message>
        <source>%1 holds no Arium project (a folder with history.log or versions/)</source>
        <translation>%1 не містить проєкту Arium (теки з history.log або versions/)</translation>
    </message>
    <message>
        <source>not a JSON object: %1</source>
        <translation>не об&apos;єкт JSON: %1</translation>
    </message>
    <message>
        <source>no content in this version</source>
        <translation>у цій версії немає вмісту</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n version(s) follow a version that is not in versions/ (one Arium made from files/ at startup and did not save); their history starts with them</source>
        <translation>
            <numerusform>%1: %n версія йде за версією, якої немає у versions/ (Arium створив її з files/ під час запуску й не зберіг); її історія починається з неї</numerusform>
            <numerusform>%1: %n версії йдуть за версією, якої немає у versions/ (Arium створив її з files/ під час запуску й не зберіг); їхня історія починається з них</numerusform>
            <numerusform>%1: %n версій йдуть за версією, якої немає у versions/ (Arium створив її з files/ під час запуску й не зберіг); їхня історія починається з них</numerusform>
        </translation>
    </message>
    <message>
        <source>no VFSChangeEvent in history.log names its file</source>
        <translation>жодна подія VFSChangeEvent у history.log не називає її файл</translation>
    </message>
    <message>
        <source>it names %1, which leads outside the workspace; the snapshot was left out</source>
        <translation>він називає %1, що веде поза робочий простір; знімок пропущено</translation>
    </message>
    <message>
        <source>an event needs a type and a timestamp</source>
        <translation>подія потребує типу й часу</translation>
    </message>
    <message>
        <source>cannot read it: %1</source>
        <translation>не вдається прочитати: %1</translation>
    </message>
    <message>
        <source>the file is empty (Arium was stopped while writing it)</source>
        <translation>файл порожній (Arium зупинили під час його запису)</translation>
    </message>
</context>
<context>
    <name>AstroImporter</name>
    <message>
        <source>Astro / griffin-hub store (SQLite or a PostgreSQL dump)</source>
        <translation>Сховище Astro / griffin-hub (SQLite або дамп PostgreSQL)</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 не існує</translation>
    </message>
    <message>
        <source>cannot read it as an SQLite database</source>
        <translation>не вдається прочитати як базу даних SQLite</translation>
    </message>
    <message>
        <source>it has none of Astro&apos;s or griffin-hub&apos;s tables</source>
        <translation>у ній немає жодної таблиці Astro чи griffin-hub</translation>
    </message>
    <message>
        <source>cannot read it: %1</source>
        <translation>не вдається прочитати: %1</translation>
    </message>
    <message>
        <source>%1 holds no Astro or griffin-hub store (an SQLite file with jobs or runs, or a .sql dump)</source>
        <translation>%1 не містить сховища Astro чи griffin-hub (файлу SQLite із завданнями чи запусками або дампу .sql)</translation>
    </message>
    <message>
        <source>the INSERT statement does not end (no closing semicolon)</source>
        <translation>інструкція INSERT не закінчується (немає крапки з комою)</translation>
    </message>
    <message>
        <source>an INSERT without a column list and VALUES</source>
        <translation>INSERT без переліку стовпців і VALUES</translation>
    </message>
    <message>
        <source>a row of %1 whose values do not match its columns</source>
        <translation>рядок %1, значення якого не відповідають стовпцям</translation>
    </message>
    <message>
        <source>a row without an id</source>
        <translation>рядок без ідентифікатора</translation>
    </message>
</context>
<context>
    <name>Blobs</name>
    <message>
        <source>the store has lost file content %1; run strata-cli verify</source>
        <translation>сховище втратило вміст файлу %1; запустіть strata-cli verify</translation>
    </message>
    <message>
        <source>cannot compress a file&apos;s content</source>
        <translation>не вдається стиснути вміст файлу</translation>
    </message>
    <message>
        <source>file content %1 in the store is damaged; run strata-cli verify</source>
        <translation>вміст файлу %1 у сховищі пошкоджено; запустіть strata-cli verify</translation>
    </message>
</context>
<context>
    <name>ClaudeCodeImporter</name>
    <message>
        <source>Claude Code sessions (~/.claude/projects)</source>
        <translation>Сеанси Claude Code (~/.claude/projects)</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 не існує</translation>
    </message>
    <message>
        <source>%1 holds no Claude Code session files (*.jsonl)</source>
        <translation>%1 не містить файлів сеансів Claude Code (*.jsonl)</translation>
    </message>
    <message>
        <source>before Claude Code&apos;s %1</source>
        <translation>до %1 від Claude Code</translation>
    </message>
    <message numerus="yes">
        <source>edits of files outside their session&apos;s working folder, not kept as versions: %n</source>
        <translation>
            <numerusform>змін файлів поза робочою текою сеансу, не збережених як версії: %n</numerusform>
            <numerusform>змін файлів поза робочою текою сеансу, не збережених як версії: %n</numerusform>
            <numerusform>змін файлів поза робочою текою сеансу, не збережених як версії: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>checkpoint backups named by file-history-snapshot lines but no longer in ~/.claude/file-history: %1</source>
        <translation>резервних копій контрольних точок, названих у рядках file-history-snapshot, яких уже немає в ~/.claude/file-history: %1</translation>
    </message>
</context>
<context>
    <name>ClaudeEdits</name>
    <message>
        <source>the edit&apos;s hunk %1 does not fit the file it was made to</source>
        <translation>фрагмент %1 зміни не відповідає файлу, до якого її зроблено</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Print one JSON document on standard output.</source>
        <translation>Вивести один документ JSON у стандартний вивід.</translation>
    </message>
    <message>
        <source>create an empty store in DIR</source>
        <translation>створити порожнє сховище в DIR</translation>
    </message>
    <message>
        <source>counts of everything in the store</source>
        <translation>кількість усього, що є в сховищі</translation>
    </message>
    <message>
        <source>integrity and foreign-key checks; exit code 2 when a problem is found</source>
        <translation>перевірки цілісності та зовнішніх ключів; код виходу 2, якщо знайдено проблему</translation>
    </message>
    <message>
        <source>the projects in the store</source>
        <translation>проєкти в сховищі</translation>
    </message>
    <message>
        <source>Usage: strata-cli [--store DIR] COMMAND [options]

Browse, search, compare and restore the work of AI coding agents.

Options:
  --store DIR    the store folder (default: $STRATA_STORE)
  -h, --help     show this help; `strata-cli COMMAND --help` shows a command&apos;s options
  -v, --version  show the version and the libraries in use

Commands:
</source>
        <translation>Використання: strata-cli [--store DIR] КОМАНДА [параметри]

Перегляд, пошук, порівняння та відновлення роботи агентів ШІ для програмування.

Параметри:
  --store DIR    тека сховища (типово: $STRATA_STORE)
  -h, --help     показати цю довідку; `strata-cli КОМАНДА --help` показує параметри команди
  -v, --version  показати версію та бібліотеки, що використовуються

Команди:
</translation>
    </message>
    <message>
        <source>Exit codes: 0 done, 1 wrong usage, 2 the operation failed (the message says what and where).</source>
        <translation>Коди виходу: 0 — виконано, 1 — неправильне використання, 2 — операція не вдалася (повідомлення каже, що і де).</translation>
    </message>
    <message>
        <source>Try `strata-cli --help`.</source>
        <translation>Спробуйте `strata-cli --help`.</translation>
    </message>
    <message>
        <source>--store needs a folder</source>
        <translation>--store потребує теки</translation>
    </message>
    <message>
        <source>unknown option %1</source>
        <translation>невідомий параметр %1</translation>
    </message>
    <message>
        <source>unknown command %1</source>
        <translation>невідома команда %1</translation>
    </message>
    <message>
        <source>Usage: strata-cli [--store DIR] %1</source>
        <translation>Використання: strata-cli [--store DIR] %1</translation>
    </message>
    <message>
        <source>no store given: pass --store DIR or set STRATA_STORE</source>
        <translation>сховище не вказано: передайте --store DIR або задайте STRATA_STORE</translation>
    </message>
    <message>
        <source>Upgraded the store to schema %1; the backup made first is %2.</source>
        <translation>Сховище оновлено до схеми %1; резервна копія, зроблена перед цим: %2.</translation>
    </message>
    <message>
        <source>init takes one folder</source>
        <translation>init приймає одну теку</translation>
    </message>
    <message>
        <source>init needs a folder: strata-cli init DIR</source>
        <translation>init потребує теки: strata-cli init DIR</translation>
    </message>
    <message>
        <source>%1 is already a Strata store (schema %2); nothing was changed.</source>
        <translation>%1 вже є сховищем Strata (схема %2); нічого не змінено.</translation>
    </message>
    <message>
        <source>Created an empty Strata store in %1.</source>
        <translation>Створено порожнє сховище Strata в %1.</translation>
    </message>
    <message>
        <source>stats takes no arguments</source>
        <translation>stats не приймає аргументів</translation>
    </message>
    <message>
        <source>checked: %1</source>
        <translation>перевірено: %1</translation>
    </message>
    <message>
        <source>problem: %1</source>
        <translation>проблема: %1</translation>
    </message>
    <message>
        <source>The store is sound.</source>
        <translation>Сховище справне.</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) found.</source>
        <translation>
            <numerusform>Знайдено %n проблему.</numerusform>
            <numerusform>Знайдено %n проблеми.</numerusform>
            <numerusform>Знайдено %n проблем.</numerusform>
        </translation>
    </message>
    <message>
        <source>The store has no projects yet.</source>
        <translation>У сховищі ще немає проєктів.</translation>
    </message>
    <message>
        <source>use: project rename ID NAME, or project delete ID --yes</source>
        <translation>використання: project rename ID НАЗВА або project delete ID --yes</translation>
    </message>
    <message>
        <source>%1 is not a project id (the numbers `strata-cli projects` lists)</source>
        <translation>%1 — не ідентифікатор проєкту (це числа, які показує `strata-cli projects`)</translation>
    </message>
    <message>
        <source>deleting project %1 removes everything the store holds of it; add --yes to confirm</source>
        <translation>видалення проєкту %1 прибирає все, що сховище має про нього; додайте --yes, щоб підтвердити</translation>
    </message>
    <message>
        <source>Renamed project %1.</source>
        <translation>Проєкт %1 перейменовано.</translation>
    </message>
    <message>
        <source>Deleted project %1.</source>
        <translation>Проєкт %1 видалено.</translation>
    </message>
    <message>
        <source>rename a project, or delete it and everything the store holds of it</source>
        <translation>перейменувати проєкт або видалити його разом з усім, що сховище має про нього</translation>
    </message>
    <message>
        <source>Confirm a deletion.</source>
        <translation>Підтвердити видалення.</translation>
    </message>
    <message>
        <source>`strata-cli verify` lists what is damaged.</source>
        <translation>`strata-cli verify` показує, що саме пошкоджено.</translation>
    </message>
    <message>
        <source>The last automatic backup of this store is %1.</source>
        <translation>Остання автоматична резервна копія цього сховища: %1.</translation>
    </message>
    <message>
        <source>sync sources into the store; `import --list-formats` lists the formats</source>
        <translation>синхронізувати джерела зі сховищем; `import --list-formats` показує формати</translation>
    </message>
    <message>
        <source>The source format (default: recognised from the path).</source>
        <translation>Формат джерела (типово: розпізнається за шляхом).</translation>
    </message>
    <message>
        <source>List the formats and exit.</source>
        <translation>Показати формати й вийти.</translation>
    </message>
    <message>
        <source>search every transcript: words, &quot;phrases&quot;, prefix*, AND, OR, NOT</source>
        <translation>шукати в усіх стенограмах: слова, &quot;фрази&quot;, префікс*, AND, OR, NOT</translation>
    </message>
    <message>
        <source>Only this project (a name or an id).</source>
        <translation>Лише цей проєкт (назва або ідентифікатор).</translation>
    </message>
    <message>
        <source>Only this session (an id).</source>
        <translation>Лише цей сеанс (ідентифікатор).</translation>
    </message>
    <message>
        <source>Only messages of this role: user, assistant, tool, system.</source>
        <translation>Лише повідомлення цієї ролі: user, assistant, tool, system.</translation>
    </message>
    <message>
        <source>Only messages at or after this time (ISO 8601).</source>
        <translation>Лише повідомлення від цього часу (ISO 8601).</translation>
    </message>
    <message>
        <source>Only messages before this time (ISO 8601).</source>
        <translation>Лише повідомлення до цього часу (ISO 8601).</translation>
    </message>
    <message>
        <source>At most this many hits (default 50).</source>
        <translation>Не більше стількох результатів (типово 50).</translation>
    </message>
    <message>
        <source>newest, relevance, or auto (default: ranked when there are few hits).</source>
        <translation>newest, relevance або auto (типово: за релевантністю, коли результатів небагато).</translation>
    </message>
    <message>
        <source>Also count every hit (reads them all).</source>
        <translation>Також порахувати всі результати (читає їх усі).</translation>
    </message>
    <message>
        <source>import needs at least one path</source>
        <translation>import потребує принаймні одного шляху</translation>
    </message>
    <message>
        <source>unknown format %1; `strata-cli import --list-formats` lists them</source>
        <translation>невідомий формат %1; `strata-cli import --list-formats` показує їх</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 не існує</translation>
    </message>
    <message>
        <source>cannot tell which format %1 is in; name it with --format</source>
        <translation>не вдається визначити формат %1; вкажіть його через --format</translation>
    </message>
    <message>
        <source>, %1 continued</source>
        <translation>, продовжено: %1</translation>
    </message>
    <message>
        <source>  skipped %1: %2</source>
        <translation>  пропущено %1: %2</translation>
    </message>
    <message>
        <source>  note: %1</source>
        <translation>  примітка: %1</translation>
    </message>
    <message>
        <source>--since and --until take an ISO 8601 date or time, such as 2025-08-01 or 2025-08-01T14:00Z</source>
        <translation>--since і --until приймають дату або час ISO 8601, як-от 2025-08-01 або 2025-08-01T14:00Z</translation>
    </message>
    <message>
        <source>--limit takes a positive number</source>
        <translation>--limit приймає додатне число</translation>
    </message>
    <message>
        <source>--order takes newest, relevance or auto</source>
        <translation>--order приймає newest, relevance або auto</translation>
    </message>
    <message>
        <source>--session takes a session id</source>
        <translation>--session приймає ідентифікатор сеансу</translation>
    </message>
    <message>
        <source>there is no project named %1; `strata-cli projects` lists them</source>
        <translation>немає проєкту з назвою %1; `strata-cli projects` показує їх</translation>
    </message>
    <message>
        <source>cannot read the search &quot;%1&quot;: %2</source>
        <translation>не вдається прочитати пошуковий запит &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>No messages match.</source>
        <translation>Жодне повідомлення не підходить.</translation>
    </message>
    <message>
        <source>More hits than these %1; raise --limit to see more.</source>
        <translation>Результатів більше, ніж ці %1; збільште --limit, щоб побачити більше.</translation>
    </message>
    <message>
        <source>%1 messages match in all.</source>
        <translation>Усього підходить повідомлень: %1.</translation>
    </message>
    <message>
        <source>that the store can be opened</source>
        <translation>що сховище можна відкрити</translation>
    </message>
    <message>
        <source>search needs something to look for, or a time range (--since, --until)</source>
        <translation>search потребує того, що шукати, або проміжку часу (--since, --until)</translation>
    </message>
    <message>
        <source>the versions of one workspace file, newest first</source>
        <translation>версії одного файлу робочого простору, новіші спершу</translation>
    </message>
    <message>
        <source>The project (a name or an id).</source>
        <translation>Проєкт (назва або id).</translation>
    </message>
    <message>
        <source>unified diff of two versions; A and B are version ids or disk:PATH</source>
        <translation>уніфікована різниця двох версій; A і B — id версій або disk:ШЛЯХ</translation>
    </message>
    <message>
        <source>Ignore all whitespace (git diff -w).</source>
        <translation>Ігнорувати всі пробіли (git diff -w).</translation>
    </message>
    <message>
        <source>Ignore changes in the amount of whitespace (git diff -b).</source>
        <translation>Ігнорувати зміну кількості пробілів (git diff -b).</translation>
    </message>
    <message>
        <source>Ignore whitespace at the ends of lines.</source>
        <translation>Ігнорувати пробіли в кінці рядків.</translation>
    </message>
    <message>
        <source>Ignore lines that are added or removed empty.</source>
        <translation>Ігнорувати додані чи вилучені порожні рядки.</translation>
    </message>
    <message>
        <source>Lines of context around each change (default 3; &quot;all&quot; for the whole file).</source>
        <translation>Рядків контексту навколо кожної зміни (типово 3; &quot;all&quot; — увесь файл).</translation>
    </message>
    <message>
        <source>put a version back into its workspace; what is on disk is kept as a version first</source>
        <translation>повернути версію в робочий простір; те, що на диску, спершу зберігається як версія</translation>
    </message>
    <message>
        <source>Show what would change; write nothing.</source>
        <translation>Показати, що зміниться; нічого не записувати.</translation>
    </message>
    <message>
        <source>Write the file.</source>
        <translation>Записати файл.</translation>
    </message>
    <message>
        <source>use: log --project P FILE</source>
        <translation>використання: log --project P ФАЙЛ</translation>
    </message>
    <message>
        <source>%1 projects are named %2; give the id</source>
        <translation>проєктів з назвою %2: %1; вкажіть id</translation>
    </message>
    <message>
        <source>project %1 has no versions of %2</source>
        <translation>у проєкті %1 немає версій %2</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 байтів</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>видалено</translation>
    </message>
    <message>
        <source>use: diff A B, where A and B are version ids (see `strata-cli log`) or disk:PATH</source>
        <translation>використання: diff A B, де A і B — id версій (див. `strata-cli log`) або disk:ШЛЯХ</translation>
    </message>
    <message>
        <source>--context takes a number of lines, or &quot;all&quot;</source>
        <translation>--context приймає кількість рядків або &quot;all&quot;</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>не вдається прочитати %1: %2</translation>
    </message>
    <message>
        <source>%1 is neither a version id nor disk:PATH</source>
        <translation>%1 не є ні id версії, ні disk:ШЛЯХ</translation>
    </message>
    <message>
        <source>there is no version %1 in the store</source>
        <translation>у сховищі немає версії %1</translation>
    </message>
    <message>
        <source>(%1 bytes, then %2 bytes)</source>
        <translation>(було %1 байтів, стало %2 байтів)</translation>
    </message>
    <message>
        <source>use: restore VERSION [--dry-run] [--yes], VERSION being an id `strata-cli log` lists</source>
        <translation>використання: restore ВЕРСІЯ [--dry-run] [--yes], де ВЕРСІЯ — id зі списку `strata-cli log`</translation>
    </message>
    <message>
        <source>%1 already holds version %2; nothing to do.</source>
        <translation>%1 уже містить версію %2; робити нічого.</translation>
    </message>
    <message>
        <source>Would write %1 (the diff above is from the disk to version %2).</source>
        <translation>Було б записано %1 (різниця вище — від диска до версії %2).</translation>
    </message>
    <message>
        <source>Would create %1 with version %2.</source>
        <translation>Було б створено %1 з версією %2.</translation>
    </message>
    <message>
        <source>restoring writes %1 (the diff above shows how); add --yes to do it</source>
        <translation>відновлення запише %1 (різниця вище показує як); додайте --yes, щоб виконати</translation>
    </message>
    <message>
        <source>Restored %1 to version %2.</source>
        <translation>%1 відновлено до версії %2.</translation>
    </message>
    <message>
        <source>What was on disk is kept as version %1: `strata-cli restore %1 --yes` puts it back.</source>
        <translation>Те, що було на диску, збережено як версію %1: `strata-cli restore %1 --yes` поверне його.</translation>
    </message>
    <message>
        <source>The file did not exist before: delete it to go back.</source>
        <translation>Раніше файлу не було: видаліть його, щоб повернутися.</translation>
    </message>
    <message>
        <source>binary, %1 bytes differ</source>
        <translation>двійковий, відрізняється байтів: %1</translation>
    </message>
    <message>
        <source>A label for the new snapshot.</source>
        <translation>Позначка нового знімка.</translation>
    </message>
    <message>
        <source>Also print the diff of every changed file.</source>
        <translation>Також вивести різницю кожного зміненого файлу.</translation>
    </message>
    <message>
        <source>there is no snapshot %1; `strata-cli snapshot list` lists them</source>
        <translation>знімка %1 немає; `strata-cli snapshot list` показує їх</translation>
    </message>
    <message>
        <source>use: snapshot create [--project P] [--label L] [DIR]</source>
        <translation>використання: snapshot create [--project P] [--label L] [ТЕКА]</translation>
    </message>
    <message>
        <source>the folder %1 does not exist; nothing was stored</source>
        <translation>теки %1 не існує; нічого не збережено</translation>
    </message>
    <message>
        <source>New project %1 (%2) for %3.</source>
        <translation>Новий проєкт %1 (%2) для %3.</translation>
    </message>
    <message>
        <source>project %1 has no workspace folder</source>
        <translation>проєкт %1 не має теки робочого простору</translation>
    </message>
    <message>
        <source>Snapshot %1 of %2: %3 files, %4; read %5 files, %6 new contents.</source>
        <translation>Знімок %1 проєкту %2: файлів: %3, %4; прочитано файлів: %5, нового вмісту: %6.</translation>
    </message>
    <message>
        <source>%1 files</source>
        <translation>файлів: %1</translation>
    </message>
    <message>
        <source>use: snapshot show S</source>
        <translation>використання: snapshot show S</translation>
    </message>
    <message>
        <source>use: snapshot diff A B [--patch], A and B being snapshot ids, labels, or disk</source>
        <translation>використання: snapshot diff A B [--patch], де A і B — id знімків, позначки або disk</translation>
    </message>
    <message>
        <source>the first of the two must be a snapshot; use disk as the second</source>
        <translation>перший із двох має бути знімком; disk вказуйте другим</translation>
    </message>
    <message>
        <source>the project of snapshot %1 has no workspace folder</source>
        <translation>проєкт знімка %1 не має теки робочого простору</translation>
    </message>
    <message>
        <source>  (binary)</source>
        <translation>  (двійковий)</translation>
    </message>
    <message>
        <source>No differences.</source>
        <translation>Різниці немає.</translation>
    </message>
    <message>
        <source>snapshots of a workspace: create [--project P] [--label L] [DIR], list, show S, diff A B [--patch] (A, B: an id, a label, or disk), restore S [--files PATH...] [--delete-extra] [--dry-run] [--yes]</source>
        <translation>знімки робочого простору: create [--project P] [--label L] [ТЕКА], list, show S, diff A B [--patch] (A, B: id, позначка або disk), restore S [--files ШЛЯХ...] [--delete-extra] [--dry-run] [--yes]</translation>
    </message>
    <message>
        <source>restore: only these files or folders (the paths after the snapshot).</source>
        <translation>restore: лише ці файли чи теки (шляхи після знімка).</translation>
    </message>
    <message>
        <source>restore: also delete files the snapshot does not have.</source>
        <translation>restore: також видалити файли, яких немає в знімку.</translation>
    </message>
    <message>
        <source>restore: show what would change; write nothing.</source>
        <translation>restore: показати, що зміниться; нічого не записувати.</translation>
    </message>
    <message>
        <source>restore: write the files.</source>
        <translation>restore: записати файли.</translation>
    </message>
    <message>
        <source>use: snapshot create [--project P] [--label L] [DIR], snapshot list [--project P], snapshot show S, snapshot diff A B [--patch], or snapshot restore S [--files PATH...] [--delete-extra] [--dry-run] [--yes]</source>
        <translation>використання: snapshot create [--project P] [--label L] [ТЕКА], snapshot list [--project P], snapshot show S, snapshot diff A B [--patch] або snapshot restore S [--files ШЛЯХ...] [--delete-extra] [--dry-run] [--yes]</translation>
    </message>
    <message>
        <source>use: snapshot restore S [--files PATH...] [--delete-extra] [--dry-run] [--yes]</source>
        <translation>використання: snapshot restore S [--files ШЛЯХ...] [--delete-extra] [--dry-run] [--yes]</translation>
    </message>
    <message>
        <source>write </source>
        <translation>запис </translation>
    </message>
    <message>
        <source>create</source>
        <translation>нове  </translation>
    </message>
    <message>
        <source>delete</source>
        <translation>вилуч.</translation>
    </message>
    <message>
        <source>The workspace already matches snapshot %1; nothing to do.</source>
        <translation>Робочий простір уже відповідає знімку %1; робити нічого.</translation>
    </message>
    <message>
        <source>Would change %1 files in %2.</source>
        <translation>Було б змінено файлів у %2: %1.</translation>
    </message>
    <message>
        <source>restoring changes the %1 files above in %2; add --yes to do it</source>
        <translation>відновлення змінить наведені вище файли (%1) у %2; додайте --yes, щоб виконати</translation>
    </message>
    <message>
        <source>Restored snapshot %1: %2 written, %3 created, %4 deleted. The workspace as it was is snapshot %5: `strata-cli snapshot restore %5 --delete-extra --yes` puts it back.</source>
        <translation>Знімок %1 відновлено: записано %2, створено %3, видалено %4. Робочий простір, яким він був, — знімок %5: `strata-cli snapshot restore %5 --delete-extra --yes` поверне його.</translation>
    </message>
    <message>
        <source>%1 (%2): %3 projects, %4 sessions, %5 messages, %6 file versions, %7 snapshots added</source>
        <translation>%1 (%2): додано проєктів: %3, сеансів: %4, повідомлень: %5, версій файлів: %6, знімків: %7</translation>
    </message>
    <message>
        <source>git: also keep every commit&apos;s whole tree as a snapshot.</source>
        <translation>git: також зберегти все дерево кожного коміту як знімок.</translation>
    </message>
    <message>
        <source>list the tasks (newest first) with their status, phase and cost</source>
        <translation>перелічити задачі (найновіші першими) зі станом, фазою й вартістю</translation>
    </message>
    <message>
        <source>Only tasks with this status.</source>
        <translation>Лише задачі з цим станом.</translation>
    </message>
    <message>
        <source>Only tasks whose id or title holds this text.</source>
        <translation>Лише задачі, чий ідентифікатор чи назва містить цей текст.</translation>
    </message>
    <message>
        <source>show a task: its phases, gate decisions, comments, attachments, transcripts and file changes</source>
        <translation>показати задачу: фази, рішення на контрольних точках, коментарі, вкладення, розмови й зміни файлів</translation>
    </message>
    <message>
        <source>the event log, oldest first</source>
        <translation>журнал подій, найстаріші першими</translation>
    </message>
    <message>
        <source>Only this task&apos;s events.</source>
        <translation>Лише події цієї задачі.</translation>
    </message>
    <message>
        <source>Only events of these types (separated by commas).</source>
        <translation>Лише події цих типів (через кому).</translation>
    </message>
    <message>
        <source>From this time (ISO 8601).</source>
        <translation>Від цього часу (ISO 8601).</translation>
    </message>
    <message>
        <source>Up to this time (ISO 8601).</source>
        <translation>До цього часу (ISO 8601).</translation>
    </message>
    <message>
        <source>At most this many events (default 1000; 0 for all).</source>
        <translation>Щонайбільше стільки подій (типово 1000; 0 — усі).</translation>
    </message>
    <message>
        <source>out_of_context&apos;s context segments, newest first; --by lists the tasks, files or tags with counts</source>
        <translation>сегменти контексту out_of_context, найновіші першими; --by перелічує задачі, файли чи мітки з кількостями</translation>
    </message>
    <message>
        <source>Only this task&apos;s segments.</source>
        <translation>Лише сегменти цієї задачі.</translation>
    </message>
    <message>
        <source>Only segments of this file.</source>
        <translation>Лише сегменти цього файлу.</translation>
    </message>
    <message>
        <source>Only segments with this tag.</source>
        <translation>Лише сегменти з цією міткою.</translation>
    </message>
    <message>
        <source>List the tasks, files or tags instead, with how many segments each has.</source>
        <translation>Натомість перелічити задачі, файли чи мітки з кількістю сегментів у кожної.</translation>
    </message>
    <message>
        <source>Astro / griffin-hub plans, runs, agents and queued jobs with status, attempts, run-at and last error</source>
        <translation>плани, запуски, агенти й завдання черги Astro / griffin-hub зі станом, спробами, часом запуску й останньою помилкою</translation>
    </message>
    <message>
        <source>Only plans, runs, agents or jobs.</source>
        <translation>Лише плани, запуски, агенти чи завдання.</translation>
    </message>
    <message>
        <source>Only with this status.</source>
        <translation>Лише з цим станом.</translation>
    </message>
    <message>
        <source>write a task&apos;s artifacts to a new folder or zip, with a manifest of every file&apos;s SHA-256</source>
        <translation>записати артефакти задачі в нову теку чи zip із маніфестом SHA-256 кожного файлу</translation>
    </message>
    <message>
        <source>The folder or zip to make.</source>
        <translation>Тека чи zip, які створити.</translation>
    </message>
    <message>
        <source>Write one zip file instead of a folder.</source>
        <translation>Записати один файл zip замість теки.</translation>
    </message>
    <message>
        <source>strata (everything, the default) or orc (orc&apos;s own export: task.yaml, state.yaml, context.md, transcripts).</source>
        <translation>strata (усе, типово) або orc (власний експорт orc: task.yaml, state.yaml, context.md, розмови).</translation>
    </message>
    <message>
        <source>check an export (folder or zip) against its manifest; exit 2 naming each missing, extra or altered file</source>
        <translation>перевірити експорт (теку чи zip) за його маніфестом; код 2 і назва кожного відсутнього, зайвого чи зміненого файлу</translation>
    </message>
    <message>
        <source>tasks: %1</source>
        <translation>задач: %1</translation>
    </message>
    <message>
        <source>events: %1</source>
        <translation>подій: %1</translation>
    </message>
    <message>
        <source>attachments and outputs: %1</source>
        <translation>вкладень і результатів: %1</translation>
    </message>
    <message>
        <source>context segments: %1</source>
        <translation>сегментів контексту: %1</translation>
    </message>
    <message>
        <source>plans, runs, agents and jobs: %1</source>
        <translation>планів, запусків, агентів і завдань: %1</translation>
    </message>
    <message>
        <source>tasks takes no arguments; `strata-cli task ID` shows one</source>
        <translation>tasks не приймає аргументів; `strata-cli task ID` показує одну задачу</translation>
    </message>
    <message>
        <source>No tasks. Import an orchestrator&apos;s data (strata-cli import --format orc PATH) to see its tasks.</source>
        <translation>Задач немає. Імпортуйте дані оркестратора (strata-cli import --format orc ШЛЯХ), щоб побачити його задачі.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>TASK</source>
        <translation>ЗАДАЧА</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>СТАН</translation>
    </message>
    <message>
        <source>PHASE</source>
        <translation>ФАЗА</translation>
    </message>
    <message>
        <source>CREATED (UTC)</source>
        <translation>СТВОРЕНО (UTC)</translation>
    </message>
    <message>
        <source>COST</source>
        <translation>ВАРТІСТЬ</translation>
    </message>
    <message>
        <source>TITLE</source>
        <translation>НАЗВА</translation>
    </message>
    <message>
        <source>task takes one task: its id in the store or its key (TASK-001)</source>
        <translation>task приймає одну задачу: її номер у сховищі або ключ (TASK-001)</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Проєкт</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Стан</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Фаза</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Обсяг</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Пріоритет</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категорія</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>Гілка</translation>
    </message>
    <message>
        <source>Initiative</source>
        <translation>Ініціатива</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Створено</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Почато</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Завершено</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Вартість</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Токени</translation>
    </message>
    <message>
        <source>%1 in, %2 out</source>
        <translation>%1 на вході, %2 на виході</translation>
    </message>
    <message>
        <source>Depends on</source>
        <translation>Залежить від</translation>
    </message>
    <message>
        <source>Phases</source>
        <translation>Фази</translation>
    </message>
    <message>
        <source>iterations: %1</source>
        <translation>ітерацій: %1</translation>
    </message>
    <message>
        <source>Gate decisions</source>
        <translation>Рішення на контрольних точках</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>схвалено</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>відхилено</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Коментарі</translation>
    </message>
    <message>
        <source>Attachments and outputs</source>
        <translation>Вкладення й результати</translation>
    </message>
    <message>
        <source>Workflow runs</source>
        <translation>Запуски робочих процесів</translation>
    </message>
    <message>
        <source>Transcripts</source>
        <translation>Розмови</translation>
    </message>
    <message>
        <source>messages: %1</source>
        <translation>повідомлень: %1</translation>
    </message>
    <message>
        <source>File changes</source>
        <translation>Зміни файлів</translation>
    </message>
    <message>
        <source>events takes no arguments; filter with --project, --task, --type, --since, --until</source>
        <translation>events не приймає аргументів; фільтруйте через --project, --task, --type, --since, --until</translation>
    </message>
    <message>
        <source>--limit takes a number (0 for all)</source>
        <translation>--limit приймає число (0 — усі)</translation>
    </message>
    <message>
        <source>No events match.</source>
        <translation>Жодна подія не підходить.</translation>
    </message>
    <message>
        <source>use: export TASK --to PATH [--zip] [--layout strata|orc]</source>
        <translation>використання: export ЗАДАЧА --to ШЛЯХ [--zip] [--layout strata|orc]</translation>
    </message>
    <message>
        <source>--layout takes strata or orc</source>
        <translation>--layout приймає strata або orc</translation>
    </message>
    <message>
        <source>Exported %1 to %2: %3 files and a manifest.</source>
        <translation>%1 експортовано в %2: файлів — %3, і маніфест.</translation>
    </message>
    <message>
        <source>verify-export takes one folder or zip</source>
        <translation>verify-export приймає одну теку чи zip</translation>
    </message>
    <message>
        <source>%1 matches its manifest.</source>
        <translation>%1 відповідає своєму маніфесту.</translation>
    </message>
    <message>
        <source>%1 does not match its manifest.</source>
        <translation>%1 не відповідає своєму маніфесту.</translation>
    </message>
    <message>
        <source>segments takes no arguments; filter with --project, --task, --file, --tag</source>
        <translation>segments не приймає аргументів; фільтруйте через --project, --task, --file, --tag</translation>
    </message>
    <message>
        <source>--by takes task, file or tag</source>
        <translation>--by приймає task, file або tag</translation>
    </message>
    <message>
        <source>No context segments match.</source>
        <translation>Жоден сегмент контексту не підходить.</translation>
    </message>
    <message>
        <source>jobs takes no arguments; filter with --project, --kind, --status</source>
        <translation>jobs не приймає аргументів; фільтруйте через --project, --kind, --status</translation>
    </message>
    <message>
        <source>--kind takes plan, run, agent or job</source>
        <translation>--kind приймає plan, run, agent або job</translation>
    </message>
    <message>
        <source>No plans, runs, agents or jobs. Import an Astro store: strata-cli import --format astro PATH</source>
        <translation>Планів, запусків, агентів чи завдань немає. Імпортуйте сховище Astro: strata-cli import --format astro ШЛЯХ</translation>
    </message>
    <message>
        <source>The smallest diff (git diff --minimal).</source>
        <translation>Найменша різниця (git diff --minimal).</translation>
    </message>
    <message>
        <source>Leave hunks where they are first found (git diff --no-indent-heuristic).</source>
        <translation>Залишати фрагменти там, де їх знайдено вперше (git diff --no-indent-heuristic).</translation>
    </message>
</context>
<context>
    <name>CodexImporter</name>
    <message>
        <source>Codex CLI sessions (~/.codex/sessions)</source>
        <translation>Сеанси Codex CLI (~/.codex/sessions)</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 не існує</translation>
    </message>
    <message>
        <source>%1 holds no Codex rollouts (rollout-*.jsonl)</source>
        <translation>%1 не містить журналів Codex (rollout-*.jsonl)</translation>
    </message>
    <message>
        <source>patches to files the store has no earlier version of, kept in the transcript only: %1 (import the project&apos;s git repository first to have them as versions)</source>
        <translation>латок до файлів без попередньої версії у сховищі, збережених лише в розмові: %1 (спершу імпортуйте git-репозиторій проєкту, щоб мати їх як версії)</translation>
    </message>
    <message>
        <source>turn aborted: %1</source>
        <translation>хід перервано: %1</translation>
    </message>
    <message>
        <source>patch applied to %1</source>
        <translation>латку застосовано до %1</translation>
    </message>
</context>
<context>
    <name>CodexPatch</name>
    <message>
        <source>not an apply_patch patch (no &quot;*** Begin Patch&quot;)</source>
        <translation>не латка apply_patch (немає &quot;*** Begin Patch&quot;)</translation>
    </message>
    <message>
        <source>cannot read the patch at &quot;%1&quot;</source>
        <translation>не вдається прочитати латку на &quot;%1&quot;</translation>
    </message>
    <message>
        <source>a patch names a file without its path</source>
        <translation>латка називає файл без шляху</translation>
    </message>
    <message>
        <source>part %1 of the patch to %2 does not match the file it was made for</source>
        <translation>частина %1 латки до %2 не відповідає файлу, для якого її зроблено</translation>
    </message>
</context>
<context>
    <name>Compression</name>
    <message>
        <source>a compressed record is damaged</source>
        <translation>стиснений запис пошкоджено</translation>
    </message>
    <message>
        <source>a compressed record is damaged: %1</source>
        <translation>стиснений запис пошкоджено: %1</translation>
    </message>
</context>
<context>
    <name>ConversationModel</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Cannot load the conversation: %1</source>
        <translation>Не вдається завантажити розмову: %1</translation>
    </message>
</context>
<context>
    <name>ConversationView</name>
    <message>
        <source>You</source>
        <translation>Ви</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Агент</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>Інструмент</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Система</translation>
    </message>
    <message>
        <source>Tool call</source>
        <translation>Виклик інструмента</translation>
    </message>
    <message>
        <source>Tool result</source>
        <translation>Результат інструмента</translation>
    </message>
    <message>
        <source>Thinking</source>
        <translation>Міркування</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Контекст</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Підсумок</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Помилка</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Подія</translation>
    </message>
    <message numerus="yes">
        <source>%n output tokens</source>
        <translation>
            <numerusform>%n вихідний токен</numerusform>
            <numerusform>%n вихідні токени</numerusform>
            <numerusform>%n вихідних токенів</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show all %n lines</source>
        <translation>
            <numerusform>Показати весь %n рядок</numerusform>
            <numerusform>Показати всі %n рядки</numerusform>
            <numerusform>Показати всі %n рядків</numerusform>
        </translation>
    </message>
    <message>
        <source>Open a search hit to read its conversation.</source>
        <translation>Відкрийте результат пошуку, щоб прочитати його розмову.</translation>
    </message>
    <message>
        <source>Show the next messages</source>
        <translation>Показати наступні повідомлення</translation>
    </message>
    <message>
        <source>This session has no messages.</source>
        <translation>У цьому сеансі немає повідомлень.</translation>
    </message>
</context>
<context>
    <name>DemoStore</name>
    <message>
        <source>cannot read the demo sample %1</source>
        <translation>не вдається прочитати демонстраційний зразок %1</translation>
    </message>
</context>
<context>
    <name>Diff</name>
    <message>
        <source>cannot compare the texts: %1</source>
        <translation>не вдається порівняти тексти: %1</translation>
    </message>
</context>
<context>
    <name>DiffView</name>
    <message>
        <source>Previous Change</source>
        <translation>Попередня зміна</translation>
    </message>
    <message>
        <source>Previous change (Shift+F7)</source>
        <translation>Попередня зміна (Shift+F7)</translation>
    </message>
    <message>
        <source>Next Change</source>
        <translation>Наступна зміна</translation>
    </message>
    <message>
        <source>Next change (F7)</source>
        <translation>Наступна зміна (F7)</translation>
    </message>
    <message>
        <source>Side by Side</source>
        <translation>Поруч</translation>
    </message>
    <message>
        <source>Ignore Whitespace</source>
        <translation>Ігнорувати пробіли</translation>
    </message>
    <message>
        <source>Whole File</source>
        <translation>Увесь файл</translation>
    </message>
    <message>
        <source>Show every line, not only the changes and three lines around them</source>
        <translation>Показати всі рядки, а не лише зміни й три рядки довкола них</translation>
    </message>
    <message>
        <source>%1  →  %2</source>
        <translation>%1  →  %2</translation>
    </message>
    <message>
        <source>Binary files: %1 bytes differ (%2 bytes, then %3 bytes)</source>
        <translation>Двійкові файли: відрізняється байтів: %1 (було %2 байтів, стало %3 байтів)</translation>
    </message>
    <message>
        <source>No differences but in whitespace</source>
        <translation>Різниця лише в пробілах</translation>
    </message>
    <message>
        <source>No differences</source>
        <translation>Різниці немає</translation>
    </message>
    <message>
        <source>+%1 −%2; changes: %3</source>
        <translation>+%1 −%2; змін: %3</translation>
    </message>
    <message>
        <source>, whitespace ignored</source>
        <translation>, пробіли ігноруються</translation>
    </message>
</context>
<context>
    <name>EventsModel</name>
    <message>
        <source>Time</source>
        <translation>Час</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Задача</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Фаза</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Джерело</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>Дані</translation>
    </message>
</context>
<context>
    <name>EventsPane</name>
    <message>
        <source>from (2026-01-21)</source>
        <translation>від (2026-01-21)</translation>
    </message>
    <message>
        <source>to (2026-01-22 18:00)</source>
        <translation>до (2026-01-22 18:00)</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Тип:</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Усі типи</translation>
    </message>
    <message>
        <source>Times are written as 2026-01-21 or 2026-01-21 14:00 (UTC); that one was left out.</source>
        <translation>Час пишуть як 2026-01-21 або 2026-01-21 14:00 (UTC); цей не враховано.</translation>
    </message>
    <message>
        <source>No events here. Events come from orc&apos;s event log and Arium&apos;s history.log.</source>
        <translation>Подій тут немає. Події беруться з журналу подій orc і history.log Arium.</translation>
    </message>
    <message>
        <source>Cannot read the events: %1</source>
        <translation>Не вдається прочитати події: %1</translation>
    </message>
</context>
<context>
    <name>FileHistoryModel</name>
    <message>
        <source>unknown</source>
        <translation>невідомо</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>видалено</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Час</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Автор</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Походження</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Розмір</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Рядки</translation>
    </message>
    <message>
        <source>%1 (%2%3)</source>
        <translation>%1 (%2%3)</translation>
    </message>
</context>
<context>
    <name>FileTreeModel</name>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Версії</translation>
    </message>
    <message>
        <source>Deleted in its latest version</source>
        <translation>Видалений в останній версії</translation>
    </message>
</context>
<context>
    <name>FileVersions</name>
    <message>
        <source>%1 is not a path inside the workspace</source>
        <translation>%1 не є шляхом усередині робочого простору</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>не вдається записати %1: %2</translation>
    </message>
    <message>
        <source>cannot save %1: %2</source>
        <translation>не вдається зберегти %1: %2</translation>
    </message>
    <message>
        <source>cannot create folder %1: a file of that name is in the way</source>
        <translation>не вдається створити теку %1: заважає файл із такою назвою</translation>
    </message>
    <message>
        <source>cannot create folder %1: %2</source>
        <translation>не вдається створити теку %1: %2</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>доступ заборонено</translation>
    </message>
    <message>
        <source>the system refused</source>
        <translation>система відмовила</translation>
    </message>
</context>
<context>
    <name>FilesPane</name>
    <message>
        <source>Choose one version to see what it changed, or two to compare them</source>
        <translation>Виберіть одну версію, щоб побачити її зміни, або дві, щоб їх порівняти</translation>
    </message>
    <message>
        <source>Compare with Disk</source>
        <translation>Порівняти з диском</translation>
    </message>
    <message>
        <source>Restore This Version…</source>
        <translation>Відновити цю версію…</translation>
    </message>
    <message>
        <source>Show Origin</source>
        <translation>Показати походження</translation>
    </message>
    <message>
        <source>Open the message or show the commit that made this version</source>
        <translation>Відкрити повідомлення або показати коміт, що створив цю версію</translation>
    </message>
    <message>
        <source>Cannot read the files: %1</source>
        <translation>Не вдається прочитати файли: %1</translation>
    </message>
    <message>
        <source>The store has no file versions of this project</source>
        <translation>У сховищі немає версій файлів цього проєкту</translation>
    </message>
    <message>
        <source>Choose a file to see its history</source>
        <translation>Виберіть файл, щоб побачити його історію</translation>
    </message>
    <message>
        <source>%1, version %2</source>
        <translation>%1, версія %2</translation>
    </message>
    <message>
        <source>Comparing two versions</source>
        <translation>Порівняння двох версій</translation>
    </message>
    <message>
        <source>(no earlier version)</source>
        <translation>(ранішої версії немає)</translation>
    </message>
    <message>
        <source>What version %1 changed</source>
        <translation>Що змінила версія %1</translation>
    </message>
    <message>
        <source>%1 is not on disk</source>
        <translation>%1 немає на диску</translation>
    </message>
    <message>
        <source>%1 on disk</source>
        <translation>%1 на диску</translation>
    </message>
    <message>
        <source>Version %1 against the file on disk</source>
        <translation>Версія %1 порівняно з файлом на диску</translation>
    </message>
    <message>
        <source>Cannot Restore</source>
        <translation>Не вдається відновити</translation>
    </message>
    <message>
        <source>The file on disk already holds version %1</source>
        <translation>Файл на диску вже містить версію %1</translation>
    </message>
    <message>
        <source>Restored version %1; Edit ▸ Undo Restore puts back what was there</source>
        <translation>Версію %1 відновлено; Редагування ▸ Скасувати відновлення поверне те, що було</translation>
    </message>
    <message>
        <source>Commit %1
by %2
on %3</source>
        <translation>Коміт %1
автор %2
час %3</translation>
    </message>
    <message>
        <source>%1 %2
by %3
on %4</source>
        <translation>%1 %2
автор %3
час %4</translation>
    </message>
    <message>
        <source>Origin of Version %1</source>
        <translation>Походження версії %1</translation>
    </message>
</context>
<context>
    <name>GitImporter</name>
    <message>
        <source>A git repository (every commit&apos;s changed files)</source>
        <translation>Репозиторій git (змінені файли кожного коміту)</translation>
    </message>
    <message>
        <source>%1 is not a git repository: %2</source>
        <translation>%1 не є репозиторієм git: %2</translation>
    </message>
    <message>
        <source>the import was cancelled</source>
        <translation>імпорт скасовано</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import</source>
        <translation>Імпорт</translation>
    </message>
    <message>
        <source>A folder or file an agent wrote</source>
        <translation>Тека або файл, записані агентом</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>Тека…</translation>
    </message>
    <message>
        <source>File…</source>
        <translation>Файл…</translation>
    </message>
    <message>
        <source>Recognise from the source</source>
        <translation>Розпізнати за джерелом</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Джерело:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Формат:</translation>
    </message>
    <message>
        <source>Import a folder</source>
        <translation>Імпортувати теку</translation>
    </message>
    <message>
        <source>Import a file</source>
        <translation>Імпортувати файл</translation>
    </message>
    <message>
        <source>Choose a folder or file to import.</source>
        <translation>Виберіть теку або файл для імпорту.</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 не існує.</translation>
    </message>
    <message>
        <source>Strata cannot tell what %1 is. Choose its format.</source>
        <translation>Strata не може визначити, що таке %1. Виберіть його формат.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
    <message>
        <source>Importing %1 as %2…</source>
        <translation>Імпорт %1 як %2…</translation>
    </message>
    <message>
        <source>Cancelling; what was read so far is kept…</source>
        <translation>Скасування; прочитане досі зберігається…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрити</translation>
    </message>
    <message>
        <source>Cancelled. What was read until then is kept; importing again goes on from there.</source>
        <translation>Скасовано. Прочитане до того зберігається; повторний імпорт продовжить звідти.</translation>
    </message>
    <message>
        <source>The import stopped: %1. What was read before that is kept.</source>
        <translation>Імпорт зупинився: %1. Прочитане до того зберігається.</translation>
    </message>
    <message numerus="yes">
        <source>Skipped %n items:</source>
        <translation>
            <numerusform>Пропущено %n елемент:</numerusform>
            <numerusform>Пропущено %n елементи:</numerusform>
            <numerusform>Пропущено %n елементів:</numerusform>
        </translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Примітки:</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Скасовано.</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Готово.</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Зупинено.</translation>
    </message>
    <message>
        <source>Added %1 projects, %2 sessions, %3 messages and %4 file versions; %5 messages continued.</source>
        <translation>Додано проєктів: %1, сеансів: %2, повідомлень: %3, версій файлів: %4; продовжено повідомлень: %5.</translation>
    </message>
</context>
<context>
    <name>JobListModel</name>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Назва</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Стан</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Спроби</translation>
    </message>
    <message>
        <source>Runs at</source>
        <translation>Запуск о</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Почато</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Завершено</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Остання помилка</translation>
    </message>
</context>
<context>
    <name>JobsPane</name>
    <message>
        <source>Everything</source>
        <translation>Усе</translation>
    </message>
    <message>
        <source>Plans</source>
        <translation>Плани</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Запуски</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>Агенти</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Завдання</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Показати:</translation>
    </message>
    <message>
        <source>Nothing here. Plans, runs, agents and jobs come from Astro or griffin-hub: File ▸ Import… its database or a PostgreSQL dump.</source>
        <translation>Тут нічого немає. Плани, запуски, агенти й завдання беруться з Astro чи griffin-hub: Файл ▸ Імпорт… його бази даних або дампу PostgreSQL.</translation>
    </message>
    <message>
        <source>Cannot read the jobs: %1</source>
        <translation>Не вдається прочитати завдання: %1</translation>
    </message>
</context>
<context>
    <name>JsonLines</name>
    <message>
        <source>empty line</source>
        <translation>порожній рядок</translation>
    </message>
    <message>
        <source>not valid UTF-8 (at byte %1)</source>
        <translation>некоректний UTF-8 (на байті %1)</translation>
    </message>
    <message>
        <source>a JSON value that is not an object</source>
        <translation>значення JSON, яке не є об’єктом</translation>
    </message>
    <message>
        <source>not valid JSON: %1 at byte %2</source>
        <translation>некоректний JSON: %1 на байті %2</translation>
    </message>
    <message>
        <source>%1 changed since the last import; read it again from the start (messages already in the store are not added twice).</source>
        <translation>%1 змінився після останнього імпорту; його прочитано знову з початку (повідомлення, що вже є у сховищі, не додаються вдруге).</translation>
    </message>
    <message>
        <source>incomplete last line (%1 bytes, no line break); it is read once it is complete</source>
        <translation>неповний останній рядок (%1 байтів, без розриву рядка); його буде прочитано, щойно він стане повним</translation>
    </message>
    <message>
        <source>empty first line</source>
        <translation>порожній перший рядок</translation>
    </message>
    <message>
        <source>the import was cancelled</source>
        <translation>імпорт скасовано</translation>
    </message>
</context>
<context>
    <name>LineReader</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>не вдається прочитати %1: %2</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>New Store: choose or create an empty folder</source>
        <translation>Нове сховище: виберіть або створіть порожню теку</translation>
    </message>
    <message>
        <source>Open Store: choose a store folder</source>
        <translation>Відкрити сховище: виберіть теку сховища</translation>
    </message>
    <message>
        <source>Strata</source>
        <translation>Strata</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>Проєкти</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;New Store…</source>
        <translation>&amp;Нове сховище…</translation>
    </message>
    <message>
        <source>&amp;Open Store…</source>
        <translation>&amp;Відкрити сховище…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Недавні</translation>
    </message>
    <message>
        <source>&amp;Close Store</source>
        <translation>&amp;Закрити сховище</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Ви&amp;йти</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вигляд</translation>
    </message>
    <message>
        <source>Show &amp;Sidebar</source>
        <translation>Показувати &amp;бічну панель</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Оновити</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Довідка</translation>
    </message>
    <message>
        <source>&amp;About Strata</source>
        <translation>&amp;Про Strata</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Про &amp;Qt</translation>
    </message>
    <message>
        <source>Clear Recent Stores</source>
        <translation>Очистити список недавніх сховищ</translation>
    </message>
    <message>
        <source>Cannot open the store in %1.
%2</source>
        <translation>Не вдається відкрити сховище в %1.
%2</translation>
    </message>
    <message>
        <source>Cannot open the store: %1</source>
        <translation>Не вдається відкрити сховище: %1</translation>
    </message>
    <message>
        <source>%1 — Strata</source>
        <translation>%1 — Strata</translation>
    </message>
    <message>
        <source>Store: %1</source>
        <translation>Сховище: %1</translation>
    </message>
    <message>
        <source>Upgraded the store to schema %1; the backup made first is %2.</source>
        <translation>Сховище оновлено до схеми %1; резервна копія, зроблена перед цим: %2.</translation>
    </message>
    <message>
        <source>This store has no projects yet.</source>
        <translation>У цьому сховищі ще немає проєктів.</translation>
    </message>
    <message>
        <source>About Strata</source>
        <translation>Про Strata</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Strata %1&lt;/h3&gt;&lt;p&gt;Browse, search, compare and restore the work of AI coding agents.&lt;/p&gt;&lt;p&gt;%2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Strata %1&lt;/h3&gt;&lt;p&gt;Перегляд, пошук, порівняння та відновлення роботи агентів ШІ для програмування.&lt;/p&gt;&lt;p&gt;%2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Project</source>
        <translation>&amp;Проєкт</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Перейменувати…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Видалити…</translation>
    </message>
    <message>
        <source>Rename Project</source>
        <translation>Перейменувати проєкт</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Нова назва:</translation>
    </message>
    <message>
        <source>Cannot rename the project: %1</source>
        <translation>Не вдається перейменувати проєкт: %1</translation>
    </message>
    <message>
        <source>Renamed “%1” to “%2”.</source>
        <translation>«%1» перейменовано на «%2».</translation>
    </message>
    <message>
        <source>Delete the project “%1” and everything this store holds of it?

Its workspace files on disk are not touched, and importing its source again brings it back.</source>
        <translation>Видалити проєкт «%1» і все, що це сховище має про нього?

Файли його робочої теки на диску не зачіпаються, а повторний імпорт джерела поверне його.</translation>
    </message>
    <message>
        <source>Delete Project</source>
        <translation>Видалити проєкт</translation>
    </message>
    <message>
        <source>Cannot delete the project: %1</source>
        <translation>Не вдається видалити проєкт: %1</translation>
    </message>
    <message>
        <source>Deleted the project “%1”.</source>
        <translation>Проєкт «%1» видалено.</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Огляд</translation>
    </message>
    <message>
        <source>Transcripts</source>
        <translation>Розмови</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Імпорт…</translation>
    </message>
    <message>
        <source>&amp;Search Transcripts</source>
        <translation>&amp;Пошук у стенограмах</translation>
    </message>
    <message>
        <source>Preparing the demo store…</source>
        <translation>Готування демонстраційного сховища…</translation>
    </message>
    <message>
        <source>Cannot make the demo store in %1.
%2</source>
        <translation>Не вдається створити демонстраційне сховище в %1.
%2</translation>
    </message>
    <message>
        <source>Cannot make the demo store: %1</source>
        <translation>Не вдається створити демонстраційне сховище: %1</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Файли</translation>
    </message>
    <message>
        <source>Restored %1.</source>
        <translation>Відновлено %1.</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Редагування</translation>
    </message>
    <message>
        <source>&amp;Undo Restore</source>
        <translation>&amp;Скасувати відновлення</translation>
    </message>
    <message>
        <source>Cannot undo the restore: %1</source>
        <translation>Не вдається скасувати відновлення: %1</translation>
    </message>
    <message>
        <source>Cannot Undo Restore</source>
        <translation>Не вдається скасувати відновлення</translation>
    </message>
    <message>
        <source>Put back what %1 held before the restore.</source>
        <translation>Повернено те, що містив %1 до відновлення.</translation>
    </message>
    <message>
        <source>Import finished: %1 messages and %2 file versions added.</source>
        <translation>Імпорт завершено: додано повідомлень: %1, версій файлів: %2.</translation>
    </message>
    <message>
        <source>Snapshots</source>
        <translation>Знімки</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Задачі</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Події</translation>
    </message>
    <message>
        <source>&amp;Task</source>
        <translation>&amp;Задача</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Експорт…</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>Сегменти</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Завдання</translation>
    </message>
</context>
<context>
    <name>OrcDatabase</name>
    <message>
        <source>%1 was read as it is on disk (its folder is read-only, so orc cannot be writing to it)</source>
        <translation>%1 прочитано в тому вигляді, в якому він є на диску (його тека лише для читання, тож orc не може в нього писати)</translation>
    </message>
    <message>
        <source>cannot read %1 as an orc database</source>
        <translation>не вдається прочитати %1 як базу даних orc</translation>
    </message>
</context>
<context>
    <name>OrcImporter</name>
    <message>
        <source>orc database (.orc/orc.db or ~/.orc)</source>
        <translation>База даних orc (.orc/orc.db або ~/.orc)</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 не існує</translation>
    </message>
    <message>
        <source>it has none of orc&apos;s tables (tasks, transcripts, or a project registry)</source>
        <translation>у ній немає жодної таблиці orc (задач, розмов чи реєстру проєктів)</translation>
    </message>
    <message>
        <source>%1 has no transcripts table (orc before January 2026 kept them elsewhere)</source>
        <translation>%1 не має таблиці розмов (orc до січня 2026 тримав їх деінде)</translation>
    </message>
    <message>
        <source>%1 holds no orc database (.orc/orc.db or projects/&lt;id&gt;/orc.db) and no orc task folders (.orc/tasks, orc_exports)</source>
        <translation>%1 не містить бази даних orc (.orc/orc.db чи projects/&lt;id&gt;/orc.db) і тек задач orc (.orc/tasks, orc_exports)</translation>
    </message>
</context>
<context>
    <name>OrcTasks</name>
    <message>
        <source>a task needs an id and a title</source>
        <translation>задача потребує ідентифікатора й назви</translation>
    </message>
    <message>
        <source>no task %1 in the database</source>
        <translation>у базі немає задачі %1</translation>
    </message>
    <message>
        <source>%1: attachment %2 of %3 holds %4 bytes, not the %5 its row says</source>
        <translation>%1: вкладення %2 задачі %3 містить %4 байтів, а не %5, як каже його рядок</translation>
    </message>
    <message>
        <source>%1: the %2 output of %3 does not match its content_hash</source>
        <translation>%1: результат %2 задачі %3 не відповідає своєму content_hash</translation>
    </message>
    <message>
        <source>an event needs a type and a time</source>
        <translation>подія потребує типу й часу</translation>
    </message>
    <message>
        <source>its data is not JSON: %1</source>
        <translation>її дані — не JSON: %1</translation>
    </message>
    <message>
        <source>a registered project needs a path</source>
        <translation>зареєстрований проєкт потребує шляху</translation>
    </message>
    <message>
        <source>a cost needs a registered project and a time</source>
        <translation>витрата потребує зареєстрованого проєкту й часу</translation>
    </message>
    <message>
        <source>cannot read it: %1</source>
        <translation>не вдається прочитати: %1</translation>
    </message>
    <message>
        <source>a task needs an id</source>
        <translation>задача потребує ідентифікатора</translation>
    </message>
    <message>
        <source>%1: %2 is also in orc&apos;s database, which is newer; the database&apos;s is kept</source>
        <translation>%1: %2 є й у базі даних orc, яка новіша; залишено задачу з бази</translation>
    </message>
    <message>
        <source>round %1</source>
        <translation>раунд %1</translation>
    </message>
</context>
<context>
    <name>OrcYaml</name>
    <message>
        <source>this line is indented less than the block it follows</source>
        <translation>цей рядок має менший відступ, ніж блок перед ним</translation>
    </message>
    <message>
        <source>the document is not a map</source>
        <translation>документ — не відображення ключів</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>рядок %1: %2</translation>
    </message>
    <message>
        <source>this line is indented more than the keys around it</source>
        <translation>цей рядок має більший відступ, ніж ключі навколо</translation>
    </message>
    <message>
        <source>a key followed by a colon was expected</source>
        <translation>очікувався ключ із двокрапкою</translation>
    </message>
    <message>
        <source>anchors and flow collections are not read</source>
        <translation>якорі та вбудовані колекції не читаються</translation>
    </message>
    <message>
        <source>a quoted text does not end on its line</source>
        <translation>текст у лапках не закінчується на своєму рядку</translation>
    </message>
</context>
<context>
    <name>OutOfContextImporter</name>
    <message>
        <source>out_of_context context segments (.out_of_context, out_of_context/contexts)</source>
        <translation>Сегменти контексту out_of_context (.out_of_context, out_of_context/contexts)</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 не існує</translation>
    </message>
    <message>
        <source>%1 holds no out_of_context data (.out_of_context/ or out_of_context/contexts/*.mdc)</source>
        <translation>%1 не містить даних out_of_context (.out_of_context/ чи out_of_context/contexts/*.mdc)</translation>
    </message>
    <message>
        <source>Context segments</source>
        <translation>Сегменти контексту</translation>
    </message>
    <message>
        <source>a segment needs a segment_id and a text</source>
        <translation>сегмент потребує segment_id і тексту</translation>
    </message>
    <message>
        <source>cannot read it: %1</source>
        <translation>не вдається прочитати: %1</translation>
    </message>
    <message>
        <source>not valid JSON: %1</source>
        <translation>некоректний JSON: %1</translation>
    </message>
    <message>
        <source>no front matter (a first line of ---)</source>
        <translation>немає front matter (першого рядка ---)</translation>
    </message>
    <message>
        <source>the front matter does not end (no second ---)</source>
        <translation>front matter не закінчується (немає другого ---)</translation>
    </message>
</context>
<context>
    <name>PocketAgentImporter</name>
    <message>
        <source>PocketAgent data folder (~/.pocket_agent)</source>
        <translation>Тека даних PocketAgent (~/.pocket_agent)</translation>
    </message>
    <message>
        <source>%1 is not a folder</source>
        <translation>%1 не є текою</translation>
    </message>
    <message>
        <source>%1 holds no PocketAgent projects (no projects/&lt;id&gt;/metadata.json)</source>
        <translation>%1 не містить проєктів PocketAgent (немає projects/&lt;id&gt;/metadata.json)</translation>
    </message>
    <message>
        <source>it has no id or no path</source>
        <translation>у ньому немає id або path</translation>
    </message>
    <message>
        <source>it belongs to project %1</source>
        <translation>він належить проєкту %1</translation>
    </message>
    <message>
        <source>it is missing</source>
        <translation>його немає</translation>
    </message>
    <message>
        <source>%1 could not be read (%2); the project was recovered from %3.</source>
        <translation>%1 не вдалося прочитати (%2); проєкт відновлено з %3.</translation>
    </message>
    <message>
        <source>%1, and no backup or temporary copy could be read</source>
        <translation>%1, і жодну резервну чи тимчасову копію не вдалося прочитати</translation>
    </message>
</context>
<context>
    <name>ProjectListModel</name>
    <message>
        <source>%1 (from %2)</source>
        <translation>%1 (з %2)</translation>
    </message>
    <message>
        <source>%1 (from %2)
%3</source>
        <translation>%1 (з %2)
%3</translation>
    </message>
    <message>
        <source>Cannot load the projects: %1</source>
        <translation>Не вдається завантажити проєкти: %1</translation>
    </message>
</context>
<context>
    <name>ProjectOverviewWidget</name>
    <message>
        <source>Sessions</source>
        <translation>Сеанси</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Повідомлення</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Задачі</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Події</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Файли</translation>
    </message>
    <message>
        <source>File versions</source>
        <translation>Версії файлів</translation>
    </message>
    <message>
        <source>Snapshots</source>
        <translation>Знімки</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Вкладення</translation>
    </message>
    <message>
        <source>Select a project in the sidebar to see its overview.</source>
        <translation>Виберіть проєкт на бічній панелі, щоб побачити його огляд.</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Джерело:</translation>
    </message>
    <message>
        <source>Workspace:</source>
        <translation>Робоча тека:</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Створено:</translation>
    </message>
    <message>
        <source>Last active:</source>
        <translation>Остання активність:</translation>
    </message>
    <message>
        <source>In the store</source>
        <translation>У сховищі</translation>
    </message>
    <message>
        <source>%1, from %2</source>
        <translation>%1, з %2</translation>
    </message>
    <message>
        <source>not recorded by the source</source>
        <translation>джерело цього не записало</translation>
    </message>
    <message>
        <source>%1 (missing on this computer)</source>
        <translation>%1 (немає на цьому комп’ютері)</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>Cannot count: %1</source>
        <translation>Не вдається порахувати: %1</translation>
    </message>
    <message>
        <source>Also seen by:</source>
        <translation>Також бачать:</translation>
    </message>
    <message>
        <source>no other source</source>
        <translation>жодне інше джерело</translation>
    </message>
</context>
<context>
    <name>Projects</name>
    <message>
        <source>a project needs a name</source>
        <translation>проєкту потрібна назва</translation>
    </message>
    <message>
        <source>there is no project with id %1</source>
        <translation>немає проєкту з ідентифікатором %1</translation>
    </message>
</context>
<context>
    <name>Restore</name>
    <message>
        <source>there is no version %1 in the store</source>
        <translation>у сховищі немає версії %1</translation>
    </message>
    <message>
        <source>version %1 records that %2 was deleted; choose a version with content</source>
        <translation>версія %1 записує, що %2 видалено; виберіть версію з вмістом</translation>
    </message>
    <message>
        <source>the project of version %1 has no workspace folder to restore into</source>
        <translation>проєкт версії %1 не має теки робочого простору для відновлення</translation>
    </message>
    <message>
        <source>the workspace folder %1 is missing; nothing was restored</source>
        <translation>теки робочого простору %1 немає; нічого не відновлено</translation>
    </message>
    <message>
        <source>%1 is not a file; nothing was restored</source>
        <translation>%1 не є файлом; нічого не відновлено</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>не вдається прочитати %1: %2</translation>
    </message>
    <message>
        <source>%1 is read-only; nothing was restored</source>
        <translation>%1 лише для читання; нічого не відновлено</translation>
    </message>
    <message>
        <source>%1 changed after the restore; undo would lose that change, so nothing was done</source>
        <translation>%1 змінився після відновлення; скасування втратило б цю зміну, тож нічого не зроблено</translation>
    </message>
    <message>
        <source>cannot remove %1: %2</source>
        <translation>не вдається вилучити %1: %2</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore Version</source>
        <translation>Відновити версію</translation>
    </message>
    <message>
        <source>Restoring writes version %1 into %2. What is there now is kept as a version first, so Edit ▸ Undo Restore can put it back.</source>
        <translation>Відновлення запише версію %1 у %2. Те, що там зараз, спершу збережеться як версія, тож Редагування ▸ Скасувати відновлення зможе його повернути.</translation>
    </message>
    <message>
        <source>Restoring creates %2 with version %1 (the file is not on disk now). Edit ▸ Undo Restore removes it again.</source>
        <translation>Відновлення створить %2 з версією %1 (зараз файлу на диску немає). Редагування ▸ Скасувати відновлення знову його вилучить.</translation>
    </message>
    <message>
        <source>on disk now</source>
        <translation>зараз на диску</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>версія %1</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Відновити</translation>
    </message>
</context>
<context>
    <name>RunWithProgress</name>
    <message>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
</context>
<context>
    <name>SearchQuery</name>
    <message>
        <source>a quotation mark is not closed</source>
        <translation>лапки не закрито</translation>
    </message>
    <message>
        <source>a closing parenthesis has no opening one</source>
        <translation>закривна дужка не має відкривної</translation>
    </message>
    <message>
        <source>the search could not be read to its end</source>
        <translation>пошуковий запит не вдалося прочитати до кінця</translation>
    </message>
    <message>
        <source>there is nothing to search for</source>
        <translation>немає чого шукати</translation>
    </message>
    <message>
        <source>a parenthesis is not closed</source>
        <translation>дужку не закрито</translation>
    </message>
    <message>
        <source>an operator (AND, OR, NOT) has nothing to work on</source>
        <translation>оператору (AND, OR, NOT) бракує операнда</translation>
    </message>
    <message>
        <source>a search needs something to find, not only words to leave out</source>
        <translation>пошук потребує того, що знайти, а не лише слів, які слід виключити</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <source>%1 · %2 · %3
%4</source>
        <translation>%1 · %2 · %3
%4</translation>
    </message>
</context>
<context>
    <name>SegmentListModel</name>
    <message>
        <source>pinned, %1</source>
        <translation>закріплено, %1</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Створено</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Задача</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Мітки</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Токени</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Стан</translation>
    </message>
</context>
<context>
    <name>SegmentsPane</name>
    <message>
        <source>By task</source>
        <translation>За задачею</translation>
    </message>
    <message>
        <source>By file</source>
        <translation>За файлом</translation>
    </message>
    <message>
        <source>By tag</source>
        <translation>За міткою</translation>
    </message>
    <message>
        <source>All segments</source>
        <translation>Усі сегменти</translation>
    </message>
    <message>
        <source>No context segments here. They come from out_of_context: File ▸ Import… a .out_of_context folder.</source>
        <translation>Сегментів контексту тут немає. Вони беруться з out_of_context: Файл ▸ Імпорт… теки .out_of_context.</translation>
    </message>
    <message>
        <source>segment</source>
        <translation>сегмент</translation>
    </message>
    <message>
        <source>task %1</source>
        <translation>задача %1</translation>
    </message>
    <message>
        <source>Cannot read the segments: %1</source>
        <translation>Не вдається прочитати сегменти: %1</translation>
    </message>
</context>
<context>
    <name>SnapshotListModel</name>
    <message>
        <source>before a restore</source>
        <translation>перед відновленням</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>імпортовано</translation>
    </message>
    <message>
        <source>agent finished</source>
        <translation>агент завершив</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>вручну</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Час</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Позначка</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Створено</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Файли</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Розмір</translation>
    </message>
</context>
<context>
    <name>Snapshots</name>
    <message>
        <source>the folder %1 does not exist; nothing was stored</source>
        <translation>теки %1 не існує; нічого не збережено</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>не вдається прочитати %1: %2</translation>
    </message>
    <message>
        <source>%1 is not a path inside the workspace</source>
        <translation>%1 не є шляхом усередині робочого простору</translation>
    </message>
    <message>
        <source>there is no snapshot %1 in the store</source>
        <translation>у сховищі немає знімка %1</translation>
    </message>
    <message>
        <source>before restoring snapshot %1</source>
        <translation>перед відновленням знімка %1</translation>
    </message>
    <message>
        <source>the restore was cancelled after %1 of %2 files; snapshot %3 holds the workspace as it was</source>
        <translation>відновлення скасовано після %1 з %2 файлів; знімок %3 містить робочий простір, яким він був</translation>
    </message>
    <message>
        <source>cannot delete %1: %2</source>
        <translation>не вдається видалити %1: %2</translation>
    </message>
    <message>
        <source>the link %1 would point outside the workspace; nothing more was restored</source>
        <translation>посилання %1 вказувало б поза робочий простір; більше нічого не відновлено</translation>
    </message>
    <message>
        <source>cannot make the link %1</source>
        <translation>не вдається створити посилання %1</translation>
    </message>
    <message>
        <source>a snapshot&apos;s list of files is damaged; run strata-cli verify</source>
        <translation>список файлів знімка пошкоджено; запустіть strata-cli verify</translation>
    </message>
</context>
<context>
    <name>SnapshotsPane</name>
    <message>
        <source>Restore Snapshot</source>
        <translation>Відновити знімок</translation>
    </message>
    <message>
        <source>Restoring snapshot %1 changes these files in %2. The workspace as it is now is kept as a snapshot first, so restoring that one puts it back.</source>
        <translation>Відновлення знімка %1 змінить ці файли в %2. Робочий простір, яким він є зараз, спершу збережеться як знімок, тож його відновлення все поверне.</translation>
    </message>
    <message>
        <source>write</source>
        <translation>запис</translation>
    </message>
    <message>
        <source>create</source>
        <translation>нове  </translation>
    </message>
    <message>
        <source>delete</source>
        <translation>вилуч.</translation>
    </message>
    <message>
        <source>Also delete files the snapshot does not have</source>
        <translation>Також видалити файли, яких немає в знімку</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Відновити</translation>
    </message>
    <message>
        <source>Choose one snapshot to compare it with the disk, or two to compare them</source>
        <translation>Виберіть один знімок, щоб порівняти його з диском, або два, щоб порівняти їх</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Зміна</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Рядки</translation>
    </message>
    <message>
        <source>Take Snapshot</source>
        <translation>Зробити знімок</translation>
    </message>
    <message>
        <source>Restore Snapshot…</source>
        <translation>Відновити знімок…</translation>
    </message>
    <message>
        <source>Restore Chosen Files…</source>
        <translation>Відновити вибрані файли…</translation>
    </message>
    <message>
        <source>No snapshots of this project yet: Take Snapshot keeps its workspace as it is</source>
        <translation>Знімків цього проєкту ще немає: «Зробити знімок» збереже робочий простір таким, як він є</translation>
    </message>
    <message>
        <source>Cannot take a snapshot: %1</source>
        <translation>Не вдається зробити знімок: %1</translation>
    </message>
    <message>
        <source>Snapshot %1: %2 files; %3 read, the rest unchanged</source>
        <translation>Знімок %1: файлів: %2; прочитано: %3, решта без змін</translation>
    </message>
    <message>
        <source>Choose a snapshot to compare it with the disk, or two to compare them</source>
        <translation>Виберіть знімок, щоб порівняти його з диском, або два, щоб порівняти їх</translation>
    </message>
    <message>
        <source>From snapshot %1 to snapshot %2; changed files: %3</source>
        <translation>Від знімка %1 до знімка %2; змінених файлів: %3</translation>
    </message>
    <message>
        <source>added</source>
        <translation>додано</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>вилучено</translation>
    </message>
    <message>
        <source>renamed</source>
        <translation>перейменовано</translation>
    </message>
    <message>
        <source>modified</source>
        <translation>змінено</translation>
    </message>
    <message>
        <source>binary</source>
        <translation>двійковий</translation>
    </message>
    <message>
        <source>snapshot %1</source>
        <translation>знімок %1</translation>
    </message>
    <message>
        <source>on disk</source>
        <translation>на диску</translation>
    </message>
    <message>
        <source>Choose the files to restore in the list of changes</source>
        <translation>Виберіть файли для відновлення у списку змін</translation>
    </message>
    <message>
        <source>Cannot restore: %1</source>
        <translation>Не вдається відновити: %1</translation>
    </message>
    <message>
        <source>Restoring snapshot %1…</source>
        <translation>Відновлення знімка %1…</translation>
    </message>
    <message>
        <source>The restore stopped: %1</source>
        <translation>Відновлення зупинилося: %1</translation>
    </message>
    <message>
        <source>Restored snapshot %1: %2 written, %3 created, %4 deleted; snapshot %5 holds what was there</source>
        <translation>Знімок %1 відновлено: записано %2, створено %3, видалено %4; знімок %5 містить те, що було</translation>
    </message>
    <message>
        <source>Snapshot %1 against the workspace on disk; changed files: %2</source>
        <translation>Знімок %1 порівняно з робочим простором на диску; змінених файлів: %2</translation>
    </message>
    <message>
        <source>Taking a snapshot of %1…</source>
        <translation>Знімок %1…</translation>
    </message>
    <message>
        <source>Cannot read the snapshots: %1</source>
        <translation>Не вдається прочитати знімки: %1</translation>
    </message>
</context>
<context>
    <name>Sql</name>
    <message>
        <source>the store&apos;s database failed: %1</source>
        <translation>помилка бази даних сховища: %1</translation>
    </message>
    <message>
        <source>the store&apos;s database returned no row</source>
        <translation>база даних сховища не повернула жодного рядка</translation>
    </message>
    <message>
        <source>the store&apos;s database is damaged: %1</source>
        <translation>базу даних сховища пошкоджено: %1</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>there is no store at %1: the folder does not exist</source>
        <translation>за адресою %1 немає сховища: теки не існує</translation>
    </message>
    <message>
        <source>there is no Strata store in %1: it has no strata.db</source>
        <translation>у %1 немає сховища Strata: там немає strata.db</translation>
    </message>
    <message>
        <source>%1 is a SQLite database made by another program, not a Strata store. Strata did not change it.</source>
        <translation>%1 — база даних SQLite іншої програми, а не сховище Strata. Strata її не змінювала.</translation>
    </message>
    <message>
        <source>%1 was written by a newer Strata (store schema %2; this Strata knows up to %3). Open it with a newer Strata. Strata did not change it.</source>
        <translation>%1 записано новішою Strata (схема сховища %2; ця Strata знає до %3). Відкрийте його новішою Strata. Strata його не змінювала.</translation>
    </message>
    <message>
        <source>the store needs an upgrade, but the backup before it failed, so nothing was changed: %1</source>
        <translation>сховище потребує оновлення, але резервне копіювання перед ним не вдалося, тож нічого не змінено: %1</translation>
    </message>
    <message>
        <source>Qt&apos;s SQLite driver is missing; install the package that provides it (libqt6sql6-sqlite)</source>
        <translation>бракує драйвера SQLite для Qt; установіть пакет, що його містить (libqt6sql6-sqlite)</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>не вдається відкрити %1: %2</translation>
    </message>
    <message>
        <source>cannot upgrade the store to schema %1 (%2): %3. It was left at schema %4.</source>
        <translation>не вдається оновити сховище до схеми %1 (%2): %3. Воно залишилося на схемі %4.</translation>
    </message>
    <message>
        <source>The backup made before the upgrade is %1.</source>
        <translation>Резервна копія, зроблена перед оновленням: %1.</translation>
    </message>
    <message>
        <source>cannot back up the store to %1: %2</source>
        <translation>не вдається створити резервну копію сховища в %1: %2</translation>
    </message>
    <message>
        <source>cannot back up the store to %1: the finished copy could not be renamed</source>
        <translation>не вдається створити резервну копію сховища в %1: готову копію не вдалося перейменувати</translation>
    </message>
    <message>
        <source>The last automatic backup of this store is %1.</source>
        <translation>Остання автоматична резервна копія цього сховища: %1.</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>не вдається прочитати %1: %2</translation>
    </message>
    <message>
        <source>%1 is empty (0 bytes): it is not a Strata store, or it was truncated.</source>
        <translation>%1 порожній (0 байтів): це не сховище Strata, або його обрізано.</translation>
    </message>
    <message>
        <source>%1 is not a SQLite database, so it is not a Strata store. Strata did not change it.</source>
        <translation>%1 не є базою даних SQLite, отже, це не сховище Strata. Strata його не змінювала.</translation>
    </message>
    <message>
        <source>%1 is truncated (%2 bytes): part of the database is missing. Strata did not change it.</source>
        <translation>%1 обрізано (%2 байтів): частини бази даних бракує. Strata його не змінювала.</translation>
    </message>
    <message>
        <source>%1 has a damaged header (page size %2). Strata did not change it.</source>
        <translation>%1 має пошкоджений заголовок (розмір сторінки %2). Strata його не змінювала.</translation>
    </message>
    <message>
        <source>cannot read %1: %2. Strata did not change it.</source>
        <translation>не вдається прочитати %1: %2. Strata його не змінювала.</translation>
    </message>
</context>
<context>
    <name>TaskExport</name>
    <message>
        <source>the export was cancelled; nothing was left at the target</source>
        <translation>експорт скасовано; на місці призначення нічого не залишилося</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 не існує</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>не вдається прочитати %1: %2</translation>
    </message>
    <message>
        <source>%1 is neither a folder nor a readable zip</source>
        <translation>%1 — не тека й не читабельний zip</translation>
    </message>
    <message>
        <source>cannot read %1 in the zip</source>
        <translation>не вдається прочитати %1 у zip</translation>
    </message>
    <message>
        <source>%1 in the zip is damaged</source>
        <translation>%1 у zip пошкоджено</translation>
    </message>
    <message>
        <source>the zip %1 is damaged</source>
        <translation>zip %1 пошкоджено</translation>
    </message>
    <message>
        <source>%1 has no readable manifest.json, so it cannot be checked</source>
        <translation>%1 не має читабельного manifest.json, тож перевірити не можна</translation>
    </message>
    <message>
        <source>missing: %1</source>
        <translation>бракує: %1</translation>
    </message>
    <message>
        <source>altered: %1</source>
        <translation>змінено: %1</translation>
    </message>
    <message>
        <source>extra: %1</source>
        <translation>зайве: %1</translation>
    </message>
    <message>
        <source>%1 already exists; choose a new name or an empty folder</source>
        <translation>%1 вже існує; виберіть нову назву або порожню теку</translation>
    </message>
    <message>
        <source>cannot write in %1: %2</source>
        <translation>не вдається писати в %1: %2</translation>
    </message>
    <message>
        <source>cannot replace the empty folder %1</source>
        <translation>не вдається замінити порожню теку %1</translation>
    </message>
    <message>
        <source>cannot move the export into place at %1</source>
        <translation>не вдається перемістити експорт на місце в %1</translation>
    </message>
    <message>
        <source>%1 already exists; choose a new name</source>
        <translation>%1 вже існує; виберіть нову назву</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>не вдається записати %1: %2</translation>
    </message>
    <message>
        <source>cannot start the zip %1</source>
        <translation>не вдається почати zip %1</translation>
    </message>
    <message>
        <source>cannot write %1 into the zip: %2</source>
        <translation>не вдається записати %1 у zip: %2</translation>
    </message>
    <message>
        <source>cannot finish the zip: %1</source>
        <translation>не вдається завершити zip: %1</translation>
    </message>
    <message>
        <source>cannot save %1: %2</source>
        <translation>не вдається зберегти %1: %2</translation>
    </message>
</context>
<context>
    <name>TaskListModel</name>
    <message>
        <source>Task</source>
        <translation>Задача</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Назва</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Стан</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Фаза</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Створено</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Вартість</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <source>there is no task %1 in the store</source>
        <translation>у сховищі немає задачі %1</translation>
    </message>
    <message>
        <source>%1 (project %2)</source>
        <translation>%1 (проєкт %2)</translation>
    </message>
    <message>
        <source>%1 names tasks in several projects; give the task&apos;s number: %2</source>
        <translation>%1 називає задачі в кількох проєктах; вкажіть номер задачі: %2</translation>
    </message>
    <message>
        <source>the store did not return the row it wrote</source>
        <translation>сховище не повернуло рядок, який записало</translation>
    </message>
</context>
<context>
    <name>TasksPane</name>
    <message>
        <source>Export %1</source>
        <translation>Експорт %1</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Огляд…</translation>
    </message>
    <message>
        <source>One zip file</source>
        <translation>Один файл zip</translation>
    </message>
    <message>
        <source>Everything (manifest, task, transcripts, patches, attachments, events)</source>
        <translation>Усе (маніфест, задача, розмови, латки, вкладення, події)</translation>
    </message>
    <message>
        <source>orc&apos;s own export (task.yaml, state.yaml, context.md, transcripts)</source>
        <translation>Власний експорт orc (task.yaml, state.yaml, context.md, розмови)</translation>
    </message>
    <message>
        <source>Export To</source>
        <translation>Експортувати до</translation>
    </message>
    <message>
        <source>New folder or file:</source>
        <translation>Нова тека чи файл:</translation>
    </message>
    <message>
        <source>Contents:</source>
        <translation>Вміст:</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Експортувати</translation>
    </message>
    <message>
        <source>Save Attachment</source>
        <translation>Зберегти вкладення</translation>
    </message>
    <message>
        <source>Filter by id or title</source>
        <translation>Фільтр за ідентифікатором чи назвою</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Експорт…</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Стан:</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Усі</translation>
    </message>
    <message>
        <source>No tasks here. Tasks come from orchestrators such as orc: File ▸ Import… an .orc folder.</source>
        <translation>Задач тут немає. Задачі беруться з оркестраторів, як-от orc: Файл ▸ Імпорт… теки .orc.</translation>
    </message>
    <message>
        <source>Phase:</source>
        <translation>Фаза:</translation>
    </message>
    <message>
        <source>Weight:</source>
        <translation>Обсяг:</translation>
    </message>
    <message>
        <source>Priority:</source>
        <translation>Пріоритет:</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Категорія:</translation>
    </message>
    <message>
        <source>Branch:</source>
        <translation>Гілка:</translation>
    </message>
    <message>
        <source>Initiative:</source>
        <translation>Ініціатива:</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Створено:</translation>
    </message>
    <message>
        <source>Completed:</source>
        <translation>Завершено:</translation>
    </message>
    <message>
        <source>Cost:</source>
        <translation>Вартість:</translation>
    </message>
    <message>
        <source>Tokens:</source>
        <translation>Токени:</translation>
    </message>
    <message>
        <source>%1 in, %2 out</source>
        <translation>%1 на вході, %2 на виході</translation>
    </message>
    <message>
        <source>Depends on:</source>
        <translation>Залежить від:</translation>
    </message>
    <message>
        <source>Phases</source>
        <translation>Фази</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>Gate decisions</source>
        <translation>Рішення на контрольних точках</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>схвалено</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>відхилено</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Коментарі</translation>
    </message>
    <message>
        <source>Attachments and outputs</source>
        <translation>Вкладення й результати</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Відкрити</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Зберегти…</translation>
    </message>
    <message>
        <source>Transcripts</source>
        <translation>Розмови</translation>
    </message>
    <message>
        <source>Untitled session</source>
        <translation>Сеанс без назви</translation>
    </message>
    <message>
        <source>messages: %1</source>
        <translation>повідомлень: %1</translation>
    </message>
    <message>
        <source>File changes</source>
        <translation>Зміни файлів</translation>
    </message>
    <message>
        <source>before</source>
        <translation>до</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Не вдається прочитати %1: %2</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>Збережено %1.</translation>
    </message>
    <message>
        <source>Choose a task to export.</source>
        <translation>Виберіть задачу для експорту.</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>Експорт %1…</translation>
    </message>
    <message>
        <source>The export stopped: %1</source>
        <translation>Експорт зупинився: %1</translation>
    </message>
    <message>
        <source>Exported %1 to %2: %3 files and a manifest.</source>
        <translation>%1 експортовано в %2: файлів — %3, і маніфест.</translation>
    </message>
    <message>
        <source>Cannot read the tasks: %1</source>
        <translation>Не вдається прочитати задачі: %1</translation>
    </message>
</context>
<context>
    <name>TranscriptsPane</name>
    <message>
        <source>Search transcripts: words, &quot;a phrase&quot;, prefix*, OR, NOT, -word</source>
        <translation>Пошук у стенограмах: слова, &quot;фраза&quot;, префікс*, OR, NOT, -слово</translation>
    </message>
    <message>
        <source>All projects</source>
        <translation>Усі проєкти</translation>
    </message>
    <message>
        <source>This project</source>
        <translation>Цей проєкт</translation>
    </message>
    <message>
        <source>Any role</source>
        <translation>Будь-яка роль</translation>
    </message>
    <message>
        <source>You (prompts)</source>
        <translation>Ви (запити)</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Агент</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>Інструменти</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Система</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Будь-коли</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Останні 24 години</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Останні 7 днів</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Останні 30 днів</translation>
    </message>
    <message>
        <source>Best matches first</source>
        <translation>Спершу найкращі збіги</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>Спершу найновіші</translation>
    </message>
    <message>
        <source>Best matches first ranks the hits when there are at most %1; with more, the newest come first so that the first page is instant.</source>
        <translation>«Спершу найкращі збіги» впорядковує результати за релевантністю, коли їх не більше %1; коли більше, спершу йдуть найновіші, щоб перша сторінка з’являлася миттєво.</translation>
    </message>
    <message>
        <source>This project (%1)</source>
        <translation>Цей проєкт (%1)</translation>
    </message>
    <message>
        <source>Untitled session</source>
        <translation>Сеанс без назви</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Cannot search: %1</source>
        <translation>Не вдається виконати пошук: %1</translation>
    </message>
    <message>
        <source>Type to search every transcript in the store.</source>
        <translation>Почніть вводити, щоб шукати в усіх стенограмах сховища.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Пошук…</translation>
    </message>
    <message>
        <source>No messages match.</source>
        <translation>Жодне повідомлення не підходить.</translation>
    </message>
    <message>
        <source>best matches first</source>
        <translation>спершу найкращі збіги</translation>
    </message>
    <message>
        <source>newest first</source>
        <translation>спершу найновіші</translation>
    </message>
    <message>
        <source>%1 of %2 matches shown, %3</source>
        <translation>Показано %1 з %2 збігів, %3</translation>
    </message>
    <message>
        <source>%1 matches shown, %2</source>
        <translation>Показано збігів: %1, %2</translation>
    </message>
</context>
<context>
    <name>Verify</name>
    <message>
        <source>integrity of the database file</source>
        <translation>цілісність файлу бази даних</translation>
    </message>
    <message>
        <source>integrity: %1</source>
        <translation>цілісність: %1</translation>
    </message>
    <message>
        <source>references between tables (foreign keys)</source>
        <translation>посилання між таблицями (зовнішні ключі)</translation>
    </message>
    <message>
        <source>table %1, row %2 refers to a missing row in %3</source>
        <translation>таблиця %1, рядок %2 посилається на відсутній рядок у %3</translation>
    </message>
    <message>
        <source>integrity: the check could not run: %1</source>
        <translation>цілісність: перевірка не змогла виконатися: %1</translation>
    </message>
    <message>
        <source>references: the check could not run: %1</source>
        <translation>посилання: перевірка не змогла виконатися: %1</translation>
    </message>
    <message>
        <source>file contents (SHA-256 of every blob)</source>
        <translation>вміст файлів (SHA-256 кожного блоку)</translation>
    </message>
    <message>
        <source>file contents: the check could not run: %1</source>
        <translation>вміст файлів: перевірка не змогла виконатися: %1</translation>
    </message>
    <message>
        <source>file content %1: %2</source>
        <translation>вміст файлу %1: %2</translation>
    </message>
</context>
<context>
    <name>WelcomeWidget</name>
    <message>
        <source>Welcome to Strata</source>
        <translation>Вітаємо в Strata</translation>
    </message>
    <message>
        <source>Strata brings what your coding agents leave behind (transcripts, tasks, file versions and snapshots) into one store you can browse, search, compare and restore from. Start with a store: a folder that holds Strata&apos;s database.</source>
        <translation>Strata збирає те, що залишають ваші агенти-програмісти (стенограми, завдання, версії файлів і знімки), в одне сховище, яке можна переглядати, шукати в ньому, порівнювати й відновлювати з нього. Почніть зі сховища: теки, що містить базу даних Strata.</translation>
    </message>
    <message>
        <source>New Store…</source>
        <translation>Нове сховище…</translation>
    </message>
    <message>
        <source>Open Store…</source>
        <translation>Відкрити сховище…</translation>
    </message>
    <message>
        <source>Recent stores</source>
        <translation>Недавні сховища</translation>
    </message>
    <message>
        <source>%1 (missing)</source>
        <translation>%1 (немає)</translation>
    </message>
    <message>
        <source>Open Demo</source>
        <translation>Відкрити демо</translation>
    </message>
    <message>
        <source>A store made from sample sessions of PocketAgent, Claude Code, Codex and Aider</source>
        <translation>Сховище зі зразків сеансів PocketAgent, Claude Code, Codex і Aider</translation>
    </message>
</context>
<context>
    <name>WorkspacePaths</name>
    <message>
        <source>an empty path cannot be written</source>
        <translation>не можна записати порожній шлях</translation>
    </message>
    <message>
        <source>refused %1: an absolute path cannot be written into the workspace</source>
        <translation>відхилено %1: абсолютний шлях не можна записати в робочу теку</translation>
    </message>
    <message>
        <source>refused %1: the path climbs out of the workspace with &quot;..&quot;</source>
        <translation>відхилено %1: шлях виходить за межі робочої теки через &quot;..&quot;</translation>
    </message>
    <message>
        <source>refused %1: it names the workspace itself, not a file</source>
        <translation>відхилено %1: це сама робоча тека, а не файл</translation>
    </message>
    <message>
        <source>the workspace folder %1 does not exist</source>
        <translation>робочої теки %1 не існує</translation>
    </message>
    <message>
        <source>refused %1: %2 is a link that leads outside the workspace</source>
        <translation>відхилено %1: %2 — посилання, що веде за межі робочої теки</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Browse, search, compare and restore the work of AI coding agents.</source>
        <translation>Перегляд, пошук, порівняння та відновлення роботи агентів ШІ для програмування.</translation>
    </message>
    <message>
        <source>The store folder to open.</source>
        <translation>Тека сховища, яку треба відкрити.</translation>
    </message>
</context>
</TS>
