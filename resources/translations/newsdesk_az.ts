<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="az" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <location filename="../../newsdesk/ui/app.py" line="+108"/>
        <source>New database</source>
        <translation>Yeni verilənlər bazası</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no newsdesk database at {path}. Create a new, empty one?</source>
        <translation>{path} ünvanında newsdesk verilənlər bazası yoxdur. Yeni, boş baza yaradılsın?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Create</source>
        <translation>&amp;Yarat</translation>
    </message>
    <message>
        <location line="+156"/>
        <source>newsdesk cannot open the database</source>
        <translation>newsdesk verilənlər bazasını aça bilmir</translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/desk/article_list.py" line="+68"/>
        <location filename="../../newsdesk/ui/desk/editor.py" line="+291"/>
        <location line="+66"/>
        <location filename="../../newsdesk/ui/domain_texts.py" line="+79"/>
        <source>Headline</source>
        <translation>Başlıq</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../newsdesk/ui/dialogs/revisions.py" line="+151"/>
        <location filename="../../newsdesk/ui/people/panel.py" line="+243"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../newsdesk/ui/desk/editor.py" line="+1"/>
        <source>Dateline</source>
        <translation>Yer, tarix</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../newsdesk/ui/main_window.py" line="+92"/>
        <source>Desk</source>
        <translation>Şöbə</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lang</source>
        <translation>Dil</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../newsdesk/ui/desk/editor.py" line="-62"/>
        <source>Section</source>
        <translation>Bölmə</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Updated</source>
        <translation>Yenilənib</translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/dashboard/panel.py" line="+382"/>
        <location line="+30"/>
        <location filename="../../newsdesk/ui/desk/article_list.py" line="+0"/>
        <source>Reviews</source>
        <translation>Rəylər</translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/desk/article_list.py" line="+1"/>
        <source>Embargo</source>
        <translation>Embarqo</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+352"/>
        <source>(untitled)</source>
        <translation>(başlıqsız)</translation>
    </message>
    <message>
        <location line="-127"/>
        <source>Last saved, in your time zone ({zone})</source>
        <translation>Son saxlanma, sizin saat qurşağınızla ({zone})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The story&apos;s language, then those of its translations</source>
        <translation>Xəbərin dili, sonra tərcümələrinin dilləri</translation>
    </message>
    <message>
        <location line="+130"/>
        <source>Edited offline: sent when the server is back</source>
        <translation>Oflayn redaktə olunub: server qayıdanda göndəriləcək</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Needs a look: edited offline and on the server meanwhile</source>
        <translation>Baxılmalıdır: bu arada həm oflayn, həm də serverdə redaktə olunub</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Embargoed until {time}</source>
        <translation>{time} tarixinədək embarqo</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>Search stories (Ctrl+Shift+F): words, &quot;phrase&quot;, pre*</source>
        <translation>Xəbər axtar (Ctrl+Shift+F): sözlər, &quot;ifadə&quot;, ön*</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Stories per status under the other filters and search</source>
        <translation>Digər filtrlər və axtarışla hər statusda olan xəbərlər</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only the stories of one section</source>
        <translation>Yalnız bir bölmənin xəbərləri</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only the stories in one language</source>
        <translation>Yalnız bir dildə olan xəbərlər</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;New story</source>
        <translation>&amp;Yeni xəbər</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Search stories</source>
        <translation>Xəbər axtar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>D&amp;uplicate story</source>
        <translation>Xəbərin &amp;surətini çıxar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move to &amp;trash</source>
        <translation>&amp;Zibil qutusuna at</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Restore from trash</source>
        <translation>Zibil qutusundan &amp;bərpa et</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Empty trash…</source>
        <translation>Zibil qutusunu &amp;boşalt…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open story</source>
        <translation>Xəbəri &amp;aç</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show trash</source>
        <translation>Zibil qutusunu göstər</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Set &amp;status</source>
        <translation>&amp;Status təyin et</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Set the status of the selected stories</source>
        <translation>Seçilmiş xəbərlərin statusunu təyin et</translation>
    </message>
    <message>
        <location line="-92"/>
        <location line="+211"/>
        <source>All statuses ({count})</source>
        <translation>Statuslar ({count})</translation>
    </message>
    <message>
        <location line="-210"/>
        <location line="+215"/>
        <source>All sections</source>
        <translation>Bölmələr</translation>
    </message>
    <message>
        <location line="-214"/>
        <location line="+215"/>
        <source>All languages</source>
        <translation>Dillər</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>Columns</source>
        <translation>Sütunlar</translation>
    </message>
    <message numerus="yes">
        <location line="+135"/>
        <source>Duplicated %Ln story(s)</source>
        <translation>
            <numerusform>%Ln xəbərin surəti çıxarıldı</numerusform>
            <numerusform>%Ln xəbərin surəti çıxarıldı</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Not moved to the trash: {reason}</source>
        <translation>Zibil qutusuna atılmadı: {reason}</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Moved %Ln story(s) to the trash</source>
        <translation>
            <numerusform>%Ln xəbər zibil qutusuna atıldı</numerusform>
            <numerusform>%Ln xəbər zibil qutusuna atıldı</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Restored %Ln story(s) from the trash</source>
        <translation>
            <numerusform>%Ln xəbər zibil qutusundan bərpa edildi</numerusform>
            <numerusform>%Ln xəbər zibil qutusundan bərpa edildi</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The trash is empty</source>
        <translation>Zibil qutusu boşdur</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Empty trash</source>
        <translation>Zibil qutusunu boşalt</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Delete %Ln story(s) in the trash for good? This cannot be undone.</source>
        <translation>
            <numerusform>Zibil qutusundakı %Ln xəbər birdəfəlik silinsin? Bunu geri qaytarmaq olmaz.</numerusform>
            <numerusform>Zibil qutusundakı %Ln xəbər birdəfəlik silinsin? Bunu geri qaytarmaq olmaz.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The trash was not emptied: {reason}</source>
        <translation>Zibil qutusu boşaldılmadı: {reason}</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Deleted %Ln story(s) for good</source>
        <translation>
            <numerusform>%Ln xəbər birdəfəlik silindi</numerusform>
            <numerusform>%Ln xəbər birdəfəlik silindi</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Status not changed</source>
        <translation>Status dəyişmədi</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>No story was set to {status}: %Ln story(s) cannot move.</source>
        <translation>
            <numerusform>Heç bir xəbərə «{status}» statusu verilmədi: %Ln xəbər keçə bilmir.</numerusform>
            <numerusform>Heç bir xəbərə «{status}» statusu verilmədi: %Ln xəbər keçə bilmir.</numerusform>
        </translation>
    </message>
    <message>
        <location line="-9"/>
        <location line="+16"/>
        <location filename="../../newsdesk/ui/desk/editor.py" line="+927"/>
        <location line="+4"/>
        <source>Status not changed: {reason}</source>
        <translation>Status dəyişmədi: {reason}</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Set %Ln story(s) to {status}</source>
        <translation>
            <numerusform>%Ln xəbərə «{status}» statusu verildi</numerusform>
            <numerusform>%Ln xəbərə «{status}» statusu verildi</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/desk/editor.py" line="-1124"/>
        <location filename="../../newsdesk/ui/dialogs/revisions.py" line="-117"/>
        <source>Saved</source>
        <translation>Saxlanılıb</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Saving...</source>
        <translation>Saxlanılır...</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unsaved</source>
        <translation>Saxlanılmayıb</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Write the story in Markdown</source>
        <translation>Xəbəri Markdown ilə yazın</translation>
    </message>
    <message>
        <location line="+117"/>
        <source>no date</source>
        <translation>tarixsiz</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The story&apos;s language</source>
        <translation>Xəbərin dili</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>urgency </source>
        <translation>təcililik </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Urgency: 1 is the most urgent, 9 the least</source>
        <translation>Təcililik: 1 ən təcili, 9 ən az təcilidir</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The story&apos;s status</source>
        <translation>Xəbərin statusu</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../newsdesk/ui/domain_texts.py" line="+1"/>
        <source>Place</source>
        <translation>Yer</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../newsdesk/ui/domain_texts.py" line="+2"/>
        <source>Agency</source>
        <translation>Agentlik</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+64"/>
        <location filename="../../newsdesk/ui/domain_texts.py" line="+1"/>
        <source>Byline</source>
        <translation>Müəllif</translation>
    </message>
    <message>
        <location line="-62"/>
        <source>Desk code 03/06D</source>
        <translation>Şöbə kodu 03/06D</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Footnote (background, printed in small type)</source>
        <translation>Qeyd (arxa plan, kiçik şriftlə çap olunur)</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+795"/>
        <source>Restore</source>
        <translation>Bərpa et</translation>
    </message>
    <message>
        <location line="-794"/>
        <source>Take the story out of the trash and go on editing it</source>
        <translation>Xəbəri zibil qutusundan çıxarıb redaktəyə davam et</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compare with saved</source>
        <translation>Saxlanılanla müqayisə et</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The recovered text next to the version saved before</source>
        <translation>Bərpa olunmuş mətn əvvəl saxlanılmış versiyanın yanında</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Discard</source>
        <translation>İmtina et</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go back to the version saved before (the recovered text stays in the revisions)</source>
        <translation>Əvvəl saxlanılmış versiyaya qayıt (bərpa olunmuş mətn versiyalarda qalır)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../newsdesk/ui/desk/tag_panel.py" line="+191"/>
        <location filename="../../newsdesk/ui/internal_errors.py" line="+180"/>
        <source>Dismiss</source>
        <translation>Bağla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the recovered text and close this notice</source>
        <translation>Bərpa olunmuş mətni saxla və bu bildirişi bağla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revisions</source>
        <translation>Versiyalar</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>&amp;Save story</source>
        <translation>Xəbəri &amp;saxla</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Find in story</source>
        <translation>Xəbərdə &amp;tap</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Replace in story</source>
        <translation>Xəbərdə &amp;əvəz et</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next &amp;unknown word</source>
        <translation>Növbəti &amp;naməlum söz</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>No new story: {reason}</source>
        <translation>Yeni xəbər yaradılmadı: {reason}</translation>
    </message>
    <message numerus="yes">
        <location line="+161"/>
        <source>Recovered %Ln character(s) typed before newsdesk closed unexpectedly.</source>
        <translation>
            <numerusform>newsdesk gözlənilmədən bağlanmazdan əvvəl yazılmış %Ln simvol bərpa edildi.</numerusform>
            <numerusform>newsdesk gözlənilmədən bağlanmazdan əvvəl yazılmış %Ln simvol bərpa edildi.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Recovered %Ln character(s) typed that could not be saved at {time}.</source>
        <translation>
            <numerusform>{time} saxlanıla bilməyən, yazılmış %Ln simvol bərpa edildi.</numerusform>
            <numerusform>{time} saxlanıla bilməyən, yazılmış %Ln simvol bərpa edildi.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Recovered changes (%Ln character(s) deleted) made before newsdesk closed unexpectedly.</source>
        <translation>
            <numerusform>newsdesk gözlənilmədən bağlanmazdan əvvəl edilmiş dəyişikliklər bərpa edildi (%Ln simvol silinib).</numerusform>
            <numerusform>newsdesk gözlənilmədən bağlanmazdan əvvəl edilmiş dəyişikliklər bərpa edildi (%Ln simvol silinib).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Recovered changes (%Ln character(s) deleted) made that could not be saved at {time}.</source>
        <translation>
            <numerusform>{time} saxlanıla bilməyən dəyişikliklər bərpa edildi (%Ln simvol silinib).</numerusform>
            <numerusform>{time} saxlanıla bilməyən dəyişikliklər bərpa edildi (%Ln simvol silinib).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recovered changes made before newsdesk closed unexpectedly.</source>
        <translation>newsdesk gözlənilmədən bağlanmazdan əvvəl edilmiş dəyişikliklər bərpa edildi.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recovered changes made that could not be saved at {time}.</source>
        <translation>{time} saxlanıla bilməyən dəyişikliklər bərpa edildi.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Recovered text</source>
        <translation>Bərpa olunmuş mətn</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Saved before</source>
        <translation>Əvvəl saxlanılan</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../newsdesk/ui/dialogs/revisions.py" line="+2"/>
        <source>Recovered</source>
        <translation>Bərpa olunub</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Recovered text discarded; it stays in the revisions</source>
        <translation>Bərpa olunmuş mətndən imtina edildi; o, versiyalarda qalır</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>This story is very long: Markdown highlighting is off for it</source>
        <translation>Bu xəbər çox uzundur: onun üçün Markdown işıqlandırması söndürülüb</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Headlines over %n character(s) are cut off in lists and feeds</source>
        <translation>
            <numerusform>%n simvoldan uzun başlıqlar siyahılarda və lentlərdə kəsilir</numerusform>
            <numerusform>%n simvoldan uzun başlıqlar siyahılarda və lentlərdə kəsilir</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Up to %n character(s) show in full</source>
        <translation>
            <numerusform>%n simvola qədər tam görünür</numerusform>
            <numerusform>%n simvola qədər tam görünür</numerusform>
        </translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Cannot write the recovery journal ({reason}); unsaved text is only in this window.</source>
        <translation>Bərpa jurnalına yazmaq olmur ({reason}); saxlanılmamış mətn yalnız bu pəncərədədir.</translation>
    </message>
    <message>
        <location line="+117"/>
        <location line="+6"/>
        <location filename="../../newsdesk/ui/people/panel.py" line="+168"/>
        <source>Not saved: {reason}</source>
        <translation>Saxlanılmadı: {reason}</translation>
    </message>
    <message numerus="yes">
        <location line="+28"/>
        <source>Could not save: {reason}. Your text is kept in the recovery journal ({folder}); retrying every %n s.</source>
        <translation>
            <numerusform>Saxlamaq alınmadı: {reason}. Mətniniz bərpa jurnalında saxlanılır ({folder}); hər %n san. yenidən cəhd edilir.</numerusform>
            <numerusform>Saxlamaq alınmadı: {reason}. Mətniniz bərpa jurnalında saxlanılır ({folder}); hər %n san. yenidən cəhd edilir.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Could not save: {reason}. Your text is only in this window; do not close it; retrying every %n s.</source>
        <translation>
            <numerusform>Saxlamaq alınmadı: {reason}. Mətniniz yalnız bu pəncərədədir, onu bağlamayın; hər %n san. yenidən cəhd edilir.</numerusform>
            <numerusform>Saxlamaq alınmadı: {reason}. Mətniniz yalnız bu pəncərədədir, onu bağlamayın; hər %n san. yenidən cəhd edilir.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+34"/>
        <source>First choose which version of this story to keep</source>
        <translation>Əvvəlcə bu xəbərin hansı versiyasının qalacağını seçin</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The story was restored from the trash elsewhere</source>
        <translation>Xəbər başqa yerdə zibil qutusundan bərpa edildi</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>This story was deleted for good elsewhere.</source>
        <translation>Bu xəbər başqa yerdə birdəfəlik silinib.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as a new story</source>
        <translation>Yeni xəbər kimi saxla</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your latest changes are kept aside until you save them as a new story.</source>
        <translation>Son dəyişiklikləriniz onları yeni xəbər kimi saxlayana qədər kənarda saxlanılır.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The open story was deleted for good elsewhere</source>
        <translation>Açıq xəbər başqa yerdə birdəfəlik silindi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This story is in the trash.</source>
        <translation>Bu xəbər zibil qutusundadır.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your latest changes are kept aside until you restore it.</source>
        <translation>Son dəyişiklikləriniz xəbəri bərpa edənə qədər kənarda saxlanılır.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The open story was moved to the trash elsewhere</source>
        <translation>Açıq xəbər başqa yerdə zibil qutusuna atıldı</translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/desk/article_list.py" line="-60"/>
        <location filename="../../newsdesk/ui/desk/editor.py" line="+14"/>
        <source>Not restored: {reason}</source>
        <translation>Bərpa olunmadı: {reason}</translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/desk/editor.py" line="+4"/>
        <source>Restored from the trash</source>
        <translation>Zibil qutusundan bərpa edildi</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The story was deleted for good; your text is now a new story: {headline}</source>
        <translation>Xəbər birdəfəlik silinib; mətniniz indi yeni xəbərdir: {headline}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>This story was saved elsewhere meanwhile: choose which text to keep</source>
        <translation>Bu arada xəbər başqa yerdə saxlanılıb: hansı mətnin qalacağını seçin</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Kept your version; theirs is in the revisions</source>
        <translation>Sizin versiya saxlanıldı; onlarınkı versiyalardadır</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your version was saved as a new story: {headline}</source>
        <translation>Sizin versiya yeni xəbər kimi saxlanıldı: {headline}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Took their version; yours is in the revisions</source>
        <translation>Onların versiyası götürüldü; sizinki versiyalardadır</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Revision restored (recorded as a new revision)</source>
        <translation>Versiya bərpa edildi (yeni versiya kimi qeyd olundu)</translation>
    </message>
    <message>
        <location line="+37"/>
        <location filename="../../newsdesk/ui/dialogs/revisions.py" line="+26"/>
        <source>Status: {status}</source>
        <translation>Status: {status}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Unknown words</source>
        <translation>Naməlum sözlər</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>This story has %n unknown word(s) (F7 shows the next one). Mark it ready anyway?</source>
        <translation>
            <numerusform>Bu xəbərdə %n naməlum söz var (F7 növbətini göstərir). Yenə də hazır kimi qeyd edilsin?</numerusform>
            <numerusform>Bu xəbərdə %n naməlum söz var (F7 növbətini göstərir). Yenə də hazır kimi qeyd edilsin?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/desk/find_replace.py" line="+29"/>
        <source>Find in story</source>
        <translation>Xəbərdə tap</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Replace with</source>
        <translation>Bununla əvəz et</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Match case</source>
        <translation>Hərf registrini nəzərə al</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Replace</source>
        <translation>Əvəz et</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace all</source>
        <translation>Hamısını əvəz et</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Next match (Enter)</source>
        <translation>Növbəti uyğunluq (Enter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous match (Shift+Enter)</source>
        <translation>Əvvəlki uyğunluq (Shift+Enter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close (Esc)</source>
        <translation>Bağla (Esc)</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Not found</source>
        <translation>Tapılmadı</translation>
    </message>
    <message numerus="yes">
        <location line="+31"/>
        <source>%Ln replaced</source>
        <translation>
            <numerusform>%Ln əvəz edildi</numerusform>
            <numerusform>%Ln əvəz edildi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Replaced %Ln occurrence(s)</source>
        <translation>
            <numerusform>%Ln uyğunluq əvəz edildi</numerusform>
            <numerusform>%Ln uyğunluq əvəz edildi</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/dashboard/panel.py" line="-367"/>
        <source>People tagged most this week</source>
        <translation>Bu həftə ən çox teqlənən şəxslər</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>People</source>
        <translation>Şəxslər</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>No people tagged on the stories updated in the last %n day(s)</source>
        <translation>
            <numerusform>Son %n gündə yenilənmiş xəbərlərdə teqlənmiş şəxs yoxdur</numerusform>
            <numerusform>Son %n gündə yenilənmiş xəbərlərdə teqlənmiş şəxs yoxdur</numerusform>
        </translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Organisations tagged most this week</source>
        <translation>Bu həftə ən çox teqlənən təşkilatlar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organisations</source>
        <translation>Təşkilatlar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Places tagged most this week</source>
        <translation>Bu həftə ən çox etiketlənən yerlər</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Places</source>
        <translation>Yerlər</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>No organisations tagged on the stories updated in the last %n day(s)</source>
        <translation>
            <numerusform>Son %n gündə yenilənmiş xəbərlərdə teqlənmiş təşkilat yoxdur</numerusform>
            <numerusform>Son %n gündə yenilənmiş xəbərlərdə teqlənmiş təşkilat yoxdur</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>No places tagged on the stories updated in the last %n day(s)</source>
        <translation>
            <numerusform>Son %n gündə yenilənən xəbərlərdə etiketlənmiş yer yoxdur</numerusform>
            <numerusform>Son %n gündə yenilənən xəbərlərdə etiketlənmiş yer yoxdur</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Tagged most this week: {kind}</source>
        <translation>Bu həftə ən çox teqlənənlər: {kind}</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>No {kind} tagged on the stories updated in the last %n day(s)</source>
        <translation>
            <numerusform>Son %n gündə yenilənmiş xəbərlərdə teq yoxdur: {kind}</numerusform>
            <numerusform>Son %n gündə yenilənmiş xəbərlərdə teq yoxdur: {kind}</numerusform>
        </translation>
    </message>
    <message>
        <location line="+97"/>
        <source>Computing the figures…</source>
        <translation>Göstəricilər hesablanır…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refresh</source>
        <comment>the dashboard</comment>
        <translation>Yenilə</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Compute the figures again ({shortcut})</source>
        <translation>Göstəriciləri yenidən hesabla ({shortcut})</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>reviews waiting</source>
        <translation>gözləyən rəylər</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>of them flagged</source>
        <comment>of the reviews waiting</comment>
        <translation>onlardan işarələnmiş</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>oldest waiting review</source>
        <translation>ən köhnə gözləyən rəy</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>median time to a decision (%n day(s))</source>
        <translation>
            <numerusform>qərara qədər median vaxt (%n gün)</numerusform>
            <numerusform>qərara qədər median vaxt (%n gün)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stories published yesterday</source>
        <translation>dünən dərc olunan xəbərlər</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Stories by status now</source>
        <translation>Statuslar üzrə xəbərlər (indi)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stories published per day, by language</source>
        <translation>Gündəlik dərc olunan xəbərlər, dillər üzrə</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reviews received and decided per day</source>
        <translation>Gündəlik alınan və qərar verilən rəylər</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Decisions per moderator (%n day(s))</source>
        <translation>
            <numerusform>Moderatorlar üzrə qərarlar (%n gün)</numerusform>
            <numerusform>Moderatorlar üzrə qərarlar (%n gün)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Flags on reviews received (%n day(s)), by status now</source>
        <translation>
            <numerusform>Alınan rəylərdəki işarələr (%n gün), indiki status üzrə</numerusform>
            <numerusform>Alınan rəylərdəki işarələr (%n gün), indiki status üzrə</numerusform>
        </translation>
    </message>
    <message>
        <location line="+49"/>
        <source>The dashboard could not be computed: {reason}</source>
        <translation>İcmal hesablana bilmədi: {reason}</translation>
    </message>
    <message numerus="yes">
        <location line="+28"/>
        <source>Last %n day(s): {first} to {last}, on this computer&apos;s clock · computed at {time}</source>
        <translation>
            <numerusform>Son %n gün: {first} – {last}, bu kompüterin saatı ilə · hesablanıb: {time}</numerusform>
            <numerusform>Son %n gün: {first} – {last}, bu kompüterin saatı ilə · hesablanıb: {time}</numerusform>
        </translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Open the {queue} queue</source>
        <translation>«{queue}» növbəsini aç</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Submitted {time}</source>
        <comment>a review</comment>
        <translation>Göndərilib: {time}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No review is waiting</source>
        <translation>Gözləyən rəy yoxdur</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>From submission to a moderator&apos;s decision; the automatic rules are not counted</source>
        <translation>Göndərilmədən moderatorun qərarına qədər; avtomatik qaydaların qərarları sayılmır</translation>
    </message>
    <message>
        <location line="+12"/>
        <location filename="../../newsdesk/ui/desk/panel.py" line="+42"/>
        <source>No stories yet</source>
        <translation>Hələ xəbər yoxdur</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>{status}: %Ln story(s); click to list them</source>
        <translation>
            <numerusform>{status}: %Ln xəbər; siyahını görmək üçün klikləyin</numerusform>
            <numerusform>{status}: %Ln xəbər; siyahını görmək üçün klikləyin</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>No stories published in the last %n day(s)</source>
        <translation>
            <numerusform>Son %n gündə dərc olunan xəbər yoxdur</numerusform>
            <numerusform>Son %n gündə dərc olunan xəbər yoxdur</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>No reviews received or decided in the last %n day(s)</source>
        <translation>
            <numerusform>Son %n gündə nə rəy alınıb, nə də qərar verilib</numerusform>
            <numerusform>Son %n gündə nə rəy alınıb, nə də qərar verilib</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Received</source>
        <comment>reviews per day</comment>
        <translation>Alınıb</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Decided</source>
        <comment>reviews per day</comment>
        <translation>Qərar verilib</translation>
    </message>
    <message>
        <source>Reviews</source>
        <comment>a chart&apos;s axis</comment>
        <translation type="obsolete">Rəylər</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>No decisions in the last %n day(s)</source>
        <translation>
            <numerusform>Son %n gündə qərar verilməyib</numerusform>
            <numerusform>Son %n gündə qərar verilməyib</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reviews decided</source>
        <translation>Qərar verilən rəylər</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>{moderator} · {queue}: %Ln review(s); click to open them</source>
        <translation>
            <numerusform>{moderator} · {queue}: %Ln rəy; açmaq üçün klikləyin</numerusform>
            <numerusform>{moderator} · {queue}: %Ln rəy; açmaq üçün klikləyin</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>No flagged reviews received in the last %n day(s)</source>
        <translation>
            <numerusform>Son %n gündə işarələnmiş rəy alınmayıb</numerusform>
            <numerusform>Son %n gündə işarələnmiş rəy alınmayıb</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>{flag} · {queue} now: %Ln review(s); click to open them</source>
        <translation>
            <numerusform>{flag} · indi {queue}: %Ln rəy; açmaq üçün klikləyin</numerusform>
            <numerusform>{flag} · indi {queue}: %Ln rəy; açmaq üçün klikləyin</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Stories updated this week</source>
        <translation>Bu həftə yenilənmiş xəbərlər</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>{name}: %Ln story(s); click to open the entry</source>
        <translation>
            <numerusform>{name}: %Ln xəbər; qeydi açmaq üçün klikləyin</numerusform>
            <numerusform>{name}: %Ln xəbər; qeydi açmaq üçün klikləyin</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/desk/panel.py" line="+1"/>
        <source>Press Ctrl+N to write one. To bring in wire copy, run “newsdesk import FILE” in a terminal.</source>
        <translation>Yazmaq üçün Ctrl+N basın. Agentlik materiallarını gətirmək üçün terminalda “newsdesk import FILE” əmrini işə salın.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No story open</source>
        <translation>Açıq xəbər yoxdur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose one in the list (Enter or a double click opens it), or press Ctrl+N to write a new one.</source>
        <translation>Siyahıdan birini seçin (Enter və ya cüt klik onu açır) və ya yenisini yazmaq üçün Ctrl+N basın.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>New story</source>
        <translation>Yeni xəbər</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write a new story (Ctrl+N)</source>
        <translation>Yeni xəbər yaz (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Tags</source>
        <translation>Teqlər</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pictures</source>
        <translation>Şəkillər</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Translations</source>
        <translation>Tərcümələr</translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/desk/story_lock.py" line="+34"/>
        <source>Take over</source>
        <translation>Üzərinə götür</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit this story yourself; what the colleague saved is kept as a revision</source>
        <translation>Bu xəbəri özünüz redaktə edin; həmkarın saxladığı versiya kimi qalır</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Could not lock the story: {reason}</source>
        <translation>Xəbəri kilidləmək alınmadı: {reason}</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>{lock} in another window</source>
        <translation>{lock}, başqa pəncərədə</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>This story is {lock} on the server (when this copy was last synced). You can read it; edit it once the server is back.</source>
        <translation>Bu xəbər serverdə {lock} (bu nüsxə son dəfə sinxronlaşdırılanda). Onu oxuya bilərsiniz; server qayıdanda redaktə edin.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This story is {lock}. You can read it; take it over to edit.</source>
        <translation>Bu xəbər: {lock}. Onu oxuya bilərsiniz; redaktə üçün üzərinizə götürün.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Could not renew the story lock: {reason}</source>
        <translation>Xəbərin kilidini yeniləmək alınmadı: {reason}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>being edited by a colleague</source>
        <translation>həmkar tərəfindən redaktə olunur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A colleague took this story over; your unsaved text is kept in its revisions</source>
        <translation>Həmkar bu xəbəri üzərinə götürdü; saxlanılmamış mətniniz onun versiyalarında qalır</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Could not take the story over: {reason}</source>
        <translation>Xəbəri üzərinə götürmək alınmadı: {reason}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>You took the story over from {holder}; their saved text is kept as a revision</source>
        <translation>Xəbəri {holder} istifadəçisindən üzərinizə götürdünüz; onun saxladığı mətn versiya kimi qalır</translation>
    </message>
    <message>
        <source>Add a person or organisation (name or alias)</source>
        <translation type="vanished">Şəxs və ya təşkilat əlavə et (ad və ya digər yazılış)</translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/desk/tag_panel.py" line="-34"/>
        <source>Relation of tags added from this field</source>
        <translation>Bu sahədən əlavə olunan teqlərin əlaqəsi</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New</source>
        <comment>a new person or organisation</comment>
        <translation>Yeni</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create a new person or organisation with the typed name</source>
        <translation>Yazılmış adla yeni şəxs və ya təşkilat yarat</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../newsdesk/ui/people/panel.py" line="-219"/>
        <location line="+240"/>
        <source>New person</source>
        <translation>Yeni şəxs</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../newsdesk/ui/people/panel.py" line="-238"/>
        <location line="+244"/>
        <source>New organisation</source>
        <translation>Yeni təşkilat</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../newsdesk/ui/people/panel.py" line="-243"/>
        <location line="+240"/>
        <source>New place</source>
        <translation>Yeni yer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tag</source>
        <translation>Teq</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../newsdesk/ui/people/panel.py" line="-192"/>
        <source>Relation</source>
        <translation>Əlaqə</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About</source>
        <comment>button</comment>
        <translation>Haqqında</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The story is about the selected tags</source>
        <translation>Xəbər seçilmiş teqlər haqqındadır</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mentioned</source>
        <comment>button</comment>
        <translation>Adı çəkilir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The story only mentions the selected tags</source>
        <translation>Xəbərdə seçilmiş teqlərin yalnız adı çəkilir</translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/desk/picture_actions.py" line="+47"/>
        <source>pasted picture.png</source>
        <translation>yapışdırılmış şəkil.png</translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/desk/pictures_panel.py" line="+133"/>
        <source>Lead picture</source>
        <translation>Əsas şəkil</translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/desk/picture_actions.py" line="+10"/>
        <source>Add &amp;picture...</source>
        <translation>&amp;Şəkil əlavə et...</translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/desk/pictures_panel.py" line="+14"/>
        <location filename="../../newsdesk/ui/desk/tag_panel.py" line="+4"/>
        <source>Remove</source>
        <translation>Sil</translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/desk/picture_actions.py" line="+4"/>
        <source>&amp;Insert in body</source>
        <translation>Mətnə &amp;yerləşdir</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Place the selected picture in the body at the cursor (Ctrl+Shift+B); or drag its thumbnail onto the text</source>
        <translation>Seçilmiş şəkli mətndə kursorun yerinə qoy (Ctrl+Shift+B); və ya kiçik şəklini mətnin üzərinə sürüşdür</translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/desk/pictures_panel.py" line="+3"/>
        <source>Move &amp;left</source>
        <translation>&amp;Sola köçür</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move &amp;right</source>
        <translation>Sağa &amp;köçür</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+15"/>
        <source>Caption</source>
        <translation>İzah</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Credit (photographer, agency)</source>
        <translation>Müəllif (fotoqraf, agentlik)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alt text: what the picture shows (required)</source>
        <translation>Alternativ mətn: şəkildə nə göründüyü (məcburi)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a JPEG, PNG or WebP picture (Ctrl+Shift+I); or drop or paste one on the story</source>
        <translation>JPEG, PNG və ya WebP şəkli əlavə edin (Ctrl+Shift+I); ya da xəbərin üzərinə atın və ya yapışdırın</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Credit</source>
        <translation>Müəllif</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alt text</source>
        <translation>Alternativ mətn</translation>
    </message>
    <message numerus="yes">
        <location line="+86"/>
        <source>%n picture(s) without alt text: needed before the story is ready</source>
        <translation>
            <numerusform>%n şəkildə alternativ mətn yoxdur: xəbər hazır olmazdan əvvəl lazımdır</numerusform>
            <numerusform>%n şəkildə alternativ mətn yoxdur: xəbər hazır olmazdan əvvəl lazımdır</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Lead</source>
        <translation>Əsas</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Add pictures</source>
        <translation>Şəkil əlavə et</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pictures (*.jpg *.jpeg *.png *.webp)</source>
        <translation>Şəkillər (*.jpg *.jpeg *.png *.webp)</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Adding %n picture(s)...</source>
        <translation>
            <numerusform>%n şəkil əlavə edilir...</numerusform>
            <numerusform>%n şəkil əlavə edilir...</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/desk/tag_panel.py" line="+1"/>
        <source>Remove the selected tags (Delete)</source>
        <translation>Seçilmiş teqləri sil (Delete)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suggest</source>
        <translation>Təklif et</translation>
    </message>
    <message>
        <source>Look for people and organisations in the story now</source>
        <translation type="vanished">Xəbərdə şəxs və təşkilatları indi axtar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Suggestion</source>
        <translation>Təklif</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Seen</source>
        <translation>Rast gəlinib</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../newsdesk/ui/dialogs/revisions.py" line="+89"/>
        <source>Why</source>
        <translation>Səbəb</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Accept</source>
        <translation>Qəbul et</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tag the story with it (Enter or A)</source>
        <translation>Xəbərə bu teqi əlavə et (Enter və ya A)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Do not suggest it again for this story (Delete or D)</source>
        <translation>Bu xəbər üçün bir daha təklif etmə (Delete və ya D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Aliases</source>
        <comment>button: record the spellings as aliases</comment>
        <translation>Yazılışlar</translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/people/panel.py" line="-190"/>
        <location line="+215"/>
        <source>Aliases</source>
        <translation>Yazılışlar</translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/desk/tag_panel.py" line="+1"/>
        <source>Record the spellings seen in this story as aliases</source>
        <translation>Bu xəbərdə rast gəlinən yazılışları digər yazılış kimi qeyd et</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record spellings</source>
        <translation>Yazılışları qeyd et</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accepting a suggestion also records the other spellings seen in the story as aliases</source>
        <translation>Təklifi qəbul etmək xəbərdə rast gəlinən digər yazılışları da qeyd edir</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Highlight mentions</source>
        <translation>Adları işıqlandır</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Highlight the tagged people and organisations in the body</source>
        <translation>Mətndə teqlənmiş şəxs və təşkilatları işıqlandır</translation>
    </message>
    <message>
        <source>Looking for people and organisations...</source>
        <translation type="vanished">Şəxs və təşkilatlar axtarılır...</translation>
    </message>
    <message numerus="yes">
        <location line="+248"/>
        <source>%n suggestion(s)</source>
        <translation>
            <numerusform>%n təklif</numerusform>
            <numerusform>%n təklif</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>, %n hidden</source>
        <translation>
            <numerusform>, %n gizlədilib</numerusform>
            <numerusform>, %n gizlədilib</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n already tagged or dismissed</source>
        <translation>
            <numerusform>%n artıq teqlənib və ya rədd edilib</numerusform>
            <numerusform>%n artıq teqlənib və ya rədd edilib</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Suggestions unavailable: {reason}</source>
        <translation>Təkliflər əlçatan deyil: {reason}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{name} (new)</source>
        <translation>{name} (yeni)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Spellings not yet in the registry: {spellings}</source>
        <translation>Reyestrdə hələ olmayan yazılışlar: {spellings}</translation>
    </message>
    <message>
        <location line="-34"/>
        <location line="+62"/>
        <location line="+100"/>
        <source>Not tagged: {reason}</source>
        <translation>Teq əlavə olunmadı: {reason}</translation>
    </message>
    <message>
        <location line="-450"/>
        <source>Add a person, organisation or place (name or alias)</source>
        <translation>Şəxs, təşkilat və ya yer əlavə edin (ad və ya ləqəb)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Located</source>
        <comment>button</comment>
        <translation>Yer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The story happens at the selected places</source>
        <translation>Hadisə seçilmiş yerlərdə baş verir</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Look for people, organisations and places in the story now</source>
        <translation>Xəbərdə şəxsləri, təşkilatları və yerləri indi axtar</translation>
    </message>
    <message>
        <location line="+204"/>
        <source>Looking for people, organisations and places...</source>
        <translation>Şəxslər, təşkilatlar və yerlər axtarılır...</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Tagged the dateline&apos;s place: {name}</source>
        <translation>Datelaynın yeri etiketləndi: {name}</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Tagged: {names}</source>
        <translation>Teq əlavə olundu: {names}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Not dismissed: {reason}</source>
        <translation>Rədd edilmədi: {reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dismissed for this story: {names}</source>
        <translation>Bu xəbər üçün rədd edildi: {names}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Not recorded: {reason}</source>
        <translation>Qeyd olunmadı: {reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recorded as aliases: {spellings}</source>
        <translation>Digər yazılış kimi qeyd olundu: {spellings}</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>No one called {name} yet: use New to create them</source>
        <translation>{name} adlı heç kim hələ yoxdur: yaratmaq üçün «Yeni» düyməsini işlədin</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Not created: {reason}</source>
        <translation>Yaradılmadı: {reason}</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../newsdesk/ui/people/panel.py" line="+192"/>
        <source>Created {kind} {name}</source>
        <translation>Yaradıldı ({kind}): {name}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Not changed: {reason}</source>
        <translation>Dəyişmədi: {reason}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not removed: {reason}</source>
        <translation>Silinmədi: {reason}</translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/dialogs/conflict.py" line="+73"/>
        <source>Story saved elsewhere meanwhile</source>
        <translation>Bu arada xəbər başqa yerdə saxlanılıb</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{headline}” was saved elsewhere (another window or computer) at {time} while you were editing it. Choose which text the story keeps; the other one is kept too, as a revision or a new story.</source>
        <translation>Siz “{headline}” xəbərini redaktə edərkən o, saat {time}-da başqa yerdə (başqa pəncərədə və ya kompüterdə) saxlanılıb. Xəbərdə hansı mətnin qalacağını seçin; digəri də versiya və ya yeni xəbər kimi saxlanılacaq.</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>This story</source>
        <translation>Bu xəbər</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Story edited offline and on the server</source>
        <translation>Xəbər həm oflayn, həm də serverdə redaktə olunub</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{headline}” was edited on the server (last at {time}) while you edited it offline. The server&apos;s version is the story&apos;s for now; your offline edit is kept as a revision. Choose which text the story keeps, or merge them by hand.</source>
        <translation>Siz “{headline}” xəbərini oflayn redaktə edərkən o, serverdə də redaktə olunub (sonuncu dəfə {time}). Hələlik xəbərin mətni serverdəki versiyadır; sizin oflayn redaktəniz versiya kimi saxlanılıb. Xəbərdə hansı mətnin qalacağını seçin və ya onları əl ilə birləşdirin.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;b&gt;Your offline edit&lt;/b&gt;</source>
        <translation>&lt;b&gt;Sizin oflayn redaktəniz&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;b&gt;Your version&lt;/b&gt; (not saved)</source>
        <translation>&lt;b&gt;Sizin versiya&lt;/b&gt; (saxlanılmayıb)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&lt;b&gt;Their version&lt;/b&gt; (saved, version {version})</source>
        <translation>&lt;b&gt;Onların versiyası&lt;/b&gt; (saxlanılıb, versiya {version})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What your version changes in theirs:</source>
        <translation>Sizin versiyanın onlarınkında dəyişdikləri:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep mine</source>
        <translation>Mənimkini saxla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save your text; theirs becomes a revision</source>
        <translation>Sizin mətni saxla; onlarınkı versiya olur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take theirs</source>
        <translation>Onlarınkını götür</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load their text; yours becomes a revision</source>
        <translation>Onların mətnini yüklə; sizinki versiya olur</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Merge by hand</source>
        <translation>Əl ilə birləşdir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit their text yourself with both versions side by side</source>
        <translation>Hər iki versiyanı yan-yana görərək mətni özünüz redaktə edin</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save mine as a copy</source>
        <translation>Mənimkini surət kimi saxla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep theirs here and save your text as a new story</source>
        <translation>Burada onlarınkını saxla, sizin mətni yeni xəbər kimi saxla</translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/dialogs/export.py" line="+57"/>
        <source>Website (HTML, feeds)</source>
        <translation>Sayt (HTML, lentlər)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IPTC ninjs (JSON)</source>
        <translation>IPTC ninjs (JSON)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Markdown with front matter</source>
        <translation>Front matter ilə Markdown</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Email</source>
        <translation>E-poçt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Please give the site&apos;s public address: the feeds link to it, and RSS readers refuse their links without it.</source>
        <translation>Saytın ictimai ünvanını göstərin: lentlər ona keçid verir və RSS oxuyucuları onsuz keçidləri qəbul etmir.</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Exported %n story(s) as {format} to {folder}: {written} written, {skipped} unchanged and skipped ({files_written} files written, {files_kept} kept)</source>
        <translation>
            <numerusform>%n xəbər {format} formatında {folder} qovluğuna ixrac edildi: {written} yazıldı, {skipped} dəyişməyib və ötürüldü ({files_written} fayl yazıldı, {files_kept} saxlanıldı)</numerusform>
            <numerusform>%n xəbər {format} formatında {folder} qovluğuna ixrac edildi: {written} yazıldı, {skipped} dəyişməyib və ötürüldü ({files_written} fayl yazıldı, {files_kept} saxlanıldı)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>; %n story(s) held under embargo until {time}</source>
        <translation>
            <numerusform>; %n xəbər {time} tarixinədək embarqo altında saxlanılır</numerusform>
            <numerusform>; %n xəbər {time} tarixinədək embarqo altında saxlanılır</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>; %n story(s) held under embargo until {first} (the last until {last})</source>
        <translation>
            <numerusform>; %n xəbər {first} tarixinədək embarqo altında saxlanılır (sonuncusu {last} tarixinədək)</numerusform>
            <numerusform>; %n xəbər {first} tarixinədək embarqo altında saxlanılır (sonuncusu {last} tarixinədək)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the feeds&apos; links are relative, as the site&apos;s public address is not set, and RSS readers refuse them: give it under Website (Site address)</source>
        <translation>Saytın ictimai ünvanı verilmədiyi üçün lentlərin keçidləri nisbidir və RSS oxuyucuları onları qəbul etmir: ünvanı Sayt bölməsində göstərin</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Writing {file}</source>
        <translation>{file} yazılır</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Export stories</source>
        <translation>Xəbərləri ixrac et</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Export</source>
        <comment>button</comment>
        <translation>İ&amp;xrac et</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Folder to export to</source>
        <translation>İxrac qovluğu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Seç…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Folder:</source>
        <translation>&amp;Qovluq:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>F&amp;ormat:</source>
        <translation>F&amp;ormat:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ninjs &amp;version:</source>
        <translation>ninjs &amp;versiyası:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only stories updated &amp;since</source>
        <translation>Yalnız bu tarixdən &amp;sonra yenilənən xəbərlər</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Rebuild everything (&amp;full export)</source>
        <translation>Hamısını yenidən qur (&amp;tam ixrac)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the pictures&apos; &amp;GPS location</source>
        <translation>Şəkillərin &amp;GPS yerini saxla</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Off, the exported pictures carry no location: a photographer&apos;s position can endanger a source.</source>
        <translation>Söndürüləndə ixrac olunan şəkillərdə yer olmur: fotoqrafın yeri mənbəni təhlükəyə ata bilər.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Stories with status</source>
        <translation>Bu statuslu xəbərlər</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Website</source>
        <translation>Sayt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The site&apos;s public address: share links and feeds point readers there. Pages link to each other relatively either way.</source>
        <translation>Saytın ictimai ünvanı: paylaşım linkləri və lentlər oxucuları ora yönləndirir. Səhifələr bir-birinə hər halda nisbi linklərlə bağlanır.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Site &amp;address:</source>
        <translation>Saytın &amp;ünvanı:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Shown under &quot;Leave a review&quot; on every story page.</source>
        <translation>Hər xəbər səhifəsində &quot;Rəy yazın&quot; altında göstərilir.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reviews e-mail:</source>
        <translation>&amp;Rəylər üçün e-poçt:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The language of the index, the people&apos;s and organisations&apos; pages and the feeds. Each story page speaks its story&apos;s language.</source>
        <translation>Əsas səhifənin, şəxslərin və təşkilatların səhifələrinin və lentlərin dili. Hər xəbərin səhifəsi xəbərin öz dilindədir.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Site &amp;language:</source>
        <translation>Saytın &amp;dili:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Share links:</source>
        <translation>Paylaşım linkləri:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Export to folder</source>
        <translation>Qovluğa ixrac et</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>choose a folder to export to</source>
        <translation>ixrac üçün qovluq seçin</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>choose at least one status to export</source>
        <translation>ixrac üçün ən azı bir status seçin</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Exporting…</source>
        <translation>İxrac edilir…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export</source>
        <translation>İxrac</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exporting stories…</source>
        <translation>Xəbərlər ixrac edilir…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Warning: {warning}</source>
        <translation>Xəbərdarlıq: {warning}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export failed: {reason}</source>
        <translation>İxrac alınmadı: {reason}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export cancelled; the previous export is unchanged.</source>
        <translation>İxrac ləğv edildi; əvvəlki ixrac dəyişməyib.</translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/dialogs/preferences.py" line="+27"/>
        <source>Preferences</source>
        <translation>Parametrlər</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>System language ({language})</source>
        <translation>Sistem dili ({language})</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Your name</source>
        <translation>Adınız</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shown to colleagues on the stories you edit and on your revisions.</source>
        <translation>Redaktə etdiyiniz xəbərlərdə və versiyalarınızda həmkarlara göstərilir.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Default agency</source>
        <translation>Standart agentlik</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>Dil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The window uses it from the next start.</source>
        <translation>Pəncərə onu növbəti işə salınmadan istifadə edir.</translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/dialogs/revisions.py" line="-117"/>
        <source>Autosave</source>
        <translation>Avtosaxlama</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restored</source>
        <translation>Bərpa olunub</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Conflict</source>
        <translation>Ziddiyyət</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imported</source>
        <translation>İdxal olunub</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Update from source</source>
        <translation>Mənbədən yeniləmə</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Correction from source</source>
        <translation>Mənbədən düzəliş</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unsaved when the lock was taken over</source>
        <translation>Kilid üzərinə götürüləndə saxlanılmamış</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Offline edit</source>
        <translation>Oflayn redaktə</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select a revision to see what changed since.</source>
        <translation>O vaxtdan nəyin dəyişdiyini görmək üçün versiya seçin.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Lock taken over from {holder}</source>
        <translation>Kilid {holder} istifadəçisindən götürülüb</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No differences from the current text.</source>
        <translation>Cari mətndən fərq yoxdur.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Green: only in “{new}”. Red: only in “{old}”.</source>
        <translation>Yaşıl: yalnız “{new}”. Qırmızı: yalnız “{old}”.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Differences</source>
        <translation>Fərqlər</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Restore this revision</source>
        <translation>Bu versiyanı bərpa et</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Time</source>
        <translation>Vaxt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Words</source>
        <translation>Sözlər</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>version {version}</source>
        <translation>versiya {version}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>source&apos;s version {version}</source>
        <translation>mənbənin versiyası {version}</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Restoring it removes the red text and brings back the green.</source>
        <translation>Bərpa etmək qırmızı mətni silir, yaşılı geri qaytarır.</translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/domain_texts.py" line="-59"/>
        <source>Draft</source>
        <comment>status</comment>
        <translation>Qaralama</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edited</source>
        <comment>status</comment>
        <translation>Redaktə olunub</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ready</source>
        <comment>status</comment>
        <translation>Hazır</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Published</source>
        <comment>status</comment>
        <translation>Dərc olunub</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Killed</source>
        <comment>status</comment>
        <translation>Geri çəkilib</translation>
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
        <translation>Gözləyir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flagged</source>
        <comment>review queue</comment>
        <translation>İşarələnib</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved</source>
        <comment>review queue</comment>
        <translation>Təsdiqlənib</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected</source>
        <comment>review queue</comment>
        <translation>Rədd edilib</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spam</source>
        <comment>review queue</comment>
        <translation>Spam</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown status {status} (choose from {choices})</source>
        <translation>naməlum status {status} (bunlardan seçin: {choices})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a {current:lower} story cannot become {target:lower} directly</source>
        <translation>«{current:lower}» statuslu xəbər birbaşa «{target:lower}» ola bilməz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{target:lower} needs {missing}</source>
        <comment>e.g. ready needs a headline, a body</comment>
        <translation>«{target:lower}» üçün lazımdır: {missing}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a headline</source>
        <comment>what a story needs</comment>
        <translation>başlıq</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a dateline place</source>
        <comment>what a story needs</comment>
        <translation>yer (datlayn)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a body</source>
        <comment>what a story needs</comment>
        <translation>mətn</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no story {story} (give its slug, id or uuid)</source>
        <translation>{story} xəbəri yoxdur (onun slug, id və ya uuid-ini verin)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this story</source>
        <translation>bu xəbər</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>story {id}</source>
        <translation>xəbər {id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>story {id} was deleted for good</source>
        <translation>xəbər {id} birdəfəlik silinib</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{headline} is in the trash: restore it to edit it</source>
        <translation>{headline} zibil qutusundadır: redaktə üçün onu bərpa edin</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{headline} was saved elsewhere meanwhile (version {version}, you edited version {edited})</source>
        <translation>{headline} bu arada başqa yerdə saxlanılıb (versiya {version}, siz {edited} versiyasını redaktə edirdiniz)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{headline} was saved elsewhere meanwhile</source>
        <translation>{headline} bu arada başqa yerdə saxlanılıb</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{headline} is {lock} in another window; take it over to save here</source>
        <translation>{headline}: {lock}, başqa pəncərədə; burada saxlamaq üçün üzərinizə götürün</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>urgency must be between 1 and 9</source>
        <translation>təcililik 1 ilə 9 arasında olmalıdır</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n picture(s) without alt text: describe each for readers who cannot see it before the story is ready</source>
        <translation>
            <numerusform>%n şəkildə alternativ mətn yoxdur: xəbər hazır olmazdan əvvəl görə bilməyən oxucular üçün hər birini təsvir edin</numerusform>
            <numerusform>%n şəkildə alternativ mətn yoxdur: xəbər hazır olmazdan əvvəl görə bilməyən oxucular üçün hər birini təsvir edin</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>this picture is already in the story</source>
        <translation>bu şəkil artıq xəbərdədir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no picture {id}</source>
        <translation>{id} şəkli yoxdur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the body shows picture {ref}, which is not one of the story&apos;s pictures: add the picture or take the reference out</source>
        <translation>mətndə {ref} şəkli göstərilir, lakin o bu xəbərin şəkillərindən deyil: şəkli əlavə edin və ya istinadı silin</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{length} characters, more than the {limit} a headline may have; shorten it</source>
        <translation>{length} simvol, başlıq üçün icazə verilən {limit} simvoldan çoxdur; qısaldın</translation>
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
        <translation>{line}-ci sətirdə siyahılar və ya sitatlar {levels} səviyyədən dərin iç-içədir</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the body has too many unclosed &apos;[&apos;, &apos;(&apos; or &apos;&lt;&apos; (each makes rendering read on to the end of its paragraph); close or remove them</source>
        <translation>mətndə bağlanmamış &apos;[&apos;, &apos;(&apos; və ya &apos;&lt;&apos; çox çoxdur (hər biri göstərməni abzasın sonuna qədər oxutdurur); onları bağlayın və ya silin</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the body has {count} &apos;{mark}&apos; characters (at most {limit}): so many make rendering slow; remove them</source>
        <translation>mətndə {count} &apos;{mark}&apos; simvolu var (ən çoxu {limit}): bu qədəri göstərməni yavaşladır; onları silin</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>being edited by {holder} since {time}</source>
        <translation>{time}-dan {holder} tərəfindən redaktə olunur</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Date</source>
        <translation>Tarix</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Body</source>
        <translation>Mətn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Footnote</source>
        <translation>Qeyd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Desk code</source>
        <translation>Şöbə kodu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the external URI must start with http:// or https://</source>
        <translation>xarici URI http:// və ya https:// ilə başlamalıdır</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a name is required</source>
        <translation>ad mütləqdir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot merge an entity into itself</source>
        <translation>qeydi özü ilə birləşdirmək olmaz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>that entity was already merged into another one</source>
        <translation>bu qeyd artıq başqası ilə birləşdirilib</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>person</source>
        <translation>şəxs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>organisation</source>
        <translation>təşkilat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>place</source>
        <comment>a kind of registry entry</comment>
        <translation>yer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>about</source>
        <comment>the story is about this tag</comment>
        <translation>haqqında</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mentioned</source>
        <comment>the story mentions this tag</comment>
        <translation>adı çəkilir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>located</source>
        <comment>the story happens at this place</comment>
        <translation>yer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the latitude must be a number from -90 to 90</source>
        <translation>en dairəsi -90 ilə 90 arasında ədəd olmalıdır</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the longitude must be a number from -180 to 180</source>
        <translation>uzunluq dairəsi -180 ilə 180 arasında ədəd olmalıdır</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>banned author: {author}</source>
        <translation>bloklanmış müəllif: {author}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>banned word: {word}</source>
        <translation>qadağan söz: {word}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>suspect word: {word}</source>
        <translation>şübhəli söz: {word}</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n link(s)</source>
        <translation>
            <numerusform>%n link</numerusform>
            <numerusform>%n link</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>repeat of a review on {original}</source>
        <translation>bu rəyin təkrarı: {original}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{date} under “{headline}”</source>
        <comment>the date and story of an earlier review</comment>
        <translation>{date}, “{headline}” xəbəri altında</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>shouting (mostly capitals)</source>
        <translation>qışqırıq (əsasən böyük hərflər)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hidden characters: {characters}</source>
        <translation>gizli simvollar: {characters}</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>very long (%Ln character(s))</source>
        <translation>
            <numerusform>çox uzun (%Ln simvol)</numerusform>
            <numerusform>çox uzun (%Ln simvol)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Links</source>
        <comment>a kind of flag</comment>
        <translation>Linklər</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suspect words</source>
        <comment>a kind of flag</comment>
        <translation>Şübhəli sözlər</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeats</source>
        <comment>a kind of flag</comment>
        <translation>Təkrarlar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shouting</source>
        <comment>a kind of flag</comment>
        <translation>Qışqırıq</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Banned words</source>
        <comment>a kind of flag</comment>
        <translation>Qadağan sözlər</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Banned authors</source>
        <comment>a kind of flag</comment>
        <translation>Bloklanmış müəlliflər</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hidden characters</source>
        <comment>a kind of flag</comment>
        <translation>Gizli simvollar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Very long</source>
        <comment>a kind of flag</comment>
        <translation>Çox uzun</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>automatic rules</source>
        <comment>who decided a review</comment>
        <translation>avtomatik qaydalar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not recorded</source>
        <comment>who decided a review</comment>
        <translation>qeyd olunmayıb</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{days} d {hours} h</source>
        <comment>days and hours</comment>
        <translation>{days} gün {hours} saat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{days} d</source>
        <comment>days</comment>
        <translation>{days} gün</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{hours} h {minutes} min</source>
        <comment>hours and minutes</comment>
        <translation>{hours} saat {minutes} dəq</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{hours} h</source>
        <comment>hours</comment>
        <translation>{hours} saat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{minutes} min</source>
        <comment>minutes</comment>
        <translation>{minutes} dəq</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{seconds} s</source>
        <comment>seconds</comment>
        <translation>{seconds} san</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no such file</source>
        <translation>belə fayl yoxdur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is a folder, not a review file</source>
        <translation>bu qovluqdur, rəy faylı deyil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot read ({reason})</source>
        <translation>oxumaq olmur ({reason})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>empty file (no reviews, not even a header or &apos;[]&apos;)</source>
        <translation>boş fayl (rəy yoxdur, hətta başlıq və ya &apos;[]&apos; də yoxdur)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not valid UTF-8 (byte 0x{byte} at offset {offset})</source>
        <translation>düzgün UTF-8 deyil ({offset} mövqeyində 0x{byte} baytı)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>contains a NUL character (\0): not a text file</source>
        <translation>NUL simvolu (\0) var: mətn faylı deyil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expected a JSON array or JSON Lines</source>
        <translation>JSON massivi və ya JSON Lines gözlənilirdi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expected an object, found {found}</source>
        <translation>obyekt gözlənilirdi, {found} tapıldı</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expected a JSON array</source>
        <translation>JSON massivi gözlənilirdi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bad JSON ({reason})</source>
        <translation>xətalı JSON ({reason})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bad CSV ({reason})</source>
        <translation>xətalı CSV ({reason})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>empty file (expected a header row)</source>
        <translation>boş fayl (başlıq sətri gözlənilirdi)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the header names this column twice</source>
        <translation>başlıqda bu sütun iki dəfə var</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>missing column(s) {columns}</source>
        <translation>
            <numerusform>sütun yoxdur: {columns}</numerusform>
            <numerusform>sütun yoxdur: {columns}</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{cells} cells, the header has {columns}</source>
        <translation>{cells} xana, başlıqda isə {columns}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not an ISO 8601 time: {value}</source>
        <translation>ISO 8601 vaxtı deyil: {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be 1 to 5, not {value}</source>
        <translation>1 ilə 5 arasında olmalıdır, {value} yox</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expected text, found {found}</source>
        <translation>mətn gözlənilirdi, {found} tapıldı</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>missing</source>
        <comment>a required value is missing</comment>
        <translation>yoxdur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no story {story} in this database</source>
        <translation>bu bazada {story} xəbəri yoxdur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>duplicate id {id} (first on line {first})</source>
        <translation>təkrarlanan id {id} (ilk dəfə {first}-ci sətirdə)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this review has no author to ban</source>
        <translation>bu rəyin bloklanacaq müəllifi yoxdur</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the database is locked by another program; close it and try again</source>
        <translation>verilənlər bazası başqa proqram tərəfindən kilidlənib; onu bağlayıb yenidən cəhd edin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the database is read-only</source>
        <translation>verilənlər bazası yalnız oxunur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the disk is full; free some space and try again ({detail})</source>
        <translation>disk doludur; yer boşaldıb yenidən cəhd edin ({detail})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the database file is damaged; restore it from a backup ({detail})</source>
        <translation>verilənlər bazası faylı zədələnib; onu ehtiyat nüsxədən bərpa edin ({detail})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>lost the connection to the database server ({detail})</source>
        <translation>verilənlər bazası serveri ilə əlaqə itdi ({detail})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the disk failed ({detail})</source>
        <translation>disk sıradan çıxdı ({detail})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot open the database file; was it moved or deleted? ({detail})</source>
        <translation>verilənlər bazası faylı açılmır; köçürülüb və ya silinib? ({detail})</translation>
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
        <translation>başlıq</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>body</source>
        <comment>a story&apos;s field</comment>
        <translation>mətn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>status</source>
        <comment>a story&apos;s field</comment>
        <translation>status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>urgency</source>
        <comment>a story&apos;s field</comment>
        <translation>təcililik</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>name</source>
        <comment>an entry&apos;s field</comment>
        <translation>ad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kind</source>
        <comment>an entry&apos;s field</comment>
        <translation>növ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>external URI</source>
        <comment>an entry&apos;s field</comment>
        <translation>xarici URI</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>author</source>
        <comment>a review&apos;s field</comment>
        <translation>müəllif</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rating</source>
        <comment>a review&apos;s field</comment>
        <translation>qiymət</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>submitted</source>
        <comment>a review&apos;s field</comment>
        <translation>göndərilib</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>article</source>
        <comment>a review&apos;s field</comment>
        <translation>xəbər</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>text</source>
        <comment>a review&apos;s field</comment>
        <translation>mətn</translation>
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
        <translation>sətir {line}: </translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/main_window.py" line="+1"/>
        <location filename="../../newsdesk/ui/moderation/panel.py" line="+272"/>
        <source>Moderation</source>
        <translation>Moderasiya</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>People &amp;&amp; Organisations</source>
        <translation>Şəxslər &amp;&amp; təşkilatlar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dashboard</source>
        <translation>İcmal</translation>
    </message>
    <message>
        <source>Offline edits met colleagues&apos; edits: the stories need a look (their offline edit is among their revisions)</source>
        <translation type="vanished">Oflayn redaktələr həmkarların redaktələri ilə üst-üstə düşdü: xəbərlərə baxmaq lazımdır (oflayn redaktə onların versiyaları arasındadır)</translation>
    </message>
    <message>
        <location line="+271"/>
        <source>Modes</source>
        <translation>Rejimlər</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{mode} (Ctrl+{number})</source>
        <translation>{mode} (Ctrl+{number})</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>{name} is no longer in the registry</source>
        <translation>{name} artıq reyestrdə yoxdur</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;File</source>
        <translation>&amp;Fayl</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Export…</source>
        <translation>İ&amp;xrac…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export finished stories: site, ninjs or Markdown (Ctrl+E)</source>
        <translation>Hazır xəbərləri ixrac et: sayt, ninjs və ya Markdown (Ctrl+E)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Quit</source>
        <translation>Çı&amp;xış</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Edit</source>
        <translation>&amp;Redaktə</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Parametrlər…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;View</source>
        <translation>&amp;Görünüş</translation>
    </message>
    <message>
        <location line="-120"/>
        <location line="+180"/>
        <source>Database: {target}</source>
        <translation>Baza: {target}</translation>
    </message>
    <message>
        <location line="-313"/>
        <source>Not published: this window works in its offline copy of the team server, and publishing is for the server. Publish once the server is back.</source>
        <translation>Dərc olunmadı: bu pəncərə komanda serverinin oflayn nüsxəsində işləyir, dərc isə serverdə edilir. Server qayıdanda dərc edin.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Offline edits met colleagues&apos; edits: open the marked stories to choose which text to keep</source>
        <translation>Oflayn redaktələr həmkarların redaktələri ilə üst-üstə düşdü: hansı mətnin qalacağını seçmək üçün işarələnmiş xəbərləri açın</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>The server cannot be reached, and there is no offline copy of it to work in yet</source>
        <translation>Serverə qoşulmaq mümkün deyil, onun işləmək üçün oflayn nüsxəsi də hələ yoxdur</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The server cannot be reached: working in the offline copy</source>
        <translation>Serverə qoşulmaq mümkün deyil: oflayn nüsxədə işlənilir</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Back on the server. Some stories were also changed there: open the marked stories to choose which text to keep</source>
        <translation>Yenidən serverdəyik. Bəzi xəbərlər orada da dəyişdirilib: hansı mətnin qalacağını seçmək üçün işarələnmiş xəbərləri açın</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Back on the server; your offline changes were sent</source>
        <translation>Yenidən serverdəyik; oflayn dəyişiklikləriniz göndərildi</translation>
    </message>
    <message>
        <location line="+153"/>
        <source>Not exported: this window works in its offline copy of the team server, and exports are made from the server. Export once the server is back.</source>
        <translation>İxrac olunmadı: bu pəncərə komanda serverinin oflayn nüsxəsində işləyir, ixrac isə serverdən edilir. Server qayıdanda ixrac edin.</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>F7: the next unknown word</source>
        <translation>F7: növbəti naməlum söz</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>%n unknown word(s)</source>
        <translation>
            <numerusform>%n naməlum söz</numerusform>
            <numerusform>%n naməlum söz</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%Ln word(s)</source>
        <translation>
            <numerusform>%Ln söz</numerusform>
            <numerusform>%Ln söz</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln character(s)</source>
        <translation>
            <numerusform>%Ln simvol</numerusform>
            <numerusform>%Ln simvol</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/moderation/dialogs.py" line="+29"/>
        <source>next / previous review</source>
        <translation>növbəti / əvvəlki rəy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>approve</source>
        <translation>təsdiqlə</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>reject</source>
        <translation>rədd et</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mark as spam</source>
        <translation>spam kimi işarələ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>undo the last decision (again for earlier ones)</source>
        <translation>son qərarı geri al (təkrar basanda əvvəlkiləri)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>select or unselect the review</source>
        <translation>rəyi seç və ya seçimi ləğv et</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>approve / reject / spam every selected review</source>
        <translation>seçilmiş bütün rəyləri təsdiqlə / rədd et / spam kimi işarələ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ban the author</source>
        <translation>müəllifi blokla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>search review text</source>
        <translation>rəy mətnində axtar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>show or hide this help</source>
        <translation>bu köməyi göstər və ya gizlət</translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../../newsdesk/ui/moderation/panel.py" line="-43"/>
        <location line="+381"/>
        <source>Moderation rules</source>
        <translation>Moderasiya qaydaları</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Banned words (reject):</source>
        <translation>Qadağan sözlər (rədd):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suspect words (flag):</source>
        <translation>Şübhəli sözlər (işarələ):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Banned authors (email or name):</source>
        <translation>Bloklanmış müəlliflər (e-poçt və ya ad):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hold reviews with more links than:</source>
        <translation>Bundan çox linki olan rəyləri saxla:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One entry per line. Rules apply to reviews imported from now on.</source>
        <translation>Hər sətirdə bir qeyd. Qaydalar bundan sonra idxal olunan rəylərə tətbiq edilir.</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Also check the %Ln pending review(s) again now (banned words and authors reject them; Z undoes)</source>
        <translation>
            <numerusform>Gözləyən %Ln rəyi də indi yenidən yoxla (qadağan sözlər və müəlliflər onları rədd edir; Z geri alır)</numerusform>
            <numerusform>Gözləyən %Ln rəyi də indi yenidən yoxla (qadağan sözlər və müəlliflər onları rədd edir; Z geri alır)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Keyboard</source>
        <translation>Klaviatura</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Press any key to close.</source>
        <translation>Bağlamaq üçün istənilən düyməni basın.</translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/moderation/panel.py" line="-546"/>
        <source>pending</source>
        <comment>a review&apos;s status</comment>
        <translation>gözləyir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>approved</source>
        <comment>a review&apos;s status</comment>
        <translation>təsdiqlənib</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rejected</source>
        <comment>a review&apos;s status</comment>
        <translation>rədd edilib</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>spam</source>
        <comment>a review&apos;s status</comment>
        <translation>spam</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Imported %n review(s) ({flagged} flagged, {rejected} rejected by rules); skipped {skipped} already imported</source>
        <translation>
            <numerusform>%n rəy idxal olundu ({flagged} işarələnib, {rejected} qaydalarla rədd edilib); artıq idxal olunmuş {skipped} ötürüldü</numerusform>
            <numerusform>%n rəy idxal olundu ({flagged} işarələnib, {rejected} qaydalarla rədd edilib); artıq idxal olunmuş {skipped} ötürüldü</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Checked %n pending review(s) against the rules: {rejected} rejected, {flagged} flagged</source>
        <translation>
            <numerusform>Gözləyən %n rəy qaydalarla yoxlandı: {rejected} rədd edildi, {flagged} işarələndi</numerusform>
            <numerusform>Gözləyən %n rəy qaydalarla yoxlandı: {rejected} rədd edildi, {flagged} işarələndi</numerusform>
        </translation>
    </message>
    <message>
        <location line="+48"/>
        <location line="+324"/>
        <location line="+95"/>
        <source>No review selected</source>
        <translation>Rəy seçilməyib</translation>
    </message>
    <message>
        <location line="-417"/>
        <source>rating {rating}/5</source>
        <translation>qiymət {rating}/5</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> by {moderator}</source>
        <comment>after a review&apos;s status and time</comment>
        <translation>, qərar verən: {moderator}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Story: {headline}</source>
        <translation>Xəbər: {headline}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No flags</source>
        <translation>İşarə yoxdur</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Author history: {approved} approved · {rejected} rejected · {spam} spam · {pending} pending</source>
        <translation>Müəllifin tarixçəsi: {approved} təsdiqlənib · {rejected} rədd edilib · {spam} spam · {pending} gözləyir</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>{action} ({shortcut})</source>
        <translation>{action} ({shortcut})</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Approve</source>
        <translation>Təsdiqlə</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reject</source>
        <translation>Rədd et</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Spam</source>
        <comment>mark as spam</comment>
        <translation>Spam de</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Approve selected</source>
        <translation>Seçilənləri təsdiqlə</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reject selected</source>
        <translation>Seçilənləri rədd et</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spam selected</source>
        <translation>Seçilənlər spamdır</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undo decision</source>
        <translation>Qərarı geri al</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next review</source>
        <translation>Növbəti rəy</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Previous review</source>
        <translation>Əvvəlki rəy</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select review</source>
        <translation>Rəyi seç</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ban author…</source>
        <translation>Müəllifi blokla…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keyboard shortcuts</source>
        <translation>Klaviatura qısayolları</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search reviews</source>
        <translation>Rəylərdə axtar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Moderation rules…</source>
        <translation>Moderasiya qaydaları…</translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/main_window.py" line="-118"/>
        <source>Import &amp;reviews…</source>
        <translation>&amp;Rəyləri idxal et…</translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/moderation/panel.py" line="+9"/>
        <location line="+155"/>
        <source>All stories</source>
        <translation>Bütün xəbərlər</translation>
    </message>
    <message>
        <location line="-154"/>
        <source>Only the reviews of one story</source>
        <translation>Yalnız bir xəbərin rəyləri</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Author or email</source>
        <translation>Müəllif və ya e-poçt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search review text (Ctrl+F)</source>
        <translation>Rəy mətnində axtar (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Show all</source>
        <comment>reviews in the queue</comment>
        <translation>Hamısını göstər</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lift the dashboard&apos;s narrowing</source>
        <translation>İcmalın qoyduğu məhdudiyyəti götür</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Undo</source>
        <translation>Geri al</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ban</source>
        <translation>Blokla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rules</source>
        <translation>Qaydalar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shortcuts</source>
        <translation>Qısayollar</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>flagged “{flag}”</source>
        <comment>only reviews ...</comment>
        <translation>«{flag}» işarəli</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>received since {time}</source>
        <comment>only reviews ...</comment>
        <translation>{time} tarixindən bəri alınmış</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>decided by {moderator}</source>
        <comment>only reviews ...</comment>
        <translation>qərar verən: {moderator}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>decided since {time}</source>
        <comment>only reviews ...</comment>
        <translation>{time} tarixindən bəri qərar verilmiş</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only reviews {conditions}</source>
        <comment>e.g. only reviews flagged “Links”</comment>
        <translation>Yalnız rəylər: {conditions}</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Select reviews with X first</source>
        <translation>Əvvəlcə X ilə rəyləri seçin</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nothing was decided: {reason}</source>
        <translation>Heç bir qərar verilmədi: {reason}</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n review(s) already decided by someone else meanwhile; the queue is refreshed</source>
        <translation>
            <numerusform>%n rəy barədə bu arada başqası artıq qərar verib; növbə yeniləndi</numerusform>
            <numerusform>%n rəy barədə bu arada başqası artıq qərar verib; növbə yeniləndi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+39"/>
        <source>Banned {author}; rejected %n pending (Z undoes)</source>
        <translation>
            <numerusform>{author} bloklandı; gözləyən %n rəy rədd edildi (Z geri alır)</numerusform>
            <numerusform>{author} bloklandı; gözləyən %n rəy rədd edildi (Z geri alır)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Approved %n review(s) (Z undoes)</source>
        <translation>
            <numerusform>%n rəy təsdiqləndi (Z geri alır)</numerusform>
            <numerusform>%n rəy təsdiqləndi (Z geri alır)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Rejected %n review(s) (Z undoes)</source>
        <translation>
            <numerusform>%n rəy rədd edildi (Z geri alır)</numerusform>
            <numerusform>%n rəy rədd edildi (Z geri alır)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Marked %n review(s) as spam (Z undoes)</source>
        <translation>
            <numerusform>%n rəy spam kimi işarələndi (Z geri alır)</numerusform>
            <numerusform>%n rəy spam kimi işarələndi (Z geri alır)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Put %n review(s) back to pending (Z undoes)</source>
        <translation>
            <numerusform>%n rəy yenidən gözləməyə qaytarıldı (Z geri alır)</numerusform>
            <numerusform>%n rəy yenidən gözləməyə qaytarıldı (Z geri alır)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nothing was undone: {reason}</source>
        <translation>Heç nə geri alınmadı: {reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../newsdesk/ui/people/panel.py" line="+47"/>
        <source>Nothing to undo</source>
        <translation>Geri alınacaq heç nə yoxdur</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Undone: lifted the ban on {author}; %n review(s) back to where they were</source>
        <translation>
            <numerusform>Geri alındı: {author} blokdan çıxarıldı; %n rəy əvvəlki yerinə qayıtdı</numerusform>
            <numerusform>Geri alındı: {author} blokdan çıxarıldı; %n rəy əvvəlki yerinə qayıtdı</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Undone: %n review(s) back to where they were</source>
        <translation>
            <numerusform>Geri alındı: %n rəy əvvəlki yerinə qayıtdı</numerusform>
            <numerusform>Geri alındı: %n rəy əvvəlki yerinə qayıtdı</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Ban author</source>
        <translation>Müəllifi blokla</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Ban {author}?

Reviews they send later are rejected on import.
Also reject their %n pending review(s) now?</source>
        <translation>
            <numerusform>{author} bloklansın?

Onun sonradan göndərdiyi rəylər idxal zamanı rədd ediləcək.
Gözləyən %n rəyi də indi rədd edilsin?</numerusform>
            <numerusform>{author} bloklansın?

Onun sonradan göndərdiyi rəylər idxal zamanı rədd ediləcək.
Gözləyən %n rəyi də indi rədd edilsin?</numerusform>
        </translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Moderation rules saved; they apply to the next import</source>
        <translation>Moderasiya qaydaları saxlanıldı; növbəti idxala tətbiq olunacaq</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+9"/>
        <location line="+11"/>
        <source>Import reviews</source>
        <translation>Rəyləri idxal et</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Reviews ({patterns});;All files (*)</source>
        <translation>Rəylər ({patterns});;Bütün fayllar (*)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Importing {file}…</source>
        <translation>{file} idxal olunur…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>import cancelled; nothing was imported</source>
        <translation>idxal ləğv edildi; heç nə idxal olunmadı</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Import failed: {reason}</source>
        <translation>İdxal alınmadı: {reason}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Checking pending reviews against the rules…</source>
        <translation>Gözləyən rəylər qaydalarla yoxlanılır…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>check cancelled; nothing was changed</source>
        <translation>yoxlama ləğv edildi; heç nə dəyişmədi</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>(Z undoes the rejections)</source>
        <translation>(Z rəddləri geri alır)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rules saved; pending reviews not checked: {reason}</source>
        <translation>Qaydalar saxlanıldı; gözləyən rəylər yoxlanılmadı: {reason}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Another review job is still running</source>
        <translation>Rəylərlə bağlı başqa iş hələ davam edir</translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/moderation/review_model.py" line="+38"/>
        <source>(no name)</source>
        <translation>(adsız)</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Submitted {time}</source>
        <translation>Göndərilib: {time}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Flags: {flags}</source>
        <translation>İşarələr: {flags}</translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/people/panel.py" line="-454"/>
        <location line="+213"/>
        <source>Name</source>
        <translation>Ad</translation>
    </message>
    <message>
        <location line="-213"/>
        <location line="+214"/>
        <source>Kind</source>
        <translation>Növ</translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/dashboard/panel.py" line="-78"/>
        <location line="+15"/>
        <location filename="../../newsdesk/ui/people/panel.py" line="-213"/>
        <source>Stories</source>
        <translation>Xəbərlər</translation>
    </message>
    <message>
        <source>Search people and organisations (name or alias)</source>
        <translation type="vanished">Şəxs və təşkilat axtar (ad və ya digər yazılış)</translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/people/panel.py" line="+133"/>
        <source>Search people, organisations and places (name or alias)</source>
        <translation>Şəxs, təşkilat və yer axtar (ad və ya digər yazılış)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>One spelling per line (Məmmədov, Мамедов, ...)</source>
        <translation>Hər sətirdə bir yazılış (Məmmədov, Мамедов, ...)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Latitude, e.g. 40.4093</source>
        <translation>En dairəsi, məs. 40.4093</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Longitude, e.g. 49.8671</source>
        <translation>Uzunluq dairəsi, məs. 49.8671</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>Saxla</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Merge into... (type a name)</source>
        <translation>Bununla birləşdir... (ad yazın)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Merge</source>
        <translation>Birləşdir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move this entry&apos;s tags and spellings into the chosen one; Undo merge puts them back</source>
        <translation>Bu qeydin teqlərini və yazılışlarını seçilmiş qeydə köçür; «Ayır» onları qaytarır</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>Undo merge</source>
        <translation>Ayır</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Story</source>
        <translation>Xəbər</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open story</source>
        <translation>Xəbəri aç</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Description</source>
        <translation>Təsvir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>External URI</source>
        <translation>Xarici URI</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Coordinates</source>
        <translation>Koordinatlar</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Stories tagged with it</source>
        <translation>Bu teqli xəbərlər</translation>
    </message>
    <message numerus="yes">
        <location line="+47"/>
        <source>%Ln entry(s)</source>
        <translation>
            <numerusform>%Ln qeyd</numerusform>
            <numerusform>%Ln qeyd</numerusform>
        </translation>
    </message>
    <message>
        <location line="+52"/>
        <source>(no headline)</source>
        <translation>(başlıq yoxdur)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Saved {name}</source>
        <translation>Saxlanıldı: {name}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Name of the new person:</source>
        <translation>Yeni şəxsin adı:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name of the new place:</source>
        <translation>Yeni yerin adı:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name of the new organisation:</source>
        <translation>Yeni təşkilatın adı:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Nothing created: {reason}</source>
        <translation>Heç nə yaradılmadı: {reason}</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Choose the entry to merge into (type its name)</source>
        <translation>Birləşdiriləcək qeydi seçin (adını yazın)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not merged: {reason}</source>
        <translation>Birləşdirilmədi: {reason}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Merged {source} into {target} ({tags} tags, {spellings} spellings). Undo merge (Ctrl+Z) puts them back.</source>
        <translation>{source} qeydi {target} ilə birləşdirildi ({tags} teq, {spellings} yazılış). «Ayır» (Ctrl+Z) onları qaytarır.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Merge not undone: {reason}</source>
        <translation>Birləşdirmə geri alınmadı: {reason}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Merge undone: {name} is back</source>
        <translation>Birləşdirmə geri alındı: {name} qayıtdı</translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/workers.py" line="+123"/>
        <source>unexpected error ({error})</source>
        <translation>gözlənilməz xəta ({error})</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Cancel</source>
        <translation>İmtina</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>cancelled</source>
        <translation>ləğv edildi</translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/desk/spell_check.py" line="+190"/>
        <source>Spelling is off: {reason}</source>
        <translation>Orfoqrafiya yoxlaması söndürülüb: {reason}</translation>
    </message>
    <message>
        <location line="+177"/>
        <source>(no suggestions)</source>
        <translation>(təklif yoxdur)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add to newsroom dictionary</source>
        <translation>Redaksiya lüğətinə əlavə et</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ignore in this story</source>
        <translation>Bu xəbərdə nəzərə alma</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Not added to the dictionary: {reason}</source>
        <translation>Lüğətə əlavə edilmədi: {reason}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Added to the newsroom dictionary: {word}</source>
        <translation>Redaksiya lüğətinə əlavə edildi: {word}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Not ignored: {reason}</source>
        <translation>Bu xəbərdə nəzərə almamaq mümkün olmadı: {reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ignored in this story: {word}</source>
        <translation>Bu xəbərdə nəzərə alınmır: {word}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No unknown words</source>
        <translation>Naməlum söz yoxdur</translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/desk/translations_panel.py" line="+94"/>
        <source>The same story in other languages; double-click to open one</source>
        <translation>Eyni xəbər başqa dillərdə; açmaq üçün iki dəfə klikləyin</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose a translation to read it here while you write</source>
        <translation>Yazarkən burada oxumaq üçün tərcüməni seçin</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This story has no translations yet.</source>
        <translation>Bu xəbərin hələ tərcüməsi yoxdur.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+3"/>
        <source>Translate to…</source>
        <translation>Tərcümə et…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open</source>
        <translation>Aç</translation>
    </message>
    <message>
        <location line="-44"/>
        <location line="+70"/>
        <source>(no headline yet)</source>
        <translation>(hələ başlıq yoxdur)</translation>
    </message>
    <message>
        <location line="-92"/>
        <source>Also in:</source>
        <translation>Digər dillərdə:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This story in other languages: click one to open it</source>
        <translation>Bu xəbər digər dillərdə: açmaq üçün birinə klikləyin</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Open the {language} version: {headline}</source>
        <translation>{language} versiyasını aç: {headline}</translation>
    </message>
    <message>
        <location line="+118"/>
        <source>No translation made: {reason}</source>
        <translation>Tərcümə yaradılmadı: {reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A draft in {language} is linked to this story</source>
        <translation>{language} dilində qaralama bu xəbərə bağlandı</translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/desk/embargo_field.py" line="+39"/>
        <source>Embargo until</source>
        <translation>Embarqo bitir</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exports leave the story out until this time</source>
        <translation>İxraclar bu vaxtadək xəbəri daxil etmir</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The release time in the newsroom&apos;s time zone ({zone})</source>
        <translation>Redaksiyanın saat qurşağında yayım vaxtı ({zone})</translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/offline.py" line="+25"/>
        <source>Offline - changes will be sent when the server is back</source>
        <translation>Oflayn - dəyişikliklər server qayıdanda göndəriləcək</translation>
    </message>
    <message>
        <source>The server is back and your offline changes were sent. Reopen newsdesk to work on the server again.</source>
        <translation type="vanished">Server qayıdıb və oflayn dəyişiklikləriniz göndərilib. Yenidən serverdə işləmək üçün newsdesk-i bağlayıb açın.</translation>
    </message>
    <message>
        <source>The server is back and your offline changes were sent; some stories were also changed on the server and need a look there. Reopen newsdesk to work on the server again.</source>
        <translation type="vanished">Server qayıdıb və oflayn dəyişiklikləriniz göndərilib; bəzi xəbərlər serverdə də dəyişdirilib və onlara orada baxmaq lazımdır. Yenidən serverdə işləmək üçün newsdesk-i bağlayıb açın.</translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/desk/offline_look.py" line="+53"/>
        <source>This story was edited offline and on the server: choose which text to keep</source>
        <translation>Bu xəbər həm oflayn, həm də serverdə redaktə olunub: hansı mətnin qalacağını seçin</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The look was not settled: {reason}</source>
        <translation>Baxış başa çatmadı: {reason}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kept your offline edit; the server&apos;s version is in the revisions</source>
        <translation>Oflayn redaktəniz saxlanıldı; serverdəki versiya versiyalar arasındadır</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Merge by hand: the story&apos;s text is the server&apos;s; your offline edit is beside it</source>
        <translation>Əl ilə birləşdirin: xəbərin mətni serverdəkidir; oflayn redaktəniz yanındadır</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kept the server&apos;s version; your offline edit is in the revisions</source>
        <translation>Serverdəki versiya saxlanıldı; oflayn redaktəniz versiyalar arasındadır</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Offline edit and the server&apos;s version</source>
        <translation>Oflayn redaktə və serverdəki versiya</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server&apos;s version</source>
        <translation>Serverdəki versiya</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Your offline edit</source>
        <translation>Sizin oflayn redaktəniz</translation>
    </message>
    <message>
        <location filename="../../newsdesk/ui/internal_errors.py" line="-2"/>
        <source>Open the log</source>
        <translation>Jurnalı aç</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>newsdesk met an error it did not expect: {error}. What you last did may not have been done.</source>
        <translation>newsdesk gözlənilməyən xəta ilə qarşılaşdı: {error}. Son etdiyiniz iş yerinə yetirilməmiş ola bilər.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n unexpected error(s) so far.</source>
        <translation>
            <numerusform>İndiyədək %n gözlənilməyən xəta.</numerusform>
            <numerusform>İndiyədək %n gözlənilməyən xəta.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The details are in {path}.</source>
        <translation>Ətraflı məlumat {path} faylındadır.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The details were printed on the terminal (stderr).</source>
        <translation>Ətraflı məlumat terminala (stderr) yazıldı.</translation>
    </message>
</context>
</TS>
