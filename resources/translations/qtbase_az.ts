<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Qt ships no Azerbaijani for its own texts: these are the ones newsdesk's windows
     show (standard buttons, message box details, edit menus). Kept by hand;
     packaging/translations.py builds it into qtbase_az.qm beside the others. -->
<TS version="2.1" language="az" sourcelanguage="en">
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Saxla</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>Hamısını saxla</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Aç</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Bəli</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>&amp;Hamısına bəli</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Xeyr</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>Hamısına x&amp;eyr</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Dayandır</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Təkrarla</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Nəzərə alma</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Bağla</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>İmtina</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>İmtina et</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Kömək</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Tətbiq et</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Sıfırla</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Standartları bərpa et</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Show Details...</source>
        <translation>Ətraflı göstər...</translation>
    </message>
    <message>
        <source>Hide Details...</source>
        <translation>Ətraflını gizlət...</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Geri al</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Təkrarla</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Kəs</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>Kö&amp;çür</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Yapışdır</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Sil</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Hamısını seç</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Geri al</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Təkrarla</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Kəs</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>Kö&amp;çür</translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translation>&amp;Link ünvanını köçür</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Yapışdır</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Sil</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Hamısını seç</translation>
    </message>
</context>
<context>
    <name>QAbstractSpinBox</name>
    <message>
        <source>&amp;Select All</source>
        <translation>&amp;Hamısını seç</translation>
    </message>
    <message>
        <source>&amp;Step up</source>
        <translation>&amp;Artır</translation>
    </message>
    <message>
        <source>Step &amp;down</source>
        <translation>&amp;Azalt</translation>
    </message>
</context>
<context>
    <name>QTabBar</name>
    <message>
        <source>Scroll Left</source>
        <translation>Sola sürüşdür</translation>
    </message>
    <message>
        <source>Scroll Right</source>
        <translation>Sağa sürüşdür</translation>
    </message>
</context>
<context>
    <name>QToolBar</name>
    <message>
        <source>Show more</source>
        <translation>Daha çox göstər</translation>
    </message>
</context>
</TS>
