<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <location filename="../../newsdesk/ui/app.py" line="+108"/>
        <source>New database</source>
        <translation>Новая база данных</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no newsdesk database at {path}. Create a new, empty one?</source>
        <translation>По адресу {path} нет базы данных newsdesk. Создать новую, пустую?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Create</source>
        <translation>&amp;Создать</translation>
    </message>
    <message>
        <location line="+156"/>
        <source>newsdesk cannot open the database</source>
        <translation>newsdesk не может открыть базу данных</translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/desk/article_list.py" line="+68"/>
        <location filename="../../newsdesk/ui/desk/editor.py" line="+291"/>
        <location line="+66"/>
        <location filename="../../newsdesk/ui/domain_texts.py" line="+79"/>
        <source>Headline</source>
        <translation>Заголовок</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../newsdesk/ui/dialogs/revisions.py" line="+151"/>
        <location filename="../../newsdesk/ui/people/panel.py" line="+243"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../newsdesk/ui/desk/editor.py" line="+1"/>
        <source>Dateline</source>
        <translation>Место, дата</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../newsdesk/ui/main_window.py" line="+92"/>
        <source>Desk</source>
        <translation>Отдел</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lang</source>
        <translation>Язык</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../newsdesk/ui/desk/editor.py" line="-62"/>
        <source>Section</source>
        <translation>Рубрика</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Updated</source>
        <translation>Обновлён</translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/dashboard/panel.py" line="+382"/>
        <location line="+30"/>
        <location filename="../../newsdesk/ui/desk/article_list.py" line="+0"/>
        <source>Reviews</source>
        <translation>Отзывы</translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/desk/article_list.py" line="+1"/>
        <source>Embargo</source>
        <translation>Эмбарго</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+352"/>
        <source>(untitled)</source>
        <translation>(без заголовка)</translation>
    </message>
    <message>
        <location line="-127"/>
        <source>Last saved, in your time zone ({zone})</source>
        <translation>Последнее сохранение, в вашем часовом поясе ({zone})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The story&apos;s language, then those of its translations</source>
        <translation>Язык материала, затем языки его переводов</translation>
    </message>
    <message>
        <location line="+130"/>
        <source>Edited offline: sent when the server is back</source>
        <translation>Изменено офлайн: будет отправлено, когда сервер вернётся</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Needs a look: edited offline and on the server meanwhile</source>
        <translation>Требует внимания: тем временем правился и офлайн, и на сервере</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Embargoed until {time}</source>
        <translation>Эмбарго до {time}</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>Search stories (Ctrl+Shift+F): words, &quot;phrase&quot;, pre*</source>
        <translation>Поиск материалов (Ctrl+Shift+F): слова, &quot;фраза&quot;, нач*</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Stories per status under the other filters and search</source>
        <translation>Материалы по статусам с учётом остальных фильтров и поиска</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only the stories of one section</source>
        <translation>Только материалы одной рубрики</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only the stories in one language</source>
        <translation>Только материалы на одном языке</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;New story</source>
        <translation>&amp;Новый материал</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Search stories</source>
        <translation>Поиск материалов</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>D&amp;uplicate story</source>
        <translation>Со&amp;здать копию материала</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move to &amp;trash</source>
        <translation>В &amp;корзину</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Restore from trash</source>
        <translation>&amp;Восстановить из корзины</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Empty trash…</source>
        <translation>&amp;Очистить корзину…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open story</source>
        <translation>&amp;Открыть материал</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show trash</source>
        <translation>Показать корзину</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Set &amp;status</source>
        <translation>Задать &amp;статус</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Set the status of the selected stories</source>
        <translation>Задать статус выбранных материалов</translation>
    </message>
    <message>
        <location line="-92"/>
        <location line="+211"/>
        <source>All statuses ({count})</source>
        <translation>Статусы ({count})</translation>
    </message>
    <message>
        <location line="-210"/>
        <location line="+215"/>
        <source>All sections</source>
        <translation>Рубрики</translation>
    </message>
    <message>
        <location line="-214"/>
        <location line="+215"/>
        <source>All languages</source>
        <translation>Языки</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>Columns</source>
        <translation>Столбцы</translation>
    </message>
    <message numerus="yes">
        <location line="+135"/>
        <source>Duplicated %Ln story(s)</source>
        <translation>
            <numerusform>Скопирован %Ln материал</numerusform>
            <numerusform>Скопировано %Ln материала</numerusform>
            <numerusform>Скопировано %Ln материалов</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Not moved to the trash: {reason}</source>
        <translation>Не перемещено в корзину: {reason}</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Moved %Ln story(s) to the trash</source>
        <translation>
            <numerusform>%Ln материал перемещён в корзину</numerusform>
            <numerusform>%Ln материала перемещено в корзину</numerusform>
            <numerusform>%Ln материалов перемещено в корзину</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Restored %Ln story(s) from the trash</source>
        <translation>
            <numerusform>%Ln материал восстановлен из корзины</numerusform>
            <numerusform>%Ln материала восстановлено из корзины</numerusform>
            <numerusform>%Ln материалов восстановлено из корзины</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The trash is empty</source>
        <translation>Корзина пуста</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Empty trash</source>
        <translation>Очистить корзину</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Delete %Ln story(s) in the trash for good? This cannot be undone.</source>
        <translation>
            <numerusform>Удалить навсегда %Ln материал из корзины? Это нельзя отменить.</numerusform>
            <numerusform>Удалить навсегда %Ln материала из корзины? Это нельзя отменить.</numerusform>
            <numerusform>Удалить навсегда %Ln материалов из корзины? Это нельзя отменить.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The trash was not emptied: {reason}</source>
        <translation>Корзина не очищена: {reason}</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Deleted %Ln story(s) for good</source>
        <translation>
            <numerusform>%Ln материал удалён навсегда</numerusform>
            <numerusform>%Ln материала удалено навсегда</numerusform>
            <numerusform>%Ln материалов удалено навсегда</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Status not changed</source>
        <translation>Статус не изменён</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>No story was set to {status}: %Ln story(s) cannot move.</source>
        <translation>
            <numerusform>Ни одному материалу не задан статус «{status}»: %Ln материал не может перейти.</numerusform>
            <numerusform>Ни одному материалу не задан статус «{status}»: %Ln материала не могут перейти.</numerusform>
            <numerusform>Ни одному материалу не задан статус «{status}»: %Ln материалов не могут перейти.</numerusform>
        </translation>
    </message>
    <message>
        <location line="-9"/>
        <location line="+16"/>
        <location filename="../../newsdesk/ui/desk/editor.py" line="+927"/>
        <location line="+4"/>
        <source>Status not changed: {reason}</source>
        <translation>Статус не изменён: {reason}</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Set %Ln story(s) to {status}</source>
        <translation>
            <numerusform>%Ln материалу задан статус «{status}»</numerusform>
            <numerusform>%Ln материалам задан статус «{status}»</numerusform>
            <numerusform>%Ln материалам задан статус «{status}»</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/desk/editor.py" line="-1124"/>
        <location filename="../../newsdesk/ui/dialogs/revisions.py" line="-117"/>
        <source>Saved</source>
        <translation>Сохранено</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Saving...</source>
        <translation>Сохранение...</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unsaved</source>
        <translation>Не сохранено</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Write the story in Markdown</source>
        <translation>Пишите материал в Markdown</translation>
    </message>
    <message>
        <location line="+117"/>
        <source>no date</source>
        <translation>без даты</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The story&apos;s language</source>
        <translation>Язык материала</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>urgency </source>
        <translation>срочн. </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Urgency: 1 is the most urgent, 9 the least</source>
        <translation>Срочность: 1 — самая высокая, 9 — самая низкая</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The story&apos;s status</source>
        <translation>Статус материала</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../newsdesk/ui/domain_texts.py" line="+1"/>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../newsdesk/ui/domain_texts.py" line="+2"/>
        <source>Agency</source>
        <translation>Агентство</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+64"/>
        <location filename="../../newsdesk/ui/domain_texts.py" line="+1"/>
        <source>Byline</source>
        <translation>Автор</translation>
    </message>
    <message>
        <location line="-62"/>
        <source>Desk code 03/06D</source>
        <translation>Код отдела 03/06D</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Footnote (background, printed in small type)</source>
        <translation>Примечание (справка, печатается мелким шрифтом)</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+795"/>
        <source>Restore</source>
        <translation>Восстановить</translation>
    </message>
    <message>
        <location line="-794"/>
        <source>Take the story out of the trash and go on editing it</source>
        <translation>Достать материал из корзины и продолжить правку</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compare with saved</source>
        <translation>Сравнить с сохранённым</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The recovered text next to the version saved before</source>
        <translation>Восстановленный текст рядом с ранее сохранённой версией</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Discard</source>
        <translation>Отбросить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go back to the version saved before (the recovered text stays in the revisions)</source>
        <translation>Вернуться к ранее сохранённой версии (восстановленный текст остаётся в версиях)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../newsdesk/ui/desk/tag_panel.py" line="+191"/>
        <location filename="../../newsdesk/ui/internal_errors.py" line="+180"/>
        <source>Dismiss</source>
        <translation>Скрыть</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the recovered text and close this notice</source>
        <translation>Оставить восстановленный текст и закрыть это сообщение</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revisions</source>
        <translation>Версии</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>&amp;Save story</source>
        <translation>&amp;Сохранить материал</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Find in story</source>
        <translation>&amp;Найти в материале</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Replace in story</source>
        <translation>&amp;Заменить в материале</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next &amp;unknown word</source>
        <translation>Следующее &amp;незнакомое слово</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>No new story: {reason}</source>
        <translation>Новый материал не создан: {reason}</translation>
    </message>
    <message numerus="yes">
        <location line="+161"/>
        <source>Recovered %Ln character(s) typed before newsdesk closed unexpectedly.</source>
        <translation>
            <numerusform>Восстановлен %Ln символ, набранный до неожиданного закрытия newsdesk.</numerusform>
            <numerusform>Восстановлено %Ln символа, набранных до неожиданного закрытия newsdesk.</numerusform>
            <numerusform>Восстановлено %Ln символов, набранных до неожиданного закрытия newsdesk.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Recovered %Ln character(s) typed that could not be saved at {time}.</source>
        <translation>
            <numerusform>Восстановлен %Ln набранный символ, который не удалось сохранить в {time}.</numerusform>
            <numerusform>Восстановлено %Ln набранных символа, которые не удалось сохранить в {time}.</numerusform>
            <numerusform>Восстановлено %Ln набранных символов, которые не удалось сохранить в {time}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Recovered changes (%Ln character(s) deleted) made before newsdesk closed unexpectedly.</source>
        <translation>
            <numerusform>Восстановлены изменения (удалён %Ln символ), сделанные до неожиданного закрытия newsdesk.</numerusform>
            <numerusform>Восстановлены изменения (удалено %Ln символа), сделанные до неожиданного закрытия newsdesk.</numerusform>
            <numerusform>Восстановлены изменения (удалено %Ln символов), сделанные до неожиданного закрытия newsdesk.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Recovered changes (%Ln character(s) deleted) made that could not be saved at {time}.</source>
        <translation>
            <numerusform>Восстановлены изменения (удалён %Ln символ), которые не удалось сохранить в {time}.</numerusform>
            <numerusform>Восстановлены изменения (удалено %Ln символа), которые не удалось сохранить в {time}.</numerusform>
            <numerusform>Восстановлены изменения (удалено %Ln символов), которые не удалось сохранить в {time}.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recovered changes made before newsdesk closed unexpectedly.</source>
        <translation>Восстановлены изменения, сделанные до неожиданного закрытия newsdesk.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recovered changes made that could not be saved at {time}.</source>
        <translation>Восстановлены изменения, которые не удалось сохранить в {time}.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Recovered text</source>
        <translation>Восстановленный текст</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Saved before</source>
        <translation>Сохранённое ранее</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../newsdesk/ui/dialogs/revisions.py" line="+2"/>
        <source>Recovered</source>
        <translation>Восстановлено</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Recovered text discarded; it stays in the revisions</source>
        <translation>Восстановленный текст отброшен; он остаётся в версиях</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>This story is very long: Markdown highlighting is off for it</source>
        <translation>Материал очень длинный: подсветка Markdown для него отключена</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Headlines over %n character(s) are cut off in lists and feeds</source>
        <translation>
            <numerusform>Заголовки длиннее %n символа обрезаются в списках и лентах</numerusform>
            <numerusform>Заголовки длиннее %n символов обрезаются в списках и лентах</numerusform>
            <numerusform>Заголовки длиннее %n символов обрезаются в списках и лентах</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Up to %n character(s) show in full</source>
        <translation>
            <numerusform>До %n символа видно целиком</numerusform>
            <numerusform>До %n символов видно целиком</numerusform>
            <numerusform>До %n символов видно целиком</numerusform>
        </translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Cannot write the recovery journal ({reason}); unsaved text is only in this window.</source>
        <translation>Не удаётся записать журнал восстановления ({reason}); несохранённый текст есть только в этом окне.</translation>
    </message>
    <message>
        <location line="+117"/>
        <location line="+6"/>
        <location filename="../../newsdesk/ui/people/panel.py" line="+168"/>
        <source>Not saved: {reason}</source>
        <translation>Не сохранено: {reason}</translation>
    </message>
    <message numerus="yes">
        <location line="+28"/>
        <source>Could not save: {reason}. Your text is kept in the recovery journal ({folder}); retrying every %n s.</source>
        <translation>
            <numerusform>Не удалось сохранить: {reason}. Ваш текст хранится в журнале восстановления ({folder}); повтор каждую %n с.</numerusform>
            <numerusform>Не удалось сохранить: {reason}. Ваш текст хранится в журнале восстановления ({folder}); повтор каждые %n с.</numerusform>
            <numerusform>Не удалось сохранить: {reason}. Ваш текст хранится в журнале восстановления ({folder}); повтор каждые %n с.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Could not save: {reason}. Your text is only in this window; do not close it; retrying every %n s.</source>
        <translation>
            <numerusform>Не удалось сохранить: {reason}. Ваш текст есть только в этом окне, не закрывайте его; повтор каждую %n с.</numerusform>
            <numerusform>Не удалось сохранить: {reason}. Ваш текст есть только в этом окне, не закрывайте его; повтор каждые %n с.</numerusform>
            <numerusform>Не удалось сохранить: {reason}. Ваш текст есть только в этом окне, не закрывайте его; повтор каждые %n с.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+34"/>
        <source>First choose which version of this story to keep</source>
        <translation>Сначала выберите, какую версию материала оставить</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The story was restored from the trash elsewhere</source>
        <translation>Материал восстановлен из корзины в другом месте</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>This story was deleted for good elsewhere.</source>
        <translation>Этот материал удалён навсегда в другом месте.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as a new story</source>
        <translation>Сохранить как новый материал</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your latest changes are kept aside until you save them as a new story.</source>
        <translation>Ваши последние изменения отложены, пока вы не сохраните их как новый материал.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The open story was deleted for good elsewhere</source>
        <translation>Открытый материал удалён навсегда в другом месте</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This story is in the trash.</source>
        <translation>Этот материал в корзине.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your latest changes are kept aside until you restore it.</source>
        <translation>Ваши последние изменения отложены, пока вы не восстановите материал.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The open story was moved to the trash elsewhere</source>
        <translation>Открытый материал перемещён в корзину в другом месте</translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/desk/article_list.py" line="-60"/>
        <location filename="../../newsdesk/ui/desk/editor.py" line="+14"/>
        <source>Not restored: {reason}</source>
        <translation>Не восстановлено: {reason}</translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/desk/editor.py" line="+4"/>
        <source>Restored from the trash</source>
        <translation>Восстановлено из корзины</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The story was deleted for good; your text is now a new story: {headline}</source>
        <translation>Материал удалён навсегда; ваш текст теперь новый материал: {headline}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>This story was saved elsewhere meanwhile: choose which text to keep</source>
        <translation>Тем временем материал сохранили в другом месте: выберите, какой текст оставить</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Kept your version; theirs is in the revisions</source>
        <translation>Оставлена ваша версия; их версия — в версиях</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your version was saved as a new story: {headline}</source>
        <translation>Ваша версия сохранена как новый материал: {headline}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Took their version; yours is in the revisions</source>
        <translation>Взята их версия; ваша — в версиях</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Revision restored (recorded as a new revision)</source>
        <translation>Версия восстановлена (записана как новая версия)</translation>
    </message>
    <message>
        <location line="+37"/>
        <location filename="../../newsdesk/ui/dialogs/revisions.py" line="+26"/>
        <source>Status: {status}</source>
        <translation>Статус: {status}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Unknown words</source>
        <translation>Незнакомые слова</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>This story has %n unknown word(s) (F7 shows the next one). Mark it ready anyway?</source>
        <translation>
            <numerusform>В материале %n незнакомое слово (F7 покажет следующее). Всё равно отметить как готовый?</numerusform>
            <numerusform>В материале %n незнакомых слова (F7 покажет следующее). Всё равно отметить как готовый?</numerusform>
            <numerusform>В материале %n незнакомых слов (F7 покажет следующее). Всё равно отметить как готовый?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/desk/find_replace.py" line="+29"/>
        <source>Find in story</source>
        <translation>Найти в материале</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Replace with</source>
        <translation>Заменить на</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Match case</source>
        <translation>С учётом регистра</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Replace</source>
        <translation>Заменить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace all</source>
        <translation>Заменить все</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Next match (Enter)</source>
        <translation>Следующее совпадение (Enter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous match (Shift+Enter)</source>
        <translation>Предыдущее совпадение (Shift+Enter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close (Esc)</source>
        <translation>Закрыть (Esc)</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Not found</source>
        <translation>Не найдено</translation>
    </message>
    <message numerus="yes">
        <location line="+31"/>
        <source>%Ln replaced</source>
        <translation>
            <numerusform>%Ln замена</numerusform>
            <numerusform>%Ln замены</numerusform>
            <numerusform>%Ln замен</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Replaced %Ln occurrence(s)</source>
        <translation>
            <numerusform>Заменено %Ln вхождение</numerusform>
            <numerusform>Заменено %Ln вхождения</numerusform>
            <numerusform>Заменено %Ln вхождений</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/dashboard/panel.py" line="-367"/>
        <source>People tagged most this week</source>
        <translation>Люди: чаще всего в тегах за неделю</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>People</source>
        <translation>Люди</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>No people tagged on the stories updated in the last %n day(s)</source>
        <translation>
            <numerusform>Ни один человек не отмечен тегом в материалах, обновлённых за последний %n день</numerusform>
            <numerusform>Ни один человек не отмечен тегом в материалах, обновлённых за последние %n дня</numerusform>
            <numerusform>Ни один человек не отмечен тегом в материалах, обновлённых за последние %n дней</numerusform>
        </translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Organisations tagged most this week</source>
        <translation>Организации: чаще всего в тегах за неделю</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organisations</source>
        <translation>Организации</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Places tagged most this week</source>
        <translation>Места, чаще всего отмеченные на этой неделе</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Places</source>
        <translation>Места</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>No organisations tagged on the stories updated in the last %n day(s)</source>
        <translation>
            <numerusform>Ни одна организация не отмечена тегом в материалах, обновлённых за последний %n день</numerusform>
            <numerusform>Ни одна организация не отмечена тегом в материалах, обновлённых за последние %n дня</numerusform>
            <numerusform>Ни одна организация не отмечена тегом в материалах, обновлённых за последние %n дней</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>No places tagged on the stories updated in the last %n day(s)</source>
        <translation>
            <numerusform>Нет мест, отмеченных в материалах за последний %n день</numerusform>
            <numerusform>Нет мест, отмеченных в материалах за последние %n дня</numerusform>
            <numerusform>Нет мест, отмеченных в материалах за последние %n дней</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Tagged most this week: {kind}</source>
        <translation>Чаще всего в тегах за неделю: {kind}</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>No {kind} tagged on the stories updated in the last %n day(s)</source>
        <translation>
            <numerusform>Нет тегов вида «{kind}» в материалах, обновлённых за последний %n день</numerusform>
            <numerusform>Нет тегов вида «{kind}» в материалах, обновлённых за последние %n дня</numerusform>
            <numerusform>Нет тегов вида «{kind}» в материалах, обновлённых за последние %n дней</numerusform>
        </translation>
    </message>
    <message>
        <location line="+97"/>
        <source>Computing the figures…</source>
        <translation>Подсчёт показателей…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refresh</source>
        <comment>the dashboard</comment>
        <translation>Обновить</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Compute the figures again ({shortcut})</source>
        <translation>Пересчитать показатели ({shortcut})</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>reviews waiting</source>
        <translation>отзывы ждут решения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>of them flagged</source>
        <comment>of the reviews waiting</comment>
        <translation>из них с пометками</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>oldest waiting review</source>
        <translation>ждёт самый давний отзыв</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>median time to a decision (%n day(s))</source>
        <translation>
            <numerusform>медианное время до решения (%n день)</numerusform>
            <numerusform>медианное время до решения (%n дня)</numerusform>
            <numerusform>медианное время до решения (%n дней)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stories published yesterday</source>
        <translation>материалы, опубликованные вчера</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Stories by status now</source>
        <translation>Материалы по статусам сейчас</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stories published per day, by language</source>
        <translation>Опубликованные материалы по дням и языкам</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reviews received and decided per day</source>
        <translation>Отзывы по дням: получено и решено</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Decisions per moderator (%n day(s))</source>
        <translation>
            <numerusform>Решения по модераторам (%n день)</numerusform>
            <numerusform>Решения по модераторам (%n дня)</numerusform>
            <numerusform>Решения по модераторам (%n дней)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Flags on reviews received (%n day(s)), by status now</source>
        <translation>
            <numerusform>Пометки полученных отзывов (%n день), по текущему статусу</numerusform>
            <numerusform>Пометки полученных отзывов (%n дня), по текущему статусу</numerusform>
            <numerusform>Пометки полученных отзывов (%n дней), по текущему статусу</numerusform>
        </translation>
    </message>
    <message>
        <location line="+49"/>
        <source>The dashboard could not be computed: {reason}</source>
        <translation>Не удалось рассчитать сводку: {reason}</translation>
    </message>
    <message numerus="yes">
        <location line="+28"/>
        <source>Last %n day(s): {first} to {last}, on this computer&apos;s clock · computed at {time}</source>
        <translation>
            <numerusform>Последний %n день: с {first} по {last}, по часам этого компьютера · рассчитано в {time}</numerusform>
            <numerusform>Последние %n дня: с {first} по {last}, по часам этого компьютера · рассчитано в {time}</numerusform>
            <numerusform>Последние %n дней: с {first} по {last}, по часам этого компьютера · рассчитано в {time}</numerusform>
        </translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Open the {queue} queue</source>
        <translation>Открыть очередь «{queue}»</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Submitted {time}</source>
        <comment>a review</comment>
        <translation>Отправлен {time}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No review is waiting</source>
        <translation>Нет ожидающих отзывов</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>From submission to a moderator&apos;s decision; the automatic rules are not counted</source>
        <translation>От отправки до решения модератора; решения автоматических правил не учитываются</translation>
    </message>
    <message>
        <location line="+12"/>
        <location filename="../../newsdesk/ui/desk/panel.py" line="+42"/>
        <source>No stories yet</source>
        <translation>Материалов пока нет</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>{status}: %Ln story(s); click to list them</source>
        <translation>
            <numerusform>{status}: %Ln материал; щёлкните, чтобы показать список</numerusform>
            <numerusform>{status}: %Ln материала; щёлкните, чтобы показать список</numerusform>
            <numerusform>{status}: %Ln материалов; щёлкните, чтобы показать список</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>No stories published in the last %n day(s)</source>
        <translation>
            <numerusform>За последний %n день материалы не публиковались</numerusform>
            <numerusform>За последние %n дня материалы не публиковались</numerusform>
            <numerusform>За последние %n дней материалы не публиковались</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>No reviews received or decided in the last %n day(s)</source>
        <translation>
            <numerusform>За последний %n день отзывы не поступали и решения не принимались</numerusform>
            <numerusform>За последние %n дня отзывы не поступали и решения не принимались</numerusform>
            <numerusform>За последние %n дней отзывы не поступали и решения не принимались</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Received</source>
        <comment>reviews per day</comment>
        <translation>Получено</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Decided</source>
        <comment>reviews per day</comment>
        <translation>Решено</translation>
    </message>
    <message>
        <source>Reviews</source>
        <comment>a chart&apos;s axis</comment>
        <translation type="obsolete">Отзывы</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>No decisions in the last %n day(s)</source>
        <translation>
            <numerusform>За последний %n день решений не было</numerusform>
            <numerusform>За последние %n дня решений не было</numerusform>
            <numerusform>За последние %n дней решений не было</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reviews decided</source>
        <translation>Решённые отзывы</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>{moderator} · {queue}: %Ln review(s); click to open them</source>
        <translation>
            <numerusform>{moderator} · {queue}: %Ln отзыв; щёлкните, чтобы открыть</numerusform>
            <numerusform>{moderator} · {queue}: %Ln отзыва; щёлкните, чтобы открыть</numerusform>
            <numerusform>{moderator} · {queue}: %Ln отзывов; щёлкните, чтобы открыть</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>No flagged reviews received in the last %n day(s)</source>
        <translation>
            <numerusform>За последний %n день отзывов с пометками не поступало</numerusform>
            <numerusform>За последние %n дня отзывов с пометками не поступало</numerusform>
            <numerusform>За последние %n дней отзывов с пометками не поступало</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>{flag} · {queue} now: %Ln review(s); click to open them</source>
        <translation>
            <numerusform>{flag} · сейчас «{queue}»: %Ln отзыв; щёлкните, чтобы открыть</numerusform>
            <numerusform>{flag} · сейчас «{queue}»: %Ln отзыва; щёлкните, чтобы открыть</numerusform>
            <numerusform>{flag} · сейчас «{queue}»: %Ln отзывов; щёлкните, чтобы открыть</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Stories updated this week</source>
        <translation>Материалы, обновлённые за неделю</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>{name}: %Ln story(s); click to open the entry</source>
        <translation>
            <numerusform>{name}: %Ln материал; щёлкните, чтобы открыть запись</numerusform>
            <numerusform>{name}: %Ln материала; щёлкните, чтобы открыть запись</numerusform>
            <numerusform>{name}: %Ln материалов; щёлкните, чтобы открыть запись</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/desk/panel.py" line="+1"/>
        <source>Press Ctrl+N to write one. To bring in wire copy, run “newsdesk import FILE” in a terminal.</source>
        <translation>Нажмите Ctrl+N, чтобы написать материал. Чтобы загрузить ленту агентства, выполните в терминале “newsdesk import FILE”.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No story open</source>
        <translation>Нет открытого материала</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose one in the list (Enter or a double click opens it), or press Ctrl+N to write a new one.</source>
        <translation>Выберите материал в списке (Enter или двойной щелчок открывает его) или нажмите Ctrl+N, чтобы написать новый.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>New story</source>
        <translation>Новый материал</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write a new story (Ctrl+N)</source>
        <translation>Написать новый материал (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Tags</source>
        <translation>Теги</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pictures</source>
        <translation>Снимки</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Translations</source>
        <translation>Переводы</translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/desk/story_lock.py" line="+34"/>
        <source>Take over</source>
        <translation>Перехватить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit this story yourself; what the colleague saved is kept as a revision</source>
        <translation>Править материал самому; сохранённое коллегой остаётся в версиях</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Could not lock the story: {reason}</source>
        <translation>Не удалось заблокировать материал: {reason}</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>{lock} in another window</source>
        <translation>{lock}, в другом окне</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>This story is {lock} on the server (when this copy was last synced). You can read it; edit it once the server is back.</source>
        <translation>Этот материал на сервере {lock} (на момент последней синхронизации этой копии). Его можно читать; править — когда сервер вернётся.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This story is {lock}. You can read it; take it over to edit.</source>
        <translation>Этот материал: {lock}. Его можно читать; чтобы править, перехватите его.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Could not renew the story lock: {reason}</source>
        <translation>Не удалось продлить блокировку материала: {reason}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>being edited by a colleague</source>
        <translation>редактируется коллегой</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A colleague took this story over; your unsaved text is kept in its revisions</source>
        <translation>Коллега перехватил материал; ваш несохранённый текст сохранён в его версиях</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Could not take the story over: {reason}</source>
        <translation>Не удалось перехватить материал: {reason}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>You took the story over from {holder}; their saved text is kept as a revision</source>
        <translation>Вы перехватили материал у {holder}; сохранённый им текст остаётся в версиях</translation>
    </message>
    <message>
        <source>Add a person or organisation (name or alias)</source>
        <translation type="vanished">Добавить человека или организацию (имя или вариант)</translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/desk/tag_panel.py" line="-34"/>
        <source>Relation of tags added from this field</source>
        <translation>Связь тегов, добавленных из этого поля</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New</source>
        <comment>a new person or organisation</comment>
        <translation>Новый</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create a new person or organisation with the typed name</source>
        <translation>Создать человека или организацию с введённым именем</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../newsdesk/ui/people/panel.py" line="-219"/>
        <location line="+240"/>
        <source>New person</source>
        <translation>Новый человек</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../newsdesk/ui/people/panel.py" line="-238"/>
        <location line="+244"/>
        <source>New organisation</source>
        <translation>Новая организация</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../newsdesk/ui/people/panel.py" line="-243"/>
        <location line="+240"/>
        <source>New place</source>
        <translation>Новое место</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tag</source>
        <translation>Тег</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../newsdesk/ui/people/panel.py" line="-192"/>
        <source>Relation</source>
        <translation>Связь</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About</source>
        <comment>button</comment>
        <translation>О нём</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The story is about the selected tags</source>
        <translation>Материал о выбранных тегах</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mentioned</source>
        <comment>button</comment>
        <translation>Упомянут</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The story only mentions the selected tags</source>
        <translation>Выбранные теги только упоминаются в материале</translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/desk/picture_actions.py" line="+47"/>
        <source>pasted picture.png</source>
        <translation>вставленный снимок.png</translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/desk/pictures_panel.py" line="+133"/>
        <source>Lead picture</source>
        <translation>Главный снимок</translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/desk/picture_actions.py" line="+10"/>
        <source>Add &amp;picture...</source>
        <translation>Добавить &amp;снимок...</translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/desk/pictures_panel.py" line="+14"/>
        <location filename="../../newsdesk/ui/desk/tag_panel.py" line="+4"/>
        <source>Remove</source>
        <translation>Убрать</translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/desk/picture_actions.py" line="+4"/>
        <source>&amp;Insert in body</source>
        <translation>&amp;Вставить в текст</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Place the selected picture in the body at the cursor (Ctrl+Shift+B); or drag its thumbnail onto the text</source>
        <translation>Поместить выбранное изображение в текст у курсора (Ctrl+Shift+B) или перетащить миниатюру на текст</translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/desk/pictures_panel.py" line="+3"/>
        <source>Move &amp;left</source>
        <translation>Сдвинуть &amp;влево</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move &amp;right</source>
        <translation>Сдвинуть в&amp;право</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+15"/>
        <source>Caption</source>
        <translation>Подпись</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Credit (photographer, agency)</source>
        <translation>Автор (фотограф, агентство)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alt text: what the picture shows (required)</source>
        <translation>Альтернативный текст: что на снимке (обязательно)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a JPEG, PNG or WebP picture (Ctrl+Shift+I); or drop or paste one on the story</source>
        <translation>Добавить снимок JPEG, PNG или WebP (Ctrl+Shift+I) либо перетащить или вставить его в материал</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Credit</source>
        <translation>Автор</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alt text</source>
        <translation>Альтернативный текст</translation>
    </message>
    <message numerus="yes">
        <location line="+86"/>
        <source>%n picture(s) without alt text: needed before the story is ready</source>
        <translation>
            <numerusform>%n снимок без альтернативного текста: он нужен, прежде чем материал будет готов</numerusform>
            <numerusform>%n снимка без альтернативного текста: он нужен, прежде чем материал будет готов</numerusform>
            <numerusform>%n снимков без альтернативного текста: он нужен, прежде чем материал будет готов</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Lead</source>
        <translation>Главный</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Add pictures</source>
        <translation>Добавить снимки</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pictures (*.jpg *.jpeg *.png *.webp)</source>
        <translation>Снимки (*.jpg *.jpeg *.png *.webp)</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Adding %n picture(s)...</source>
        <translation>
            <numerusform>Добавляется %n снимок...</numerusform>
            <numerusform>Добавляются %n снимка...</numerusform>
            <numerusform>Добавляются %n снимков...</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/desk/tag_panel.py" line="+1"/>
        <source>Remove the selected tags (Delete)</source>
        <translation>Убрать выбранные теги (Delete)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suggest</source>
        <translation>Предложить</translation>
    </message>
    <message>
        <source>Look for people and organisations in the story now</source>
        <translation type="vanished">Найти людей и организации в материале сейчас</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Suggestion</source>
        <translation>Предложение</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Seen</source>
        <translation>Встречается</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../newsdesk/ui/dialogs/revisions.py" line="+89"/>
        <source>Why</source>
        <translation>Почему</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Accept</source>
        <translation>Принять</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tag the story with it (Enter or A)</source>
        <translation>Отметить материал этим тегом (Enter или A)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Do not suggest it again for this story (Delete or D)</source>
        <translation>Больше не предлагать для этого материала (Delete или D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Aliases</source>
        <comment>button: record the spellings as aliases</comment>
        <translation>Учесть</translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/people/panel.py" line="-190"/>
        <location line="+215"/>
        <source>Aliases</source>
        <translation>Варианты</translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/desk/tag_panel.py" line="+1"/>
        <source>Record the spellings seen in this story as aliases</source>
        <translation>Записать встреченные в материале написания как варианты</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record spellings</source>
        <translation>С вариантами</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accepting a suggestion also records the other spellings seen in the story as aliases</source>
        <translation>При принятии предложения другие встреченные в материале написания тоже записываются как варианты</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Highlight mentions</source>
        <translation>Подсветка</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Highlight the tagged people and organisations in the body</source>
        <translation>Подсвечивать в тексте отмеченных людей и организации</translation>
    </message>
    <message>
        <source>Looking for people and organisations...</source>
        <translation type="vanished">Поиск людей и организаций...</translation>
    </message>
    <message numerus="yes">
        <location line="+248"/>
        <source>%n suggestion(s)</source>
        <translation>
            <numerusform>%n предложение</numerusform>
            <numerusform>%n предложения</numerusform>
            <numerusform>%n предложений</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>, %n hidden</source>
        <translation>
            <numerusform>, %n скрыто</numerusform>
            <numerusform>, %n скрыто</numerusform>
            <numerusform>, %n скрыто</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n already tagged or dismissed</source>
        <translation>
            <numerusform>%n уже отмечено или отклонено</numerusform>
            <numerusform>%n уже отмечено или отклонено</numerusform>
            <numerusform>%n уже отмечено или отклонено</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Suggestions unavailable: {reason}</source>
        <translation>Предложения недоступны: {reason}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{name} (new)</source>
        <translation>{name} (новый)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Spellings not yet in the registry: {spellings}</source>
        <translation>Написания, которых ещё нет в справочнике: {spellings}</translation>
    </message>
    <message>
        <location line="-34"/>
        <location line="+62"/>
        <location line="+100"/>
        <source>Not tagged: {reason}</source>
        <translation>Тег не добавлен: {reason}</translation>
    </message>
    <message>
        <location line="-450"/>
        <source>Add a person, organisation or place (name or alias)</source>
        <translation>Добавить человека, организацию или место (имя или вариант)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Located</source>
        <comment>button</comment>
        <translation>Место</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The story happens at the selected places</source>
        <translation>Событие происходит в выбранных местах</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Look for people, organisations and places in the story now</source>
        <translation>Искать людей, организации и места в материале сейчас</translation>
    </message>
    <message>
        <location line="+204"/>
        <source>Looking for people, organisations and places...</source>
        <translation>Поиск людей, организаций и мест...</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Tagged the dateline&apos;s place: {name}</source>
        <translation>Отмечено место из датлайна: {name}</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Tagged: {names}</source>
        <translation>Добавлены теги: {names}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Not dismissed: {reason}</source>
        <translation>Не отклонено: {reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dismissed for this story: {names}</source>
        <translation>Отклонено для этого материала: {names}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Not recorded: {reason}</source>
        <translation>Не записано: {reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recorded as aliases: {spellings}</source>
        <translation>Записаны как варианты: {spellings}</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>No one called {name} yet: use New to create them</source>
        <translation>Пока нет никого с именем {name}: создайте кнопкой «Новый»</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Not created: {reason}</source>
        <translation>Не создано: {reason}</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../newsdesk/ui/people/panel.py" line="+192"/>
        <source>Created {kind} {name}</source>
        <translation>Создано ({kind}): {name}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Not changed: {reason}</source>
        <translation>Не изменено: {reason}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not removed: {reason}</source>
        <translation>Не убрано: {reason}</translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/dialogs/conflict.py" line="+73"/>
        <source>Story saved elsewhere meanwhile</source>
        <translation>Тем временем материал сохранили в другом месте</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{headline}” was saved elsewhere (another window or computer) at {time} while you were editing it. Choose which text the story keeps; the other one is kept too, as a revision or a new story.</source>
        <translation>Пока вы правили “{headline}”, материал сохранили в другом месте (другом окне или компьютере) в {time}. Выберите, какой текст останется в материале; второй тоже сохранится — как версия или как новый материал.</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>This story</source>
        <translation>Этот материал</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Story edited offline and on the server</source>
        <translation>Материал правился и офлайн, и на сервере</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{headline}” was edited on the server (last at {time}) while you edited it offline. The server&apos;s version is the story&apos;s for now; your offline edit is kept as a revision. Choose which text the story keeps, or merge them by hand.</source>
        <translation>Пока вы правили «{headline}» офлайн, его правили на сервере (последний раз в {time}). Пока у материала версия с сервера; ваша офлайн-правка сохранена как редакция. Выберите, какой текст оставить, или объедините их вручную.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;b&gt;Your offline edit&lt;/b&gt;</source>
        <translation>&lt;b&gt;Ваша офлайн-правка&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;b&gt;Your version&lt;/b&gt; (not saved)</source>
        <translation>&lt;b&gt;Ваша версия&lt;/b&gt; (не сохранена)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&lt;b&gt;Their version&lt;/b&gt; (saved, version {version})</source>
        <translation>&lt;b&gt;Их версия&lt;/b&gt; (сохранена, версия {version})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What your version changes in theirs:</source>
        <translation>Что ваша версия меняет в их версии:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep mine</source>
        <translation>Оставить мою</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save your text; theirs becomes a revision</source>
        <translation>Сохранить ваш текст; их текст станет версией</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take theirs</source>
        <translation>Взять их</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load their text; yours becomes a revision</source>
        <translation>Загрузить их текст; ваш станет версией</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Merge by hand</source>
        <translation>Объединить вручную</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit their text yourself with both versions side by side</source>
        <translation>Править текст самому, глядя на обе версии рядом</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save mine as a copy</source>
        <translation>Сохранить мою как копию</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep theirs here and save your text as a new story</source>
        <translation>Оставить здесь их текст, а ваш сохранить как новый материал</translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/dialogs/export.py" line="+57"/>
        <source>Website (HTML, feeds)</source>
        <translation>Сайт (HTML, ленты)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IPTC ninjs (JSON)</source>
        <translation>IPTC ninjs (JSON)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Markdown with front matter</source>
        <translation>Markdown с front matter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Email</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Please give the site&apos;s public address: the feeds link to it, and RSS readers refuse their links without it.</source>
        <translation>Укажите публичный адрес сайта: на него ссылаются ленты, и без него RSS-читатели не принимают их ссылки.</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Exported %n story(s) as {format} to {folder}: {written} written, {skipped} unchanged and skipped ({files_written} files written, {files_kept} kept)</source>
        <translation>
            <numerusform>Экспортирован %n материал в формате {format} в {folder}: записано {written}, без изменений и пропущено {skipped} (записано файлов: {files_written}, оставлено: {files_kept})</numerusform>
            <numerusform>Экспортировано %n материала в формате {format} в {folder}: записано {written}, без изменений и пропущено {skipped} (записано файлов: {files_written}, оставлено: {files_kept})</numerusform>
            <numerusform>Экспортировано %n материалов в формате {format} в {folder}: записано {written}, без изменений и пропущено {skipped} (записано файлов: {files_written}, оставлено: {files_kept})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>; %n story(s) held under embargo until {time}</source>
        <translation>
            <numerusform>; %n материал под эмбарго до {time}</numerusform>
            <numerusform>; %n материала под эмбарго до {time}</numerusform>
            <numerusform>; %n материалов под эмбарго до {time}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>; %n story(s) held under embargo until {first} (the last until {last})</source>
        <translation>
            <numerusform>; %n материал под эмбарго до {first} (последний до {last})</numerusform>
            <numerusform>; %n материала под эмбарго до {first} (последний до {last})</numerusform>
            <numerusform>; %n материалов под эмбарго до {first} (последний до {last})</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the feeds&apos; links are relative, as the site&apos;s public address is not set, and RSS readers refuse them: give it under Website (Site address)</source>
        <translation>Ссылки в лентах относительные, так как публичный адрес сайта не задан, и RSS-читатели их не принимают: укажите его в разделе «Сайт»</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Writing {file}</source>
        <translation>Запись {file}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Export stories</source>
        <translation>Экспорт материалов</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Export</source>
        <comment>button</comment>
        <translation>&amp;Экспортировать</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Folder to export to</source>
        <translation>Папка для экспорта</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Обзор…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Folder:</source>
        <translation>&amp;Папка:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>F&amp;ormat:</source>
        <translation>&amp;Формат:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ninjs &amp;version:</source>
        <translation>&amp;Версия ninjs:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only stories updated &amp;since</source>
        <translation>Только материалы, обновлённые &amp;после</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Rebuild everything (&amp;full export)</source>
        <translation>Пересобрать всё (&amp;полный экспорт)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the pictures&apos; &amp;GPS location</source>
        <translation>Сохранять &amp;GPS-координаты снимков</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Off, the exported pictures carry no location: a photographer&apos;s position can endanger a source.</source>
        <translation>Если выключено, в экспортированных снимках нет координат: место съёмки может выдать источник.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Stories with status</source>
        <translation>Материалы со статусом</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Website</source>
        <translation>Сайт</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The site&apos;s public address: share links and feeds point readers there. Pages link to each other relatively either way.</source>
        <translation>Публичный адрес сайта: ссылки «Поделиться» и ленты ведут читателей туда. Страницы в любом случае ссылаются друг на друга относительно.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Site &amp;address:</source>
        <translation>&amp;Адрес сайта:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Shown under &quot;Leave a review&quot; on every story page.</source>
        <translation>Показывается под «Оставить отзыв» на каждой странице материала.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reviews e-mail:</source>
        <translation>&amp;Почта для отзывов:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The language of the index, the people&apos;s and organisations&apos; pages and the feeds. Each story page speaks its story&apos;s language.</source>
        <translation>Язык главной страницы, страниц персон и организаций и лент. Страница каждого материала — на языке материала.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Site &amp;language:</source>
        <translation>&amp;Язык сайта:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Share links:</source>
        <translation>Ссылки «Поделиться»:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Export to folder</source>
        <translation>Экспорт в папку</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>choose a folder to export to</source>
        <translation>выберите папку для экспорта</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>choose at least one status to export</source>
        <translation>выберите хотя бы один статус для экспорта</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Exporting…</source>
        <translation>Экспорт…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exporting stories…</source>
        <translation>Экспорт материалов…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Warning: {warning}</source>
        <translation>Предупреждение: {warning}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export failed: {reason}</source>
        <translation>Экспорт не удался: {reason}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export cancelled; the previous export is unchanged.</source>
        <translation>Экспорт отменён; предыдущий экспорт не изменён.</translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/dialogs/preferences.py" line="+27"/>
        <source>Preferences</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>System language ({language})</source>
        <translation>Язык системы ({language})</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Your name</source>
        <translation>Ваше имя</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shown to colleagues on the stories you edit and on your revisions.</source>
        <translation>Видно коллегам на материалах, которые вы правите, и на ваших версиях.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Default agency</source>
        <translation>Агентство по умолчанию</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The window uses it from the next start.</source>
        <translation>Окно перейдёт на него при следующем запуске.</translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/dialogs/revisions.py" line="-117"/>
        <source>Autosave</source>
        <translation>Автосохранение</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restored</source>
        <translation>Восстановлено</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Conflict</source>
        <translation>Конфликт</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imported</source>
        <translation>Импортировано</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Update from source</source>
        <translation>Обновление от источника</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Correction from source</source>
        <translation>Исправление от источника</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unsaved when the lock was taken over</source>
        <translation>Не сохранено при перехвате блокировки</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Offline edit</source>
        <translation>Офлайн-правка</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select a revision to see what changed since.</source>
        <translation>Выберите версию, чтобы увидеть, что изменилось с тех пор.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Lock taken over from {holder}</source>
        <translation>Блокировка перехвачена у {holder}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No differences from the current text.</source>
        <translation>Отличий от текущего текста нет.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Green: only in “{new}”. Red: only in “{old}”.</source>
        <translation>Зелёное: только в “{new}”. Красное: только в “{old}”.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Differences</source>
        <translation>Различия</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Restore this revision</source>
        <translation>Восстановить эту версию</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Words</source>
        <translation>Слова</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>version {version}</source>
        <translation>версия {version}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>source&apos;s version {version}</source>
        <translation>версия источника {version}</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Restoring it removes the red text and brings back the green.</source>
        <translation>Восстановление уберёт красный текст и вернёт зелёный.</translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/domain_texts.py" line="-59"/>
        <source>Draft</source>
        <comment>status</comment>
        <translation>Черновик</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edited</source>
        <comment>status</comment>
        <translation>Вычитан</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ready</source>
        <comment>status</comment>
        <translation>Готов</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Published</source>
        <comment>status</comment>
        <translation>Опубликован</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Killed</source>
        <comment>status</comment>
        <translation>Снят</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{status}</source>
        <comment>a status newsdesk does not know, as stored</comment>
        <translation>{status}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pending</source>
        <comment>review queue</comment>
        <translation>Ожидают</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flagged</source>
        <comment>review queue</comment>
        <translation>С пометками</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved</source>
        <comment>review queue</comment>
        <translation>Одобрены</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected</source>
        <comment>review queue</comment>
        <translation>Отклонены</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spam</source>
        <comment>review queue</comment>
        <translation>Спам</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown status {status} (choose from {choices})</source>
        <translation>неизвестный статус {status} (выберите из: {choices})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a {current:lower} story cannot become {target:lower} directly</source>
        <translation>материал со статусом «{current:lower}» нельзя сразу перевести в «{target:lower}»</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{target:lower} needs {missing}</source>
        <comment>e.g. ready needs a headline, a body</comment>
        <translation>для статуса «{target:lower}» нужны: {missing}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a headline</source>
        <comment>what a story needs</comment>
        <translation>заголовок</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a dateline place</source>
        <comment>what a story needs</comment>
        <translation>место в дейтлайне</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a body</source>
        <comment>what a story needs</comment>
        <translation>текст</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no story {story} (give its slug, id or uuid)</source>
        <translation>нет материала {story} (укажите его slug, id или uuid)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this story</source>
        <translation>этот материал</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>story {id}</source>
        <translation>материал {id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>story {id} was deleted for good</source>
        <translation>материал {id} удалён навсегда</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{headline} is in the trash: restore it to edit it</source>
        <translation>{headline} в корзине: восстановите, чтобы править</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{headline} was saved elsewhere meanwhile (version {version}, you edited version {edited})</source>
        <translation>{headline} тем временем сохранили в другом месте (версия {version}, вы правили версию {edited})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{headline} was saved elsewhere meanwhile</source>
        <translation>{headline} тем временем сохранили в другом месте</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{headline} is {lock} in another window; take it over to save here</source>
        <translation>{headline}: {lock}, в другом окне; перехватите, чтобы сохранить здесь</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>urgency must be between 1 and 9</source>
        <translation>срочность должна быть от 1 до 9</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n picture(s) without alt text: describe each for readers who cannot see it before the story is ready</source>
        <translation>
            <numerusform>%n снимок без альтернативного текста: опишите его для читателей, которые не видят снимков, прежде чем материал будет готов</numerusform>
            <numerusform>%n снимка без альтернативного текста: опишите каждый для читателей, которые не видят снимков, прежде чем материал будет готов</numerusform>
            <numerusform>%n снимков без альтернативного текста: опишите каждый для читателей, которые не видят снимков, прежде чем материал будет готов</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>this picture is already in the story</source>
        <translation>этот снимок уже есть в материале</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no picture {id}</source>
        <translation>нет снимка {id}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the body shows picture {ref}, which is not one of the story&apos;s pictures: add the picture or take the reference out</source>
        <translation>в тексте показано изображение {ref}, которого нет среди изображений материала: добавьте изображение или уберите ссылку</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{length} characters, more than the {limit} a headline may have; shorten it</source>
        <translation>{length} символов — больше, чем {limit}, допустимых для заголовка; сократите его</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{headline}: {reason}</source>
        <comment>a story and why it cannot move</comment>
        <translation>{headline}: {reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>line {line} nests lists or quotes more than {levels} levels deep</source>
        <translation>в строке {line} списки или цитаты вложены глубже {levels} уровней</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the body has too many unclosed &apos;[&apos;, &apos;(&apos; or &apos;&lt;&apos; (each makes rendering read on to the end of its paragraph); close or remove them</source>
        <translation>в тексте слишком много незакрытых &apos;[&apos;, &apos;(&apos; или &apos;&lt;&apos; (из-за каждой отрисовка читает до конца абзаца); закройте или удалите их</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the body has {count} &apos;{mark}&apos; characters (at most {limit}): so many make rendering slow; remove them</source>
        <translation>в тексте {count} символов &apos;{mark}&apos; (не больше {limit}): столько замедляет вёрстку; удалите их</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>being edited by {holder} since {time}</source>
        <translation>редактируется {holder} с {time}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Body</source>
        <translation>Текст</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Footnote</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Desk code</source>
        <translation>Код отдела</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the external URI must start with http:// or https://</source>
        <translation>внешний URI должен начинаться с http:// или https://</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a name is required</source>
        <translation>нужно имя</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot merge an entity into itself</source>
        <translation>нельзя объединить запись саму с собой</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>that entity was already merged into another one</source>
        <translation>эта запись уже объединена с другой</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>person</source>
        <translation>человек</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>organisation</source>
        <translation>организация</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>place</source>
        <comment>a kind of registry entry</comment>
        <translation>место</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>about</source>
        <comment>the story is about this tag</comment>
        <translation>о нём</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mentioned</source>
        <comment>the story mentions this tag</comment>
        <translation>упомянут</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>located</source>
        <comment>the story happens at this place</comment>
        <translation>место</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the latitude must be a number from -90 to 90</source>
        <translation>широта должна быть числом от -90 до 90</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the longitude must be a number from -180 to 180</source>
        <translation>долгота должна быть числом от -180 до 180</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>banned author: {author}</source>
        <translation>заблокированный автор: {author}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>banned word: {word}</source>
        <translation>запрещённое слово: {word}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>suspect word: {word}</source>
        <translation>подозрительное слово: {word}</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n link(s)</source>
        <translation>
            <numerusform>%n ссылка</numerusform>
            <numerusform>%n ссылки</numerusform>
            <numerusform>%n ссылок</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>repeat of a review on {original}</source>
        <translation>повтор отзыва от {original}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{date} under “{headline}”</source>
        <comment>the date and story of an earlier review</comment>
        <translation>{date} к материалу “{headline}”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>shouting (mostly capitals)</source>
        <translation>крик (в основном заглавные буквы)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hidden characters: {characters}</source>
        <translation>скрытые символы: {characters}</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>very long (%Ln character(s))</source>
        <translation>
            <numerusform>очень длинный (%Ln символ)</numerusform>
            <numerusform>очень длинный (%Ln символа)</numerusform>
            <numerusform>очень длинный (%Ln символов)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Links</source>
        <comment>a kind of flag</comment>
        <translation>Ссылки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suspect words</source>
        <comment>a kind of flag</comment>
        <translation>Подозрительные слова</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeats</source>
        <comment>a kind of flag</comment>
        <translation>Повторы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shouting</source>
        <comment>a kind of flag</comment>
        <translation>Крик</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Banned words</source>
        <comment>a kind of flag</comment>
        <translation>Запрещённые слова</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Banned authors</source>
        <comment>a kind of flag</comment>
        <translation>Заблокированные авторы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hidden characters</source>
        <comment>a kind of flag</comment>
        <translation>Скрытые символы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Very long</source>
        <comment>a kind of flag</comment>
        <translation>Очень длинные</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>automatic rules</source>
        <comment>who decided a review</comment>
        <translation>автоматические правила</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not recorded</source>
        <comment>who decided a review</comment>
        <translation>не записано</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{days} d {hours} h</source>
        <comment>days and hours</comment>
        <translation>{days} д {hours} ч</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{days} d</source>
        <comment>days</comment>
        <translation>{days} д</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{hours} h {minutes} min</source>
        <comment>hours and minutes</comment>
        <translation>{hours} ч {minutes} мин</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{hours} h</source>
        <comment>hours</comment>
        <translation>{hours} ч</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{minutes} min</source>
        <comment>minutes</comment>
        <translation>{minutes} мин</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{seconds} s</source>
        <comment>seconds</comment>
        <translation>{seconds} с</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no such file</source>
        <translation>нет такого файла</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is a folder, not a review file</source>
        <translation>это папка, а не файл отзывов</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot read ({reason})</source>
        <translation>не удаётся прочитать ({reason})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>empty file (no reviews, not even a header or &apos;[]&apos;)</source>
        <translation>пустой файл (нет отзывов, нет даже заголовка или &apos;[]&apos;)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not valid UTF-8 (byte 0x{byte} at offset {offset})</source>
        <translation>некорректный UTF-8 (байт 0x{byte} на позиции {offset})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>contains a NUL character (\0): not a text file</source>
        <translation>содержит символ NUL (\0): это не текстовый файл</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expected a JSON array or JSON Lines</source>
        <translation>ожидался массив JSON или JSON Lines</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expected an object, found {found}</source>
        <translation>ожидался объект, найдено: {found}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expected a JSON array</source>
        <translation>ожидался массив JSON</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bad JSON ({reason})</source>
        <translation>ошибка в JSON ({reason})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bad CSV ({reason})</source>
        <translation>ошибка в CSV ({reason})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>empty file (expected a header row)</source>
        <translation>пустой файл (ожидалась строка заголовка)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the header names this column twice</source>
        <translation>в заголовке этот столбец указан дважды</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>missing column(s) {columns}</source>
        <translation>
            <numerusform>нет столбца {columns}</numerusform>
            <numerusform>нет столбцов {columns}</numerusform>
            <numerusform>нет столбцов {columns}</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{cells} cells, the header has {columns}</source>
        <translation>ячеек: {cells}, а в заголовке: {columns}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not an ISO 8601 time: {value}</source>
        <translation>не время ISO 8601: {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be 1 to 5, not {value}</source>
        <translation>должно быть от 1 до 5, а не {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expected text, found {found}</source>
        <translation>ожидался текст, найдено: {found}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>missing</source>
        <comment>a required value is missing</comment>
        <translation>отсутствует</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no story {story} in this database</source>
        <translation>в этой базе нет материала {story}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>duplicate id {id} (first on line {first})</source>
        <translation>повторный id {id} (впервые в строке {first})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this review has no author to ban</source>
        <translation>у этого отзыва нет автора, которого можно заблокировать</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the database is locked by another program; close it and try again</source>
        <translation>база данных заблокирована другой программой; закройте её и попробуйте снова</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the database is read-only</source>
        <translation>база данных доступна только для чтения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the disk is full; free some space and try again ({detail})</source>
        <translation>диск заполнен; освободите место и попробуйте снова ({detail})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the database file is damaged; restore it from a backup ({detail})</source>
        <translation>файл базы данных повреждён; восстановите его из резервной копии ({detail})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>lost the connection to the database server ({detail})</source>
        <translation>потеряно соединение с сервером базы данных ({detail})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the disk failed ({detail})</source>
        <translation>сбой диска ({detail})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot open the database file; was it moved or deleted? ({detail})</source>
        <translation>не удаётся открыть файл базы данных; он перемещён или удалён? ({detail})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{detail}</source>
        <comment>a database driver&apos;s own message</comment>
        <translation>{detail}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>headline</source>
        <comment>a story&apos;s field</comment>
        <translation>заголовок</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>body</source>
        <comment>a story&apos;s field</comment>
        <translation>текст</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>status</source>
        <comment>a story&apos;s field</comment>
        <translation>статус</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>urgency</source>
        <comment>a story&apos;s field</comment>
        <translation>срочность</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>name</source>
        <comment>an entry&apos;s field</comment>
        <translation>имя</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kind</source>
        <comment>an entry&apos;s field</comment>
        <translation>вид</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>external URI</source>
        <comment>an entry&apos;s field</comment>
        <translation>внешний URI</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>author</source>
        <comment>a review&apos;s field</comment>
        <translation>автор</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rating</source>
        <comment>a review&apos;s field</comment>
        <translation>оценка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>submitted</source>
        <comment>a review&apos;s field</comment>
        <translation>отправлен</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>article</source>
        <comment>a review&apos;s field</comment>
        <translation>материал</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>text</source>
        <comment>a review&apos;s field</comment>
        <translation>текст</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>id</source>
        <comment>a review&apos;s field</comment>
        <translation>id</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>, </source>
        <comment>between the items of a list</comment>
        <translation>, </translation>
    </message>
    <message>
        <location line="+34"/>
        <source>line {line}: </source>
        <translation>строка {line}: </translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/main_window.py" line="+1"/>
        <location filename="../../newsdesk/ui/moderation/panel.py" line="+272"/>
        <source>Moderation</source>
        <translation>Модерация</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>People &amp;&amp; Organisations</source>
        <translation>Люди и организации</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dashboard</source>
        <translation>Сводка</translation>
    </message>
    <message>
        <source>Offline edits met colleagues&apos; edits: the stories need a look (their offline edit is among their revisions)</source>
        <translation type="vanished">Офлайн-правки пересеклись с правками коллег: материалы нужно просмотреть (офлайн-правка сохранена среди их версий)</translation>
    </message>
    <message>
        <location line="+271"/>
        <source>Modes</source>
        <translation>Режимы</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{mode} (Ctrl+{number})</source>
        <translation>{mode} (Ctrl+{number})</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>{name} is no longer in the registry</source>
        <translation>{name} больше нет в справочнике</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Export…</source>
        <translation>&amp;Экспорт…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export finished stories: site, ninjs or Markdown (Ctrl+E)</source>
        <translation>Экспорт готовых материалов: сайт, ninjs или Markdown (Ctrl+E)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location line="-120"/>
        <location line="+180"/>
        <source>Database: {target}</source>
        <translation>База: {target}</translation>
    </message>
    <message>
        <location line="-313"/>
        <source>Not published: this window works in its offline copy of the team server, and publishing is for the server. Publish once the server is back.</source>
        <translation>Не опубликовано: это окно работает в офлайн-копии командного сервера, а публикация делается на сервере. Опубликуйте, когда сервер вернётся.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Offline edits met colleagues&apos; edits: open the marked stories to choose which text to keep</source>
        <translation>Офлайн-правки встретились с правками коллег: откройте отмеченные материалы и выберите, какой текст оставить</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>The server cannot be reached, and there is no offline copy of it to work in yet</source>
        <translation>Сервер недоступен, а офлайн-копии для работы пока нет</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The server cannot be reached: working in the offline copy</source>
        <translation>Сервер недоступен: работа в офлайн-копии</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Back on the server. Some stories were also changed there: open the marked stories to choose which text to keep</source>
        <translation>Снова на сервере. Некоторые материалы там тоже изменились: откройте отмеченные материалы и выберите, какой текст оставить</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Back on the server; your offline changes were sent</source>
        <translation>Снова на сервере; ваши офлайн-изменения отправлены</translation>
    </message>
    <message>
        <location line="+153"/>
        <source>Not exported: this window works in its offline copy of the team server, and exports are made from the server. Export once the server is back.</source>
        <translation>Не экспортировано: это окно работает в офлайн-копии командного сервера, а экспорт делается с сервера. Экспортируйте, когда сервер вернётся.</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>F7: the next unknown word</source>
        <translation>F7: следующее незнакомое слово</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>%n unknown word(s)</source>
        <translation>
            <numerusform>%n незнакомое слово</numerusform>
            <numerusform>%n незнакомых слова</numerusform>
            <numerusform>%n незнакомых слов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%Ln word(s)</source>
        <translation>
            <numerusform>%Ln слово</numerusform>
            <numerusform>%Ln слова</numerusform>
            <numerusform>%Ln слов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln character(s)</source>
        <translation>
            <numerusform>%Ln символ</numerusform>
            <numerusform>%Ln символа</numerusform>
            <numerusform>%Ln символов</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/moderation/dialogs.py" line="+29"/>
        <source>next / previous review</source>
        <translation>следующий / предыдущий отзыв</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>approve</source>
        <translation>одобрить</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>reject</source>
        <translation>отклонить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mark as spam</source>
        <translation>пометить как спам</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>undo the last decision (again for earlier ones)</source>
        <translation>отменить последнее решение (повторно — более ранние)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>select or unselect the review</source>
        <translation>выбрать отзыв или снять выбор</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>approve / reject / spam every selected review</source>
        <translation>одобрить / отклонить / пометить как спам все выбранные отзывы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ban the author</source>
        <translation>заблокировать автора</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>search review text</source>
        <translation>искать в тексте отзывов</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>show or hide this help</source>
        <translation>показать или скрыть эту справку</translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../../newsdesk/ui/moderation/panel.py" line="-43"/>
        <location line="+381"/>
        <source>Moderation rules</source>
        <translation>Правила модерации</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Banned words (reject):</source>
        <translation>Запрещённые слова (отклонять):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suspect words (flag):</source>
        <translation>Подозрительные слова (помечать):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Banned authors (email or name):</source>
        <translation>Заблокированные авторы (почта или имя):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hold reviews with more links than:</source>
        <translation>Задерживать отзывы, где ссылок больше чем:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One entry per line. Rules apply to reviews imported from now on.</source>
        <translation>По одной записи в строке. Правила действуют для отзывов, импортированных с этого момента.</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Also check the %Ln pending review(s) again now (banned words and authors reject them; Z undoes)</source>
        <translation>
            <numerusform>Сейчас же перепроверить и %Ln ожидающий отзыв (запрещённые слова и авторы отклоняют их; Z отменяет)</numerusform>
            <numerusform>Сейчас же перепроверить и %Ln ожидающих отзыва (запрещённые слова и авторы отклоняют их; Z отменяет)</numerusform>
            <numerusform>Сейчас же перепроверить и %Ln ожидающих отзывов (запрещённые слова и авторы отклоняют их; Z отменяет)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Keyboard</source>
        <translation>Клавиатура</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Press any key to close.</source>
        <translation>Нажмите любую клавишу, чтобы закрыть.</translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/moderation/panel.py" line="-546"/>
        <source>pending</source>
        <comment>a review&apos;s status</comment>
        <translation>ожидает</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>approved</source>
        <comment>a review&apos;s status</comment>
        <translation>одобрен</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rejected</source>
        <comment>a review&apos;s status</comment>
        <translation>отклонён</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>spam</source>
        <comment>a review&apos;s status</comment>
        <translation>спам</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Imported %n review(s) ({flagged} flagged, {rejected} rejected by rules); skipped {skipped} already imported</source>
        <translation>
            <numerusform>Импортирован %n отзыв (с пометками: {flagged}, отклонено правилами: {rejected}); пропущено уже импортированных: {skipped}</numerusform>
            <numerusform>Импортировано %n отзыва (с пометками: {flagged}, отклонено правилами: {rejected}); пропущено уже импортированных: {skipped}</numerusform>
            <numerusform>Импортировано %n отзывов (с пометками: {flagged}, отклонено правилами: {rejected}); пропущено уже импортированных: {skipped}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Checked %n pending review(s) against the rules: {rejected} rejected, {flagged} flagged</source>
        <translation>
            <numerusform>Проверен по правилам %n ожидающий отзыв: отклонено {rejected}, с пометками {flagged}</numerusform>
            <numerusform>Проверено по правилам %n ожидающих отзыва: отклонено {rejected}, с пометками {flagged}</numerusform>
            <numerusform>Проверено по правилам %n ожидающих отзывов: отклонено {rejected}, с пометками {flagged}</numerusform>
        </translation>
    </message>
    <message>
        <location line="+48"/>
        <location line="+324"/>
        <location line="+95"/>
        <source>No review selected</source>
        <translation>Отзыв не выбран</translation>
    </message>
    <message>
        <location line="-417"/>
        <source>rating {rating}/5</source>
        <translation>оценка {rating}/5</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> by {moderator}</source>
        <comment>after a review&apos;s status and time</comment>
        <translation>, кто решил: {moderator}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Story: {headline}</source>
        <translation>Материал: {headline}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No flags</source>
        <translation>Пометок нет</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Author history: {approved} approved · {rejected} rejected · {spam} spam · {pending} pending</source>
        <translation>История автора: одобрено {approved} · отклонено {rejected} · спам {spam} · ожидают {pending}</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>{action} ({shortcut})</source>
        <translation>{action} ({shortcut})</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Approve</source>
        <translation>Одобрить</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reject</source>
        <translation>Отклонить</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Spam</source>
        <comment>mark as spam</comment>
        <translation>В спам</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Approve selected</source>
        <translation>Одобрить выбранные</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reject selected</source>
        <translation>Отклонить выбранные</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spam selected</source>
        <translation>Выбранные в спам</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undo decision</source>
        <translation>Отменить решение</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next review</source>
        <translation>Следующий отзыв</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Previous review</source>
        <translation>Предыдущий отзыв</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select review</source>
        <translation>Выбрать отзыв</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ban author…</source>
        <translation>Заблокировать автора…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keyboard shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search reviews</source>
        <translation>Поиск отзывов</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Moderation rules…</source>
        <translation>Правила модерации…</translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/main_window.py" line="-118"/>
        <source>Import &amp;reviews…</source>
        <translation>Импорт &amp;отзывов…</translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/moderation/panel.py" line="+9"/>
        <location line="+155"/>
        <source>All stories</source>
        <translation>Все материалы</translation>
    </message>
    <message>
        <location line="-154"/>
        <source>Only the reviews of one story</source>
        <translation>Только отзывы к одному материалу</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Author or email</source>
        <translation>Автор или почта</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search review text (Ctrl+F)</source>
        <translation>Поиск по тексту отзывов (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Show all</source>
        <comment>reviews in the queue</comment>
        <translation>Показать все</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lift the dashboard&apos;s narrowing</source>
        <translation>Снять ограничение, заданное сводкой</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Undo</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ban</source>
        <translation>Блок</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rules</source>
        <translation>Правила</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shortcuts</source>
        <translation>Клавиши</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>flagged “{flag}”</source>
        <comment>only reviews ...</comment>
        <translation>с пометкой «{flag}»</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>received since {time}</source>
        <comment>only reviews ...</comment>
        <translation>полученные с {time}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>decided by {moderator}</source>
        <comment>only reviews ...</comment>
        <translation>кто решил: {moderator}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>decided since {time}</source>
        <comment>only reviews ...</comment>
        <translation>решённые с {time}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only reviews {conditions}</source>
        <comment>e.g. only reviews flagged “Links”</comment>
        <translation>Только отзывы: {conditions}</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Select reviews with X first</source>
        <translation>Сначала выберите отзывы клавишей X</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nothing was decided: {reason}</source>
        <translation>Решение не принято: {reason}</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n review(s) already decided by someone else meanwhile; the queue is refreshed</source>
        <translation>
            <numerusform>По %n отзыву тем временем уже решил кто-то другой; очередь обновлена</numerusform>
            <numerusform>По %n отзывам тем временем уже решил кто-то другой; очередь обновлена</numerusform>
            <numerusform>По %n отзывам тем временем уже решил кто-то другой; очередь обновлена</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+39"/>
        <source>Banned {author}; rejected %n pending (Z undoes)</source>
        <translation>
            <numerusform>{author} заблокирован; отклонён %n ожидающий отзыв (Z отменяет)</numerusform>
            <numerusform>{author} заблокирован; отклонено %n ожидающих отзыва (Z отменяет)</numerusform>
            <numerusform>{author} заблокирован; отклонено %n ожидающих отзывов (Z отменяет)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Approved %n review(s) (Z undoes)</source>
        <translation>
            <numerusform>Одобрен %n отзыв (Z отменяет)</numerusform>
            <numerusform>Одобрено %n отзыва (Z отменяет)</numerusform>
            <numerusform>Одобрено %n отзывов (Z отменяет)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Rejected %n review(s) (Z undoes)</source>
        <translation>
            <numerusform>Отклонён %n отзыв (Z отменяет)</numerusform>
            <numerusform>Отклонено %n отзыва (Z отменяет)</numerusform>
            <numerusform>Отклонено %n отзывов (Z отменяет)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Marked %n review(s) as spam (Z undoes)</source>
        <translation>
            <numerusform>%n отзыв помечен как спам (Z отменяет)</numerusform>
            <numerusform>%n отзыва помечено как спам (Z отменяет)</numerusform>
            <numerusform>%n отзывов помечено как спам (Z отменяет)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Put %n review(s) back to pending (Z undoes)</source>
        <translation>
            <numerusform>%n отзыв возвращён в ожидание (Z отменяет)</numerusform>
            <numerusform>%n отзыва возвращено в ожидание (Z отменяет)</numerusform>
            <numerusform>%n отзывов возвращено в ожидание (Z отменяет)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nothing was undone: {reason}</source>
        <translation>Ничего не отменено: {reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../newsdesk/ui/people/panel.py" line="+47"/>
        <source>Nothing to undo</source>
        <translation>Нечего отменять</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Undone: lifted the ban on {author}; %n review(s) back to where they were</source>
        <translation>
            <numerusform>Отменено: {author} разблокирован; %n отзыв вернулся на место</numerusform>
            <numerusform>Отменено: {author} разблокирован; %n отзыва вернулись на место</numerusform>
            <numerusform>Отменено: {author} разблокирован; %n отзывов вернулись на место</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Undone: %n review(s) back to where they were</source>
        <translation>
            <numerusform>Отменено: %n отзыв вернулся на место</numerusform>
            <numerusform>Отменено: %n отзыва вернулись на место</numerusform>
            <numerusform>Отменено: %n отзывов вернулись на место</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Ban author</source>
        <translation>Заблокировать автора</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Ban {author}?

Reviews they send later are rejected on import.
Also reject their %n pending review(s) now?</source>
        <translation>
            <numerusform>Заблокировать {author}?

Отзывы, которые автор пришлёт позже, будут отклоняться при импорте.
Отклонить и его %n ожидающий отзыв сейчас?</numerusform>
            <numerusform>Заблокировать {author}?

Отзывы, которые автор пришлёт позже, будут отклоняться при импорте.
Отклонить и его %n ожидающих отзыва сейчас?</numerusform>
            <numerusform>Заблокировать {author}?

Отзывы, которые автор пришлёт позже, будут отклоняться при импорте.
Отклонить и его %n ожидающих отзывов сейчас?</numerusform>
        </translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Moderation rules saved; they apply to the next import</source>
        <translation>Правила модерации сохранены; они действуют со следующего импорта</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+9"/>
        <location line="+11"/>
        <source>Import reviews</source>
        <translation>Импорт отзывов</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Reviews ({patterns});;All files (*)</source>
        <translation>Отзывы ({patterns});;Все файлы (*)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Importing {file}…</source>
        <translation>Импорт {file}…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>import cancelled; nothing was imported</source>
        <translation>импорт отменён; ничего не импортировано</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Import failed: {reason}</source>
        <translation>Импорт не удался: {reason}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Checking pending reviews against the rules…</source>
        <translation>Проверка ожидающих отзывов по правилам…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>check cancelled; nothing was changed</source>
        <translation>проверка отменена; ничего не изменено</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>(Z undoes the rejections)</source>
        <translation>(Z отменяет отклонения)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rules saved; pending reviews not checked: {reason}</source>
        <translation>Правила сохранены; ожидающие отзывы не проверены: {reason}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Another review job is still running</source>
        <translation>Другая работа с отзывами ещё выполняется</translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/moderation/review_model.py" line="+38"/>
        <source>(no name)</source>
        <translation>(без имени)</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Submitted {time}</source>
        <translation>Отправлен: {time}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Flags: {flags}</source>
        <translation>Пометки: {flags}</translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/people/panel.py" line="-454"/>
        <location line="+213"/>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location line="-213"/>
        <location line="+214"/>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/dashboard/panel.py" line="-78"/>
        <location line="+15"/>
        <location filename="../../newsdesk/ui/people/panel.py" line="-213"/>
        <source>Stories</source>
        <translation>Материалы</translation>
    </message>
    <message>
        <source>Search people and organisations (name or alias)</source>
        <translation type="vanished">Поиск людей и организаций (имя или вариант)</translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/people/panel.py" line="+133"/>
        <source>Search people, organisations and places (name or alias)</source>
        <translation>Поиск людей, организаций и мест (имя или вариант написания)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>One spelling per line (Məmmədov, Мамедов, ...)</source>
        <translation>По одному написанию в строке (Məmmədov, Мамедов, ...)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Latitude, e.g. 40.4093</source>
        <translation>Широта, например 40.4093</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Longitude, e.g. 49.8671</source>
        <translation>Долгота, например 49.8671</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Merge into... (type a name)</source>
        <translation>Объединить с... (введите имя)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Merge</source>
        <translation>Объединить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move this entry&apos;s tags and spellings into the chosen one; Undo merge puts them back</source>
        <translation>Перенести теги и написания этой записи в выбранную; «Разъединить» вернёт их</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>Undo merge</source>
        <translation>Разъединить</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Story</source>
        <translation>Материал</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open story</source>
        <translation>Открыть материал</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>External URI</source>
        <translation>Внешний URI</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Coordinates</source>
        <translation>Координаты</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Stories tagged with it</source>
        <translation>Материалы с этим тегом</translation>
    </message>
    <message numerus="yes">
        <location line="+47"/>
        <source>%Ln entry(s)</source>
        <translation>
            <numerusform>%Ln запись</numerusform>
            <numerusform>%Ln записи</numerusform>
            <numerusform>%Ln записей</numerusform>
        </translation>
    </message>
    <message>
        <location line="+52"/>
        <source>(no headline)</source>
        <translation>(без заголовка)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Saved {name}</source>
        <translation>Сохранено: {name}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Name of the new person:</source>
        <translation>Имя нового человека:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name of the new place:</source>
        <translation>Название нового места:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name of the new organisation:</source>
        <translation>Название новой организации:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Nothing created: {reason}</source>
        <translation>Ничего не создано: {reason}</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Choose the entry to merge into (type its name)</source>
        <translation>Выберите запись, с которой объединить (введите имя)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not merged: {reason}</source>
        <translation>Не объединено: {reason}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Merged {source} into {target} ({tags} tags, {spellings} spellings). Undo merge (Ctrl+Z) puts them back.</source>
        <translation>{source} объединён с {target} (тегов: {tags}, написаний: {spellings}). «Разъединить» (Ctrl+Z) вернёт их.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Merge not undone: {reason}</source>
        <translation>Объединение не отменено: {reason}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Merge undone: {name} is back</source>
        <translation>Объединение отменено: {name} снова на месте</translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/workers.py" line="+123"/>
        <source>unexpected error ({error})</source>
        <translation>непредвиденная ошибка ({error})</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>cancelled</source>
        <translation>отменено</translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/desk/spell_check.py" line="+190"/>
        <source>Spelling is off: {reason}</source>
        <translation>Проверка орфографии выключена: {reason}</translation>
    </message>
    <message>
        <location line="+177"/>
        <source>(no suggestions)</source>
        <translation>(нет вариантов)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add to newsroom dictionary</source>
        <translation>Добавить в словарь редакции</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ignore in this story</source>
        <translation>Пропускать в этом материале</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Not added to the dictionary: {reason}</source>
        <translation>Не добавлено в словарь: {reason}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Added to the newsroom dictionary: {word}</source>
        <translation>Добавлено в словарь редакции: {word}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Not ignored: {reason}</source>
        <translation>Не удалось пропустить: {reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ignored in this story: {word}</source>
        <translation>Пропускается в этом материале: {word}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No unknown words</source>
        <translation>Незнакомых слов нет</translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/desk/translations_panel.py" line="+94"/>
        <source>The same story in other languages; double-click to open one</source>
        <translation>Тот же материал на других языках; двойной щелчок открывает</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose a translation to read it here while you write</source>
        <translation>Выберите перевод, чтобы читать его здесь, пока пишете</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This story has no translations yet.</source>
        <translation>У этого материала пока нет переводов.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+3"/>
        <source>Translate to…</source>
        <translation>Перевести на…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <location line="-44"/>
        <location line="+70"/>
        <source>(no headline yet)</source>
        <translation>(заголовка пока нет)</translation>
    </message>
    <message>
        <location line="-92"/>
        <source>Also in:</source>
        <translation>На других языках:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This story in other languages: click one to open it</source>
        <translation>Этот материал на других языках: нажмите, чтобы открыть</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Open the {language} version: {headline}</source>
        <translation>Открыть версию на языке {language}: {headline}</translation>
    </message>
    <message>
        <location line="+118"/>
        <source>No translation made: {reason}</source>
        <translation>Перевод не создан: {reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A draft in {language} is linked to this story</source>
        <translation>Черновик на языке {language} связан с этим материалом</translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/desk/embargo_field.py" line="+39"/>
        <source>Embargo until</source>
        <translation>Эмбарго до</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exports leave the story out until this time</source>
        <translation>До этого времени экспорт не включает материал</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The release time in the newsroom&apos;s time zone ({zone})</source>
        <translation>Время выпуска в часовом поясе редакции ({zone})</translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/offline.py" line="+25"/>
        <source>Offline - changes will be sent when the server is back</source>
        <translation>Офлайн - изменения будут отправлены, когда сервер вернётся</translation>
    </message>
    <message>
        <source>The server is back and your offline changes were sent. Reopen newsdesk to work on the server again.</source>
        <translation type="vanished">Сервер снова доступен, ваши офлайн-изменения отправлены. Перезапустите newsdesk, чтобы снова работать на сервере.</translation>
    </message>
    <message>
        <source>The server is back and your offline changes were sent; some stories were also changed on the server and need a look there. Reopen newsdesk to work on the server again.</source>
        <translation type="vanished">Сервер снова доступен, ваши офлайн-изменения отправлены; некоторые материалы были изменены и на сервере, их нужно просмотреть там. Перезапустите newsdesk, чтобы снова работать на сервере.</translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/desk/offline_look.py" line="+53"/>
        <source>This story was edited offline and on the server: choose which text to keep</source>
        <translation>Этот материал правился и офлайн, и на сервере: выберите, какой текст оставить</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The look was not settled: {reason}</source>
        <translation>Выбор не сохранён: {reason}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kept your offline edit; the server&apos;s version is in the revisions</source>
        <translation>Оставлена ваша офлайн-правка; версия с сервера — в редакциях</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Merge by hand: the story&apos;s text is the server&apos;s; your offline edit is beside it</source>
        <translation>Объединение вручную: в материале текст с сервера; ваша офлайн-правка рядом</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kept the server&apos;s version; your offline edit is in the revisions</source>
        <translation>Оставлена версия с сервера; ваша офлайн-правка — в редакциях</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Offline edit and the server&apos;s version</source>
        <translation>Офлайн-правка и версия с сервера</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server&apos;s version</source>
        <translation>Версия с сервера</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Your offline edit</source>
        <translation>Ваша офлайн-правка</translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/internal_errors.py" line="-2"/>
        <source>Open the log</source>
        <translation>Открыть журнал</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>newsdesk met an error it did not expect: {error}. What you last did may not have been done.</source>
        <translation>В newsdesk произошла непредвиденная ошибка: {error}. Последнее действие могло не выполниться.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n unexpected error(s) so far.</source>
        <translation>
            <numerusform>Пока %n непредвиденная ошибка.</numerusform>
            <numerusform>Пока %n непредвиденные ошибки.</numerusform>
            <numerusform>Пока %n непредвиденных ошибок.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The details are in {path}.</source>
        <translation>Подробности в файле {path}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The details were printed on the terminal (stderr).</source>
        <translation>Подробности выведены в терминал (stderr).</translation>
    </message>
</context>
</TS>
