<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name></name>
    <message numerus="yes">
        <location filename="../../newsdesk/ui/desk/article_list.py" line="+1018"/>
        <source>Duplicated %Ln story(s)</source>
        <translation>
            <numerusform>Duplicated %Ln story</numerusform>
            <numerusform>Duplicated %Ln stories</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>Moved %Ln story(s) to the trash</source>
        <translation>
            <numerusform>Moved %Ln story to the trash</numerusform>
            <numerusform>Moved %Ln stories to the trash</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Restored %Ln story(s) from the trash</source>
        <translation>
            <numerusform>Restored %Ln story from the trash</numerusform>
            <numerusform>Restored %Ln stories from the trash</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>Delete %Ln story(s) in the trash for good? This cannot be undone.</source>
        <translation>
            <numerusform>Delete %Ln story in the trash for good? This cannot be undone.</numerusform>
            <numerusform>Delete %Ln stories in the trash for good? This cannot be undone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>Deleted %Ln story(s) for good</source>
        <translation>
            <numerusform>Deleted %Ln story for good</numerusform>
            <numerusform>Deleted %Ln stories for good</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+21"/>
        <source>No story was set to {status}: %Ln story(s) cannot move.</source>
        <translation>
            <numerusform>No story was set to {status}: %Ln story cannot move.</numerusform>
            <numerusform>No story was set to {status}: %Ln stories cannot move.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>Set %Ln story(s) to {status}</source>
        <translation>
            <numerusform>Set %Ln story to {status}</numerusform>
            <numerusform>Set %Ln stories to {status}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../newsdesk/ui/desk/editor.py" line="+686"/>
        <source>Recovered %Ln character(s) typed before newsdesk closed unexpectedly.</source>
        <translation>
            <numerusform>Recovered %Ln character typed before newsdesk closed unexpectedly.</numerusform>
            <numerusform>Recovered %Ln characters typed before newsdesk closed unexpectedly.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Recovered %Ln character(s) typed that could not be saved at {time}.</source>
        <translation>
            <numerusform>Recovered %Ln character typed that could not be saved at {time}.</numerusform>
            <numerusform>Recovered %Ln characters typed that could not be saved at {time}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Recovered changes (%Ln character(s) deleted) made before newsdesk closed unexpectedly.</source>
        <translation>
            <numerusform>Recovered changes (%Ln character deleted) made before newsdesk closed unexpectedly.</numerusform>
            <numerusform>Recovered changes (%Ln characters deleted) made before newsdesk closed unexpectedly.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Recovered changes (%Ln character(s) deleted) made that could not be saved at {time}.</source>
        <translation>
            <numerusform>Recovered changes (%Ln character deleted) made that could not be saved at {time}.</numerusform>
            <numerusform>Recovered changes (%Ln characters deleted) made that could not be saved at {time}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+151"/>
        <source>Headlines over %n character(s) are cut off in lists and feeds</source>
        <translation>
            <numerusform>Headlines over %n character are cut off in lists and feeds</numerusform>
            <numerusform>Headlines over %n characters are cut off in lists and feeds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Up to %n character(s) show in full</source>
        <translation>
            <numerusform>Up to %n character show in full</numerusform>
            <numerusform>Up to %n characters show in full</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+173"/>
        <source>Could not save: {reason}. Your text is kept in the recovery journal ({folder}); retrying every %n s.</source>
        <translation>
            <numerusform>Could not save: {reason}. Your text is kept in the recovery journal ({folder}); retrying every %n s.</numerusform>
            <numerusform>Could not save: {reason}. Your text is kept in the recovery journal ({folder}); retrying every %n s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Could not save: {reason}. Your text is only in this window; do not close it; retrying every %n s.</source>
        <translation>
            <numerusform>Could not save: {reason}. Your text is only in this window; do not close it; retrying every %n s.</numerusform>
            <numerusform>Could not save: {reason}. Your text is only in this window; do not close it; retrying every %n s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+221"/>
        <source>This story has %n unknown word(s) (F7 shows the next one). Mark it ready anyway?</source>
        <translation>
            <numerusform>This story has %n unknown word (F7 shows the next one). Mark it ready anyway?</numerusform>
            <numerusform>This story has %n unknown words (F7 shows the next one). Mark it ready anyway?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../newsdesk/ui/desk/find_replace.py" line="+153"/>
        <source>%Ln replaced</source>
        <translation>
            <numerusform>%Ln replaced</numerusform>
            <numerusform>%Ln replaced</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Replaced %Ln occurrence(s)</source>
        <translation>
            <numerusform>Replaced %Ln occurrence</numerusform>
            <numerusform>Replaced %Ln occurrences</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../newsdesk/ui/desk/tag_panel.py" line="+450"/>
        <source>%n suggestion(s)</source>
        <translation>
            <numerusform>%n suggestion</numerusform>
            <numerusform>%n suggestions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>, %n hidden</source>
        <translation>
            <numerusform>, %n hidden</numerusform>
            <numerusform>, %n hidden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n already tagged or dismissed</source>
        <translation>
            <numerusform>%n already tagged or dismissed</numerusform>
            <numerusform>%n already tagged or dismissed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../newsdesk/ui/dialogs/export.py" line="+70"/>
        <source>Exported %n story(s) as {format} to {folder}: {written} written, {skipped} unchanged and skipped ({files_written} files written, {files_kept} kept)</source>
        <translation>
            <numerusform>Exported %n story as {format} to {folder}: {written} written, {skipped} unchanged and skipped ({files_written} files written, {files_kept} kept)</numerusform>
            <numerusform>Exported %n stories as {format} to {folder}: {written} written, {skipped} unchanged and skipped ({files_written} files written, {files_kept} kept)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>; %n story(s) held under embargo until {time}</source>
        <translation>
            <numerusform>; %n story held under embargo until {time}</numerusform>
            <numerusform>; %n stories held under embargo until {time}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>; %n story(s) held under embargo until {first} (the last until {last})</source>
        <translation>
            <numerusform>; %n story held under embargo until {first} (the last until {last})</numerusform>
            <numerusform>; %n stories held under embargo until {first} (the last until {last})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../newsdesk/ui/main_window.py" line="+543"/>
        <source>%n unknown word(s)</source>
        <translation>
            <numerusform>%n unknown word</numerusform>
            <numerusform>%n unknown words</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%Ln word(s)</source>
        <translation>
            <numerusform>%Ln word</numerusform>
            <numerusform>%Ln words</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln character(s)</source>
        <translation>
            <numerusform>%Ln character</numerusform>
            <numerusform>%Ln characters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../newsdesk/ui/moderation/dialogs.py" line="+64"/>
        <source>Also check the %Ln pending review(s) again now (banned words and authors reject them; Z undoes)</source>
        <translation>
            <numerusform>Also check the %Ln pending review again now (banned words and authors reject them; Z undoes)</numerusform>
            <numerusform>Also check the %Ln pending reviews again now (banned words and authors reject them; Z undoes)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../newsdesk/ui/moderation/panel.py" line="+72"/>
        <source>Imported %n review(s) ({flagged} flagged, {rejected} rejected by rules); skipped {skipped} already imported</source>
        <translation>
            <numerusform>Imported %n review ({flagged} flagged, {rejected} rejected by rules); skipped {skipped} already imported</numerusform>
            <numerusform>Imported %n reviews ({flagged} flagged, {rejected} rejected by rules); skipped {skipped} already imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Checked %n pending review(s) against the rules: {rejected} rejected, {flagged} flagged</source>
        <translation>
            <numerusform>Checked %n pending review against the rules: {rejected} rejected, {flagged} flagged</numerusform>
            <numerusform>Checked %n pending reviews against the rules: {rejected} rejected, {flagged} flagged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+395"/>
        <source>%n review(s) already decided by someone else meanwhile; the queue is refreshed</source>
        <translation>
            <numerusform>%n review was already decided by someone else meanwhile; the queue is refreshed</numerusform>
            <numerusform>%n reviews were already decided by someone else meanwhile; the queue is refreshed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+39"/>
        <source>Banned {author}; rejected %n pending (Z undoes)</source>
        <translation>
            <numerusform>Banned {author}; rejected %n pending (Z undoes)</numerusform>
            <numerusform>Banned {author}; rejected %n pending (Z undoes)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Approved %n review(s) (Z undoes)</source>
        <translation>
            <numerusform>Approved %n review (Z undoes)</numerusform>
            <numerusform>Approved %n reviews (Z undoes)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Rejected %n review(s) (Z undoes)</source>
        <translation>
            <numerusform>Rejected %n review (Z undoes)</numerusform>
            <numerusform>Rejected %n reviews (Z undoes)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Marked %n review(s) as spam (Z undoes)</source>
        <translation>
            <numerusform>Marked %n review as spam (Z undoes)</numerusform>
            <numerusform>Marked %n reviews as spam (Z undoes)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Put %n review(s) back to pending (Z undoes)</source>
        <translation>
            <numerusform>Put %n review back to pending (Z undoes)</numerusform>
            <numerusform>Put %n reviews back to pending (Z undoes)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>Undone: lifted the ban on {author}; %n review(s) back to where they were</source>
        <translation>
            <numerusform>Undone: lifted the ban on {author}; %n review back to where they were</numerusform>
            <numerusform>Undone: lifted the ban on {author}; %n reviews back to where they were</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Undone: %n review(s) back to where they were</source>
        <translation>
            <numerusform>Undone: %n review back to where they were</numerusform>
            <numerusform>Undone: %n reviews back to where they were</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>Ban {author}?

