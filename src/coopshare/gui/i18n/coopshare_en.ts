<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en">
    <context>
        <name>CommentsPanel</name>
        <message numerus="yes">
            <location filename="../pages/note_comments.py" line="100" />
            <source>Comments (%n)</source>
            <translation>
                <numerusform>Comments (%n)</numerusform>
                <numerusform>Comments (%n)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DeleteRun</name>
        <message numerus="yes">
            <location filename="../pages/notes_trash.py" line="57" />
            <source>Deleted %n note(s) (in the trash)</source>
            <translation>
                <numerusform>Deleted %n note (in the trash)</numerusform>
                <numerusform>Deleted %n notes (in the trash)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ExportActions</name>
        <message numerus="yes">
            <location filename="../export_actions.py" line="99" />
            <source>%n item(s) written to {0}. These files are not encrypted.</source>
            <translation>
                <numerusform>%n item written to {0}. These files are not encrypted.</numerusform>
                <numerusform>%n items written to {0}. These files are not encrypted.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>FileMenu</name>
        <message numerus="yes">
            <location filename="../data_menu.py" line="131" />
            <source>%n attachment(s) imported.</source>
            <translation>
                <numerusform>%n attachment imported.</numerusform>
                <numerusform>%n attachments imported.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../data_menu.py" line="146" />
            <source>%n file(s) skipped.</source>
            <translation>
                <numerusform>%n file skipped.</numerusform>
                <numerusform>%n files skipped.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message numerus="yes">
            <location filename="../main_window.py" line="339" />
            <source>● %n member(s) online</source>
            <translation>
                <numerusform>● %n member online</numerusform>
                <numerusform>● %n members online</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>NearbyPage</name>
        <message numerus="yes">
            <location filename="../pages/nearby.py" line="262" />
            <source>%n minute(s) ago</source>
            <translation>
                <numerusform>%n minute ago</numerusform>
                <numerusform>%n minutes ago</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PeoplePage</name>
        <message numerus="yes">
            <location filename="../pages/people.py" line="176" />
            <source>%n member(s)</source>
            <translation>
                <numerusform>%n member</numerusform>
                <numerusform>%n members</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ProofPanel</name>
        <message numerus="yes">
            <location filename="../pages/idea_proof.py" line="100" />
            <source>Committed {0}: %n witness receipt(s).</source>
            <translation>
                <numerusform>Committed {0}: %n witness receipt.</numerusform>
                <numerusform>Committed {0}: %n witness receipts.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../pages/idea_proof.py" line="174" />
            <source>Evidence written to {0} (%n receipt(s)). It is not encrypted.</source>
            <translation>
                <numerusform>Evidence written to {0} (%n receipt). It is not encrypted.</numerusform>
                <numerusform>Evidence written to {0} (%n receipts). It is not encrypted.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SearchDialog</name>
        <message numerus="yes">
            <location filename="../dialogs/search.py" line="196" />
            <source>%n result(s)</source>
            <translation>
                <numerusform>%n result</numerusform>
                <numerusform>%n results</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TrashDialog</name>
        <message numerus="yes">
            <location filename="../pages/notes_trash.py" line="90" />
            <source>Notes you deleted stay here for %n day(s), then this device removes them for good, also from the other members' devices.</source>
            <translation>
                <numerusform>Notes you deleted stay here for %n day, then this device removes them for good, also from the other members' devices.</numerusform>
                <numerusform>Notes you deleted stay here for %n days, then this device removes them for good, also from the other members' devices.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../pages/notes_trash.py" line="158" />
            <source>Restored %n note(s).</source>
            <translation>
                <numerusform>Restored %n note.</numerusform>
                <numerusform>Restored %n notes.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>VerifyPanel</name>
        <message numerus="yes">
            <location filename="../dialogs/verify_panel.py" line="96" />
            <source>%n new device(s) since then. If {0} did not add it, someone may hold their keys: ask {0}, compare again, then mark as verified.</source>
            <translation>
                <numerusform>%n new device since then. If {0} did not add it, someone may hold their keys: ask {0}, compare again, then mark as verified.</numerusform>
                <numerusform>%n new devices since then. If {0} did not add them, someone may hold their keys: ask {0}, compare again, then mark as verified.</numerusform>
            </translation>
        </message>
    </context>
</TS>