Reviews they send later are rejected on import.
Also reject their %n pending review(s) now?</source>
        <translation>
            <numerusform>Ban {author}?

Reviews they send later are rejected on import.
Also reject their %n pending review now?</numerusform>
            <numerusform>Ban {author}?

Reviews they send later are rejected on import.
Also reject their %n pending reviews now?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../newsdesk/ui/people/panel.py" line="+338"/>
        <source>%Ln entry(s)</source>
        <translation>
            <numerusform>%Ln entry</numerusform>
            <numerusform>%Ln entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../newsdesk/ui/domain_texts.py" line="+59"/>
        <source>%n picture(s) without alt text: describe each for readers who cannot see it before the story is ready</source>
        <translation>
            <numerusform>%n picture without alt text: describe it for readers who cannot see it before the story is ready</numerusform>
            <numerusform>%n pictures without alt text: describe each for readers who cannot see it before the story is ready</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+45"/>
        <source>%n link(s)</source>
        <translation>
            <numerusform>%n link</numerusform>
            <numerusform>%n links</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>very long (%Ln character(s))</source>
        <translation>
            <numerusform>very long (%Ln character)</numerusform>
            <numerusform>very long (%Ln characters)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+34"/>
        <source>missing column(s) {columns}</source>
        <translation>
            <numerusform>missing column {columns}</numerusform>
            <numerusform>missing columns {columns}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../newsdesk/ui/dashboard/panel.py" line="+54"/>
        <source>No people tagged on the stories updated in the last %n day(s)</source>
        <translation>
            <numerusform>No people tagged on the stories updated in the last %n day</numerusform>
            <numerusform>No people tagged on the stories updated in the last %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>No organisations tagged on the stories updated in the last %n day(s)</source>
        <translation>
            <numerusform>No organisations tagged on the stories updated in the last %n day</numerusform>
            <numerusform>No organisations tagged on the stories updated in the last %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>No places tagged on the stories updated in the last %n day(s)</source>
        <translation>
            <numerusform>No places tagged on the stories updated in the last %n day</numerusform>
            <numerusform>No places tagged on the stories updated in the last %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+23"/>
        <source>No {kind} tagged on the stories updated in the last %n day(s)</source>
        <translation>
            <numerusform>No {kind} tagged on the stories updated in the last %n day</numerusform>
            <numerusform>No {kind} tagged on the stories updated in the last %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+123"/>
        <source>median time to a decision (%n day(s))</source>
        <translation>
            <numerusform>median time to a decision (%n day)</numerusform>
            <numerusform>median time to a decision (%n days)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>Decisions per moderator (%n day(s))</source>
        <translation>
            <numerusform>Decisions per moderator (%n day)</numerusform>
            <numerusform>Decisions per moderator (%n days)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Flags on reviews received (%n day(s)), by status now</source>
        <translation>
            <numerusform>Flags on reviews received (%n day), by status now</numerusform>
            <numerusform>Flags on reviews received (%n days), by status now</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+77"/>
        <source>Last %n day(s): {first} to {last}, on this computer&apos;s clock · computed at {time}</source>
        <translation>
            <numerusform>Last %n day: {first} to {last}, on this computer&apos;s clock · computed at {time}</numerusform>
            <numerusform>Last %n days: {first} to {last}, on this computer&apos;s clock · computed at {time}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+50"/>
        <source>{status}: %Ln story(s); click to list them</source>
        <translation>
            <numerusform>{status}: %Ln story; click to list it</numerusform>
            <numerusform>{status}: %Ln stories; click to list them</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>No stories published in the last %n day(s)</source>
        <translation>
            <numerusform>No stories published in the last %n day</numerusform>
            <numerusform>No stories published in the last %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>No reviews received or decided in the last %n day(s)</source>
        <translation>
            <numerusform>No reviews received or decided in the last %n day</numerusform>
            <numerusform>No reviews received or decided in the last %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>No decisions in the last %n day(s)</source>
        <translation>
            <numerusform>No decisions in the last %n day</numerusform>
            <numerusform>No decisions in the last %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>{moderator} · {queue}: %Ln review(s); click to open them</source>
        <translation>
            <numerusform>{moderator} · {queue}: %Ln review; click to open it</numerusform>
            <numerusform>{moderator} · {queue}: %Ln reviews; click to open them</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>No flagged reviews received in the last %n day(s)</source>
        <translation>
            <numerusform>No flagged reviews received in the last %n day</numerusform>
            <numerusform>No flagged reviews received in the last %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>{flag} · {queue} now: %Ln review(s); click to open them</source>
        <translation>
            <numerusform>{flag} · {queue} now: %Ln review; click to open it</numerusform>
            <numerusform>{flag} · {queue} now: %Ln reviews; click to open them</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>{name}: %Ln story(s); click to open the entry</source>
        <translation>
            <numerusform>{name}: %Ln story; click to open the entry</numerusform>
            <numerusform>{name}: %Ln stories; click to open the entry</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../newsdesk/ui/desk/pictures_panel.py" line="+275"/>
        <source>%n picture(s) without alt text: needed before the story is ready</source>
        <translation>
            <numerusform>%n picture without alt text: needed before the story is ready</numerusform>
            <numerusform>%n pictures without alt text: needed before the story is ready</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+46"/>
        <source>Adding %n picture(s)...</source>
        <translation>
            <numerusform>Adding %n picture...</numerusform>
            <numerusform>Adding %n pictures...</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../newsdesk/ui/internal_errors.py" line="+187"/>
        <source>%n unexpected error(s) so far.</source>
        <translation>
            <numerusform>%n unexpected error so far.</numerusform>
            <numerusform>%n unexpected errors so far.</numerusform>
        </translation>
    </message>
</context>
</TS>
