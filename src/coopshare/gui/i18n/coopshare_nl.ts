<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="en">
    <context>
        <name>ActivityPage</name>
        <message>
            <location filename="../pages/activity.py" line="171" />
            <source>Recent activity</source>
            <translation>Recente activiteit</translation>
        </message>
        <message>
            <location filename="../pages/activity.py" line="172" />
            <source>Double-click or press Enter to open</source>
            <translation>Dubbelklik of druk op Enter om te openen</translation>
        </message>
        <message>
            <location filename="../pages/activity.py" line="176" />
            <source>Nothing has happened yet. Write a note, give a lead, or invite a colleague.</source>
            <translation>Er is nog niets gebeurd. Schrijf een notitie, breng een lead aan of nodig een collega uit.</translation>
        </message>
        <message>
            <location filename="../pages/activity.py" line="191" />
            <source>Activity</source>
            <translation>Activiteit</translation>
        </message>
        <message>
            <location filename="../pages/activity.py" line="205" />
            <source>Note</source>
            <translation>Notitie</translation>
        </message>
        <message>
            <location filename="../pages/activity.py" line="205" />
            <source>Lead</source>
            <translation>Lead</translation>
        </message>
        <message>
            <location filename="../pages/activity.py" line="205" />
            <source>Idea</source>
            <translation>Idee</translation>
        </message>
        <message>
            <location filename="../pages/activity.py" line="219" />
            <source>(untitled)</source>
            <translation>(zonder titel)</translation>
        </message>
        <message>
            <location filename="../pages/activity_model.py" line="37" />
            <source>You</source>
            <translation>Jij</translation>
        </message>
        <message>
            <location filename="../pages/activity_model.py" line="39" />
            <source>{0} wrote a note</source>
            <translation>{0} schreef een notitie</translation>
        </message>
        <message>
            <location filename="../pages/activity_model.py" line="40" />
            <source>{0} edited a note</source>
            <translation>{0} bewerkte een notitie</translation>
        </message>
        <message>
            <location filename="../pages/activity_model.py" line="41" />
            <source>{0} deleted a note</source>
            <translation>{0} verwijderde een notitie</translation>
        </message>
        <message>
            <location filename="../pages/activity_model.py" line="42" />
            <source>{0} restored a note</source>
            <translation>{0} zette een notitie terug</translation>
        </message>
        <message>
            <location filename="../pages/activity_model.py" line="43" />
            <source>{0} commented on a note</source>
            <translation>{0} reageerde op een notitie</translation>
        </message>
        <message>
            <location filename="../pages/activity_model.py" line="44" />
            <source>{0} shared an idea</source>
            <translation>{0} deelde een idee</translation>
        </message>
        <message>
            <location filename="../pages/activity_model.py" line="45" />
            <source>{0} edited an idea</source>
            <translation>{0} bewerkte een idee</translation>
        </message>
        <message>
            <location filename="../pages/activity_model.py" line="46" />
            <source>{0} withdrew an idea</source>
            <translation>{0} trok een idee in</translation>
        </message>
        <message>
            <location filename="../pages/activity_model.py" line="47" />
            <source>{0} shared an idea again</source>
            <translation>{0} deelde een idee opnieuw</translation>
        </message>
        <message>
            <location filename="../pages/activity_model.py" line="48" />
            <source>{0} commented on an idea</source>
            <translation>{0} reageerde op een idee</translation>
        </message>
        <message>
            <location filename="../pages/activity_model.py" line="49" />
            <source>{0} accepted the terms of an idea</source>
            <translation>{0} aanvaardde de voorwaarden van een idee</translation>
        </message>
        <message>
            <location filename="../pages/activity_model.py" line="50" />
            <source>{0} gave a lead</source>
            <translation>{0} bracht een lead aan</translation>
        </message>
        <message>
            <location filename="../pages/activity_model.py" line="51" />
            <source>{0} edited a lead</source>
            <translation>{0} bewerkte een lead</translation>
        </message>
        <message>
            <location filename="../pages/activity_model.py" line="52" />
            <source>{0} deleted a lead</source>
            <translation>{0} verwijderde een lead</translation>
        </message>
        <message>
            <location filename="../pages/activity_model.py" line="53" />
            <source>{0} gave a lead again</source>
            <translation>{0} bracht een lead opnieuw aan</translation>
        </message>
        <message>
            <location filename="../pages/activity_model.py" line="54" />
            <source>{0} commented on a lead</source>
            <translation>{0} reageerde op een lead</translation>
        </message>
        <message>
            <location filename="../pages/activity_model.py" line="59" />
            <source>you</source>
            <translation>jou</translation>
        </message>
        <message>
            <location filename="../pages/activity_model.py" line="65" />
            <source>{0}: {1}, {2}</source>
            <translation>{0}: {1}, {2}</translation>
        </message>
    </context>
    <context>
        <name>AddMyDeviceDialog</name>
        <message>
            <location filename="../dialogs/pair_device.py" line="153" />
            <source>Add my device</source>
            <translation>Mijn apparaat toevoegen</translation>
        </message>
        <message>
            <location filename="../dialogs/pair_device.py" line="154" />
            <source>Add another device of yours</source>
            <translation>Nog een apparaat van jezelf toevoegen</translation>
        </message>
        <message>
            <location filename="../dialogs/pair_device.py" line="157" />
            <source>On the new computer, install CoopShare and choose “This is another device of mine…”. Type the code and address it shows. Your member key stays on this device.</source>
            <translation>Installeer CoopShare op de nieuwe computer en kies “Dit is nog een apparaat van mij…”. Typ de code en het adres die daar worden getoond. Je ledensleutel blijft op dit apparaat.</translation>
        </message>
        <message>
            <location filename="../dialogs/pair_device.py" line="179" />
            <source>Paired. Your new device is joining now; it appears in My devices once it has synced.</source>
            <translation>Gekoppeld. Je nieuwe apparaat wordt nu lid; het verschijnt bij Mijn apparaten zodra het gesynchroniseerd is.</translation>
        </message>
    </context>
    <context>
        <name>Background</name>
        <message>
            <location filename="../background.py" line="75" />
            <source>Sync paused</source>
            <translation>Synchroniseren gepauzeerd</translation>
        </message>
        <message>
            <location filename="../background.py" line="77" />
            <source>Open CoopShare</source>
            <translation>CoopShare openen</translation>
        </message>
        <message>
            <location filename="../background.py" line="79" />
            <location filename="../background.py" line="139" />
            <source>Pause sync</source>
            <translation>Synchroniseren pauzeren</translation>
        </message>
        <message>
            <location filename="../background.py" line="81" />
            <source>Quit CoopShare</source>
            <translation>CoopShare afsluiten</translation>
        </message>
        <message>
            <location filename="../background.py" line="109" />
            <source>CoopShare keeps running</source>
            <translation>CoopShare blijft actief</translation>
        </message>
        <message>
            <location filename="../background.py" line="111" />
            <source>CoopShare keeps syncing in the background. Open it again from its icon in the system tray; choose “Quit CoopShare” there to stop it.</source>
            <translation>CoopShare blijft op de achtergrond synchroniseren. Open het weer via het pictogram in het systeemvak; kies daar „CoopShare afsluiten” om te stoppen.</translation>
        </message>
        <message>
            <location filename="../background.py" line="79" />
            <location filename="../background.py" line="139" />
            <source>Resume sync</source>
            <translation>Synchroniseren hervatten</translation>
        </message>
        <message>
            <location filename="../background.py" line="140" />
            <source>CoopShare — sync paused</source>
            <translation>CoopShare — synchroniseren gepauzeerd</translation>
        </message>
    </context>
    <context>
        <name>BackupDialog</name>
        <message>
            <location filename="../dialogs/backup.py" line="107" />
            <location filename="../dialogs/backup.py" line="119" />
            <source>Back up</source>
            <translation>Back-up maken</translation>
        </message>
        <message>
            <location filename="../dialogs/backup.py" line="109" />
            <source>Write your identity and all data on this computer to one encrypted file. It opens with your passphrase: keep the file somewhere other than this computer.</source>
            <translation>Schrijf je identiteit en alle gegevens op deze computer naar één versleuteld bestand. Het opent met je wachtwoordzin: bewaar het bestand ergens anders dan op deze computer.</translation>
        </message>
        <message>
            <location filename="../dialogs/backup.py" line="119" />
            <source>Backups (*.coopbackup)</source>
            <translation>Back-ups (*.coopbackup)</translation>
        </message>
        <message>
            <location filename="../dialogs/backup.py" line="127" />
            <source>Choose a file and type your passphrase.</source>
            <translation>Kies een bestand en typ je wachtwoordzin.</translation>
        </message>
        <message>
            <location filename="../dialogs/backup.py" line="129" />
            <source>Writing the backup…</source>
            <translation>Back-up wordt geschreven…</translation>
        </message>
        <message>
            <location filename="../dialogs/backup.py" line="139" />
            <source>Backup written to {0} ({1} KB).</source>
            <translation>Back-up geschreven naar {0} ({1} KB).</translation>
        </message>
    </context>
    <context>
        <name>BenchBox</name>
        <message>
            <location filename="../pages/bench_box.py" line="34" />
            <source>Availability I publish for colleagues</source>
            <translation>Beschikbaarheid die ik voor collega's publiceer</translation>
        </message>
        <message>
            <location filename="../pages/bench_box.py" line="43" />
            <source>Windows you published for colleagues</source>
            <translation>Periodes die je voor collega's hebt gepubliceerd</translation>
        </message>
        <message>
            <location filename="../pages/bench_box.py" line="48" />
            <source>Publish for a colleague…</source>
            <translation>Publiceren voor een collega…</translation>
        </message>
        <message>
            <location filename="../pages/bench_box.py" line="49" />
            <source>Add an availability window for a member who allowed you</source>
            <translation>Een beschikbaarheidsperiode toevoegen voor een lid dat je dat toestaat</translation>
        </message>
        <message>
            <location filename="../pages/bench_box.py" line="51" />
            <source>Remove window</source>
            <translation>Periode verwijderen</translation>
        </message>
        <message>
            <location filename="../pages/bench_box.py" line="52" />
            <source>Take back the selected window: every device deletes it</source>
            <translation>De gekozen periode terugnemen: elk apparaat verwijdert haar</translation>
        </message>
        <message>
            <location filename="../pages/bench_box.py" line="76" />
            <source>These members allow you to publish their availability: {0}.</source>
            <translation>Deze leden staan je toe hun beschikbaarheid te publiceren: {0}.</translation>
        </message>
        <message>
            <location filename="../pages/bench_box.py" line="81" />
            <source>Nobody allows you to publish their availability any more.</source>
            <translation>Niemand staat je nog toe zijn of haar beschikbaarheid te publiceren.</translation>
        </message>
    </context>
    <context>
        <name>BenchWindow</name>
        <message>
            <location filename="../dialogs/bench_window.py" line="41" />
            <source>{0} to {1}, {2} h/week</source>
            <translation>{0} tot {1}, {2} u/week</translation>
        </message>
        <message>
            <location filename="../dialogs/bench_window.py" line="45" />
            <source>, remote possible</source>
            <translation>, op afstand mogelijk</translation>
        </message>
        <message>
            <location filename="../dialogs/bench_window.py" line="64" />
            <source>Publish availability for a colleague</source>
            <translation>Beschikbaarheid publiceren voor een collega</translation>
        </message>
        <message>
            <location filename="../dialogs/bench_window.py" line="69" />
            <source>The cooperative sees this window under your colleague's name, because they signed their consent. It ends within 90 days. If they revoke their consent, every device deletes it.</source>
            <translation>De coöperatie ziet deze periode onder de naam van je collega, omdat die er toestemming voor heeft ondertekend. De periode eindigt binnen 90 dagen. Trekt je collega de toestemming in, dan verwijdert elk apparaat haar.</translation>
        </message>
        <message>
            <location filename="../dialogs/bench_window.py" line="79" />
            <source>Colleague</source>
            <translation>Collega</translation>
        </message>
        <message>
            <location filename="../dialogs/bench_window.py" line="83" />
            <source>&amp;Colleague</source>
            <translation>&amp;Collega</translation>
        </message>
        <message>
            <location filename="../dialogs/bench_window.py" line="87" />
            <source>Available from</source>
            <translation>Beschikbaar vanaf</translation>
        </message>
        <message>
            <location filename="../dialogs/bench_window.py" line="88" />
            <source>Available until</source>
            <translation>Beschikbaar tot</translation>
        </message>
        <message>
            <location filename="../dialogs/bench_window.py" line="90" />
            <source>&amp;From</source>
            <translation>&amp;Van</translation>
        </message>
        <message>
            <location filename="../dialogs/bench_window.py" line="91" />
            <source>&amp;To</source>
            <translation>&amp;Tot</translation>
        </message>
        <message>
            <location filename="../dialogs/bench_window.py" line="95" />
            <source> h/week</source>
            <translation> u/week</translation>
        </message>
        <message>
            <location filename="../dialogs/bench_window.py" line="96" />
            <source>Hours per week</source>
            <translation>Uren per week</translation>
        </message>
        <message>
            <location filename="../dialogs/bench_window.py" line="97" />
            <source>&amp;Hours per week</source>
            <translation>Uren per &amp;week</translation>
        </message>
        <message>
            <location filename="../dialogs/bench_window.py" line="100" />
            <source>e.g. Utrecht</source>
            <translation>bijv. Utrecht</translation>
        </message>
        <message>
            <location filename="../dialogs/bench_window.py" line="101" />
            <source>&amp;Region</source>
            <translation>&amp;Regio</translation>
        </message>
        <message>
            <location filename="../dialogs/bench_window.py" line="102" />
            <source>Remote work possible</source>
            <translation>Op afstand werken mogelijk</translation>
        </message>
        <message>
            <location filename="../dialogs/bench_window.py" line="105" />
            <source>Never write down why someone is or is not available.</source>
            <translation>Schrijf nooit op waarom iemand wel of niet beschikbaar is.</translation>
        </message>
        <message>
            <location filename="../dialogs/bench_window.py" line="119" />
            <source>Publish</source>
            <translation>Publiceren</translation>
        </message>
        <message>
            <location filename="../dialogs/bench_window.py" line="154" />
            <source>Not published: {0}</source>
            <translation>Niet gepubliceerd: {0}</translation>
        </message>
    </context>
    <context>
        <name>CoiBox</name>
        <message>
            <location filename="../pages/coi_box.py" line="37" />
            <location filename="../pages/coi_box.py" line="53" />
            <source>Clients I will not work for</source>
            <translation>Opdrachtgevers voor wie ik niet werk</translation>
        </message>
        <message>
            <location filename="../pages/coi_box.py" line="42" />
            <source>Stored only on this device (and in backups you make of it), encrypted, and never sent: not to other members, not to your other devices. A lead that names one of these clients leaves you out of “Who fits” and of the new-lead notice, without saying why.</source>
            <translation>Alleen op dit apparaat bewaard (en in back-ups die je ervan maakt), versleuteld, en nooit verstuurd: niet naar andere leden, niet naar je andere apparaten. Een lead die een van deze opdrachtgevers noemt, laat jou weg uit „Wie past” en uit de melding van nieuwe leads, zonder te zeggen waarom.</translation>
        </message>
        <message>
            <location filename="../pages/coi_box.py" line="60" />
            <source>Client name, e.g. Amphia</source>
            <translation>Naam opdrachtgever, bijv. Amphia</translation>
        </message>
        <message>
            <location filename="../pages/coi_box.py" line="61" />
            <source>Client name</source>
            <translation>Naam opdrachtgever</translation>
        </message>
        <message>
            <location filename="../pages/coi_box.py" line="64" />
            <source>Add</source>
            <translation>Toevoegen</translation>
        </message>
        <message>
            <location filename="../pages/coi_box.py" line="65" />
            <source>Add this client to the list</source>
            <translation>Deze opdrachtgever aan de lijst toevoegen</translation>
        </message>
        <message>
            <location filename="../pages/coi_box.py" line="67" />
            <source>Remove</source>
            <translation>Verwijderen</translation>
        </message>
        <message>
            <location filename="../pages/coi_box.py" line="68" />
            <source>Remove the selected client from the list</source>
            <translation>De gekozen opdrachtgever uit de lijst verwijderen</translation>
        </message>
    </context>
    <context>
        <name>CommentsPanel</name>
        <message>
            <location filename="../pages/note_comments.py" line="36" />
            <location filename="../pages/note_comments.py" line="40" />
            <location filename="../pages/note_comments.py" line="100" />
            <source>Comments</source>
            <translation>Opmerkingen</translation>
        </message>
        <message>
            <location filename="../pages/note_comments.py" line="49" />
            <source>Write a comment…</source>
            <translation>Schrijf een opmerking…</translation>
        </message>
        <message>
            <location filename="../pages/note_comments.py" line="50" />
            <source>New comment</source>
            <translation>Nieuwe opmerking</translation>
        </message>
        <message>
            <location filename="../pages/note_comments.py" line="53" />
            <location filename="../pages/note_comments.py" line="141" />
            <source>Comment</source>
            <translation>Plaatsen</translation>
        </message>
        <message>
            <location filename="../pages/note_comments.py" line="55" />
            <source>Change</source>
            <translation>Wijzigen</translation>
        </message>
        <message>
            <location filename="../pages/note_comments.py" line="56" />
            <source>Change your selected comment</source>
            <translation>Je gekozen opmerking wijzigen</translation>
        </message>
        <message>
            <location filename="../pages/note_comments.py" line="58" />
            <source>Remove</source>
            <translation>Verwijderen</translation>
        </message>
        <message>
            <location filename="../pages/note_comments.py" line="59" />
            <source>Remove your selected comment</source>
            <translation>Je gekozen opmerking verwijderen</translation>
        </message>
        <message>
            <location filename="../pages/note_comments.py" line="93" />
            <source> (edited)</source>
            <translation> (gewijzigd)</translation>
        </message>
        <message numerus="yes">
            <location filename="../pages/note_comments.py" line="100" />
            <source>Comments (%n)</source>
            <translation>
                <numerusform>Opmerkingen (%n)</numerusform>
                <numerusform>Opmerkingen (%n)</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../pages/note_comments.py" line="119" />
            <source>Save</source>
            <translation>Opslaan</translation>
        </message>
    </context>
    <context>
        <name>ConsentBox</name>
        <message>
            <location filename="../pages/consent_box.py" line="27" />
            <source>Who may publish my availability</source>
            <translation>Wie mijn beschikbaarheid mag publiceren</translation>
        </message>
        <message>
            <location filename="../pages/consent_box.py" line="32" />
            <source>Member</source>
            <translation>Lid</translation>
        </message>
        <message>
            <location filename="../pages/consent_box.py" line="33" />
            <source>Allow</source>
            <translation>Toestaan</translation>
        </message>
        <message>
            <location filename="../pages/consent_box.py" line="34" />
            <source>Sign your consent: this member may publish your availability</source>
            <translation>Onderteken je toestemming: dit lid mag je beschikbaarheid publiceren</translation>
        </message>
        <message>
            <location filename="../pages/consent_box.py" line="35" />
            <source>Revoke</source>
            <translation>Intrekken</translation>
        </message>
        <message>
            <location filename="../pages/consent_box.py" line="36" />
            <source>Withdraw your consent: their windows for you are deleted</source>
            <translation>Trek je toestemming in: hun beschikbaarheid voor jou wordt gewist</translation>
        </message>
        <message>
            <location filename="../pages/consent_box.py" line="66" />
            <source>Allowed: {0}</source>
            <translation>Toegestaan: {0}</translation>
        </message>
        <message>
            <location filename="../pages/consent_box.py" line="66" />
            <source>Nobody is allowed.</source>
            <translation>Niemand heeft toestemming.</translation>
        </message>
    </context>
    <context>
        <name>CoopChoiceDialog</name>
        <message>
            <location filename="../dialogs/coop_choice.py" line="23" />
            <source>Choose a cooperative</source>
            <translation>Kies een coöperatie</translation>
        </message>
        <message>
            <location filename="../dialogs/coop_choice.py" line="33" />
            <source>You are not part of a cooperative yet</source>
            <translation>Je bent nog geen lid van een coöperatie</translation>
        </message>
        <message>
            <location filename="../dialogs/coop_choice.py" line="38" />
            <source>Your identity is ready. Create a cooperative, or join one with an invitation from a member.</source>
            <translation>Je identiteit is klaar. Richt een coöperatie op, of word lid van een bestaande met een uitnodiging van een lid.</translation>
        </message>
        <message>
            <location filename="../dialogs/coop_choice.py" line="52" />
            <source>Quit</source>
            <translation>Afsluiten</translation>
        </message>
    </context>
    <context>
        <name>CoopForm</name>
        <message>
            <location filename="../dialogs/coop_form.py" line="104" />
            <source>Create a new cooperative</source>
            <translation>Een nieuwe coöperatie oprichten</translation>
        </message>
        <message>
            <location filename="../dialogs/coop_form.py" line="105" />
            <source>Join with an invitation</source>
            <translation>Lid worden met een uitnodiging</translation>
        </message>
        <message>
            <location filename="../dialogs/coop_form.py" line="119" />
            <source>You become its first administrator and can invite the other members from the app.</source>
            <translation>Je wordt de eerste beheerder en kunt de andere leden vanuit de app uitnodigen.</translation>
        </message>
        <message>
            <location filename="../dialogs/coop_form.py" line="125" />
            <source>For example: Brabant Interim</source>
            <translation>Bijvoorbeeld: Brabant Interim</translation>
        </message>
        <message>
            <location filename="../dialogs/coop_form.py" line="126" />
            <source>Name of the cooperative</source>
            <translation>Naam van de coöperatie</translation>
        </message>
        <message>
            <location filename="../dialogs/coop_form.py" line="127" />
            <source>&amp;Name:</source>
            <translation>&amp;Naam:</translation>
        </message>
        <message>
            <location filename="../dialogs/coop_form.py" line="143" />
            <source>Paste the invitation a member sent you, or open the invitation file.</source>
            <translation>Plak de uitnodiging die een lid je stuurde, of open het uitnodigingsbestand.</translation>
        </message>
        <message>
            <location filename="../dialogs/coop_form.py" line="148" />
            <source>Invitation</source>
            <translation>Uitnodiging</translation>
        </message>
        <message>
            <location filename="../dialogs/coop_form.py" line="154" />
            <source>Open file…</source>
            <translation>Bestand openen…</translation>
        </message>
        <message>
            <location filename="../dialogs/coop_form.py" line="155" />
            <source>Open an invitation file</source>
            <translation>Een uitnodigingsbestand openen</translation>
        </message>
        <message>
            <location filename="../dialogs/coop_form.py" line="157" />
            <source>Pair in person…</source>
            <translation>Persoonlijk koppelen…</translation>
        </message>
        <message>
            <location filename="../dialogs/coop_form.py" line="172" />
            <source>Only if the invitation has no address, e.g. 192.168.1.20:47490</source>
            <translation>Alleen als de uitnodiging geen adres bevat, bijv. 192.168.1.20:47490</translation>
        </message>
        <message>
            <location filename="../dialogs/coop_form.py" line="174" />
            <source>Inviter's address</source>
            <translation>Adres van de uitnodiger</translation>
        </message>
        <message>
            <location filename="../dialogs/coop_form.py" line="175" />
            <source>&amp;Address:</source>
            <translation>&amp;Adres:</translation>
        </message>
        <message>
            <location filename="../dialogs/coop_form.py" line="207" />
            <source>Create cooperative</source>
            <translation>Coöperatie oprichten</translation>
        </message>
        <message>
            <location filename="../dialogs/coop_form.py" line="207" />
            <source>Join</source>
            <translation>Lid worden</translation>
        </message>
        <message>
            <location filename="../dialogs/coop_form.py" line="241" />
            <source>Type the address as HOST:PORT, for example 192.168.1.20:47490.</source>
            <translation>Typ het adres als HOST:POORT, bijvoorbeeld 192.168.1.20:47490.</translation>
        </message>
        <message>
            <location filename="../dialogs/coop_form.py" line="246" />
            <source>This invitation names no address: type the inviter's address.</source>
            <translation>Deze uitnodiging bevat geen adres: typ het adres van de uitnodiger.</translation>
        </message>
        <message>
            <location filename="../dialogs/coop_form.py" line="267" />
            <source>This is not a CoopShare invitation: it should start with “coopshare-invite:”.</source>
            <translation>Dit is geen CoopShare-uitnodiging: die begint met “coopshare-invite:”.</translation>
        </message>
        <message>
            <location filename="../dialogs/coop_form.py" line="273" />
            <source>This invitation is damaged or incomplete. Copy it again.</source>
            <translation>Deze uitnodiging is beschadigd of onvolledig. Kopieer hem opnieuw.</translation>
        </message>
        <message>
            <location filename="../dialogs/coop_form.py" line="281" />
            <source>This invitation expired on {0}. Ask the member who invited you for a new one.</source>
            <translation>Deze uitnodiging is verlopen op {0}. Vraag het lid dat je uitnodigde om een nieuwe.</translation>
        </message>
        <message>
            <location filename="../dialogs/coop_form.py" line="295" />
            <source>Invitations (*.txt *.invite *.coopshare);;Pictures of a QR code (*.png *.jpg *.jpeg *.bmp *.gif *.webp);;All files (*)</source>
            <translation>Uitnodigingen (*.txt *.invite *.coopshare);;Afbeeldingen van een QR-code (*.png *.jpg *.jpeg *.bmp *.gif *.webp);;Alle bestanden (*)</translation>
        </message>
        <message>
            <location filename="../dialogs/coop_form.py" line="81" />
            <source>A valid invitation, until {0}, from {1}.</source>
            <translation>Een geldige uitnodiging, tot {0}, van {1}.</translation>
        </message>
        <message>
            <location filename="../dialogs/coop_form.py" line="72" />
            <source>An invitation from {0} to join {1}, valid until {2}.</source>
            <translation>Een uitnodiging van {0} om lid te worden van {1}, geldig tot {2}.</translation>
        </message>
        <message>
            <location filename="../dialogs/coop_form.py" line="76" />
            <source>Their computer: {0}.</source>
            <translation>Hun computer: {0}.</translation>
        </message>
        <message>
            <location filename="../dialogs/coop_form.py" line="84" />
            <source>A valid invitation, until {0}.</source>
            <translation>Een geldige uitnodiging, tot {0}.</translation>
        </message>
        <message>
            <location filename="../dialogs/coop_form.py" line="292" />
            <source>Open an invitation</source>
            <translation>Een uitnodiging openen</translation>
        </message>
        <message>
            <location filename="../dialogs/coop_form.py" line="311" />
            <source>Could not read {0}: {1}</source>
            <translation>Kan {0} niet lezen: {1}</translation>
        </message>
        <message>
            <location filename="../dialogs/coop_form.py" line="315" />
            <source>That file is too large to be an invitation.</source>
            <translation>Dat bestand is te groot voor een uitnodiging.</translation>
        </message>
        <message>
            <location filename="../dialogs/coop_form.py" line="325" />
            <source>No QR code was found in {0}.</source>
            <translation>Er staat geen QR-code in {0}.</translation>
        </message>
        <message>
            <location filename="../dialogs/coop_form.py" line="339" />
            <source>Give the cooperative a name.</source>
            <translation>Geef de coöperatie een naam.</translation>
        </message>
        <message>
            <location filename="../dialogs/coop_form.py" line="342" />
            <source>Paste an invitation or open an invitation file.</source>
            <translation>Plak een uitnodiging of open een uitnodigingsbestand.</translation>
        </message>
        <message>
            <location filename="../dialogs/coop_form.py" line="351" />
            <source>Creating the cooperative…</source>
            <translation>De coöperatie wordt opgericht…</translation>
        </message>
        <message>
            <location filename="../dialogs/coop_form.py" line="363" />
            <source>Contacting the inviter at {0} and syncing…</source>
            <translation>Contact maken met de uitnodiger op {0} en synchroniseren…</translation>
        </message>
        <message>
            <location filename="../dialogs/coop_form.py" line="390" />
            <source>The cooperative could not be created: {0}</source>
            <translation>De coöperatie kon niet worden opgericht: {0}</translation>
        </message>
    </context>
    <context>
        <name>CoopPage</name>
        <message>
            <location filename="../dialogs/first_run.py" line="87" />
            <source>Your cooperative</source>
            <translation>Je coöperatie</translation>
        </message>
        <message>
            <location filename="../dialogs/first_run.py" line="88" />
            <source>Start a new cooperative, or join one a member invited you to.</source>
            <translation>Richt een nieuwe coöperatie op, of word lid van een coöperatie waarvoor een lid je heeft uitgenodigd.</translation>
        </message>
    </context>
    <context>
        <name>DeleteRun</name>
        <message>
            <location filename="../pages/notes_trash.py" line="55" />
            <source>Deleted “{0}” (in the trash)</source>
            <translation>“{0}” verwijderd (in de prullenbak)</translation>
        </message>
        <message numerus="yes">
            <location filename="../pages/notes_trash.py" line="57" />
            <source>Deleted %n note(s) (in the trash)</source>
            <translation>
                <numerusform>%n notitie verwijderd (in de prullenbak)</numerusform>
                <numerusform>%n notities verwijderd (in de prullenbak)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DonePage</name>
        <message>
            <location filename="../dialogs/first_run.py" line="128" />
            <source>You are ready</source>
            <translation>Je bent klaar</translation>
        </message>
        <message>
            <location filename="../dialogs/first_run.py" line="129" />
            <source>Welcome to the cooperative.</source>
            <translation>Welkom bij de coöperatie.</translation>
        </message>
        <message>
            <location filename="../dialogs/first_run.py" line="148" />
            <source>You joined {0}. Its notes, leads and ideas are on this computer now, and they stay in sync whenever another member is online.</source>
            <translation>Je bent lid geworden van {0}. De notities, leads en ideeën staan nu op deze computer en blijven gesynchroniseerd zodra een ander lid online is.</translation>
        </message>
        <message>
            <location filename="../dialogs/first_run.py" line="154" />
            <source>You created {0} and you are its administrator. Invite the other members with the Invite button at the top of the window.</source>
            <translation>Je hebt {0} opgericht en bent de beheerder. Nodig de andere leden uit met de knop Uitnodigen boven in het venster.</translation>
        </message>
        <message>
            <location filename="../dialogs/first_run.py" line="159" />
            <source>Tips:
•  Press Ctrl+N to write your first note, and Ctrl+K to search.
•  Members on the same network find each other automatically.
•  Meetup mode (in Settings) lets you sync without announcing yourself.</source>
            <translation>Tips:
•  Druk op Ctrl+N om je eerste notitie te schrijven, en op Ctrl+K om te zoeken.
•  Leden op hetzelfde netwerk vinden elkaar automatisch.
•  Met de meetup-modus (in Instellingen) synchroniseer je zonder jezelf bekend te maken.</translation>
        </message>
    </context>
    <context>
        <name>Errors</name>
        <message>
            <location filename="../errors_text.py" line="22" />
            <source>Only an admin of the cooperative can do this.</source>
            <translation>Alleen een beheerder van de coöperatie kan dit doen.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="24" />
            <source>Only its author can change this item.</source>
            <translation>Alleen de maker kan dit item wijzigen.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="26" />
            <source>This lead is closed: it cannot change any more.</source>
            <translation>Deze lead is afgesloten: hij kan niet meer veranderen.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="28" />
            <source>Only a lead can be claimed.</source>
            <translation>Alleen een lead kan worden geclaimd.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="30" />
            <source>The membership list does not allow this change.</source>
            <translation>De ledenlijst staat deze wijziging niet toe.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="32" />
            <source>You can give at most 10 thanks a day. Try again tomorrow.</source>
            <translation>Je kunt hoogstens 10 keer per dag bedanken. Probeer het morgen opnieuw.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="34" />
            <source>You cannot thank yourself.</source>
            <translation>Je kunt jezelf niet bedanken.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="36" />
            <source>You already thanked for this.</source>
            <translation>Je hebt hiervoor al bedankt.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="38" />
            <source>Only a note, a lead or a member can be thanked.</source>
            <translation>Je kunt alleen voor een notitie, een lead of een lid bedanken.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="40" />
            <source>The cooperative needs at least one admin: make someone else an admin first.</source>
            <translation>De coöperatie heeft minstens één beheerder nodig: maak eerst iemand anders beheerder.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="42" />
            <source>Only an idea has terms to accept or release.</source>
            <translation>Alleen een idee heeft voorwaarden om te accepteren of vrij te geven.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="44" />
            <source>You own this idea: there are no terms for you to accept.</source>
            <translation>Dit idee is van jou: er zijn geen voorwaarden die jij moet accepteren.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="46" />
            <source>This idea is for its owners only: it is never released to anyone.</source>
            <translation>Dit idee is alleen voor de eigenaars: het wordt aan niemand vrijgegeven.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="48" />
            <source>The embargo on this idea has not ended yet.</source>
            <translation>Het embargo op dit idee is nog niet voorbij.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="50" />
            <source>This member has not accepted the current terms.</source>
            <translation>Dit lid heeft de huidige voorwaarden niet geaccepteerd.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="52" />
            <source>That member has not consented to you publishing their availability.</source>
            <translation>Dat lid heeft je geen toestemming gegeven om zijn of haar beschikbaarheid te publiceren.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="54" />
            <source>At most 20 current availability windows.</source>
            <translation>Hoogstens 20 lopende beschikbaarheidsperiodes.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="56" />
            <source>An availability window ends at most 90 days from today.</source>
            <translation>Een beschikbaarheidsperiode eindigt hoogstens 90 dagen na vandaag.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="58" />
            <source>Only a note can be commented on.</source>
            <translation>Alleen bij een notitie kun je een opmerking plaatsen.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="60" />
            <source>Only the member who wrote a comment can change it.</source>
            <translation>Alleen wie een opmerking schreef, kan die wijzigen.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="62" />
            <source>You have written the most comments one member can write on this note.</source>
            <translation>Je hebt het maximum aantal opmerkingen bij deze notitie bereikt.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="68" />
            <source>Only the member who gave this lead can do this.</source>
            <translation>Alleen het lid dat deze lead gaf kan dit doen.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="70" />
            <source>Only the member who claimed this lead can do this.</source>
            <translation>Alleen het lid dat deze lead claimde kan dit doen.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="72" />
            <source>Another member claimed this lead first.</source>
            <translation>Een ander lid claimde deze lead eerder.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="74" />
            <source>You gave this lead yourself: you cannot claim it or ask for it.</source>
            <translation>Je gaf deze lead zelf: je kunt hem niet claimen of erom vragen.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="76" />
            <source>The interest window of this lead is still open: say you are interested instead.</source>
            <translation>De interesseperiode van deze lead loopt nog: laat in plaats daarvan weten dat je interesse hebt.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="78" />
            <source>This lead has no open interest window.</source>
            <translation>Deze lead heeft geen lopende interesseperiode.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="80" />
            <source>This lead cannot take that step now.</source>
            <translation>Deze lead kan die stap nu niet zetten.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="82" />
            <source>This computer's clock is behind your last change: check its date and time.</source>
            <translation>De klok van deze computer loopt achter op je laatste wijziging: controleer de datum en tijd.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="84" />
            <source>That member cannot take this lead.</source>
            <translation>Dat lid kan deze lead niet overnemen.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="85" />
            <source>The cooperative's rules do not allow this.</source>
            <translation>De regels van de coöperatie staan dit niet toe.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="95" />
            <source>Wrong passphrase. Check it and try again.</source>
            <translation>Onjuiste wachtwoordzin. Controleer hem en probeer het opnieuw.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="97" />
            <source>A passphrase is needed to unlock this data folder.</source>
            <translation>Er is een wachtwoordzin nodig om deze gegevensmap te openen.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="99" />
            <source>The new passphrase must not be empty.</source>
            <translation>De nieuwe wachtwoordzin mag niet leeg zijn.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="101" />
            <source>The two passphrases are not the same.</source>
            <translation>De twee wachtwoordzinnen zijn niet gelijk.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="104" />
            <source>The key file in {0} is damaged and no intact backup was found. Start again with your recovery key.</source>
            <translation>Het sleutelbestand in {0} is beschadigd en er is geen intacte reservekopie gevonden. Begin opnieuw met je herstelsleutel.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="107" />
            <source>This data folder holds no identity.</source>
            <translation>Deze gegevensmap bevat geen identiteit.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="109" />
            <source>This data folder already holds an identity.</source>
            <translation>Deze gegevensmap bevat al een identiteit.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="112" />
            <source>The backup could not take the place of the data folder {0} ({1}). The data folder is unchanged.</source>
            <translation>De back-up kon niet in de plaats komen van de gegevensmap {0} ({1}). De gegevensmap is niet veranderd.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="116" />
            <source>The data in {0} does not belong to this identity. CoopShare leaves it untouched.</source>
            <translation>De gegevens in {0} horen niet bij deze identiteit. CoopShare laat ze onaangeroerd.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="119" />
            <source>This device is not part of a cooperative yet.</source>
            <translation>Dit apparaat hoort nog niet bij een coöperatie.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="121" />
            <source>This device holds no key of the cooperative yet. Sync with a member first.</source>
            <translation>Dit apparaat heeft nog geen sleutel van de coöperatie. Synchroniseer eerst met een lid.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="123" />
            <source>This data folder already belongs to another cooperative.</source>
            <translation>Deze gegevensmap hoort al bij een andere coöperatie.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="127" />
            <source>This invitation is no longer open: it was used, has expired or was revoked.</source>
            <translation>Deze uitnodiging staat niet meer open: ze is gebruikt, verlopen of ingetrokken.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="129" />
            <source>This item no longer exists.</source>
            <translation>Dit item bestaat niet meer.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="131" />
            <source>That is not one of your devices.</source>
            <translation>Dat is geen apparaat van jou.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="134" />
            <source>This device was added in person and does not hold your member key. Use the device you added it from, or your recovery key.</source>
            <translation>Dit apparaat is persoonlijk gekoppeld en heeft je ledensleutel niet. Gebruik het apparaat waarmee je het hebt toegevoegd, of je herstelsleutel.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="137" />
            <source>The other device started another kind of pairing.</source>
            <translation>Het andere apparaat is een ander soort koppeling begonnen.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="139" />
            <source>This device cannot revoke itself: revoke it from another of your devices.</source>
            <translation>Dit apparaat kan zichzelf niet intrekken: trek het in vanaf een ander apparaat van je.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="141" />
            <source>There is no member called {0}.</source>
            <translation>Er is geen lid dat {0} heet.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="143" />
            <source>{0} matches more than one; give more of it.</source>
            <translation>{0} past bij meer dan één; geef er meer van op.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="147" />
            <source>A name is required.</source>
            <translation>Een naam is verplicht.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="149" />
            <source>Write something before you send the comment.</source>
            <translation>Schrijf eerst iets voordat je de opmerking plaatst.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="151" />
            <source>A recipient has no active device in the cooperative.</source>
            <translation>Een ontvanger heeft geen actief apparaat in de coöperatie.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="153" />
            <source>This recovery key is not valid. Check it for typing errors.</source>
            <translation>Deze herstelsleutel is niet geldig. Controleer hem op typefouten.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="155" />
            <source>The role must be member or admin.</source>
            <translation>De rol moet lid of beheerder zijn.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="157" />
            <source>{0} is not UTF-8 text.</source>
            <translation>{0} is geen UTF-8-tekst.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="159" />
            <source>{0} is not empty. Choose a new or empty folder.</source>
            <translation>{0} is niet leeg. Kies een nieuwe of lege map.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="161" />
            <source>{0} is not a folder.</source>
            <translation>{0} is geen map.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="163" />
            <source>No display was found for the desktop app.</source>
            <translation>Er is geen beeldscherm gevonden voor de app.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="165" />
            <source>The desktop app is not installed completely: PySide6 is missing.</source>
            <translation>De app is niet volledig geïnstalleerd: PySide6 ontbreekt.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="167" />
            <source>{0}: the port must be a number from 0 to 65535.</source>
            <translation>{0}: de poort moet een getal van 0 tot en met 65535 zijn.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="169" />
            <source>{0} is not an address: write it as host:port.</source>
            <translation>{0} is geen adres: schrijf het als host:poort.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="171" />
            <source>This is not a CoopShare invitation.</source>
            <translation>Dit is geen CoopShare-uitnodiging.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="173" />
            <source>The invitation is damaged or incomplete. Copy it again.</source>
            <translation>De uitnodiging is beschadigd of onvolledig. Kopieer hem opnieuw.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="175" />
            <source>This invitation has expired. Ask the member who invited you for a new one.</source>
            <translation>Deze uitnodiging is verlopen. Vraag het lid dat je uitnodigde om een nieuwe.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="178" />
            <source>The inviter at {0} did not accept this invitation. It was probably used already or has expired: ask for a new one.</source>
            <translation>De uitnodiger op {0} heeft deze uitnodiging niet geaccepteerd. Waarschijnlijk is hij al gebruikt of verlopen: vraag om een nieuwe.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="182" />
            <source>The computer at {0} is not the one that made this invitation. Check the address.</source>
            <translation>De computer op {0} is niet degene die deze uitnodiging heeft gemaakt. Controleer het adres.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="185" />
            <source>The invitation names no address of the inviter. Enter the inviter's address.</source>
            <translation>De uitnodiging noemt geen adres van de uitnodiger. Vul het adres van de uitnodiger in.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="188" />
            <source>The inviter refused this invitation; it was probably used already. An invitation works once: ask for a new one.</source>
            <translation>De uitnodiger heeft deze uitnodiging geweigerd; waarschijnlijk is hij al gebruikt. Een uitnodiging werkt maar één keer: vraag om een nieuwe.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="192" />
            <source>CoopShare is already syncing this data folder in another process ({0}): another window of the app, or `coopshare serve`. This window works on the same data, and that process syncs it.</source>
            <translation>CoopShare synchroniseert deze gegevensmap al in een ander proces ({0}): een ander venster van de app, of `coopshare serve`. Dit venster werkt met dezelfde gegevens, en dat proces synchroniseert ze.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="196" />
            <source>Could not reach {0}. Check that CoopShare is running there and that you are on the same network.</source>
            <translation>Kon {0} niet bereiken. Controleer of CoopShare daar draait en of jullie op hetzelfde netwerk zitten.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="200" />
            <source>{0} did not let this device in: it is not a member there, it has not seen a membership change yet, or the two clocks are more than 2 minutes apart.</source>
            <translation>{0} liet dit apparaat niet binnen: het is daar geen lid, een wijziging in het ledenbestand is daar nog niet bekend, of de klokken lopen meer dan 2 minuten uiteen.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="203" />
            <source>The computer at {0} is not a device of this cooperative.</source>
            <translation>De computer op {0} is geen apparaat van deze coöperatie.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="206" />
            <source>The clocks of this computer and {0} are more than 2 minutes apart. Check the date and time on both.</source>
            <translation>De klokken van deze computer en {0} lopen meer dan 2 minuten uiteen. Controleer op beide de datum en tijd.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="209" />
            <source>Syncing did not finish in time.</source>
            <translation>Synchroniseren werd niet op tijd afgerond.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="211" />
            <source>The connection to the other member failed.</source>
            <translation>De verbinding met het andere lid is mislukt.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="214" />
            <source>The disk is full: free some space in {0}, then try again. Syncing resumes by itself.</source>
            <translation>De schijf is vol: maak ruimte vrij in {0} en probeer het opnieuw. Synchroniseren gaat daarna vanzelf verder.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="217" />
            <source>The data folder {0} cannot be written to.</source>
            <translation>Er kan niet worden geschreven in de gegevensmap {0}.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="219" />
            <source>The disk reported an error while saving in {0}.</source>
            <translation>De schijf meldde een fout bij het opslaan in {0}.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="221" />
            <source>The database in {0} is damaged.</source>
            <translation>De database in {0} is beschadigd.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="223" />
            <source>Saving failed: the data folder could not be written.</source>
            <translation>Opslaan is mislukt: er kon niet in de gegevensmap worden geschreven.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="226" />
            <source>This data folder was restored from a backup. Let it sync with another device of the cooperative first: what this device wrote after the backup comes back, then you can write again.</source>
            <translation>Deze gegevensmap is teruggezet uit een back-up. Laat hem eerst synchroniseren met een ander apparaat van de coöperatie: wat dit apparaat na de back-up schreef, komt dan terug en daarna kun je weer schrijven.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="231" />
            <source>This backup file is damaged or not a CoopShare backup. Nothing was restored.</source>
            <translation>Dit back-upbestand is beschadigd of geen CoopShare-back-up. Er is niets hersteld.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="234" />
            <source>This recovery key does not open this backup: it belongs to another member. Nothing was restored.</source>
            <translation>Deze herstelsleutel opent deze back-up niet: hij hoort bij een ander lid. Er is niets hersteld.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="238" />
            <source>This backup was made on a device added in person, which has no recovery key: restore it with its passphrase.</source>
            <translation>Deze back-up is gemaakt op een apparaat dat persoonlijk is gekoppeld en geen herstelsleutel heeft: zet hem terug met de wachtwoordzin.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="242" />
            <source>This backup was made with an older version: it opens only with its passphrase.</source>
            <translation>Deze back-up is gemaakt met een oudere versie: hij opent alleen met zijn wachtwoordzin.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="244" />
            <source>This bundle is damaged or incomplete ({0}). Nothing was imported.</source>
            <translation>Deze bundel is beschadigd of onvolledig ({0}). Er is niets geïmporteerd.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="248" />
            <source>This bundle belongs to another cooperative. Nothing was imported.</source>
            <translation>Deze bundel hoort bij een andere coöperatie. Er is niets geïmporteerd.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="251" />
            <source>A change in this bundle did not pass the checks ({0}). Nothing was imported.</source>
            <translation>Een wijziging in deze bundel kwam niet door de controles ({0}). Er is niets geïmporteerd.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="254" />
            <source>Prove priority first: this idea has no commitment of yours yet.</source>
            <translation>Bewijs eerst de prioriteit: dit idee heeft nog geen vastlegging van u.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="256" />
            <source>The evidence does not verify: {0}</source>
            <translation>Het bewijs klopt niet: {0}</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="258" />
            <source>The data was refused: {0}</source>
            <translation>De gegevens zijn geweigerd: {0}</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="260" />
            <source>This could not be decrypted: a wrong key, or damaged data.</source>
            <translation>Dit kon niet worden ontsleuteld: een verkeerde sleutel, of beschadigde gegevens.</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="262" />
            <source>This could not be done: {0}</source>
            <translation>Dit kon niet: {0}</translation>
        </message>
        <message>
            <location filename="../errors_text.py" line="263" />
            <source>Something went wrong: {0}</source>
            <translation>Er ging iets mis: {0}</translation>
        </message>
    </context>
    <context>
        <name>ExportActions</name>
        <message>
            <location filename="../export_actions.py" line="38" />
            <source>Export notes as Markdown…</source>
            <translation>Notities exporteren als Markdown…</translation>
        </message>
        <message>
            <location filename="../export_actions.py" line="39" />
            <source>Export leads for Excel (CSV)…</source>
            <translation>Leads exporteren voor Excel (CSV)…</translation>
        </message>
        <message>
            <location filename="../export_actions.py" line="40" />
            <source>Export respond-by dates to a calendar (.ics)…</source>
            <translation>Reageerdatums exporteren naar een agenda (.ics)…</translation>
        </message>
        <message>
            <location filename="../export_actions.py" line="41" />
            <source>Take out my own data (ZIP)…</source>
            <translation>Mijn eigen gegevens meenemen (ZIP)…</translation>
        </message>
        <message>
            <location filename="../export_actions.py" line="49" />
            <source>Files without encryption</source>
            <translation>Bestanden zonder versleuteling</translation>
        </message>
        <message>
            <location filename="../export_actions.py" line="51" />
            <source>The exported files are not encrypted: anyone who has them can read them. Keep them somewhere safe and delete them when you no longer need them.</source>
            <translation>De geëxporteerde bestanden zijn niet versleuteld: iedereen die ze heeft, kan ze lezen. Bewaar ze op een veilige plek en verwijder ze als je ze niet meer nodig hebt.</translation>
        </message>
        <message>
            <location filename="../export_actions.py" line="66" />
            <source>Export notes to a folder</source>
            <translation>Notities exporteren naar een map</translation>
        </message>
        <message>
            <location filename="../export_actions.py" line="72" />
            <source>Export leads</source>
            <translation>Leads exporteren</translation>
        </message>
        <message>
            <location filename="../export_actions.py" line="72" />
            <source>CSV files (*.csv)</source>
            <translation>CSV-bestanden (*.csv)</translation>
        </message>
        <message>
            <location filename="../export_actions.py" line="77" />
            <source>Export to calendar</source>
            <translation>Exporteren naar agenda</translation>
        </message>
        <message>
            <location filename="../export_actions.py" line="77" />
            <source>Calendars (*.ics)</source>
            <translation>Agenda's (*.ics)</translation>
        </message>
        <message>
            <location filename="../export_actions.py" line="83" />
            <source>Take out my own data</source>
            <translation>Mijn eigen gegevens meenemen</translation>
        </message>
        <message>
            <location filename="../export_actions.py" line="85" />
            <source>ZIP archives (*.zip)</source>
            <translation>ZIP-archieven (*.zip)</translation>
        </message>
        <message>
            <location filename="../export_actions.py" line="97" />
            <source>Export finished</source>
            <translation>Export klaar</translation>
        </message>
        <message numerus="yes">
            <location filename="../export_actions.py" line="99" />
            <source>%n item(s) written to {0}. These files are not encrypted.</source>
            <translation>
                <numerusform>%n item geschreven naar {0}. Dit bestand is niet versleuteld.</numerusform>
                <numerusform>%n items geschreven naar {0}. Deze bestanden zijn niet versleuteld.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>FileMenu</name>
        <message>
            <location filename="../data_menu.py" line="51" />
            <source>&amp;File</source>
            <translation>&amp;Bestand</translation>
        </message>
        <message>
            <location filename="../data_menu.py" line="53" />
            <source>Import Markdown folder…</source>
            <translation>Markdown-map importeren…</translation>
        </message>
        <message>
            <location filename="../data_menu.py" line="56" />
            <source>Import bundle…</source>
            <translation>Bundel importeren…</translation>
        </message>
        <message>
            <location filename="../data_menu.py" line="58" />
            <source>Export bundle…</source>
            <translation>Bundel exporteren…</translation>
        </message>
        <message>
            <location filename="../data_menu.py" line="63" />
            <source>Back up…</source>
            <translation>Back-up maken…</translation>
        </message>
        <message>
            <location filename="../data_menu.py" line="91" />
            <source>Import Markdown folder</source>
            <translation>Markdown-map importeren</translation>
        </message>
        <message>
            <location filename="../data_menu.py" line="97" />
            <source>Importing notes from {0}…</source>
            <translation>Notities importeren uit {0}…</translation>
        </message>
        <message>
            <location filename="../data_menu.py" line="129" />
            <source>{0}: {1} new notes, {2} updated, {3} unchanged.</source>
            <translation>{0}: {1} nieuwe notities, {2} bijgewerkt, {3} ongewijzigd.</translation>
        </message>
        <message numerus="yes">
            <location filename="../data_menu.py" line="133" />
            <source>%n attachment(s) imported.</source>
            <translation>
                <numerusform>%n bijlage geïmporteerd.</numerusform>
                <numerusform>%n bijlagen geïmporteerd.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../data_menu.py" line="135" />
            <source>no note links to it</source>
            <translation>geen notitie verwijst ernaar</translation>
        </message>
        <message>
            <location filename="../data_menu.py" line="136" />
            <source>not a PNG, JPEG, GIF or WebP image or a PDF</source>
            <translation>geen PNG-, JPEG-, GIF- of WebP-afbeelding en geen pdf</translation>
        </message>
        <message>
            <location filename="../data_menu.py" line="137" />
            <source>larger than 2 MB</source>
            <translation>groter dan 2 MB</translation>
        </message>
        <message>
            <location filename="../data_menu.py" line="138" />
            <source>you already have the most attachments a member may have</source>
            <translation>je hebt al het maximale aantal bijlagen dat een lid mag hebben</translation>
        </message>
        <message>
            <location filename="../data_menu.py" line="141" />
            <location filename="../data_menu.py" line="144" />
            <source>Skipped {0}: {1}</source>
            <translation>{0} overgeslagen: {1}</translation>
        </message>
        <message numerus="yes">
            <location filename="../data_menu.py" line="148" />
            <source>%n file(s) skipped.</source>
            <translation>
                <numerusform>%n bestand overgeslagen.</numerusform>
                <numerusform>%n bestanden overgeslagen.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../data_menu.py" line="150" />
            <source>Import finished</source>
            <translation>Import klaar</translation>
        </message>
        <message>
            <location filename="../data_menu.py" line="162" />
            <source>Import bundle</source>
            <translation>Bundel importeren</translation>
        </message>
        <message>
            <location filename="../data_menu.py" line="162" />
            <location filename="../data_menu.py" line="206" />
            <source>CoopShare bundles (*.coopbundle)</source>
            <translation>CoopShare-bundels (*.coopbundle)</translation>
        </message>
        <message>
            <location filename="../data_menu.py" line="168" />
            <source>Checking bundle {0}…</source>
            <translation>Bundel {0} wordt gecontroleerd…</translation>
        </message>
        <message>
            <location filename="../data_menu.py" line="176" />
            <source>{0}: {1} new, {2} already here.</source>
            <translation>{0}: {1} nieuw, {2} waren er al.</translation>
        </message>
        <message>
            <location filename="../data_menu.py" line="180" />
            <source>{0} wait for earlier changes that have not arrived yet.</source>
            <translation>{0} wachten op eerdere wijzigingen die nog niet binnen zijn.</translation>
        </message>
        <message>
            <location filename="../data_menu.py" line="184" />
            <source>Bundle imported</source>
            <translation>Bundel geïmporteerd</translation>
        </message>
        <message>
            <location filename="../data_menu.py" line="190" />
            <source>Everyone (all changes)</source>
            <translation>Iedereen (alle wijzigingen)</translation>
        </message>
        <message>
            <location filename="../data_menu.py" line="193" />
            <location filename="../data_menu.py" line="204" />
            <source>Export bundle</source>
            <translation>Bundel exporteren</translation>
        </message>
        <message>
            <location filename="../data_menu.py" line="194" />
            <source>Who is the bundle for? Their own changes are left out.</source>
            <translation>Voor wie is de bundel? Hun eigen wijzigingen worden weggelaten.</translation>
        </message>
        <message>
            <location filename="../data_menu.py" line="220" />
            <source>Bundle exported</source>
            <translation>Bundel geëxporteerd</translation>
        </message>
        <message>
            <location filename="../data_menu.py" line="222" />
            <source>{0} changes written to {1}. They stay encrypted and signed: only members of the cooperative can read them.</source>
            <translation>{0} wijzigingen geschreven naar {1}. Ze blijven versleuteld en ondertekend: alleen leden van de coöperatie kunnen ze lezen.</translation>
        </message>
        <message>
            <location filename="../data_menu.py" line="249" />
            <source>CoopShare</source>
            <translation>CoopShare</translation>
        </message>
    </context>
    <context>
        <name>FirstRun</name>
        <message>
            <location filename="../widgets.py" line="89" />
            <source>Message</source>
            <translation>Melding</translation>
        </message>
        <message>
            <location filename="../widgets.py" line="130" />
            <source>Too short — use at least 10 characters; 12 or more, or a few words, is better.</source>
            <translation>Te kort — gebruik minstens 10 tekens; 12 of meer, of een paar woorden, is beter.</translation>
        </message>
        <message>
            <location filename="../widgets.py" line="137" />
            <source>Weak — this is easy to guess. Use 12+ characters or a few words.</source>
            <translation>Zwak — dit is makkelijk te raden. Gebruik 12+ tekens of een paar woorden.</translation>
        </message>
        <message>
            <location filename="../widgets.py" line="146" />
            <source>Weak — use 12+ characters or a few words.</source>
            <translation>Zwak — gebruik 12+ tekens of een paar woorden.</translation>
        </message>
        <message>
            <location filename="../widgets.py" line="147" />
            <source>Fair — add another word, or mix in digits and symbols.</source>
            <translation>Redelijk — voeg nog een woord toe, of gebruik ook cijfers en symbolen.</translation>
        </message>
        <message>
            <location filename="../widgets.py" line="150" />
            <source>Good — hard to guess.</source>
            <translation>Goed — moeilijk te raden.</translation>
        </message>
        <message>
            <location filename="../widgets.py" line="151" />
            <source>Strong — a passphrase like this is very hard to guess.</source>
            <translation>Sterk — een wachtwoordzin als deze is heel moeilijk te raden.</translation>
        </message>
        <message>
            <location filename="../dialogs/coop_form.py" line="54" />
            <source>Could not reach the inviter at {0}. Check that CoopShare is running there and that you are on the same network, then try again.</source>
            <translation>Kon de uitnodiger op {0} niet bereiken. Controleer of CoopShare daar draait en of jullie op hetzelfde netwerk zitten, en probeer het dan opnieuw.</translation>
        </message>
        <message>
            <location filename="../dialogs/coop_form.py" line="62" />
            <source>Joining did not work: {0}</source>
            <translation>Lid worden is niet gelukt: {0}</translation>
        </message>
    </context>
    <context>
        <name>FirstRunWizard</name>
        <message>
            <location filename="../dialogs/first_run.py" line="174" />
            <source>Welcome to CoopShare</source>
            <translation>Welkom bij CoopShare</translation>
        </message>
        <message>
            <location filename="../dialogs/first_run.py" line="179" />
            <source>Open CoopShare</source>
            <translation>CoopShare openen</translation>
        </message>
        <message>
            <location filename="../dialogs/first_run.py" line="236" />
            <source>Stop for now?</source>
            <translation>Voor nu stoppen?</translation>
        </message>
        <message>
            <location filename="../dialogs/first_run.py" line="238" />
            <source>Your identity is saved. The next time you start CoopShare you can create a cooperative or join one.</source>
            <translation>Je identiteit is opgeslagen. De volgende keer dat je CoopShare start, kun je een coöperatie oprichten of lid worden van een bestaande.</translation>
        </message>
        <message>
            <location filename="../dialogs/first_run.py" line="240" />
            <source>Stop for now</source>
            <translation>Voor nu stoppen</translation>
        </message>
        <message>
            <location filename="../dialogs/first_run.py" line="240" />
            <source>Continue</source>
            <translation>Doorgaan</translation>
        </message>
    </context>
    <context>
        <name>ForgotDialog</name>
        <message>
            <location filename="../dialogs/forgot.py" line="108" />
            <location filename="../dialogs/forgot.py" line="114" />
            <source>Forgot your passphrase?</source>
            <translation>Wachtwoordzin vergeten?</translation>
        </message>
        <message>
            <location filename="../dialogs/forgot.py" line="120" />
            <source>Nobody can reset it: CoopShare has no server, and the data on this computer is locked with your passphrase alone. Your recovery key does not unlock it.</source>
            <translation>Niemand kan hem opnieuw instellen: CoopShare heeft geen server, en de gegevens op deze computer zijn alleen met jouw wachtwoordzin vergrendeld. Je herstelsleutel ontgrendelt ze niet.</translation>
        </message>
        <message>
            <location filename="../dialogs/forgot.py" line="125" />
            <source>If you have a backup file</source>
            <translation>Als je een back-upbestand hebt</translation>
        </message>
        <message>
            <location filename="../dialogs/forgot.py" line="129" />
            <source>Your recovery key opens a backup file (made with File → Back up…). CoopShare puts it in place of the locked data, with a new passphrase you choose. You get back what the backup holds, as it was when you made it.</source>
            <translation>Je herstelsleutel opent een back-upbestand (gemaakt met Bestand → Back-up maken…). CoopShare zet het in de plaats van de vergrendelde gegevens, met een nieuwe wachtwoordzin die je zelf kiest. Je krijgt terug wat er in de back-up staat, zoals het was toen je hem maakte.</translation>
        </message>
        <message>
            <location filename="../dialogs/forgot.py" line="133" />
            <source>Restore a backup with my recovery key…</source>
            <translation>Een back-up herstellen met mijn herstelsleutel…</translation>
        </message>
        <message>
            <location filename="../dialogs/forgot.py" line="138" />
            <source>If you have no backup</source>
            <translation>Als je geen back-up hebt</translation>
        </message>
        <message>
            <location filename="../dialogs/forgot.py" line="142" />
            <source>Then what was only on this computer is lost: changes that never reached another member, details only this computer could read (such as the client of a lead you sealed), and your settings here. What you shared with the cooperative stays with the other members. Your recovery key still brings you back as yourself: CoopShare starts again as on a new computer, and an admin or another device of yours lets it in with an invitation.</source>
            <translation>Dan is kwijt wat alleen op deze computer stond: wijzigingen die nooit bij een ander lid zijn aangekomen, gegevens die alleen deze computer kon lezen (zoals de klant van een lead die je afschermde) en je instellingen hier. Wat je met de coöperatie hebt gedeeld, blijft bij de andere leden. Met je herstelsleutel kom je wel terug als jezelf: CoopShare begint opnieuw zoals op een nieuwe computer, en een beheerder of een ander apparaat van jou laat hem toe met een uitnodiging.</translation>
        </message>
        <message>
            <location filename="../dialogs/forgot.py" line="146" />
            <source>Start again with my recovery key…</source>
            <translation>Opnieuw beginnen met mijn herstelsleutel…</translation>
        </message>
        <message>
            <location filename="../dialogs/forgot.py" line="152" />
            <source>Either way, the locked data folder is not deleted: it is renamed to “{0}” and kept beside the new one. Should your passphrase come back to you, it still opens that folder.</source>
            <translation>In beide gevallen wordt de vergrendelde gegevensmap niet verwijderd: hij krijgt de naam “{0}” en blijft naast de nieuwe staan. Schiet je wachtwoordzin je later weer te binnen, dan opent die map er nog steeds mee.</translation>
        </message>
        <message>
            <location filename="../dialogs/forgot.py" line="160" />
            <source>Back</source>
            <translation>Terug</translation>
        </message>
        <message>
            <location filename="../dialogs/forgot.py" line="185" />
            <source>Start again?</source>
            <translation>Opnieuw beginnen?</translation>
        </message>
        <message>
            <location filename="../dialogs/forgot.py" line="187" />
            <source>CoopShare renames this data folder to “{0}”, keeps it, and starts as on a new computer. There, tick “Restore my identity from my recovery key”.</source>
            <translation>CoopShare geeft deze gegevensmap de naam “{0}”, bewaart hem en begint zoals op een nieuwe computer. Vink daar “Mijn identiteit herstellen met mijn herstelsleutel” aan.</translation>
        </message>
        <message>
            <location filename="../dialogs/forgot.py" line="189" />
            <source>Rename and start again</source>
            <translation>Hernoemen en opnieuw beginnen</translation>
        </message>
        <message>
            <location filename="../dialogs/forgot.py" line="189" />
            <source>Cancel</source>
            <translation>Annuleren</translation>
        </message>
    </context>
    <context>
        <name>IdeaForm</name>
        <message>
            <location filename="../dialogs/idea_form.py" line="82" />
            <source>Share an idea</source>
            <translation>Een idee delen</translation>
        </message>
        <message>
            <location filename="../dialogs/idea_form.py" line="88" />
            <source>You stay the owner of your idea. Members see its title, tags and terms; its text is sealed to you and unlocks for a member only after they sign these terms. While your app runs, it then releases the text by itself (with “Embargo”, not before the date), except for “Ask before use” and “Private”, where you approve each member. “Private” without chosen members: only you can read it.</source>
            <translation>Je blijft eigenaar van je idee. Leden zien de titel, tags en voorwaarden; de tekst is voor jou verzegeld en gaat voor een lid pas open nadat die deze voorwaarden ondertekent. Zolang je app draait, geeft die de tekst dan vanzelf vrij (bij “Embargo” niet vóór de datum), behalve bij “Eerst vragen voor gebruik” en “Privé”: daar keur je elk lid zelf goed. “Privé” zonder gekozen leden: alleen jij kunt het lezen.</translation>
        </message>
        <message>
            <location filename="../dialogs/idea_form.py" line="99" />
            <source>Problem with this idea</source>
            <translation>Probleem met dit idee</translation>
        </message>
        <message>
            <location filename="../dialogs/idea_form.py" line="100" />
            <source>Share idea</source>
            <translation>Idee delen</translation>
        </message>
        <message>
            <location filename="../dialogs/idea_form.py" line="101" />
            <source>Share this idea on these terms (Ctrl+Return)</source>
            <translation>Dit idee onder deze voorwaarden delen (Ctrl+Return)</translation>
        </message>
        <message>
            <location filename="../dialogs/idea_form.py" line="114" />
            <source>The idea</source>
            <translation>Het idee</translation>
        </message>
        <message>
            <location filename="../dialogs/idea_form.py" line="119" />
            <source>&amp;Title (required)</source>
            <translation>&amp;Titel (verplicht)</translation>
        </message>
        <message>
            <location filename="../dialogs/idea_form.py" line="121" />
            <source>Separated by commas</source>
            <translation>Gescheiden door komma's</translation>
        </message>
        <message>
            <location filename="../dialogs/idea_form.py" line="122" />
            <source>Ta&amp;gs</source>
            <translation>Ta&amp;gs</translation>
        </message>
        <message>
            <location filename="../dialogs/idea_form.py" line="124" />
            <source>Describe the idea.</source>
            <translation>Beschrijf het idee.</translation>
        </message>
        <message>
            <location filename="../dialogs/idea_form.py" line="126" />
            <source>Idea text</source>
            <translation>Tekst van het idee</translation>
        </message>
        <message>
            <location filename="../dialogs/idea_form.py" line="128" />
            <source>Te&amp;xt</source>
            <translation>Te&amp;kst</translation>
        </message>
        <message>
            <location filename="../dialogs/idea_form.py" line="130" />
            <source>Not derived from another idea</source>
            <translation>Niet afgeleid van een ander idee</translation>
        </message>
        <message>
            <location filename="../dialogs/idea_form.py" line="131" />
            <source>Derived from</source>
            <translation>Afgeleid van</translation>
        </message>
        <message>
            <location filename="../dialogs/idea_form.py" line="136" />
            <source>&amp;Derived from</source>
            <translation>&amp;Afgeleid van</translation>
        </message>
        <message>
            <location filename="../dialogs/idea_form.py" line="141" />
            <source>Building on someone's idea keeps their name on yours. A derived idea cannot have more permissive terms than the idea it builds on.</source>
            <translation>Wie voortbouwt op het idee van een ander, houdt diens naam op het eigen idee. Een afgeleid idee kan geen ruimere voorwaarden hebben dan het idee waarop het voortbouwt.</translation>
        </message>
        <message>
            <location filename="../dialogs/idea_form.py" line="147" />
            <source>Usage terms (choose one)</source>
            <translation>Gebruiksvoorwaarden (kies er één)</translation>
        </message>
        <message>
            <location filename="../dialogs/idea_form.py" line="173" />
            <source>Embargo until</source>
            <translation>Embargo tot</translation>
        </message>
        <message>
            <location filename="../dialogs/idea_form.py" line="178" />
            <source>&amp;Until</source>
            <translation>T&amp;ot</translation>
        </message>
        <message>
            <location filename="../dialogs/idea_form.py" line="188" />
            <source>Who can read it (choose one)</source>
            <translation>Wie mag het lezen (kies er één)</translation>
        </message>
        <message>
            <location filename="../dialogs/idea_form.py" line="191" />
            <source>The whole cooperative</source>
            <translation>De hele coöperatie</translation>
        </message>
        <message>
            <location filename="../dialogs/idea_form.py" line="192" />
            <source>Only these members:</source>
            <translation>Alleen deze leden:</translation>
        </message>
        <message>
            <location filename="../dialogs/idea_form.py" line="197" />
            <source>Members who can read it</source>
            <translation>Leden die het mogen lezen</translation>
        </message>
        <message>
            <location filename="../dialogs/idea_form.py" line="215" />
            <source>Not possible here: this idea builds on one shared as “{0}”, and a derived idea cannot have more permissive terms.</source>
            <translation>Niet mogelijk: dit idee bouwt voort op een idee dat gedeeld is als “{0}”, en een afgeleid idee kan geen ruimere voorwaarden hebben.</translation>
        </message>
        <message>
            <location filename="../dialogs/idea_form.py" line="228" />
            <source>{0} — {1}, {2}</source>
            <translation>{0} — {1}, {2}</translation>
        </message>
        <message>
            <location filename="../dialogs/idea_form.py" line="242" />
            <source>{0} (you, owner)</source>
            <translation>{0} (jij, eigenaar)</translation>
        </message>
        <message>
            <location filename="../dialogs/idea_form.py" line="274" />
            <source>Give the idea a title.</source>
            <translation>Geef het idee een titel.</translation>
        </message>
        <message>
            <location filename="../dialogs/idea_form.py" line="277" />
            <source>Use at most 50 tags of up to 64 characters.</source>
            <translation>Gebruik maximaal 50 tags van elk maximaal 64 tekens.</translation>
        </message>
        <message>
            <location filename="../dialogs/idea_form.py" line="282" />
            <source>Choose the usage terms: they are the agreement readers accept before they read your idea.</source>
            <translation>Kies de gebruiksvoorwaarden: dat is de afspraak die lezers accepteren voordat ze je idee lezen.</translation>
        </message>
        <message>
            <location filename="../dialogs/idea_form.py" line="289" />
            <source>An embargo must end after today.</source>
            <translation>Een embargo moet na vandaag aflopen.</translation>
        </message>
        <message>
            <location filename="../dialogs/idea_form.py" line="292" />
            <source>Choose who can read this idea.</source>
            <translation>Kies wie dit idee mag lezen.</translation>
        </message>
        <message>
            <location filename="../dialogs/idea_form.py" line="296" />
            <source>The list of members is still loading; try again.</source>
            <translation>De ledenlijst wordt nog geladen; probeer het zo opnieuw.</translation>
        </message>
        <message>
            <location filename="../dialogs/idea_form.py" line="304" />
            <source>“{0}” builds on an idea shared as “{1}”, so it cannot be shared as “{2}”. Choose terms that are at least as strict.</source>
            <translation>“{0}” bouwt voort op een idee dat gedeeld is als “{1}”, dus het kan niet gedeeld worden als “{2}”. Kies voorwaarden die minstens zo streng zijn.</translation>
        </message>
        <message>
            <location filename="../dialogs/idea_form.py" line="335" />
            <source>Not saved: {0}</source>
            <translation>Niet opgeslagen: {0}</translation>
        </message>
        <message>
            <location filename="../dialogs/idea_form.py" line="50" />
            <source>Private</source>
            <translation>Privé</translation>
        </message>
        <message>
            <location filename="../dialogs/idea_form.py" line="51" />
            <source>Embargo until a date</source>
            <translation>Embargo tot een datum</translation>
        </message>
        <message>
            <location filename="../dialogs/idea_form.py" line="52" />
            <source>View or discuss only</source>
            <translation>Alleen lezen of bespreken</translation>
        </message>
        <message>
            <location filename="../dialogs/idea_form.py" line="53" />
            <source>Ask before use</source>
            <translation>Eerst vragen voor gebruik</translation>
        </message>
        <message>
            <location filename="../dialogs/idea_form.py" line="54" />
            <source>Reuse for a fee</source>
            <translation>Hergebruik tegen een vergoeding</translation>
        </message>
        <message>
            <location filename="../dialogs/idea_form.py" line="55" />
            <source>Reuse with attribution</source>
            <translation>Hergebruik met bronvermelding</translation>
        </message>
        <message>
            <location filename="../dialogs/idea_form.py" line="57" />
            <source>No terms given</source>
            <translation>Geen voorwaarden opgegeven</translation>
        </message>
        <message>
            <location filename="../dialogs/idea_form.py" line="62" />
            <source>Readers keep it to themselves: no sharing, no use.</source>
            <translation>Lezers houden het voor zich: niet delen, niet gebruiken.</translation>
        </message>
        <message>
            <location filename="../dialogs/idea_form.py" line="63" />
            <source>Nobody may use or pass it on before the date you set.</source>
            <translation>Niemand mag het gebruiken of doorgeven vóór de datum die je instelt.</translation>
        </message>
        <message>
            <location filename="../dialogs/idea_form.py" line="64" />
            <source>Readers may read and talk about it, but not use it.</source>
            <translation>Lezers mogen het lezen en erover praten, maar het niet gebruiken.</translation>
        </message>
        <message>
            <location filename="../dialogs/idea_form.py" line="65" />
            <source>Readers must ask the owners before they use it.</source>
            <translation>Lezers moeten het de eigenaars eerst vragen voordat ze het gebruiken.</translation>
        </message>
        <message>
            <location filename="../dialogs/idea_form.py" line="66" />
            <source>Readers may use it after agreeing a fee with the owners.</source>
            <translation>Lezers mogen het gebruiken nadat ze een vergoeding met de eigenaars hebben afgesproken.</translation>
        </message>
        <message>
            <location filename="../dialogs/idea_form.py" line="68" />
            <source>Readers may use it if they name the owners as its source.</source>
            <translation>Lezers mogen het gebruiken als ze de eigenaars als bron vermelden.</translation>
        </message>
    </context>
    <context>
        <name>IdeaProof</name>
        <message>
            <location filename="../pages/idea_proof.py" line="44" />
            <source>&amp;Prove priority</source>
            <translation>&amp;Prioriteit bewijzen</translation>
        </message>
        <message>
            <location filename="../pages/idea_proof.py" line="48" />
            <source>Publish a salted fingerprint of this text (not the text itself); the other members' devices sign that they saw it, with their own time</source>
            <translation>Publiceer een gezouten vingerafdruk van deze tekst (niet de tekst zelf); de apparaten van de andere leden ondertekenen dat ze die zagen, met hun eigen tijd</translation>
        </message>
        <message>
            <location filename="../pages/idea_proof.py" line="53" />
            <source>E&amp;xport evidence…</source>
            <translation>Bewijs e&amp;xporteren…</translation>
        </message>
        <message>
            <location filename="../pages/idea_proof.py" line="62" />
            <source>Priority proof</source>
            <translation>Prioriteitsbewijs</translation>
        </message>
        <message>
            <location filename="../pages/idea_proof.py" line="96" />
            <source>No priority proof yet.</source>
            <translation>Nog geen prioriteitsbewijs.</translation>
        </message>
        <message>
            <location filename="../pages/idea_proof.py" line="105" />
            <source>Earliest proven time: {0}.</source>
            <translation>Vroegst bewezen tijd: {0}.</translation>
        </message>
        <message>
            <location filename="../pages/idea_proof.py" line="107" />
            <source>Waiting for other members' devices to sign that they saw it.</source>
            <translation>Wacht tot apparaten van andere leden ondertekenen dat ze het zagen.</translation>
        </message>
        <message>
            <location filename="../pages/idea_proof.py" line="109" />
            <source>Time-stamped by the TSA: {0}.</source>
            <translation>Tijdstempel van de TSA: {0}.</translation>
        </message>
        <message>
            <location filename="../pages/idea_proof.py" line="111" />
            <source>The text changed since the last commitment: prove it again.</source>
            <translation>De tekst is veranderd sinds de laatste vastlegging: bewijs het opnieuw.</translation>
        </message>
        <message>
            <location filename="../pages/idea_proof.py" line="143" />
            <source>Not done: {0}</source>
            <translation>Niet gelukt: {0}</translation>
        </message>
        <message>
            <location filename="../pages/idea_proof.py" line="150" />
            <source>Export evidence</source>
            <translation>Bewijs exporteren</translation>
        </message>
        <message>
            <location filename="../pages/idea_proof.py" line="150" />
            <source>ZIP archives (*.zip)</source>
            <translation>ZIP-archieven (*.zip)</translation>
        </message>
        <message>
            <location filename="../pages/idea_proof.py" line="159" />
            <source>Evidence without encryption</source>
            <translation>Bewijs zonder versleuteling</translation>
        </message>
        <message>
            <location filename="../pages/idea_proof.py" line="161" />
            <source>The evidence file holds the idea's text without encryption: anyone who has it can read it. Give it only to whoever needs to check it (a notary, BOIP).</source>
            <translation>Het bewijsbestand bevat de tekst van het idee zonder versleuteling: iedereen die het heeft, kan het lezen. Geef het alleen aan wie het moet controleren (een notaris, het BBIE).</translation>
        </message>
    </context>
    <context>
        <name>IdeaTerms</name>
        <message>
            <location filename="../pages/idea_terms.py" line="180" />
            <source>Not done: {0}</source>
            <translation>Niet gelukt: {0}</translation>
        </message>
        <message>
            <location filename="../pages/idea_terms.py" line="27" />
            <source>released by someone who does not own the idea; ignored</source>
            <translation>vrijgegeven door iemand die het idee niet bezit; genegeerd</translation>
        </message>
        <message>
            <location filename="../pages/idea_terms.py" line="28" />
            <source>released an idea meant for its owners only; ignored</source>
            <translation>gaf een idee vrij dat alleen voor de eigenaars is; genegeerd</translation>
        </message>
        <message>
            <location filename="../pages/idea_terms.py" line="29" />
            <source>released before the embargo date; ignored</source>
            <translation>vrijgegeven vóór de embargodatum; genegeerd</translation>
        </message>
        <message>
            <location filename="../pages/idea_terms.py" line="30" />
            <source>released without a matching acceptance; ignored</source>
            <translation>vrijgegeven zonder bijpassende acceptatie; genegeerd</translation>
        </message>
        <message>
            <location filename="../pages/idea_terms.py" line="31" />
            <source>accepted other terms than the current ones; does not count</source>
            <translation>accepteerde andere voorwaarden dan de huidige; telt niet</translation>
        </message>
        <message>
            <location filename="../pages/idea_terms.py" line="32" />
            <source>tried to change an idea they do not own; ignored</source>
            <translation>probeerde een idee te wijzigen dat niet van hen is; genegeerd</translation>
        </message>
        <message>
            <location filename="../pages/idea_terms.py" line="34" />
            <source>a step that does not count</source>
            <translation>een stap die niet telt</translation>
        </message>
        <message>
            <location filename="../pages/idea_terms.py" line="53" />
            <source>Your access to this idea</source>
            <translation>Jouw toegang tot dit idee</translation>
        </message>
        <message>
            <location filename="../pages/idea_terms.py" line="56" />
            <source>&amp;Accept terms and read</source>
            <translation>Voorwaarden &amp;accepteren en lezen</translation>
        </message>
        <message>
            <location filename="../pages/idea_terms.py" line="58" />
            <source>Sign that you accept these terms; the owners receive your signed acceptance</source>
            <translation>Onderteken dat je deze voorwaarden accepteert; de eigenaars ontvangen je ondertekende acceptatie</translation>
        </message>
        <message>
            <location filename="../pages/idea_terms.py" line="65" />
            <source>Signed acceptances</source>
            <translation>Ondertekende acceptaties</translation>
        </message>
        <message>
            <location filename="../pages/idea_terms.py" line="70" />
            <source>Flagged steps</source>
            <translation>Gemarkeerde stappen</translation>
        </message>
        <message>
            <location filename="../pages/idea_terms.py" line="89" />
            <source>The text is locked.</source>
            <translation>De tekst is vergrendeld.</translation>
        </message>
        <message>
            <location filename="../pages/idea_terms.py" line="93" />
            <source>{0} accepted ({1}) — {2}</source>
            <translation>{0} accepteerde ({1}) — {2}</translation>
        </message>
        <message>
            <location filename="../pages/idea_terms.py" line="96" />
            <source>text released</source>
            <translation>tekst vrijgegeven</translation>
        </message>
        <message>
            <location filename="../pages/idea_terms.py" line="96" />
            <source>waiting for your release</source>
            <translation>wacht op jouw vrijgave</translation>
        </message>
        <message>
            <location filename="../pages/idea_terms.py" line="104" />
            <source>Flagged: {0} {1}</source>
            <translation>Gemarkeerd: {0} {1}</translation>
        </message>
        <message>
            <location filename="../pages/idea_terms.py" line="114" />
            <source>You own this idea. Nobody has accepted its terms yet.</source>
            <translation>Dit idee is van jou. Nog niemand heeft de voorwaarden geaccepteerd.</translation>
        </message>
        <message>
            <location filename="../pages/idea_terms.py" line="115" />
            <source>You own this idea. Signed acceptances (your receipts):</source>
            <translation>Dit idee is van jou. Ondertekende acceptaties (jouw bewijzen):</translation>
        </message>
        <message>
            <location filename="../pages/idea_terms.py" line="117" />
            <source>You accepted these terms; the owner released the text to you.</source>
            <translation>Je hebt deze voorwaarden geaccepteerd; de eigenaar heeft de tekst aan je vrijgegeven.</translation>
        </message>
        <message>
            <location filename="../pages/idea_terms.py" line="120" />
            <source>You accepted these terms. The text unlocks after {0}.</source>
            <translation>Je hebt deze voorwaarden geaccepteerd. De tekst gaat open na {0}.</translation>
        </message>
        <message>
            <location filename="../pages/idea_terms.py" line="124" />
            <source>You accepted these terms. Waiting for the owner to release the text.</source>
            <translation>Je hebt deze voorwaarden geaccepteerd. Wacht tot de eigenaar de tekst vrijgeeft.</translation>
        </message>
        <message>
            <location filename="../pages/idea_terms.py" line="126" />
            <source>You accepted these terms. Waiting for the owner's device to release the text.</source>
            <translation>Je hebt deze voorwaarden geaccepteerd. Wacht tot het apparaat van de eigenaar de tekst vrijgeeft.</translation>
        </message>
        <message>
            <location filename="../pages/idea_terms.py" line="129" />
            <source>The terms changed since you accepted them. Accept the new terms to read.</source>
            <translation>De voorwaarden zijn gewijzigd sinds je ze accepteerde. Accepteer de nieuwe voorwaarden om te lezen.</translation>
        </message>
        <message>
            <location filename="../pages/idea_terms.py" line="131" />
            <source>The text of this idea unlocks after you accept its terms. The owners receive your signed acceptance.</source>
            <translation>De tekst van dit idee gaat open nadat je de voorwaarden accepteert. De eigenaars ontvangen je ondertekende acceptatie.</translation>
        </message>
        <message>
            <location filename="../pages/idea_terms.py" line="144" />
            <source>Release to {0}</source>
            <translation>Vrijgeven aan {0}</translation>
        </message>
        <message>
            <location filename="../pages/idea_terms.py" line="146" />
            <source>{0} accepted your terms: give them the text</source>
            <translation>{0} heeft je voorwaarden geaccepteerd: geef de tekst vrij</translation>
        </message>
    </context>
    <context>
        <name>IdeasPage</name>
        <message>
            <location filename="../pages/ideas.py" line="52" />
            <source>Title</source>
            <translation>Titel</translation>
        </message>
        <message>
            <location filename="../pages/ideas.py" line="53" />
            <source>Terms</source>
            <translation>Voorwaarden</translation>
        </message>
        <message>
            <location filename="../pages/ideas.py" line="54" />
            <source>Owner</source>
            <translation>Eigenaar</translation>
        </message>
        <message>
            <location filename="../pages/ideas.py" line="55" />
            <source>Updated</source>
            <translation>Bijgewerkt</translation>
        </message>
        <message>
            <location filename="../pages/ideas.py" line="57" />
            <source>Share an idea</source>
            <translation>Een idee delen</translation>
        </message>
        <message>
            <location filename="../pages/ideas.py" line="57" />
            <source>Share an idea on your own terms (Ctrl+N)</source>
            <translation>Een idee delen op je eigen voorwaarden (Ctrl+N)</translation>
        </message>
        <message>
            <location filename="../pages/ideas.py" line="67" />
            <source>Filter ideas</source>
            <translation>Ideeën filteren</translation>
        </message>
        <message>
            <location filename="../pages/ideas.py" line="68" />
            <location filename="../pages/ideas.py" line="155" />
            <source>Ideas</source>
            <translation>Ideeën</translation>
        </message>
        <message>
            <location filename="../pages/ideas.py" line="77" />
            <source>No ideas yet. Share one with Ctrl+N — you stay its owner and choose who may read it and how it may be used.</source>
            <translation>Nog geen ideeën. Deel er een met Ctrl+N — je blijft de eigenaar en bepaalt wie het mag lezen en hoe het gebruikt mag worden.</translation>
        </message>
        <message>
            <location filename="../pages/ideas.py" line="79" />
            <source>No ideas match this filter.</source>
            <translation>Geen ideeën gevonden met dit filter.</translation>
        </message>
        <message>
            <location filename="../pages/ideas.py" line="85" />
            <source>Choose an idea to read it, or share one with Ctrl+N.</source>
            <translation>Kies een idee om het te lezen, of deel er een met Ctrl+N.</translation>
        </message>
        <message>
            <location filename="../pages/ideas.py" line="89" />
            <source>Idea title</source>
            <translation>Titel van het idee</translation>
        </message>
        <message>
            <location filename="../pages/ideas.py" line="100" />
            <source>Owners, terms and audience</source>
            <translation>Eigenaars, voorwaarden en lezers</translation>
        </message>
        <message>
            <location filename="../pages/ideas.py" line="107" />
            <source>Derived from:</source>
            <translation>Afgeleid van:</translation>
        </message>
        <message>
            <location filename="../pages/ideas.py" line="119" />
            <source>Built on by:</source>
            <translation>Hierop voortgebouwd door:</translation>
        </message>
        <message>
            <location filename="../pages/ideas.py" line="132" />
            <source>Idea text</source>
            <translation>Tekst van het idee</translation>
        </message>
        <message>
            <location filename="../pages/ideas.py" line="139" />
            <source>&amp;Build on this idea</source>
            <translation>&amp;Voortbouwen op dit idee</translation>
        </message>
        <message>
            <location filename="../pages/ideas.py" line="141" />
            <source>Share a new idea derived from this one; its owners stay credited</source>
            <translation>Een nieuw idee delen dat van dit idee is afgeleid; de eigenaars blijven vermeld</translation>
        </message>
        <message>
            <location filename="../pages/ideas.py" line="175" />
            <source>Idea shared.</source>
            <translation>Idee gedeeld.</translation>
        </message>
        <message>
            <location filename="../pages/ideas.py" line="188" />
            <source>Owners: {0}</source>
            <translation>Eigenaars: {0}</translation>
        </message>
        <message>
            <location filename="../pages/ideas.py" line="190" />
            <source>Owner: {0}</source>
            <translation>Eigenaar: {0}</translation>
        </message>
        <message>
            <location filename="../pages/ideas.py" line="194" />
            <source>Terms: embargo until {0} — {1}</source>
            <translation>Voorwaarden: embargo tot {0} — {1}</translation>
        </message>
        <message>
            <location filename="../pages/ideas.py" line="198" />
            <source>Terms: {0} — {1}</source>
            <translation>Voorwaarden: {0} — {1}</translation>
        </message>
        <message>
            <location filename="../pages/ideas.py" line="202" />
            <source>Terms: none given — ask the owners before using it.</source>
            <translation>Voorwaarden: geen opgegeven — vraag het de eigenaars voordat je het gebruikt.</translation>
        </message>
        <message>
            <location filename="../pages/ideas.py" line="204" />
            <source>Audience: only its owners; never released to anyone</source>
            <translation>Publiek: alleen de eigenaars; wordt aan niemand vrijgegeven</translation>
        </message>
        <message>
            <location filename="../pages/ideas.py" line="206" />
            <source>Audience: only the members it was addressed to</source>
            <translation>Lezers: alleen de leden aan wie het gericht is</translation>
        </message>
        <message>
            <location filename="../pages/ideas.py" line="208" />
            <source>Audience: the whole cooperative</source>
            <translation>Lezers: de hele coöperatie</translation>
        </message>
        <message>
            <location filename="../pages/ideas.py" line="226" />
            <source>Shared by you · updated {0}</source>
            <translation>Gedeeld door jou · bijgewerkt {0}</translation>
        </message>
        <message>
            <location filename="../pages/ideas.py" line="228" />
            <source>Shared by {0} · updated {1}</source>
            <translation>Gedeeld door {0} · bijgewerkt {1}</translation>
        </message>
        <message>
            <location filename="../pages/ideas.py" line="232" />
            <source>Tags: {0}</source>
            <translation>Tags: {0}</translation>
        </message>
        <message>
            <location filename="../pages/ideas.py" line="246" />
            <source>an idea you cannot read</source>
            <translation>een idee dat je niet kunt lezen</translation>
        </message>
        <message>
            <location filename="../pages/ideas.py" line="252" />
            <source>Open the idea “{0}”</source>
            <translation>Het idee “{0}” openen</translation>
        </message>
        <message>
            <location filename="../pages/ideas.py" line="253" />
            <source>Open this idea</source>
            <translation>Dit idee openen</translation>
        </message>
    </context>
    <context>
        <name>IdentityPage</name>
        <message>
            <location filename="../dialogs/identity_pages.py" line="44" />
            <source>Your identity</source>
            <translation>Je identiteit</translation>
        </message>
        <message>
            <location filename="../dialogs/identity_pages.py" line="47" />
            <source>Your name is how other members see you. The passphrase protects this computer's data.</source>
            <translation>Met je naam zien andere leden wie je bent. De wachtwoordzin beschermt de gegevens op deze computer.</translation>
        </message>
        <message>
            <location filename="../dialogs/identity_pages.py" line="51" />
            <source>Create my identity</source>
            <translation>Mijn identiteit aanmaken</translation>
        </message>
        <message>
            <location filename="../dialogs/identity_pages.py" line="57" />
            <source>For example: Anna de Vries</source>
            <translation>Bijvoorbeeld: Anna de Vries</translation>
        </message>
        <message>
            <location filename="../dialogs/identity_pages.py" line="58" />
            <source>Your name</source>
            <translation>Je naam</translation>
        </message>
        <message>
            <location filename="../dialogs/identity_pages.py" line="60" />
            <source>Your &amp;name:</source>
            <translation>Je &amp;naam:</translation>
        </message>
        <message>
            <location filename="../dialogs/identity_pages.py" line="64" />
            <source>Passphrase</source>
            <translation>Wachtwoordzin</translation>
        </message>
        <message>
            <location filename="../dialogs/identity_pages.py" line="65" />
            <source>At least 10 characters; a few words work well</source>
            <translation>Minstens 10 tekens; een paar woorden werkt goed</translation>
        </message>
        <message>
            <location filename="../dialogs/identity_pages.py" line="66" />
            <source>&amp;Passphrase:</source>
            <translation>&amp;Wachtwoordzin:</translation>
        </message>
        <message>
            <location filename="../dialogs/identity_pages.py" line="70" />
            <source>Passphrase strength</source>
            <translation>Sterkte van de wachtwoordzin</translation>
        </message>
        <message>
            <location filename="../dialogs/identity_pages.py" line="75" />
            <source>Repeat the passphrase</source>
            <translation>Herhaal de wachtwoordzin</translation>
        </message>
        <message>
            <location filename="../dialogs/identity_pages.py" line="77" />
            <source>&amp;Repeat:</source>
            <translation>&amp;Herhalen:</translation>
        </message>
        <message>
            <location filename="../dialogs/identity_pages.py" line="78" />
            <source>&amp;Show passphrase</source>
            <translation>Wachtwoordzin t&amp;onen</translation>
        </message>
        <message>
            <location filename="../dialogs/identity_pages.py" line="88" />
            <source>Nobody can reset this passphrase: CoopShare has no server. Without it the data on this computer stays locked; your recovery key still restores your identity and opens your backups. Keep the passphrase in a password manager or somewhere safe.</source>
            <translation>Niemand kan deze wachtwoordzin resetten: CoopShare heeft geen server. Zonder wachtwoordzin blijven de gegevens op deze computer op slot; met je herstelsleutel herstel je wel je identiteit en open je je back-ups. Bewaar de wachtwoordzin in een wachtwoordmanager of op een andere veilige plek.</translation>
        </message>
        <message>
            <location filename="../dialogs/identity_pages.py" line="109" />
            <source>Type your name as the other members know you.</source>
            <translation>Typ je naam zoals de andere leden je kennen.</translation>
        </message>
        <message>
            <location filename="../dialogs/identity_pages.py" line="119" />
            <source>The two passphrases do not match.</source>
            <translation>De twee wachtwoordzinnen komen niet overeen.</translation>
        </message>
        <message>
            <location filename="../dialogs/identity_pages.py" line="123" />
            <source>The passphrases match.</source>
            <translation>De wachtwoordzinnen komen overeen.</translation>
        </message>
    </context>
    <context>
        <name>InviteDialog</name>
        <message>
            <location filename="../dialogs/invite.py" line="48" />
            <source>Invite someone</source>
            <translation>Iemand uitnodigen</translation>
        </message>
        <message>
            <location filename="../dialogs/invite.py" line="48" />
            <source>Add a device</source>
            <translation>Apparaat toevoegen</translation>
        </message>
        <message>
            <location filename="../dialogs/invite.py" line="55" />
            <source>Add another device of yours</source>
            <translation>Nog een apparaat van jezelf toevoegen</translation>
        </message>
        <message>
            <location filename="../dialogs/invite.py" line="57" />
            <source>Invite a colleague to the cooperative</source>
            <translation>Een collega uitnodigen voor de coöperatie</translation>
        </message>
        <message>
            <location filename="../dialogs/invite.py" line="63" />
            <source>The invitation lets one person join from their own laptop. Save it as a file or copy the text and send it to them; they open it in CoopShare while CoopShare runs on this device. The QR code is for a phone: a picture of it can be opened as the invitation too.</source>
            <translation>Met de uitnodiging kan één persoon lid worden vanaf de eigen laptop. Sla haar op als bestand of kopieer de tekst en stuur die op; de ander opent haar in CoopShare terwijl CoopShare op dit apparaat draait. De QR-code is voor een telefoon: een foto of schermafbeelding ervan kan ook als uitnodiging worden geopend.</translation>
        </message>
        <message>
            <location filename="../dialogs/invite.py" line="69" />
            <source>On the new device, start CoopShare, restore your identity from your recovery key, then join with this invitation while CoopShare runs on this device. No admin is needed. Once it joins, this device hands it the keys of your own sealed details, such as your leads' clients.</source>
            <translation>Start CoopShare op het nieuwe apparaat, herstel je identiteit met je herstelsleutel en word lid met deze uitnodiging terwijl CoopShare op dit apparaat draait. Er is geen beheerder nodig. Zodra het lid is, geeft dit apparaat het de sleutels van je eigen afgeschermde gegevens, zoals de opdrachtgevers van je leads.</translation>
        </message>
        <message>
            <location filename="../dialogs/invite.py" line="78" />
            <source>Member</source>
            <translation>Lid</translation>
        </message>
        <message>
            <location filename="../dialogs/invite.py" line="79" />
            <source>Admin (may also invite and remove members)</source>
            <translation>Beheerder (mag ook leden uitnodigen en verwijderen)</translation>
        </message>
        <message>
            <location filename="../dialogs/invite.py" line="80" />
            <source>Role</source>
            <translation>Rol</translation>
        </message>
        <message>
            <location filename="../dialogs/invite.py" line="81" />
            <source>Role:</source>
            <translation>Rol:</translation>
        </message>
        <message>
            <location filename="../dialogs/invite.py" line="84" />
            <source>Another device of mine</source>
            <translation>Nog een apparaat van mij</translation>
        </message>
        <message>
            <location filename="../dialogs/invite.py" line="89" />
            <source> hours</source>
            <translation> uur</translation>
        </message>
        <message>
            <location filename="../dialogs/invite.py" line="90" />
            <source>Valid for, in hours</source>
            <translation>Geldig gedurende, in uren</translation>
        </message>
        <message>
            <location filename="../dialogs/invite.py" line="91" />
            <source>Valid for:</source>
            <translation>Geldig gedurende:</translation>
        </message>
        <message>
            <location filename="../dialogs/invite.py" line="95" />
            <source>Create invitation</source>
            <translation>Uitnodiging maken</translation>
        </message>
        <message>
            <location filename="../dialogs/invite.py" line="100" />
            <source>Pair in person…</source>
            <translation>Persoonlijk koppelen…</translation>
        </message>
        <message>
            <location filename="../dialogs/invite.py" line="101" />
            <source>Compare six digits instead of sending a file</source>
            <translation>Vergelijk zes cijfers in plaats van een bestand te sturen</translation>
        </message>
        <message>
            <location filename="../dialogs/invite.py" line="125" />
            <source>Invitation as a QR code</source>
            <translation>Uitnodiging als QR-code</translation>
        </message>
        <message>
            <location filename="../dialogs/invite.py" line="129" />
            <source>Or send this text:</source>
            <translation>Of stuur deze tekst:</translation>
        </message>
        <message>
            <location filename="../dialogs/invite.py" line="132" />
            <source>Invitation text</source>
            <translation>Tekst van de uitnodiging</translation>
        </message>
        <message>
            <location filename="../dialogs/invite.py" line="139" />
            <source>Copy</source>
            <translation>Kopiëren</translation>
        </message>
        <message>
            <location filename="../dialogs/invite.py" line="140" />
            <source>Copy the invitation text to the clipboard</source>
            <translation>De tekst van de uitnodiging naar het klembord kopiëren</translation>
        </message>
        <message>
            <location filename="../dialogs/invite.py" line="142" />
            <source>Save as file…</source>
            <translation>Opslaan als bestand…</translation>
        </message>
        <message>
            <location filename="../dialogs/invite.py" line="143" />
            <source>Save the invitation text to a file</source>
            <translation>De tekst van de uitnodiging in een bestand opslaan</translation>
        </message>
        <message>
            <location filename="../dialogs/invite.py" line="179" />
            <source>Only an admin of the cooperative can invite people. Ask one of the admins to send the invitation.</source>
            <translation>Alleen een beheerder van de coöperatie kan mensen uitnodigen. Vraag een van de beheerders om de uitnodiging te sturen.</translation>
        </message>
        <message>
            <location filename="../dialogs/invite.py" line="194" />
            <source>An invitation to {0}, from {1}</source>
            <translation>Een uitnodiging voor {0}, van {1}</translation>
        </message>
        <message>
            <location filename="../dialogs/invite.py" line="203" />
            <source>an admin</source>
            <translation>beheerder</translation>
        </message>
        <message>
            <location filename="../dialogs/invite.py" line="203" />
            <source>a member</source>
            <translation>lid</translation>
        </message>
        <message>
            <location filename="../dialogs/invite.py" line="206" />
            <source>This invitation works once and expires on {0}. Whoever uses it joins as {1}, so share it only with the person you invite.</source>
            <translation>Deze uitnodiging werkt één keer en verloopt op {0}. Wie hem gebruikt, komt erbij als {1}; deel hem dus alleen met de persoon die je uitnodigt.</translation>
        </message>
        <message>
            <location filename="../dialogs/invite.py" line="212" />
            <source>This invitation works once and expires on {0}. Only a device that holds your recovery key can use it.</source>
            <translation>Deze uitnodiging werkt één keer en verloopt op {0}. Alleen een apparaat met jouw herstelsleutel kan haar gebruiken.</translation>
        </message>
        <message>
            <location filename="../dialogs/invite.py" line="218" />
            <source>This device is not reachable on the network right now: the new member needs your address to join.</source>
            <translation>Dit apparaat is op dit moment niet bereikbaar op het netwerk: het nieuwe lid heeft je adres nodig om lid te worden.</translation>
        </message>
        <message>
            <location filename="../dialogs/invite.py" line="224" />
            <source>Create another</source>
            <translation>Nog een maken</translation>
        </message>
        <message>
            <location filename="../dialogs/invite.py" line="230" />
            <source>No invitation was created: {0}</source>
            <translation>Er is geen uitnodiging gemaakt: {0}</translation>
        </message>
        <message>
            <location filename="../dialogs/invite.py" line="258" />
            <source>Copied</source>
            <translation>Gekopieerd</translation>
        </message>
        <message>
            <location filename="../dialogs/invite.py" line="266" />
            <source>Save invitation</source>
            <translation>Uitnodiging opslaan</translation>
        </message>
        <message>
            <location filename="../dialogs/invite.py" line="268" />
            <source>Text files (*.txt)</source>
            <translation>Tekstbestanden (*.txt)</translation>
        </message>
        <message>
            <location filename="../dialogs/invite.py" line="278" />
            <source>Could not save the invitation: {0}</source>
            <translation>Kan de uitnodiging niet opslaan: {0}</translation>
        </message>
        <message>
            <location filename="../dialogs/invite.py" line="281" />
            <source>Saved</source>
            <translation>Opgeslagen</translation>
        </message>
    </context>
    <context>
        <name>ItemsModel</name>
        <message>
            <location filename="../models.py" line="138" />
            <source>{0} (you)</source>
            <translation>{0} (jij)</translation>
        </message>
    </context>
    <context>
        <name>LeadForm</name>
        <message>
            <location filename="../dialogs/date_row.py" line="17" />
            <source>Tick to give this date</source>
            <translation>Vink aan om deze datum op te geven</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="118" />
            <source>Give a lead</source>
            <translation>Een lead aanbrengen</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="124" />
            <source>Share an assignment with the cooperative. Everyone sees the assignment; the client's details stay sealed until you release them to the member who claims it.</source>
            <translation>Deel een opdracht met de coöperatie. Iedereen ziet de opdracht; de gegevens van de opdrachtgever blijven verzegeld totdat jij ze vrijgeeft aan het lid dat de lead claimt.</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="132" />
            <source>CoopShare never stores the reason for hiring.</source>
            <translation>CoopShare slaat nooit de reden van inhuur op.</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="141" />
            <source>Problem with this lead</source>
            <translation>Probleem met deze lead</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="142" />
            <source>Give lead</source>
            <translation>Lead aanbrengen</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="143" />
            <source>Share this lead with the cooperative (Ctrl+Return)</source>
            <translation>Deze lead met de coöperatie delen (Ctrl+Return)</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="151" />
            <source>The assignment — visible to the whole cooperative</source>
            <translation>De opdracht — zichtbaar voor de hele coöperatie</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="156" />
            <source>e.g. Interim finance manager, 6 months</source>
            <translation>bijv. Interim financieel manager, 6 maanden</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="157" />
            <source>&amp;Title (required)</source>
            <translation>&amp;Titel (verplicht)</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="160" />
            <source>e.g. Interim CFO</source>
            <translation>bijv. Interim-CFO</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="161" />
            <source>&amp;Role</source>
            <translation>&amp;Rol</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="164" />
            <source>Type to pick ESCO skills; separate them with commas</source>
            <translation>Typ om ESCO-vaardigheden te kiezen; scheid ze met komma's</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="166" />
            <source>Skills, separated by commas</source>
            <translation>Vaardigheden, gescheiden door komma's</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="168" />
            <source>&amp;Skills</source>
            <translation>&amp;Vaardigheden</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="172" />
            <source>e.g. Eindhoven</source>
            <translation>bijv. Eindhoven</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="173" />
            <source>Remote work possible</source>
            <translation>Op afstand werken mogelijk</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="174" />
            <source>Re&amp;gion</source>
            <translation>Re&amp;gio</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="178" />
            <source>Start date</source>
            <translation>Startdatum</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="180" />
            <source>St&amp;art date</source>
            <translation>&amp;Startdatum</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="181" />
            <location filename="../dialogs/lead_form.py" line="189" />
            <location filename="../dialogs/lead_form.py" line="251" />
            <location filename="../dialogs/lead_form.py" line="253" />
            <source>not given</source>
            <translation>niet opgegeven</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="181" />
            <source> weeks</source>
            <translation> weken</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="182" />
            <source>Duration in weeks</source>
            <translation>Duur in weken</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="183" />
            <source>Option to extend</source>
            <translation>Optie tot verlenging</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="187" />
            <source>D&amp;uration</source>
            <translation>D&amp;uur</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="189" />
            <source> h/week</source>
            <translation> u/week</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="190" />
            <source>Hours per week</source>
            <translation>Uren per week</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="194" />
            <source>&amp;Hours per week</source>
            <translation>Uren per &amp;week</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="196" />
            <source>Respond by</source>
            <translation>Reageren vóór</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="198" />
            <source>Res&amp;pond by</source>
            <translation>Re&amp;ageren vóór</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="200" />
            <source>Interest window until</source>
            <translation>Interesseperiode tot en met</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="204" />
            <source>Members say they are interested until this day; you pick one, or the first to ask gets it</source>
            <translation>Leden melden hun interesse tot en met deze dag; jij kiest er een, of wie het eerst vroeg krijgt de lead</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="207" />
            <source>&amp;Interest window until</source>
            <translation>&amp;Interesseperiode tot en met</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="214" />
            <source>Freelance (self-employed)</source>
            <translation>Freelance (zzp)</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="215" />
            <source>Through an intermediary</source>
            <translation>Via een intermediair</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="216" />
            <source>Secondment</source>
            <translation>Detachering</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="217" />
            <source>Temporary employment</source>
            <translation>Tijdelijk dienstverband</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="220" />
            <source>Contract form</source>
            <translation>Contractvorm</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="224" />
            <source>&amp;Contract form</source>
            <translation>&amp;Contractvorm</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="227" />
            <source>e.g. model agreement in place</source>
            <translation>bijv. modelovereenkomst aanwezig</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="228" />
            <source>Wet &amp;DBA assessment</source>
            <translation>Wet &amp;DBA-beoordeling</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="231" />
            <source>What the assignment is about. Leave out why the client is hiring.</source>
            <translation>Waar de opdracht over gaat. Laat weg waarom de opdrachtgever iemand inhuurt.</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="234" />
            <source>Description</source>
            <translation>Omschrijving</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="236" />
            <source>D&amp;escription</source>
            <translation>&amp;Omschrijving</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="240" />
            <source>Sealed — only you, and the claimer once you release them</source>
            <translation>Verzegeld — alleen jij, en de claimer na vrijgave</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="246" />
            <source>&amp;Organisation</source>
            <translation>Orga&amp;nisatie</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="249" />
            <source>Name, phone or e-mail</source>
            <translation>Naam, telefoon of e-mail</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="250" />
            <source>Co&amp;ntact person</source>
            <translation>Contact&amp;persoon</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="251" />
            <location filename="../dialogs/lead_form.py" line="253" />
            <source> €/h</source>
            <translation> €/u</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="252" />
            <source>Client rate from</source>
            <translation>Tarief opdrachtgever vanaf</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="254" />
            <source>Client rate up to</source>
            <translation>Tarief opdrachtgever tot</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="257" />
            <source>to</source>
            <translation>tot</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="259" />
            <source>C&amp;lient rate</source>
            <translation>Tari&amp;ef opdrachtgever</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="262" />
            <source>&amp;Intermediary</source>
            <translation>&amp;Intermediair</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="265" />
            <source>The intermediary's fee</source>
            <translation>De fee van de intermediair</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="266" />
            <source>Intermediary &amp;fee</source>
            <translation>&amp;Fee intermediair</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="270" />
            <location filename="../dialogs/lead_form.py" line="276" />
            <source>Referral terms</source>
            <translation>Aanbrengafspraken</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="280" />
            <source>Referral fee amount</source>
            <translation>Bedrag van de aanbrengvergoeding</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="282" />
            <source>&amp;Kind</source>
            <translation>T&amp;ype</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="283" />
            <source>A&amp;mount</source>
            <translation>&amp;Bedrag</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="287" />
            <source>None</source>
            <translation>Geen</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="288" />
            <source>Share of the fee for the cooperative</source>
            <translation>Deel van de vergoeding voor de coöperatie</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="289" />
            <source>Coop &amp;share</source>
            <translation>&amp;Deel coöperatie</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="293" />
            <source>The claimer signs these terms before the sealed details unlock; while your app runs, it then releases them to the claimer.</source>
            <translation>De claimer ondertekent deze voorwaarden voordat de verzegelde gegevens opengaan; zolang je app draait, geeft die ze daarna vrij aan de claimer.</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="303" />
            <source>e.g. € 500</source>
            <translation>bijv. € 500</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="305" />
            <source>e.g. 5%</source>
            <translation>bijv. 5%</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="318" />
            <source>Give the lead a title.</source>
            <translation>Geef de lead een titel.</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="322" />
            <source>Each skill can be at most 64 characters.</source>
            <translation>Elke vaardigheid mag maximaal 64 tekens lang zijn.</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="324" />
            <source>A lead can list at most 50 skills.</source>
            <translation>Een lead kan maximaal 50 vaardigheden noemen.</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="328" />
            <source>Hours per week must be between 0 and 80.</source>
            <translation>Uren per week moet tussen 0 en 80 liggen.</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="332" />
            <source>The respond-by date is in the past.</source>
            <translation>De reageren-vóór-datum ligt in het verleden.</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="337" />
            <source>The interest window ends in the past.</source>
            <translation>De interesseperiode eindigt in het verleden.</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="342" />
            <source>Say how much the referral fee is.</source>
            <translation>Geef aan hoe hoog de aanbrengvergoeding is.</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="349" />
            <source>The lowest client rate ({0} €/h) is above the highest ({1} €/h).</source>
            <translation>Het laagste tarief van de opdrachtgever ({0} €/u) is hoger dan het hoogste ({1} €/u).</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="389" />
            <source>Not saved: {0}</source>
            <translation>Niet opgeslagen: {0}</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="67" />
            <source>No referral fee</source>
            <translation>Geen aanbrengvergoeding</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="68" />
            <source>A thank-you is enough</source>
            <translation>Een bedankje is genoeg</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="69" />
            <source>A fixed fee</source>
            <translation>Een vast bedrag</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="70" />
            <source>A percentage of the first invoice</source>
            <translation>Een percentage van de eerste factuur</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="81" />
            <source>{0}: {1}</source>
            <translation>{0}: {1}</translation>
        </message>
        <message>
            <location filename="../dialogs/lead_form.py" line="82" />
            <source>{0}; {1} to the cooperative</source>
            <translation>{0}; {1} voor de coöperatie</translation>
        </message>
    </context>
    <context>
        <name>LeadHistory</name>
        <message>
            <location filename="../pages/lead_history.py" line="83" />
            <source>You</source>
            <translation>Jij</translation>
        </message>
        <message>
            <location filename="../pages/lead_history.py" line="84" />
            <source>you</source>
            <translation>jou</translation>
        </message>
        <message>
            <location filename="../pages/lead_history.py" line="29" />
            <source>said they are interested</source>
            <translation>heeft interesse gemeld</translation>
        </message>
        <message>
            <location filename="../pages/lead_history.py" line="30" />
            <source>claimed the lead</source>
            <translation>claimde de lead</translation>
        </message>
        <message>
            <location filename="../pages/lead_history.py" line="31" />
            <source>accepted the referral terms</source>
            <translation>aanvaardde de doorverwijsvoorwaarden</translation>
        </message>
        <message>
            <location filename="../pages/lead_history.py" line="32" />
            <source>contacted the client</source>
            <translation>nam contact op met de klant</translation>
        </message>
        <message>
            <location filename="../pages/lead_history.py" line="33" />
            <source>sent a proposal</source>
            <translation>stuurde een voorstel</translation>
        </message>
        <message>
            <location filename="../pages/lead_history.py" line="34" />
            <source>won the assignment</source>
            <translation>haalde de opdracht binnen</translation>
        </message>
        <message>
            <location filename="../pages/lead_history.py" line="35" />
            <source>lost the assignment</source>
            <translation>verloor de opdracht</translation>
        </message>
        <message>
            <location filename="../pages/lead_history.py" line="36" />
            <source>gave the lead back</source>
            <translation>gaf de lead terug</translation>
        </message>
        <message>
            <location filename="../pages/lead_history.py" line="37" />
            <source>withdrew the lead</source>
            <translation>trok de lead in</translation>
        </message>
        <message>
            <location filename="../pages/lead_history.py" line="38" />
            <source>reopened the lead</source>
            <translation>heropende de lead</translation>
        </message>
        <message>
            <location filename="../pages/lead_history.py" line="39" />
            <source>confirmed the assignment was won</source>
            <translation>bevestigde dat de opdracht binnen is</translation>
        </message>
        <message>
            <location filename="../pages/lead_history.py" line="40" />
            <source>set an interest window</source>
            <translation>stelde een interesseperiode in</translation>
        </message>
        <message>
            <location filename="../pages/lead_history.py" line="43" />
            <source>passed the lead on to {0}</source>
            <translation>gaf de lead door aan {0}</translation>
        </message>
        <message>
            <location filename="../pages/lead_history.py" line="45" />
            <source>gave the lead to {0}</source>
            <translation>gaf de lead aan {0}</translation>
        </message>
        <message>
            <location filename="../pages/lead_history.py" line="47" />
            <source>released the client's details to {0}</source>
            <translation>gaf de gegevens van de klant vrij aan {0}</translation>
        </message>
        <message>
            <location filename="../pages/lead_history.py" line="48" />
            <source>did something this version does not know</source>
            <translation>deed iets wat deze versie niet kent</translation>
        </message>
        <message>
            <location filename="../pages/lead_history.py" line="53" />
            <source>only the giver can do that</source>
            <translation>alleen de gever kan dat</translation>
        </message>
        <message>
            <location filename="../pages/lead_history.py" line="54" />
            <source>only the claimer can do that</source>
            <translation>alleen de claimer kan dat</translation>
        </message>
        <message>
            <location filename="../pages/lead_history.py" line="55" />
            <source>the giver cannot take their own lead</source>
            <translation>de gever kan de eigen lead niet nemen</translation>
        </message>
        <message>
            <location filename="../pages/lead_history.py" line="56" />
            <source>the interest window was still open</source>
            <translation>de interesseperiode liep nog</translation>
        </message>
        <message>
            <location filename="../pages/lead_history.py" line="57" />
            <source>there was no open interest window</source>
            <translation>er liep geen interesseperiode</translation>
        </message>
        <message>
            <location filename="../pages/lead_history.py" line="58" />
            <source>that member had not said they were interested</source>
            <translation>dat lid had geen interesse gemeld</translation>
        </message>
        <message>
            <location filename="../pages/lead_history.py" line="59" />
            <source>they had already said so</source>
            <translation>dat was al gemeld</translation>
        </message>
        <message>
            <location filename="../pages/lead_history.py" line="60" />
            <source>the lead was not at that step</source>
            <translation>de lead was niet bij die stap</translation>
        </message>
        <message>
            <location filename="../pages/lead_history.py" line="61" />
            <source>the lead was closed</source>
            <translation>de lead was gesloten</translation>
        </message>
        <message>
            <location filename="../pages/lead_history.py" line="62" />
            <source>that member cannot take this lead</source>
            <translation>dat lid kan deze lead niet overnemen</translation>
        </message>
        <message>
            <location filename="../pages/lead_history.py" line="63" />
            <source>it was dated before the lead existed</source>
            <translation>het was gedateerd vóór de lead bestond</translation>
        </message>
        <message>
            <location filename="../pages/lead_history.py" line="65" />
            <source>it was backdated: the same device had already signed something dated later</source>
            <translation>het was teruggedateerd: hetzelfde apparaat had al iets met een latere datum ondertekend</translation>
        </message>
        <message>
            <location filename="../pages/lead_history.py" line="67" />
            <source>the claimer had not accepted the current referral terms</source>
            <translation>de claimer had de huidige doorverwijsvoorwaarden niet aanvaard</translation>
        </message>
        <message>
            <location filename="../pages/lead_history.py" line="68" />
            <source>that member was not the claimer</source>
            <translation>dat lid was niet de claimer</translation>
        </message>
        <message>
            <location filename="../pages/lead_history.py" line="69" />
            <source>only the giver can release the client's details</source>
            <translation>alleen de gever kan de gegevens van de klant vrijgeven</translation>
        </message>
        <message>
            <location filename="../pages/lead_history.py" line="72" />
            <source>{0} was first</source>
            <translation>{0} was eerder</translation>
        </message>
        <message>
            <location filename="../pages/lead_history.py" line="73" />
            <source>the rules did not allow it</source>
            <translation>de regels stonden het niet toe</translation>
        </message>
        <message>
            <location filename="../pages/lead_history.py" line="86" />
            <source>The claim by {0} lapsed: no update for two working days</source>
            <translation>De claim van {0} is vervallen: twee werkdagen geen voortgang</translation>
        </message>
        <message>
            <location filename="../pages/lead_history.py" line="89" />
            <source>The interest window ended: the lead went to {0}, the first to ask</source>
            <translation>De interesseperiode is voorbij: de lead ging naar {0}, die het eerst vroeg</translation>
        </message>
        <message>
            <location filename="../pages/lead_history.py" line="91" />
            <source>The interest window ended with nobody interested: the lead is open</source>
            <translation>De interesseperiode is voorbij zonder interesse: de lead staat open</translation>
        </message>
        <message>
            <location filename="../pages/lead_history.py" line="96" />
            <source>{0} — no effect: {1}</source>
            <translation>{0} — zonder gevolg: {1}</translation>
        </message>
        <message>
            <location filename="../pages/lead_history.py" line="125" />
            <source>Also claimed by you — {0} was first.</source>
            <translation>Ook door jou geclaimd — {0} was eerder.</translation>
        </message>
        <message>
            <location filename="../pages/lead_history.py" line="129" />
            <source>Interest window open until {0}. Then the first member who asked gets it, unless the giver picks someone.</source>
            <translation>Interesseperiode loopt tot {0}. Daarna krijgt het lid dat het eerst vroeg de lead, tenzij de gever iemand kiest.</translation>
        </message>
        <message>
            <location filename="../pages/lead_history.py" line="135" />
            <source>Record your first contact with the client before {0}, or the claim lapses and the lead reopens.</source>
            <translation>Leg je eerste contact met de klant vast vóór {0}, anders vervalt de claim en gaat de lead weer open.</translation>
        </message>
        <message>
            <location filename="../pages/lead_history.py" line="139" />
            <source>Won — waiting for the giver to confirm.</source>
            <translation>Binnengehaald — wacht op bevestiging van de gever.</translation>
        </message>
    </context>
    <context>
        <name>LeadStatus</name>
        <message>
            <location filename="../pages/lead_look.py" line="42" />
            <source>Open</source>
            <translation>Open</translation>
        </message>
        <message>
            <location filename="../pages/lead_look.py" line="43" />
            <source>Interest window</source>
            <translation>Interesseperiode</translation>
        </message>
        <message>
            <location filename="../pages/lead_look.py" line="44" />
            <source>Claimed</source>
            <translation>Geclaimd</translation>
        </message>
        <message>
            <location filename="../pages/lead_look.py" line="45" />
            <source>Client contacted</source>
            <translation>Opdrachtgever benaderd</translation>
        </message>
        <message>
            <location filename="../pages/lead_look.py" line="46" />
            <source>Proposal sent</source>
            <translation>Offerte verstuurd</translation>
        </message>
        <message>
            <location filename="../pages/lead_look.py" line="47" />
            <source>Won</source>
            <translation>Gegund</translation>
        </message>
        <message>
            <location filename="../pages/lead_look.py" line="48" />
            <source>Lost</source>
            <translation>Niet gegund</translation>
        </message>
        <message>
            <location filename="../pages/lead_look.py" line="49" />
            <source>Withdrawn</source>
            <translation>Ingetrokken</translation>
        </message>
        <message>
            <location filename="../pages/lead_look.py" line="50" />
            <source>Passed on</source>
            <translation>Doorgegeven</translation>
        </message>
    </context>
    <context>
        <name>Leads</name>
        <message>
            <location filename="../pages/lead_look.py" line="73" />
            <source>(an idea shared with other members)</source>
            <translation>(een idee gedeeld met andere leden)</translation>
        </message>
        <message>
            <location filename="../pages/lead_look.py" line="74" />
            <source>(not readable on this device)</source>
            <translation>(niet leesbaar op dit apparaat)</translation>
        </message>
    </context>
    <context>
        <name>LeadsPage</name>
        <message>
            <location filename="../pages/leads.py" line="48" />
            <source>Title</source>
            <translation>Titel</translation>
        </message>
        <message>
            <location filename="../pages/leads.py" line="49" />
            <location filename="../pages/leads.py" line="102" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../pages/leads.py" line="50" />
            <source>Given by</source>
            <translation>Aangebracht door</translation>
        </message>
        <message>
            <location filename="../pages/leads.py" line="51" />
            <source>Updated</source>
            <translation>Bijgewerkt</translation>
        </message>
        <message>
            <location filename="../pages/leads.py" line="54" />
            <source>Give a lead</source>
            <translation>Een lead aanbrengen</translation>
        </message>
        <message>
            <location filename="../pages/leads.py" line="55" />
            <source>Share an assignment with the cooperative (Ctrl+N)</source>
            <translation>Een opdracht delen met de coöperatie (Ctrl+N)</translation>
        </message>
        <message>
            <location filename="../pages/leads.py" line="67" />
            <source>Filter leads</source>
            <translation>Leads filteren</translation>
        </message>
        <message>
            <location filename="../pages/leads.py" line="69" />
            <source>Show leads with status</source>
            <translation>Leads tonen met status</translation>
        </message>
        <message>
            <location filename="../pages/leads.py" line="70" />
            <source>Show only leads with this status</source>
            <translation>Alleen leads met deze status tonen</translation>
        </message>
        <message>
            <location filename="../pages/leads.py" line="71" />
            <source>All statuses</source>
            <translation>Alle statussen</translation>
        </message>
        <message>
            <location filename="../pages/leads.py" line="79" />
            <location filename="../pages/leads.py" line="275" />
            <source>Leads</source>
            <translation>Leads</translation>
        </message>
        <message>
            <location filename="../pages/leads.py" line="86" />
            <source>No leads yet. Give the first one with Ctrl+N — its client details stay sealed until someone claims it.</source>
            <translation>Nog geen leads. Breng de eerste aan met Ctrl+N — de gegevens van de opdrachtgever blijven verzegeld totdat iemand de lead claimt.</translation>
        </message>
        <message>
            <location filename="../pages/leads.py" line="88" />
            <source>No leads match this filter.</source>
            <translation>Geen leads gevonden met dit filter.</translation>
        </message>
        <message>
            <location filename="../pages/leads.py" line="94" />
            <source>Choose a lead to see what it is about, or give one with Ctrl+N.</source>
            <translation>Kies een lead om te zien waar die over gaat, of breng er een aan met Ctrl+N.</translation>
        </message>
        <message>
            <location filename="../pages/leads.py" line="99" />
            <source>Lead title</source>
            <translation>Titel van de lead</translation>
        </message>
        <message>
            <location filename="../pages/leads.py" line="119" />
            <source>Role</source>
            <translation>Rol</translation>
        </message>
        <message>
            <location filename="../pages/leads.py" line="120" />
            <source>Skills</source>
            <translation>Vaardigheden</translation>
        </message>
        <message>
            <location filename="../pages/leads.py" line="121" />
            <source>Region</source>
            <translation>Regio</translation>
        </message>
        <message>
            <location filename="../pages/leads.py" line="122" />
            <source>Start</source>
            <translation>Start</translation>
        </message>
        <message>
            <location filename="../pages/leads.py" line="123" />
            <source>Duration</source>
            <translation>Duur</translation>
        </message>
        <message>
            <location filename="../pages/leads.py" line="124" />
            <source>Hours per week</source>
            <translation>Uren per week</translation>
        </message>
        <message>
            <location filename="../pages/leads.py" line="125" />
            <source>Respond by</source>
            <translation>Reageren vóór</translation>
        </message>
        <message>
            <location filename="../pages/leads.py" line="126" />
            <source>Contract form</source>
            <translation>Contractvorm</translation>
        </message>
        <message>
            <location filename="../pages/leads.py" line="127" />
            <source>Wet DBA</source>
            <translation>Wet DBA</translation>
        </message>
        <message>
            <location filename="../pages/leads.py" line="128" />
            <source>Referral terms</source>
            <translation>Aanbrengafspraken</translation>
        </message>
        <message>
            <location filename="../pages/leads.py" line="129" />
            <source>Claimed by</source>
            <translation>Geclaimd door</translation>
        </message>
        <message>
            <location filename="../pages/leads.py" line="139" />
            <source>Description</source>
            <translation>Omschrijving</translation>
        </message>
        <message>
            <location filename="../pages/leads.py" line="142" />
            <location filename="../pages/lead_detail.py" line="183" />
            <source>Sealed: only you and the claimer</source>
            <translation>Verzegeld: alleen jij en degene die claimt</translation>
        </message>
        <message>
            <location filename="../pages/leads.py" line="148" />
            <source>Organisation</source>
            <translation>Organisatie</translation>
        </message>
        <message>
            <location filename="../pages/leads.py" line="149" />
            <source>Contact person</source>
            <translation>Contactpersoon</translation>
        </message>
        <message>
            <location filename="../pages/leads.py" line="150" />
            <source>Client rate</source>
            <translation>Tarief opdrachtgever</translation>
        </message>
        <message>
            <location filename="../pages/leads.py" line="151" />
            <source>Intermediary</source>
            <translation>Intermediair</translation>
        </message>
        <message>
            <location filename="../pages/leads.py" line="152" />
            <source>Intermediary fee</source>
            <translation>Fee intermediair</translation>
        </message>
        <message>
            <location filename="../pages/leads.py" line="165" />
            <source>&amp;Claim…</source>
            <translation>&amp;Claimen…</translation>
        </message>
        <message>
            <location filename="../pages/leads.py" line="166" />
            <source>Take this lead on: you see and accept the giver's referral terms first</source>
            <translation>Neem deze lead aan: je ziet en aanvaardt eerst de doorverwijsvoorwaarden van de gever</translation>
        </message>
        <message>
            <location filename="../pages/leads.py" line="170" />
            <source>I'm &amp;interested</source>
            <translation>Ik heb &amp;interesse</translation>
        </message>
        <message>
            <location filename="../pages/leads.py" line="172" />
            <source>Ask for this lead: the giver picks, or the first to ask gets it when the window ends</source>
            <translation>Vraag om deze lead: de gever kiest, of wie het eerst vroeg krijgt hem als de periode afloopt</translation>
        </message>
        <message>
            <location filename="../pages/leads.py" line="177" />
            <source>&amp;Give to…</source>
            <translation>&amp;Geven aan…</translation>
        </message>
        <message>
            <location filename="../pages/leads.py" line="178" />
            <source>Choose one of the interested members</source>
            <translation>Kies een van de geïnteresseerde leden</translation>
        </message>
        <message>
            <location filename="../pages/leads.py" line="182" />
            <source>&amp;Accept terms</source>
            <translation>Voorwaarden &amp;aanvaarden</translation>
        </message>
        <message>
            <location filename="../pages/leads.py" line="183" />
            <source>Sign the giver's current referral terms</source>
            <translation>Onderteken de huidige doorverwijsvoorwaarden van de gever</translation>
        </message>
        <message>
            <location filename="../pages/leads.py" line="187" />
            <source>Next status</source>
            <translation>Volgende status</translation>
        </message>
        <message>
            <location filename="../pages/leads.py" line="188" />
            <source>The steps this lead can take next</source>
            <translation>De stappen die deze lead hierna kan zetten</translation>
        </message>
        <message>
            <location filename="../pages/leads.py" line="190" />
            <source>&amp;Next step</source>
            <translation>&amp;Volgende stap</translation>
        </message>
        <message>
            <location filename="../pages/leads.py" line="193" />
            <source>&amp;Move</source>
            <translation>&amp;Doorzetten</translation>
        </message>
        <message>
            <location filename="../pages/leads.py" line="194" />
            <source>Record the lead's next step; the giver sees it at once</source>
            <translation>De volgende stap van de lead vastleggen; de aanbrenger ziet het meteen</translation>
        </message>
        <message>
            <location filename="../pages/leads.py" line="198" />
            <source>Give &amp;back</source>
            <translation>&amp;Teruggeven</translation>
        </message>
        <message>
            <location filename="../pages/leads.py" line="199" />
            <source>Return the lead: it opens for other members</source>
            <translation>Geef de lead terug: andere leden kunnen hem dan nemen</translation>
        </message>
        <message>
            <location filename="../pages/leads.py" line="203" />
            <source>&amp;Pass on…</source>
            <translation>&amp;Doorgeven…</translation>
        </message>
        <message>
            <location filename="../pages/leads.py" line="203" />
            <source>Hand this lead to another member</source>
            <translation>Geef deze lead aan een ander lid</translation>
        </message>
        <message>
            <location filename="../pages/leads.py" line="206" />
            <source>&amp;Withdraw</source>
            <translation>&amp;Intrekken</translation>
        </message>
        <message>
            <location filename="../pages/leads.py" line="207" />
            <source>Close this lead: it is no longer available</source>
            <translation>Deze lead sluiten: hij is niet meer beschikbaar</translation>
        </message>
        <message>
            <location filename="../pages/leads.py" line="211" />
            <source>&amp;Reopen</source>
            <translation>&amp;Heropenen</translation>
        </message>
        <message>
            <location filename="../pages/leads.py" line="211" />
            <source>Open this lead again for the cooperative</source>
            <translation>Stel deze lead opnieuw open voor de coöperatie</translation>
        </message>
        <message>
            <location filename="../pages/leads.py" line="214" />
            <source>Confirm &amp;won</source>
            <translation>Binnengehaald &amp;bevestigen</translation>
        </message>
        <message>
            <location filename="../pages/leads.py" line="215" />
            <source>Confirm the claimer won the assignment: it counts for both of you</source>
            <translation>Bevestig dat de claimer de opdracht binnenhaalde: dat telt voor jullie allebei</translation>
        </message>
        <message>
            <location filename="../pages/leads.py" line="219" />
            <source>&amp;Release details to claimer</source>
            <translation>&amp;Gegevens vrijgeven aan claimer</translation>
        </message>
        <message>
            <location filename="../pages/leads.py" line="220" />
            <source>Let the claimer read the organisation, contact person and rate</source>
            <translation>Degene die claimde de organisatie, de contactpersoon en het tarief laten lezen</translation>
        </message>
        <message>
            <location filename="../pages/leads.py" line="232" />
            <source>Who &amp;fits</source>
            <translation>Wie &amp;past</translation>
        </message>
        <message>
            <location filename="../pages/leads.py" line="232" />
            <source>Members who fit this lead, worked out here</source>
            <translation>Leden die bij deze lead passen, hier bepaald</translation>
        </message>
        <message>
            <location filename="../pages/leads.py" line="254" />
            <source>History</source>
            <translation>Geschiedenis</translation>
        </message>
        <message>
            <location filename="../pages/leads.py" line="293" />
            <source>Lead given to the cooperative.</source>
            <translation>Lead aangebracht bij de coöperatie.</translation>
        </message>
        <message>
            <location filename="../pages/leads.py" line="307" />
            <source>Could not read this lead: {0}</source>
            <translation>Kan deze lead niet lezen: {0}</translation>
        </message>
        <message>
            <location filename="../pages/lead_detail.py" line="140" />
            <source>you</source>
            <translation>jij</translation>
        </message>
        <message>
            <location filename="../pages/lead_detail.py" line="96" />
            <location filename="../pages/lead_detail.py" line="354" />
            <source>Status is now “{0}”.</source>
            <translation>Status is nu “{0}”.</translation>
        </message>
        <message>
            <location filename="../pages/lead_detail.py" line="101" />
            <source>Given by you · updated {0}</source>
            <translation>Aangebracht door jou · bijgewerkt {0}</translation>
        </message>
        <message>
            <location filename="../pages/lead_detail.py" line="103" />
            <source>Given by {0} · updated {1}</source>
            <translation>Aangebracht door {0} · bijgewerkt {1}</translation>
        </message>
        <message>
            <location filename="../pages/lead_detail.py" line="124" />
            <source>{0}, remote work possible</source>
            <translation>{0}, op afstand werken mogelijk</translation>
        </message>
        <message>
            <location filename="../pages/lead_detail.py" line="124" />
            <source>Remote</source>
            <translation>Op afstand</translation>
        </message>
        <message>
            <location filename="../pages/lead_detail.py" line="128" />
            <source>1 week</source>
            <translation>1 week</translation>
        </message>
        <message>
            <location filename="../pages/lead_detail.py" line="130" />
            <source>{0} weeks</source>
            <translation>{0} weken</translation>
        </message>
        <message>
            <location filename="../pages/lead_detail.py" line="133" />
            <source>{0}, with an option to extend</source>
            <translation>{0}, met optie tot verlenging</translation>
        </message>
        <message>
            <location filename="../pages/lead_detail.py" line="135" />
            <source>Option to extend</source>
            <translation>Optie tot verlenging</translation>
        </message>
        <message>
            <location filename="../pages/lead_detail.py" line="147" />
            <source>{0} hours</source>
            <translation>{0} uur</translation>
        </message>
        <message>
            <location filename="../pages/lead_detail.py" line="164" />
            <source>€ {0} – € {1} per hour</source>
            <translation>€ {0} – € {1} per uur</translation>
        </message>
        <message>
            <location filename="../pages/lead_detail.py" line="166" />
            <source>from € {0} per hour</source>
            <translation>vanaf € {0} per uur</translation>
        </message>
        <message>
            <location filename="../pages/lead_detail.py" line="168" />
            <source>up to € {0} per hour</source>
            <translation>tot € {0} per uur</translation>
        </message>
        <message>
            <location filename="../pages/lead_detail.py" line="185" />
            <source>Sealed: only you and the giver</source>
            <translation>Verzegeld: alleen jij en de gever</translation>
        </message>
        <message>
            <location filename="../pages/lead_detail.py" line="190" />
            <source>You gave no sealed details for this lead.</source>
            <translation>Je hebt geen verzegelde gegevens opgegeven voor deze lead.</translation>
        </message>
        <message>
            <location filename="../pages/lead_detail.py" line="195" />
            <source>The client's details are sealed. Accept the referral terms; then the giver can release them to you.</source>
            <translation>De gegevens van de klant zijn verzegeld. Aanvaard de doorverwijsvoorwaarden; daarna kan de gever ze voor je vrijgeven.</translation>
        </message>
        <message>
            <location filename="../pages/lead_detail.py" line="202" />
            <source>The client's details are sealed. They unlock for you once the giver releases them.</source>
            <translation>De gegevens van de opdrachtgever zijn verzegeld. Je kunt ze lezen zodra de aanbrenger ze vrijgeeft.</translation>
        </message>
        <message>
            <location filename="../pages/lead_detail.py" line="209" />
            <source>The client's details are sealed: only the giver, and the member who claims this lead, can read them.</source>
            <translation>De gegevens van de opdrachtgever zijn verzegeld: alleen de aanbrenger en het lid dat deze lead claimt, kunnen ze lezen.</translation>
        </message>
        <message>
            <location filename="../pages/lead_detail.py" line="238" />
            <source>This lead is closed.</source>
            <translation>Deze lead is gesloten.</translation>
        </message>
        <message>
            <location filename="../pages/lead_detail.py" line="262" />
            <source>No referral terms</source>
            <translation>Geen doorverwijsvoorwaarden</translation>
        </message>
        <message>
            <location filename="../pages/lead_detail.py" line="264" />
            <source>Claim lead</source>
            <translation>Lead claimen</translation>
        </message>
        <message>
            <location filename="../pages/lead_detail.py" line="266" />
            <source>Claim “{0}”?</source>
            <translation>“{0}” claimen?</translation>
        </message>
        <message>
            <location filename="../pages/lead_detail.py" line="269" />
            <source>Referral terms set by {0}: {1}

Claiming signs that you accept these terms. The giver can then release the client's details to you.</source>
            <translation>Doorverwijsvoorwaarden van {0}: {1}

Met claimen onderteken je dat je deze voorwaarden aanvaardt. De gever kan daarna de gegevens van de klant voor je vrijgeven.</translation>
        </message>
        <message>
            <location filename="../pages/lead_detail.py" line="272" />
            <source>Accept terms and claim</source>
            <translation>Voorwaarden aanvaarden en claimen</translation>
        </message>
        <message>
            <location filename="../pages/lead_detail.py" line="278" />
            <source>Claiming…</source>
            <translation>Claimen…</translation>
        </message>
        <message>
            <location filename="../pages/lead_detail.py" line="281" />
            <source>You claimed this lead. The giver has been told.</source>
            <translation>Je hebt deze lead geclaimd. De aanbrenger heeft bericht gekregen.</translation>
        </message>
        <message>
            <location filename="../pages/lead_detail.py" line="289" />
            <location filename="../pages/lead_detail.py" line="351" />
            <source>Saving…</source>
            <translation>Opslaan…</translation>
        </message>
        <message>
            <location filename="../pages/lead_detail.py" line="297" />
            <source>The giver knows you are interested.</source>
            <translation>De gever weet dat je interesse hebt.</translation>
        </message>
        <message>
            <location filename="../pages/lead_detail.py" line="300" />
            <source>You accepted the referral terms. The giver has been told.</source>
            <translation>Je hebt de doorverwijsvoorwaarden aanvaard. De gever is op de hoogte gebracht.</translation>
        </message>
        <message>
            <location filename="../pages/lead_detail.py" line="303" />
            <source>You gave the lead back. It is open again.</source>
            <translation>Je hebt de lead teruggegeven. Hij staat weer open.</translation>
        </message>
        <message>
            <location filename="../pages/lead_detail.py" line="306" />
            <source>The lead is open again.</source>
            <translation>De lead staat weer open.</translation>
        </message>
        <message>
            <location filename="../pages/lead_detail.py" line="309" />
            <source>You confirmed the assignment was won.</source>
            <translation>Je hebt bevestigd dat de opdracht binnen is.</translation>
        </message>
        <message>
            <location filename="../pages/lead_detail.py" line="316" />
            <source>Give the lead to</source>
            <translation>Lead geven aan</translation>
        </message>
        <message>
            <location filename="../pages/lead_detail.py" line="316" />
            <source>Members who are interested:</source>
            <translation>Leden met interesse:</translation>
        </message>
        <message>
            <location filename="../pages/lead_detail.py" line="317" />
            <source>You gave the lead to {0}.</source>
            <translation>Je hebt de lead aan {0} gegeven.</translation>
        </message>
        <message>
            <location filename="../pages/lead_detail.py" line="325" />
            <source>Pass the lead on</source>
            <translation>Lead doorgeven</translation>
        </message>
        <message>
            <location filename="../pages/lead_detail.py" line="325" />
            <source>Pass this lead on to:</source>
            <translation>Geef deze lead door aan:</translation>
        </message>
        <message>
            <location filename="../pages/lead_detail.py" line="326" />
            <source>You passed the lead on to {0}.</source>
            <translation>Je hebt de lead doorgegeven aan {0}.</translation>
        </message>
        <message>
            <location filename="../pages/lead_detail.py" line="363" />
            <source>Withdraw lead</source>
            <translation>Lead intrekken</translation>
        </message>
        <message>
            <location filename="../pages/lead_detail.py" line="364" />
            <source>Withdraw “{0}”? The lead closes; you can reopen it later.</source>
            <translation>“{0}” intrekken? De lead wordt gesloten; je kunt hem later heropenen.</translation>
        </message>
        <message>
            <location filename="../pages/lead_detail.py" line="369" />
            <source>The lead is withdrawn.</source>
            <translation>De lead is ingetrokken.</translation>
        </message>
        <message>
            <location filename="../pages/lead_detail.py" line="380" />
            <source>Release details</source>
            <translation>Gegevens vrijgeven</translation>
        </message>
        <message>
            <location filename="../pages/lead_detail.py" line="382" />
            <source>Let {0} read the organisation, contact person and rate of this lead? This cannot be undone.</source>
            <translation>{0} de organisatie, de contactpersoon en het tarief van deze lead laten lezen? Dit kan niet ongedaan worden gemaakt.</translation>
        </message>
        <message>
            <location filename="../pages/lead_detail.py" line="387" />
            <source>Releasing…</source>
            <translation>Vrijgeven…</translation>
        </message>
        <message>
            <location filename="../pages/lead_detail.py" line="397" />
            <source>{0} can now read the client's details once their device syncs.</source>
            <translation>{0} kan de gegevens van de opdrachtgever lezen zodra diens apparaat gesynchroniseerd is.</translation>
        </message>
        <message>
            <location filename="../pages/lead_detail.py" line="400" />
            <source>There were no sealed details to release.</source>
            <translation>Er waren geen verzegelde gegevens om vrij te geven.</translation>
        </message>
    </context>
    <context>
        <name>LedgerPage</name>
        <message>
            <location filename="../pages/ledger.py" line="69" />
            <source>Given and received</source>
            <translation>Geven en ontvangen</translation>
        </message>
        <message>
            <location filename="../pages/ledger.py" line="82" />
            <source>Yours</source>
            <translation>Van jou</translation>
        </message>
        <message>
            <location filename="../pages/ledger.py" line="99" />
            <source>Date</source>
            <translation>Datum</translation>
        </message>
        <message>
            <location filename="../pages/ledger.py" line="100" />
            <source>What</source>
            <translation>Wat</translation>
        </message>
        <message>
            <location filename="../pages/ledger.py" line="101" />
            <source>For</source>
            <translation>Waarvoor</translation>
        </message>
        <message>
            <location filename="../pages/ledger.py" line="102" />
            <source>With</source>
            <translation>Met</translation>
        </message>
        <message>
            <location filename="../pages/ledger.py" line="103" />
            <source>Note</source>
            <translation>Notitie</translation>
        </message>
        <message>
            <location filename="../pages/ledger.py" line="107" />
            <source>Your given and received</source>
            <translation>Wat jij gaf en ontving</translation>
        </message>
        <message>
            <location filename="../pages/ledger.py" line="117" />
            <source>Nothing given or received yet. Share a note, give a lead, or thank someone for theirs: it shows here.</source>
            <translation>Nog niets gegeven of ontvangen. Deel een notitie, geef een lead of bedank iemand voor de zijne: dat verschijnt hier.</translation>
        </message>
        <message>
            <location filename="../pages/ledger.py" line="129" />
            <source>Other members</source>
            <translation>Andere leden</translation>
        </message>
        <message>
            <location filename="../pages/ledger.py" line="132" />
            <source>Counts only, listed by name. There is no ranking: what matters is that giving and receiving flow both ways.</source>
            <translation>Alleen aantallen, op naam gesorteerd. Er is geen ranglijst: het gaat erom dat geven en ontvangen twee kanten op gaan.</translation>
        </message>
        <message>
            <location filename="../pages/ledger.py" line="140" />
            <source>Name</source>
            <translation>Naam</translation>
        </message>
        <message>
            <location filename="../pages/ledger.py" line="141" />
            <source>Leads given</source>
            <translation>Leads gegeven</translation>
        </message>
        <message>
            <location filename="../pages/ledger.py" line="142" />
            <source>Leads received</source>
            <translation>Leads ontvangen</translation>
        </message>
        <message>
            <location filename="../pages/ledger.py" line="143" />
            <source>Notes shared</source>
            <translation>Notities gedeeld</translation>
        </message>
        <message>
            <location filename="../pages/ledger.py" line="144" />
            <location filename="../pages/ledger.py" line="225" />
            <source>Thanks given</source>
            <translation>Bedankjes gegeven</translation>
        </message>
        <message>
            <location filename="../pages/ledger.py" line="145" />
            <location filename="../pages/ledger.py" line="226" />
            <source>Thanks received</source>
            <translation>Bedankjes ontvangen</translation>
        </message>
        <message>
            <location filename="../pages/ledger.py" line="149" />
            <source>Other members' counts</source>
            <translation>Aantallen van andere leden</translation>
        </message>
        <message>
            <location filename="../pages/ledger.py" line="155" />
            <source>No other members yet. Invite someone to the cooperative.</source>
            <translation>Nog geen andere leden. Nodig iemand uit voor de coöperatie.</translation>
        </message>
        <message>
            <location filename="../pages/ledger.py" line="189" />
            <source>Only you see this: {0}</source>
            <translation>Alleen jij ziet dit: {0}</translation>
        </message>
        <message>
            <location filename="../pages/ledger.py" line="204" />
            <source>Leads: {0} given ({1} led to work), {2} received</source>
            <translation>Leads: {0} gegeven ({1} leidden tot werk), {2} ontvangen</translation>
        </message>
        <message>
            <location filename="../pages/ledger.py" line="207" />
            <source>Notes shared: {0}</source>
            <translation>Notities gedeeld: {0}</translation>
        </message>
        <message>
            <location filename="../pages/ledger.py" line="208" />
            <source>Thanks: {0} given, {1} received</source>
            <translation>Bedankjes: {0} gegeven, {1} ontvangen</translation>
        </message>
        <message>
            <location filename="../pages/ledger.py" line="216" />
            <source>{0} leads received this quarter, none given.</source>
            <translation>{0} leads ontvangen dit kwartaal, geen gegeven.</translation>
        </message>
        <message>
            <location filename="../pages/ledger.py" line="217" />
            <source>{0} thanks received this quarter, none given.</source>
            <translation>{0} bedankjes ontvangen dit kwartaal, geen gegeven.</translation>
        </message>
        <message>
            <location filename="../pages/ledger.py" line="221" />
            <source>Lead given</source>
            <translation>Lead gegeven</translation>
        </message>
        <message>
            <location filename="../pages/ledger.py" line="222" />
            <source>Lead received</source>
            <translation>Lead ontvangen</translation>
        </message>
        <message>
            <location filename="../pages/ledger.py" line="223" />
            <source>Lead given, led to work</source>
            <translation>Lead gegeven, leidde tot werk</translation>
        </message>
        <message>
            <location filename="../pages/ledger.py" line="224" />
            <source>Note shared</source>
            <translation>Notitie gedeeld</translation>
        </message>
        <message>
            <location filename="../pages/ledger.py" line="231" />
            <source>does not count: over the limit of 10 thanks a day</source>
            <translation>telt niet: boven de grens van 10 bedankjes per dag</translation>
        </message>
        <message>
            <location filename="../pages/ledger.py" line="232" />
            <source>does not count: a thanks to oneself</source>
            <translation>telt niet: een bedankje aan jezelf</translation>
        </message>
        <message>
            <location filename="../pages/ledger.py" line="233" />
            <source>does not count: already thanked for this</source>
            <translation>telt niet: hiervoor was al bedankt</translation>
        </message>
        <message>
            <location filename="../pages/ledger.py" line="234" />
            <source>counts once the item it thanks for arrives</source>
            <translation>telt mee zodra het item waarvoor bedankt wordt binnen is</translation>
        </message>
        <message>
            <location filename="../pages/ledger.py" line="235" />
            <source>does not count: not a note, lead or member</source>
            <translation>telt niet: geen notitie, lead of lid</translation>
        </message>
        <message>
            <location filename="../pages/ledger.py" line="236" />
            <source>withdrawn</source>
            <translation>ingetrokken</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../main_window.py" line="97" />
            <source>Sections</source>
            <translation>Onderdelen</translation>
        </message>
        <message>
            <location filename="../main_window.py" line="112" />
            <source>Search…</source>
            <translation>Zoeken…</translation>
        </message>
        <message>
            <location filename="../main_window.py" line="113" />
            <source>Search notes, leads and ideas (Ctrl+K)</source>
            <translation>Notities, leads en ideeën doorzoeken (Ctrl+K)</translation>
        </message>
        <message>
            <location filename="../main_window.py" line="115" />
            <source>Invite</source>
            <translation>Uitnodigen</translation>
        </message>
        <message>
            <location filename="../main_window.py" line="116" />
            <source>Invite someone to the cooperative (Ctrl+I)</source>
            <translation>Iemand uitnodigen voor de coöperatie (Ctrl+I)</translation>
        </message>
        <message>
            <location filename="../main_window.py" line="122" />
            <source>Settings (Ctrl+,)</source>
            <translation>Instellingen (Ctrl+,)</translation>
        </message>
        <message>
            <location filename="../main_window.py" line="123" />
            <source>Settings</source>
            <translation>Instellingen</translation>
        </message>
        <message>
            <location filename="../main_window.py" line="227" />
            <source>Meetup mode: not announcing this device</source>
            <translation>Meetup-modus: dit apparaat maakt zich niet bekend</translation>
        </message>
        <message>
            <location filename="../main_window.py" line="228" />
            <source>Undo</source>
            <translation>Ongedaan maken</translation>
        </message>
        <message>
            <location filename="../main_window.py" line="276" />
            <source>Undone</source>
            <translation>Ongedaan gemaakt</translation>
        </message>
        <message>
            <location filename="../main_window.py" line="230" />
            <source>Demo: a sample cooperative. Nothing you do is kept.</source>
            <translation>Demo: een voorbeeldcoöperatie. Niets wat je hier doet, wordt bewaard.</translation>
        </message>
        <message>
            <location filename="../main_window.py" line="313" />
            <source>Database damaged</source>
            <translation>Database beschadigd</translation>
        </message>
        <message>
            <location filename="../main_window.py" line="317" />
            <source>CoopShare found damage in the database of its data folder ({0}).

Make a copy of the data folder now. Everything you shared is also held by the other members: if problems appear, set up this computer again with your recovery key and a new invitation.</source>
            <translation>CoopShare heeft schade gevonden in de database van zijn gegevensmap ({0}).

Maak nu een kopie van de gegevensmap. Alles wat je hebt gedeeld, hebben de andere leden ook: als er problemen optreden, richt deze computer dan opnieuw in met je herstelsleutel en een nieuwe uitnodiging.</translation>
        </message>
        <message numerus="yes">
            <location filename="../main_window.py" line="339" />
            <source>● %n member(s) online</source>
            <translation>
                <numerusform>● %n lid online</numerusform>
                <numerusform>● %n leden online</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../main_window.py" line="341" />
            <source>○ waiting for members</source>
            <translation>○ wacht op leden</translation>
        </message>
        <message>
            <location filename="../main_window.py" line="343" />
            <source>○ offline</source>
            <translation>○ offline</translation>
        </message>
        <message>
            <location filename="../main_window.py" line="345" />
            <source>This device is online: other members can connect to it.</source>
            <translation>Dit apparaat is online: andere leden kunnen er verbinding mee maken.</translation>
        </message>
        <message>
            <location filename="../main_window.py" line="347" />
            <source>This device is not connected to the network.</source>
            <translation>Dit apparaat is niet met het netwerk verbonden.</translation>
        </message>
        <message>
            <location filename="../main_window.py" line="362" />
            <source>Syncing %v of %m</source>
            <translation>Synchroniseren: %v van %m</translation>
        </message>
        <message>
            <location filename="../notify.py" line="59" />
            <source>New member</source>
            <translation>Nieuw lid</translation>
        </message>
        <message>
            <location filename="../notify.py" line="59" />
            <source>{0} joined the cooperative</source>
            <translation>{0} is lid geworden van de coöperatie</translation>
        </message>
        <message>
            <location filename="../notify.py" line="70" />
            <location filename="../notify.py" line="82" />
            <source>New lead for you</source>
            <translation>Nieuwe lead voor jou</translation>
        </message>
        <message>
            <location filename="../notify.py" line="71" />
            <source>“{0}” matches your skills: {1}</source>
            <translation>“{0}” past bij je vaardigheden: {1}</translation>
        </message>
        <message>
            <location filename="../notify.py" line="83" />
            <source>“{0}” fits you: {1}</source>
            <translation>“{0}” past bij jou: {1}</translation>
        </message>
        <message>
            <location filename="../notify.py" line="89" />
            <source>Your lead: {0}</source>
            <translation>Jouw lead: {0}</translation>
        </message>
        <message>
            <location filename="../notify.py" line="95" />
            <source>Your lead moved</source>
            <translation>Je lead heeft een nieuwe status</translation>
        </message>
        <message>
            <location filename="../notify.py" line="96" />
            <source>“{0}” is now {1}</source>
            <translation>“{0}” is nu {1}</translation>
        </message>
    </context>
    <context>
        <name>MemberActions</name>
        <message>
            <location filename="../dialogs/member_admin.py" line="50" />
            <source>Remove from the cooperative…</source>
            <translation>Uit de coöperatie verwijderen…</translation>
        </message>
        <message>
            <location filename="../dialogs/member_admin.py" line="91" />
            <source>Devices: {0}</source>
            <translation>Apparaten: {0}</translation>
        </message>
        <message>
            <location filename="../dialogs/member_admin.py" line="91" />
            <source>none</source>
            <translation>geen</translation>
        </message>
        <message>
            <location filename="../dialogs/member_admin.py" line="93" />
            <source>Revoked devices: {0}</source>
            <translation>Ingetrokken apparaten: {0}</translation>
        </message>
        <message>
            <location filename="../dialogs/member_admin.py" line="99" />
            <location filename="../dialogs/member_admin.py" line="113" />
            <source>Make member</source>
            <translation>Gewoon lid maken</translation>
        </message>
        <message>
            <location filename="../dialogs/member_admin.py" line="99" />
            <location filename="../dialogs/member_admin.py" line="118" />
            <source>Make admin</source>
            <translation>Beheerder maken</translation>
        </message>
        <message>
            <location filename="../dialogs/member_admin.py" line="111" />
            <source>{0} becomes an ordinary member: they can no longer invite or remove people or change roles.</source>
            <translation>{0} wordt een gewoon lid: die kan dan geen mensen meer uitnodigen of verwijderen en geen rollen meer wijzigen.</translation>
        </message>
        <message>
            <location filename="../dialogs/member_admin.py" line="116" />
            <source>{0} becomes an admin: they can invite and remove people and change roles, also yours.</source>
            <translation>{0} wordt beheerder: die kan dan mensen uitnodigen en verwijderen en rollen wijzigen, ook die van jou.</translation>
        </message>
        <message>
            <location filename="../dialogs/member_admin.py" line="119" />
            <source>Change role</source>
            <translation>Rol wijzigen</translation>
        </message>
        <message>
            <location filename="../dialogs/member_admin.py" line="126" />
            <source>Remove {0} from the cooperative?

Everything written from now on is encrypted with new keys that {0}'s devices do not get, and the other members' devices stop syncing with them.

{0} keeps what they already had: the notes, leads and ideas on their devices stay readable to them. Removal cannot take those back.</source>
            <translation>{0} uit de coöperatie verwijderen?

Alles wat vanaf nu wordt geschreven, wordt versleuteld met nieuwe sleutels die de apparaten van {0} niet krijgen, en de apparaten van de andere leden synchroniseren niet meer met die apparaten.

{0} houdt wat al binnen was: de notities, leads en ideeën op die apparaten blijven leesbaar. Verwijderen kan dat niet terugnemen.</translation>
        </message>
        <message>
            <location filename="../dialogs/member_admin.py" line="130" />
            <source>Remove member</source>
            <translation>Lid verwijderen</translation>
        </message>
        <message>
            <location filename="../dialogs/member_admin.py" line="130" />
            <source>Remove</source>
            <translation>Verwijderen</translation>
        </message>
        <message>
            <location filename="../dialogs/member_admin.py" line="138" />
            <source>Cancel</source>
            <translation>Annuleren</translation>
        </message>
    </context>
    <context>
        <name>Menus</name>
        <message>
            <location filename="../menus.py" line="33" />
            <source>New</source>
            <translation>Nieuw</translation>
        </message>
        <message>
            <location filename="../menus.py" line="39" />
            <source>Quit</source>
            <translation>Afsluiten</translation>
        </message>
        <message>
            <location filename="../menus.py" line="41" />
            <source>&amp;Edit</source>
            <translation>&amp;Bewerken</translation>
        </message>
        <message>
            <location filename="../menus.py" line="42" />
            <source>Undo delete</source>
            <translation>Verwijderen ongedaan maken</translation>
        </message>
        <message>
            <location filename="../menus.py" line="44" />
            <source>Filter this list</source>
            <translation>Deze lijst filteren</translation>
        </message>
        <message>
            <location filename="../menus.py" line="45" />
            <source>Search everything…</source>
            <translation>Alles doorzoeken…</translation>
        </message>
        <message>
            <location filename="../menus.py" line="47" />
            <source>Settings…</source>
            <translation>Instellingen…</translation>
        </message>
        <message>
            <location filename="../menus.py" line="49" />
            <source>&amp;Go</source>
            <translation>&amp;Ga naar</translation>
        </message>
        <message>
            <location filename="../menus.py" line="51" />
            <source>Quick switcher…</source>
            <translation>Snel openen…</translation>
        </message>
        <message>
            <location filename="../menus.py" line="64" />
            <source>Invite someone…</source>
            <translation>Iemand uitnodigen…</translation>
        </message>
        <message>
            <location filename="../menus.py" line="66" />
            <source>&amp;Help</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <location filename="../menus.py" line="67" />
            <location filename="../menus.py" line="104" />
            <source>Keyboard shortcuts</source>
            <translation>Sneltoetsen</translation>
        </message>
    </context>
    <context>
        <name>MyDevicesDialog</name>
        <message>
            <location filename="../dialogs/my_devices.py" line="45" />
            <source>My devices</source>
            <translation>Mijn apparaten</translation>
        </message>
        <message>
            <location filename="../dialogs/my_devices.py" line="49" />
            <source>Your devices in the cooperative</source>
            <translation>Je apparaten in de coöperatie</translation>
        </message>
        <message>
            <location filename="../dialogs/my_devices.py" line="54" />
            <source>Each device has its own keys. Names are only for you: they stay on this device. Revoke a device you lost: it can no longer sync, and everything written afterwards uses new keys it does not get.</source>
            <translation>Elk apparaat heeft eigen sleutels. Namen zijn alleen voor jou: ze blijven op dit apparaat. Trek een apparaat in dat je kwijt bent: het kan dan niet meer synchroniseren, en alles wat daarna wordt geschreven gebruikt nieuwe sleutels die het niet krijgt.</translation>
        </message>
        <message>
            <location filename="../dialogs/my_devices.py" line="70" />
            <source>Add my device…</source>
            <translation>Mijn apparaat toevoegen…</translation>
        </message>
        <message>
            <location filename="../dialogs/my_devices.py" line="71" />
            <source>Pair a new computer of yours in person</source>
            <translation>Koppel persoonlijk een nieuwe computer van jezelf</translation>
        </message>
        <message>
            <location filename="../dialogs/my_devices.py" line="74" />
            <source>Add a device…</source>
            <translation>Apparaat toevoegen…</translation>
        </message>
        <message>
            <location filename="../dialogs/my_devices.py" line="75" />
            <source>An invitation for another device of yours</source>
            <translation>Een uitnodiging voor nog een apparaat van jezelf</translation>
        </message>
        <message>
            <location filename="../dialogs/my_devices.py" line="92" />
            <source>This device was added in person and does not hold your member key: add a device from the device you added this one from.</source>
            <translation>Dit apparaat is persoonlijk gekoppeld en heeft je ledensleutel niet: voeg een apparaat toe vanaf het apparaat waarmee je dit apparaat hebt toegevoegd.</translation>
        </message>
        <message>
            <location filename="../dialogs/my_devices.py" line="112" />
            <source>Unnamed device</source>
            <translation>Naamloos apparaat</translation>
        </message>
        <message>
            <location filename="../dialogs/my_devices.py" line="117" />
            <source>this device</source>
            <translation>dit apparaat</translation>
        </message>
        <message>
            <location filename="../dialogs/my_devices.py" line="119" />
            <source>revoked</source>
            <translation>ingetrokken</translation>
        </message>
        <message>
            <location filename="../dialogs/my_devices.py" line="122" />
            <source>Rename…</source>
            <translation>Naam wijzigen…</translation>
        </message>
        <message>
            <location filename="../dialogs/my_devices.py" line="126" />
            <source>Revoke…</source>
            <translation>Intrekken…</translation>
        </message>
        <message>
            <location filename="../dialogs/my_devices.py" line="140" />
            <source>Rename device</source>
            <translation>Naam van apparaat wijzigen</translation>
        </message>
        <message>
            <location filename="../dialogs/my_devices.py" line="140" />
            <source>Name for this device:</source>
            <translation>Naam voor dit apparaat:</translation>
        </message>
        <message>
            <location filename="../dialogs/my_devices.py" line="154" />
            <source>Revoke {0}?

It can no longer sync with the cooperative, and everything written from now on is encrypted with new keys it does not get.

What is already on it stays readable there: revoking cannot take that back.</source>
            <translation>{0} intrekken?

Het kan niet meer met de coöperatie synchroniseren, en alles wat vanaf nu wordt geschreven, wordt versleuteld met nieuwe sleutels die het niet krijgt.

Wat er al op staat, blijft daar leesbaar: intrekken kan dat niet terugdraaien.</translation>
        </message>
        <message>
            <location filename="../dialogs/my_devices.py" line="166" />
            <source>Revoke device</source>
            <translation>Apparaat intrekken</translation>
        </message>
        <message>
            <location filename="../dialogs/my_devices.py" line="166" />
            <source>Revoke</source>
            <translation>Intrekken</translation>
        </message>
        <message>
            <location filename="../dialogs/my_devices.py" line="166" />
            <source>Cancel</source>
            <translation>Annuleren</translation>
        </message>
    </context>
    <context>
        <name>NearbyPage</name>
        <message>
            <location filename="../pages/nearby.py" line="89" />
            <source>Member</source>
            <translation>Lid</translation>
        </message>
        <message>
            <location filename="../pages/nearby.py" line="91" />
            <location filename="../pages/nearby.py" line="214" />
            <source>Address</source>
            <translation>Adres</translation>
        </message>
        <message>
            <location filename="../pages/nearby.py" line="92" />
            <source>Found by</source>
            <translation>Gevonden via</translation>
        </message>
        <message>
            <location filename="../pages/nearby.py" line="93" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../pages/nearby.py" line="98" />
            <source>Devices nearby</source>
            <translation>Apparaten in de buurt</translation>
        </message>
        <message>
            <location filename="../pages/nearby.py" line="124" />
            <source>Nearby</source>
            <translation>In de buurt</translation>
        </message>
        <message>
            <location filename="../pages/nearby.py" line="132" />
            <source>Discovery off</source>
            <translation>Netwerkdetectie uit</translation>
        </message>
        <message>
            <location filename="../pages/nearby.py" line="134" />
            <source>Discovery is off: only members added by address in Settings connect to this device.</source>
            <translation>Netwerkdetectie staat uit: alleen leden die in Instellingen op adres zijn toegevoegd, maken verbinding met dit apparaat.</translation>
        </message>
        <message>
            <location filename="../pages/nearby.py" line="139" />
            <source>Meetup mode is on: this device looks for members on this network without announcing itself.</source>
            <translation>Meetup-modus staat aan: dit apparaat zoekt leden op dit netwerk zonder zichzelf bekend te maken.</translation>
        </message>
        <message>
            <location filename="../pages/nearby.py" line="90" />
            <source>Devices</source>
            <translation>Apparaten</translation>
        </message>
        <message>
            <location filename="../pages/nearby.py" line="94" />
            <source>Last synced</source>
            <translation>Laatst gesynchroniseerd</translation>
        </message>
        <message>
            <location filename="../pages/nearby.py" line="99" />
            <source>Name device…</source>
            <translation>Apparaat een naam geven…</translation>
        </message>
        <message>
            <location filename="../pages/nearby.py" line="100" />
            <source>Give the selected member's device a name you know</source>
            <translation>Geef het apparaat van het gekozen lid een naam die je herkent</translation>
        </message>
        <message>
            <location filename="../pages/nearby.py" line="137" />
            <source>Meetup mode: on</source>
            <translation>Meetup-modus: aan</translation>
        </message>
        <message>
            <location filename="../pages/nearby.py" line="142" />
            <source>Meetup mode: off</source>
            <translation>Meetup-modus: uit</translation>
        </message>
        <message>
            <location filename="../pages/nearby.py" line="144" />
            <source>Meetup mode is off: members on this network can find this device. Only members recognise it.</source>
            <translation>Meetup-modus staat uit: leden op dit netwerk kunnen dit apparaat vinden. Alleen leden herkennen het.</translation>
        </message>
        <message>
            <location filename="../pages/nearby.py" line="150" />
            <source>Click to switch meetup mode; it applies at once.</source>
            <translation>Klik om de meetup-modus om te zetten; het werkt meteen.</translation>
        </message>
        <message>
            <location filename="../pages/nearby.py" line="162" />
            <source>No one nearby yet. Members running CoopShare on this network appear here by themselves. On guest Wi-Fi or a hotspot that blocks discovery, add a member by address in Settings.</source>
            <translation>Nog niemand in de buurt. Leden die CoopShare op dit netwerk gebruiken, verschijnen hier vanzelf. Op gastwifi of een hotspot die detectie blokkeert, voeg je een lid op adres toe in Instellingen.</translation>
        </message>
        <message>
            <location filename="../pages/nearby.py" line="208" />
            <source>Could not list nearby devices: {0}</source>
            <translation>Kan apparaten in de buurt niet tonen: {0}</translation>
        </message>
        <message>
            <location filename="../pages/nearby.py" line="213" />
            <source>This network</source>
            <translation>Dit netwerk</translation>
        </message>
        <message>
            <location filename="../pages/nearby.py" line="215" />
            <source>They connected</source>
            <translation>Inkomende verbinding</translation>
        </message>
        <message>
            <location filename="../pages/nearby.py" line="219" />
            <source>A member (not connected yet)</source>
            <translation>Een lid (nog niet verbonden)</translation>
        </message>
        <message>
            <location filename="../pages/nearby.py" line="221" />
            <source>● In sync</source>
            <translation>● Bijgewerkt</translation>
        </message>
        <message>
            <location filename="../pages/nearby.py" line="223" />
            <source>● Syncing…</source>
            <translation>● Bezig met synchroniseren…</translation>
        </message>
        <message>
            <location filename="../pages/nearby.py" line="225" />
            <source>○ Not connected</source>
            <translation>○ Niet verbonden</translation>
        </message>
        <message>
            <location filename="../pages/nearby.py" line="255" />
            <source>now</source>
            <translation>nu</translation>
        </message>
        <message>
            <location filename="../pages/nearby.py" line="257" />
            <source>never</source>
            <translation>nooit</translation>
        </message>
        <message>
            <location filename="../pages/nearby.py" line="260" />
            <source>just now</source>
            <translation>zojuist</translation>
        </message>
        <message numerus="yes">
            <location filename="../pages/nearby.py" line="262" />
            <source>%n minute(s) ago</source>
            <translation>
                <numerusform>%n minuut geleden</numerusform>
                <numerusform>%n minuten geleden</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../pages/device_naming.py" line="55" />
            <location filename="../pages/device_naming.py" line="64" />
            <source>Name a device</source>
            <translation>Apparaat een naam geven</translation>
        </message>
        <message>
            <location filename="../pages/device_naming.py" line="55" />
            <source>Which device?</source>
            <translation>Welk apparaat?</translation>
        </message>
        <message>
            <location filename="../pages/device_naming.py" line="65" />
            <source>A name for {0}'s device {1} (seen on this computer only):</source>
            <translation>Een naam voor het apparaat {1} van {0} (alleen op deze computer te zien):</translation>
        </message>
    </context>
    <context>
        <name>NewDeviceDialog</name>
        <message>
            <location filename="../dialogs/pair_device.py" line="52" />
            <source>Another device of mine</source>
            <translation>Nog een apparaat van mij</translation>
        </message>
        <message>
            <location filename="../dialogs/pair_device.py" line="53" />
            <source>Add this computer as another device of yours</source>
            <translation>Deze computer toevoegen als nog een apparaat van jou</translation>
        </message>
        <message>
            <location filename="../dialogs/pair_device.py" line="56" />
            <source>Keep your other device at hand. Choose a passphrase for this computer, then on your other device open People → My devices → Add my device… and type the code and address shown here. No recovery key is needed.</source>
            <translation>Houd je andere apparaat bij de hand. Kies een wachtwoordzin voor deze computer en open dan op je andere apparaat Mensen → Mijn apparaten → Mijn apparaat toevoegen… en typ de code en het adres die hier staan. Een herstelsleutel is niet nodig.</translation>
        </message>
        <message>
            <location filename="../dialogs/pair_device.py" line="62" />
            <source>Passphrase</source>
            <translation>Wachtwoordzin</translation>
        </message>
        <message>
            <location filename="../dialogs/pair_device.py" line="63" />
            <source>At least 10 characters; a few words work well</source>
            <translation>Minstens 10 tekens; een paar woorden werkt goed</translation>
        </message>
        <message>
            <location filename="../dialogs/pair_device.py" line="67" />
            <source>Repeat the passphrase</source>
            <translation>Herhaal de wachtwoordzin</translation>
        </message>
        <message>
            <location filename="../dialogs/pair_device.py" line="69" />
            <source>&amp;Passphrase:</source>
            <translation>&amp;Wachtwoordzin:</translation>
        </message>
        <message>
            <location filename="../dialogs/pair_device.py" line="71" />
            <source>&amp;Repeat:</source>
            <translation>&amp;Herhalen:</translation>
        </message>
        <message>
            <location filename="../dialogs/pair_device.py" line="74" />
            <source>Pairing code:</source>
            <translation>Koppelcode:</translation>
        </message>
        <message>
            <location filename="../dialogs/pair_device.py" line="75" />
            <source>Address:</source>
            <translation>Adres:</translation>
        </message>
        <message>
            <location filename="../dialogs/pair_device.py" line="81" />
            <source>Show a pairing code</source>
            <translation>Koppelcode tonen</translation>
        </message>
        <message>
            <location filename="../dialogs/pair_device.py" line="95" />
            <source>The two passphrases do not match.</source>
            <translation>De twee wachtwoordzinnen komen niet overeen.</translation>
        </message>
        <message>
            <location filename="../dialogs/pair_device.py" line="108" />
            <source>Waiting for your other device…</source>
            <translation>Wachten op je andere apparaat…</translation>
        </message>
        <message>
            <location filename="../dialogs/pair_device.py" line="124" />
            <source>Paired. Creating the keys and joining…</source>
            <translation>Gekoppeld. Sleutels maken en lid worden…</translation>
        </message>
        <message>
            <location filename="../dialogs/pair_device.py" line="136" />
            <source>The other device started another kind of pairing. On your other device, open People → My devices → Add my device…</source>
            <translation>Het andere apparaat is een ander soort koppeling begonnen. Open op je andere apparaat Mensen → Mijn apparaten → Mijn apparaat toevoegen…</translation>
        </message>
    </context>
    <context>
        <name>NewsBanner</name>
        <message>
            <location filename="../roster_news.py" line="93" />
            <source>News about members</source>
            <translation>Nieuws over leden</translation>
        </message>
        <message>
            <location filename="../roster_news.py" line="95" />
            <source>Show people</source>
            <translation>Mensen tonen</translation>
        </message>
        <message>
            <location filename="../roster_news.py" line="97" />
            <source>Dismiss</source>
            <translation>Sluiten</translation>
        </message>
    </context>
    <context>
        <name>NoteAttachments</name>
        <message>
            <location filename="../note_attachments.py" line="78" />
            <source>Save attachment as</source>
            <translation>Bijlage opslaan als</translation>
        </message>
        <message>
            <location filename="../note_attachments.py" line="84" />
            <source>Saving failed</source>
            <translation>Opslaan mislukt</translation>
        </message>
    </context>
    <context>
        <name>NoteTools</name>
        <message>
            <location filename="../pages/note_tools.py" line="89" />
            <source>Filter by tag</source>
            <translation>Filteren op tag</translation>
        </message>
        <message>
            <location filename="../pages/note_tools.py" line="90" />
            <source>Show only the notes with this tag</source>
            <translation>Alleen de notities met deze tag tonen</translation>
        </message>
        <message>
            <location filename="../pages/note_tools.py" line="108" />
            <source>Pick a note on the left, or press Ctrl+N to write a new one.</source>
            <translation>Kies links een notitie, of druk op Ctrl+N om een nieuwe te schrijven.</translation>
        </message>
        <message>
            <location filename="../pages/note_tools.py" line="132" />
            <source>{0} wrote this note: only they can change it. You can comment below.</source>
            <translation>{0} schreef deze notitie: alleen de schrijver kan haar wijzigen. Je kunt hieronder een opmerking plaatsen.</translation>
        </message>
        <message>
            <location filename="../pages/note_tools.py" line="228" />
            <source>All tags</source>
            <translation>Alle tags</translation>
        </message>
    </context>
    <context>
        <name>NotesPage</name>
        <message>
            <location filename="../pages/notes.py" line="48" />
            <location filename="../pages/notes.py" line="100" />
            <source>Title</source>
            <translation>Titel</translation>
        </message>
        <message>
            <location filename="../pages/notes.py" line="49" />
            <location filename="../pages/notes.py" line="108" />
            <source>Tags</source>
            <translation>Tags</translation>
        </message>
        <message>
            <location filename="../pages/notes.py" line="50" />
            <source>Author</source>
            <translation>Auteur</translation>
        </message>
        <message>
            <location filename="../pages/notes.py" line="51" />
            <source>Updated</source>
            <translation>Bijgewerkt</translation>
        </message>
        <message>
            <location filename="../pages/notes.py" line="57" />
            <source>New note</source>
            <translation>Nieuwe notitie</translation>
        </message>
        <message>
            <location filename="../pages/notes.py" line="58" />
            <source>Write a new note (Ctrl+N)</source>
            <translation>Een nieuwe notitie schrijven (Ctrl+N)</translation>
        </message>
        <message>
            <location filename="../pages/notes.py" line="61" />
            <source>Trash</source>
            <translation>Prullenbak</translation>
        </message>
        <message>
            <location filename="../pages/notes.py" line="62" />
            <source>Deleted notes: restore them within 30 days</source>
            <translation>Verwijderde notities: zet ze binnen 30 dagen terug</translation>
        </message>
        <message>
            <location filename="../pages/notes.py" line="75" />
            <source>Filter notes</source>
            <translation>Notities filteren</translation>
        </message>
        <message>
            <location filename="../pages/notes.py" line="80" />
            <location filename="../pages/notes.py" line="177" />
            <source>Notes</source>
            <translation>Notities</translation>
        </message>
        <message>
            <location filename="../pages/notes.py" line="88" />
            <source>No notes yet.
Press Ctrl+N to write the first one, or import a folder of Markdown files.</source>
            <translation>Nog geen notities.
Druk op Ctrl+N om de eerste te schrijven, of importeer een map met Markdown-bestanden.</translation>
        </message>
        <message>
            <location filename="../pages/notes.py" line="101" />
            <source>Note title</source>
            <translation>Titel van de notitie</translation>
        </message>
        <message>
            <location filename="../pages/notes.py" line="107" />
            <source>Tags, separated by commas</source>
            <translation>Tags, gescheiden door komma's</translation>
        </message>
        <message>
            <location filename="../pages/notes.py" line="115" />
            <source>Keep this version</source>
            <translation>Deze versie houden</translation>
        </message>
        <message>
            <location filename="../pages/notes.py" line="117" />
            <source>Save the text shown as the one version of this note</source>
            <translation>De getoonde tekst opslaan als de enige versie van deze notitie</translation>
        </message>
        <message>
            <location filename="../pages/notes.py" line="122" />
            <source>Write in Markdown. Link notes with [[Title]].</source>
            <translation>Schrijf in Markdown. Link notities met [[Titel]].</translation>
        </message>
        <message>
            <location filename="../pages/notes.py" line="123" />
            <source>Note text</source>
            <translation>Tekst van de notitie</translation>
        </message>
        <message>
            <location filename="../pages/notes.py" line="127" />
            <source>Preview</source>
            <translation>Voorbeeld</translation>
        </message>
        <message>
            <location filename="../pages/notes.py" line="134" />
            <location filename="../pages/notes.py" line="145" />
            <source>Linked from</source>
            <translation>Gelinkt vanuit</translation>
        </message>
        <message>
            <location filename="../pages/notes.py" line="139" />
            <source>Delete</source>
            <translation>Verwijderen</translation>
        </message>
        <message>
            <location filename="../pages/notes.py" line="140" />
            <source>Delete this note (it can be undone)</source>
            <translation>Deze notitie verwijderen (kan ongedaan worden gemaakt)</translation>
        </message>
        <message>
            <location filename="../pages/notes.py" line="280" />
            <source>you</source>
            <translation>jou</translation>
        </message>
        <message>
            <location filename="../pages/notes.py" line="282" />
            <source>By {0} · updated {1}</source>
            <translation>Door {0} · bijgewerkt {1}</translation>
        </message>
        <message>
            <location filename="../pages/notes.py" line="283" />
            <source> · read only</source>
            <translation> · alleen-lezen</translation>
        </message>
        <message>
            <location filename="../pages/notes.py" line="292" />
            <source>Two edits of this note were made at the same time. The other version reads:
{0}</source>
            <translation>Deze notitie is twee keer tegelijk bewerkt. De andere versie luidt:
{0}</translation>
        </message>
        <message>
            <location filename="../pages/notes.py" line="323" />
            <source>Editing…</source>
            <translation>Bewerken…</translation>
        </message>
        <message>
            <location filename="../pages/notes.py" line="340" />
            <source>A note needs a title before it is saved.</source>
            <translation>Een notitie heeft een titel nodig voordat die wordt opgeslagen.</translation>
        </message>
        <message>
            <location filename="../pages/notes.py" line="343" />
            <source>Saving…</source>
            <translation>Opslaan…</translation>
        </message>
        <message>
            <location filename="../pages/notes.py" line="363" />
            <source>Saved</source>
            <translation>Opgeslagen</translation>
        </message>
        <message>
            <location filename="../pages/notes.py" line="368" />
            <source>Not saved: {0}</source>
            <translation>Niet opgeslagen: {0}</translation>
        </message>
    </context>
    <context>
        <name>OpenInvitesPanel</name>
        <message>
            <location filename="../dialogs/open_invites.py" line="32" />
            <source>Open invitations</source>
            <translation>Openstaande uitnodigingen</translation>
        </message>
        <message>
            <location filename="../dialogs/open_invites.py" line="78" />
            <source>None. Invitations you make appear here until they are used.</source>
            <translation>Geen. Uitnodigingen die je maakt, staan hier tot ze gebruikt zijn.</translation>
        </message>
        <message>
            <location filename="../dialogs/open_invites.py" line="92" />
            <source>For another device of yours, until {0}</source>
            <translation>Voor nog een apparaat van jou, tot {0}</translation>
        </message>
        <message>
            <location filename="../dialogs/open_invites.py" line="94" />
            <source>admin</source>
            <translation>beheerder</translation>
        </message>
        <message>
            <location filename="../dialogs/open_invites.py" line="94" />
            <source>member</source>
            <translation>lid</translation>
        </message>
        <message>
            <location filename="../dialogs/open_invites.py" line="95" />
            <source>As {0}, until {1}</source>
            <translation>Als {0}, tot {1}</translation>
        </message>
        <message>
            <location filename="../dialogs/open_invites.py" line="97" />
            <source>Revoke</source>
            <translation>Intrekken</translation>
        </message>
        <message>
            <location filename="../dialogs/open_invites.py" line="98" />
            <source>Nobody can join with this invitation any more</source>
            <translation>Niemand kan nog lid worden met deze uitnodiging</translation>
        </message>
    </context>
    <context>
        <name>Page</name>
        <message>
            <location filename="../pages/base.py" line="62" />
            <source>CoopShare</source>
            <translation>CoopShare</translation>
        </message>
    </context>
    <context>
        <name>PairGuestDialog</name>
        <message>
            <location filename="../dialogs/pairing.py" line="362" />
            <location filename="../dialogs/pairing.py" line="363" />
            <source>Pair in person</source>
            <translation>Persoonlijk koppelen</translation>
        </message>
        <message>
            <location filename="../dialogs/pairing.py" line="366" />
            <source>Ask a member to choose Pair in person on their device, then type the code and address it shows.</source>
            <translation>Vraag een lid om op zijn apparaat Persoonlijk koppelen te kiezen, en typ dan de code en het adres die het toont.</translation>
        </message>
    </context>
    <context>
        <name>PairHostDialog</name>
        <message>
            <location filename="../dialogs/pairing.py" line="312" />
            <location filename="../dialogs/pairing.py" line="313" />
            <source>Pair in person</source>
            <translation>Persoonlijk koppelen</translation>
        </message>
        <message>
            <location filename="../dialogs/pairing.py" line="316" />
            <source>On the other device, choose Pair in person and type this code and address. The code works for two minutes, and only while this window is open.</source>
            <translation>Kies op het andere apparaat Persoonlijk koppelen en typ deze code en dit adres. De code werkt twee minuten, en alleen zolang dit venster open is.</translation>
        </message>
        <message>
            <location filename="../dialogs/pairing.py" line="321" />
            <source>Pairing code:</source>
            <translation>Koppelcode:</translation>
        </message>
        <message>
            <location filename="../dialogs/pairing.py" line="322" />
            <source>Address:</source>
            <translation>Adres:</translation>
        </message>
        <message>
            <location filename="../dialogs/pairing.py" line="352" />
            <source>Paired. The other device is joining now.</source>
            <translation>Gekoppeld. Het andere apparaat wordt nu lid.</translation>
        </message>
    </context>
    <context>
        <name>PeoplePage</name>
        <message>
            <location filename="../pages/people.py" line="88" />
            <source>People</source>
            <translation>Mensen</translation>
        </message>
        <message>
            <location filename="../pages/people.py" line="96" />
            <location filename="../pages/people.py" line="106" />
            <source>Members</source>
            <translation>Leden</translation>
        </message>
        <message>
            <location filename="../pages/people.py" line="99" />
            <source>Name</source>
            <translation>Naam</translation>
        </message>
        <message>
            <location filename="../pages/people.py" line="100" />
            <source>Role</source>
            <translation>Rol</translation>
        </message>
        <message>
            <location filename="../pages/people.py" line="101" />
            <source>Devices</source>
            <translation>Apparaten</translation>
        </message>
        <message>
            <location filename="../pages/people.py" line="69" />
            <source>My devices…</source>
            <translation>Mijn apparaten…</translation>
        </message>
        <message>
            <location filename="../pages/people.py" line="102" />
            <source>Verified</source>
            <translation>Geverifieerd</translation>
        </message>
        <message>
            <location filename="../pages/people.py" line="109" />
            <source>Select a member to see your safety number with them.</source>
            <translation>Kies een lid om jullie veiligheidsnummer te zien.</translation>
        </message>
        <message>
            <location filename="../pages/people.py" line="148" />
            <source>✓ Verified</source>
            <translation>✓ Geverifieerd</translation>
        </message>
        <message>
            <location filename="../pages/people.py" line="149" />
            <source>⚠ Key changed</source>
            <translation>⚠ Sleutel gewijzigd</translation>
        </message>
        <message>
            <location filename="../pages/people.py" line="149" />
            <source>Not verified</source>
            <translation>Niet geverifieerd</translation>
        </message>
        <message>
            <location filename="../pages/people.py" line="152" />
            <source>Admin</source>
            <translation>Beheerder</translation>
        </message>
        <message>
            <location filename="../pages/people.py" line="152" />
            <source>Member</source>
            <translation>Lid</translation>
        </message>
        <message>
            <location filename="../pages/people.py" line="168" />
            <source>{0} (you)</source>
            <translation>{0} (jij)</translation>
        </message>
        <message numerus="yes">
            <location filename="../pages/people.py" line="176" />
            <source>%n member(s)</source>
            <translation>
                <numerusform>%n lid</numerusform>
                <numerusform>%n leden</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../pages/people.py" line="206" />
            <source>Skills: {0}</source>
            <translation>Vaardigheden: {0}</translation>
        </message>
        <message>
            <location filename="../pages/people.py" line="208" />
            <source>No skills listed yet.</source>
            <translation>Nog geen vaardigheden opgegeven.</translation>
        </message>
        <message>
            <location filename="../pages/people.py" line="212" />
            <source>Available:</source>
            <translation>Beschikbaar:</translation>
        </message>
        <message>
            <location filename="../pages/people.py" line="215" />
            <source>No availability given for the coming months.</source>
            <translation>Geen beschikbaarheid opgegeven voor de komende maanden.</translation>
        </message>
        <message>
            <location filename="../pages/people.py" line="218" />
            <source>Ambitions: {0}</source>
            <translation>Ambities: {0}</translation>
        </message>
        <message>
            <location filename="../pages/people.py" line="224" />
            <source>{0} to {1}, {2} hours a week</source>
            <translation>{0} tot {1}, {2} uur per week</translation>
        </message>
        <message>
            <location filename="../pages/people.py" line="228" />
            <source>, {0}</source>
            <translation>, {0}</translation>
        </message>
        <message>
            <location filename="../pages/people.py" line="230" />
            <source>, remote possible</source>
            <translation>, op afstand mogelijk</translation>
        </message>
        <message>
            <location filename="../pages/profile_panel.py" line="251" />
            <source>Available from</source>
            <translation>Beschikbaar vanaf</translation>
        </message>
        <message>
            <location filename="../pages/profile_panel.py" line="252" />
            <source>Available until</source>
            <translation>Beschikbaar tot</translation>
        </message>
        <message>
            <location filename="../pages/profile_panel.py" line="161" />
            <location filename="../pages/profile_panel.py" line="238" />
            <source>Hours per week</source>
            <translation>Uren per week</translation>
        </message>
        <message>
            <location filename="../pages/profile_panel.py" line="241" />
            <source>e.g. Utrecht</source>
            <translation>bijv. Utrecht</translation>
        </message>
        <message>
            <location filename="../pages/profile_panel.py" line="248" />
            <source>Remote work possible</source>
            <translation>Op afstand werken mogelijk</translation>
        </message>
        <message>
            <location filename="../pages/profile_panel.py" line="170" />
            <source>Remove window</source>
            <translation>Periode verwijderen</translation>
        </message>
        <message>
            <location filename="../pages/profile_panel.py" line="145" />
            <source>Remote</source>
            <translation>Op afstand</translation>
        </message>
        <message>
            <location filename="../pages/profile_panel.py" line="381" />
            <source>Saving…</source>
            <translation>Opslaan…</translation>
        </message>
        <message>
            <location filename="../pages/profile_panel.py" line="115" />
            <source>My profile</source>
            <translation>Mijn profiel</translation>
        </message>
        <message>
            <location filename="../pages/profile_panel.py" line="118" />
            <source>What colleagues see about you. Leads that match your skills are pointed out to you.</source>
            <translation>Wat collega's over jou zien. Je krijgt een seintje bij leads die bij je vaardigheden passen.</translation>
        </message>
        <message>
            <location filename="../pages/profile_panel.py" line="126" />
            <source>Skills</source>
            <translation>Vaardigheden</translation>
        </message>
        <message>
            <location filename="../pages/profile_panel.py" line="129" />
            <source>Type to pick from the ESCO skills; separate them with commas</source>
            <translation>Typ om uit de ESCO-vaardigheden te kiezen; scheid ze met komma's</translation>
        </message>
        <message>
            <location filename="../pages/profile_panel.py" line="132" />
            <source>Skills, separated by commas</source>
            <translation>Vaardigheden, gescheiden door komma's</translation>
        </message>
        <message>
            <location filename="../pages/profile_panel.py" line="137" />
            <source>Availability</source>
            <translation>Beschikbaarheid</translation>
        </message>
        <message>
            <location filename="../pages/profile_panel.py" line="141" />
            <source>From</source>
            <translation>Van</translation>
        </message>
        <message>
            <location filename="../pages/profile_panel.py" line="142" />
            <source>To</source>
            <translation>Tot</translation>
        </message>
        <message>
            <location filename="../pages/profile_panel.py" line="143" />
            <source>Hours</source>
            <translation>Uren</translation>
        </message>
        <message>
            <location filename="../pages/profile_panel.py" line="144" />
            <location filename="../pages/profile_panel.py" line="242" />
            <source>Region</source>
            <translation>Regio</translation>
        </message>
        <message>
            <location filename="../pages/profile_panel.py" line="151" />
            <source>Availability windows</source>
            <translation>Beschikbaarheidsperiodes</translation>
        </message>
        <message>
            <location filename="../pages/profile_panel.py" line="167" />
            <source>Add window</source>
            <translation>Periode toevoegen</translation>
        </message>
        <message>
            <location filename="../pages/profile_panel.py" line="168" />
            <source>Add a period when you are available</source>
            <translation>Een periode toevoegen waarin je beschikbaar bent</translation>
        </message>
        <message>
            <location filename="../pages/profile_panel.py" line="171" />
            <source>Remove the selected period</source>
            <translation>De geselecteerde periode verwijderen</translation>
        </message>
        <message>
            <location filename="../pages/profile_panel.py" line="179" />
            <source>Each window lasts at most 90 days and expires when it ends; add a new one to renew it. Never write down why you are or are not available.</source>
            <translation>Elke periode duurt maximaal 90 dagen en vervalt wanneer die afloopt; voeg een nieuwe toe om te verlengen. Schrijf nooit op waarom je wel of niet beschikbaar bent.</translation>
        </message>
        <message>
            <location filename="../pages/profile_panel.py" line="200" />
            <location filename="../pages/profile_panel.py" line="205" />
            <source>Ambitions</source>
            <translation>Ambities</translation>
        </message>
        <message>
            <location filename="../pages/profile_panel.py" line="203" />
            <source>What kind of work would you like to do next? What do you want to learn?</source>
            <translation>Wat voor werk wil je hierna doen? Wat wil je leren?</translation>
        </message>
        <message>
            <location filename="../pages/profile_panel.py" line="215" />
            <source>Save profile</source>
            <translation>Profiel opslaan</translation>
        </message>
        <message>
            <location filename="../pages/profile_panel.py" line="216" />
            <source>Share your profile with the cooperative</source>
            <translation>Je profiel delen met de coöperatie</translation>
        </message>
        <message>
            <location filename="../pages/profile_panel.py" line="245" />
            <source>No</source>
            <translation>Nee</translation>
        </message>
        <message>
            <location filename="../pages/profile_panel.py" line="246" />
            <source>Yes</source>
            <translation>Ja</translation>
        </message>
        <message>
            <location filename="../pages/profile_panel.py" line="284" />
            <source>Not saved yet</source>
            <translation>Nog niet opgeslagen</translation>
        </message>
        <message>
            <location filename="../pages/profile_panel.py" line="307" />
            <source>An availability window ended and is left out when you save.</source>
            <translation>Een beschikbaarheidsperiode is afgelopen en wordt weggelaten bij het opslaan.</translation>
        </message>
        <message>
            <location filename="../pages/profile_panel.py" line="309" />
            <source>{0} availability windows ended and are left out when you save.</source>
            <translation>{0} beschikbaarheidsperiodes zijn afgelopen en worden weggelaten bij het opslaan.</translation>
        </message>
        <message>
            <location filename="../pages/profile_panel.py" line="314" />
            <source>You have not shared a profile yet.</source>
            <translation>Je hebt nog geen profiel gedeeld.</translation>
        </message>
        <message>
            <location filename="../pages/profile_panel.py" line="333" />
            <source>A skill is at most {0} characters: “{1}…”.</source>
            <translation>Een vaardigheid is maximaal {0} tekens: “{1}…”.</translation>
        </message>
        <message>
            <location filename="../pages/profile_panel.py" line="338" />
            <source>List at most {0} skills.</source>
            <translation>Noem maximaal {0} vaardigheden.</translation>
        </message>
        <message>
            <location filename="../pages/profile_panel.py" line="346" />
            <source>Window {0}: it ends before it starts.</source>
            <translation>Periode {0}: het einde ligt vóór het begin.</translation>
        </message>
        <message>
            <location filename="../pages/profile_panel.py" line="351" />
            <source>Window {0}: it lasts {1} days; a window lasts at most {2} days. Shorten it, and add a new window later to renew.</source>
            <translation>Periode {0}: die duurt {1} dagen; een periode duurt maximaal {2} dagen. Maak hem korter, en voeg later een nieuwe periode toe om te verlengen.</translation>
        </message>
        <message>
            <location filename="../pages/profile_panel.py" line="358" />
            <source>Window {0}: the region is at most {1} characters.</source>
            <translation>Periode {0}: de regio is maximaal {1} tekens.</translation>
        </message>
        <message>
            <location filename="../pages/profile_panel.py" line="365" />
            <source>Ambitions are at most {0} characters (now {1}).</source>
            <translation>Ambities zijn maximaal {0} tekens (nu {1}).</translation>
        </message>
        <message>
            <location filename="../pages/profile_panel.py" line="376" />
            <source>Not saved: fix the marked fields first.</source>
            <translation>Niet opgeslagen: verbeter eerst de gemarkeerde velden.</translation>
        </message>
        <message>
            <location filename="../pages/profile_panel.py" line="388" />
            <source>Saved and shared with the cooperative.</source>
            <translation>Opgeslagen en gedeeld met de coöperatie.</translation>
        </message>
        <message>
            <location filename="../pages/profile_panel.py" line="394" />
            <source>Not saved: {0}</source>
            <translation>Niet opgeslagen: {0}</translation>
        </message>
        <message>
            <location filename="../pages/profile_panel.py" line="396" />
            <source>Not saved.</source>
            <translation>Niet opgeslagen.</translation>
        </message>
    </context>
    <context>
        <name>ProofPanel</name>
        <message numerus="yes">
            <location filename="../pages/idea_proof.py" line="100" />
            <source>Committed {0}: %n witness receipt(s).</source>
            <translation>
                <numerusform>Vastgelegd {0}: %n getuigenbewijs.</numerusform>
                <numerusform>Vastgelegd {0}: %n getuigenbewijzen.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../pages/idea_proof.py" line="174" />
            <source>Evidence written to {0} (%n receipt(s)). It is not encrypted.</source>
            <translation>
                <numerusform>Bewijs geschreven naar {0} (%n getuigenbewijs). Het is niet versleuteld.</numerusform>
                <numerusform>Bewijs geschreven naar {0} (%n getuigenbewijzen). Het is niet versleuteld.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RecoveryKeyRow</name>
        <message>
            <location filename="../dialogs/recovery.py" line="150" />
            <source>Your recovery key restores your membership on a new computer. Lost the paper? Show it again and write it down.</source>
            <translation>Met je herstelsleutel zet je je lidmaatschap over naar een nieuwe computer. Papiertje kwijt? Toon de sleutel opnieuw en schrijf hem op.</translation>
        </message>
        <message>
            <location filename="../dialogs/recovery.py" line="156" />
            <source>Show my recovery key…</source>
            <translation>Mijn herstelsleutel tonen…</translation>
        </message>
    </context>
    <context>
        <name>RecoveryPage</name>
        <message>
            <location filename="../dialogs/identity_pages.py" line="159" />
            <source>Your recovery key</source>
            <translation>Je herstelsleutel</translation>
        </message>
        <message>
            <location filename="../dialogs/identity_pages.py" line="161" />
            <source>If this computer is lost, this key restores your membership on a new one.</source>
            <translation>Als deze computer kwijtraakt, herstelt deze sleutel je lidmaatschap op een nieuwe.</translation>
        </message>
        <message>
            <location filename="../dialogs/identity_pages.py" line="174" />
            <source>Try again</source>
            <translation>Opnieuw proberen</translation>
        </message>
        <message>
            <location filename="../dialogs/identity_pages.py" line="187" />
            <source>Write this key on paper and keep it somewhere safe, away from this computer. Anyone who has it can act as you, so never send it by e-mail or chat.</source>
            <translation>Schrijf deze sleutel op papier en bewaar hem op een veilige plek, niet bij deze computer. Wie hem heeft, kan zich als jou voordoen: stuur hem dus nooit per e-mail of chat.</translation>
        </message>
        <message>
            <location filename="../dialogs/identity_pages.py" line="206" />
            <source>Recovery key</source>
            <translation>Herstelsleutel</translation>
        </message>
        <message>
            <location filename="../dialogs/identity_pages.py" line="209" />
            <source>&amp;Copy</source>
            <translation>&amp;Kopiëren</translation>
        </message>
        <message>
            <location filename="../dialogs/identity_pages.py" line="210" />
            <source>Copy the recovery key to the clipboard</source>
            <translation>De herstelsleutel naar het klembord kopiëren</translation>
        </message>
        <message>
            <location filename="../dialogs/identity_pages.py" line="217" />
            <source>I have &amp;written it down</source>
            <translation>Ik heb hem &amp;opgeschreven</translation>
        </message>
        <message>
            <location filename="../dialogs/identity_pages.py" line="233" />
            <source>Creating your keys… this takes a moment.</source>
            <translation>Je sleutels worden aangemaakt… dit duurt even.</translation>
        </message>
        <message>
            <location filename="../dialogs/identity_pages.py" line="240" />
            <source>Your identity is restored: the other members see you as before, on a new device. Your recovery key stays the same; keep it safe, away from this computer.</source>
            <translation>Je identiteit is hersteld: de andere leden zien je als vanouds, op een nieuw apparaat. Je herstelsleutel blijft dezelfde; bewaar hem veilig, niet bij deze computer.</translation>
        </message>
        <message>
            <location filename="../dialogs/identity_pages.py" line="266" />
            <source>This data folder already holds an identity. Close this window and start CoopShare again to unlock it.</source>
            <translation>Deze gegevensmap bevat al een identiteit. Sluit dit venster en start CoopShare opnieuw om de map te ontgrendelen.</translation>
        </message>
        <message>
            <location filename="../dialogs/identity_pages.py" line="272" />
            <source>Your keys could not be created: {0}</source>
            <translation>Je sleutels konden niet worden aangemaakt: {0}</translation>
        </message>
        <message>
            <location filename="../dialogs/identity_pages.py" line="279" />
            <source>Copied. Remember to clear the clipboard afterwards.</source>
            <translation>Gekopieerd. Vergeet niet het klembord daarna te wissen.</translation>
        </message>
    </context>
    <context>
        <name>RestoreBox</name>
        <message>
            <location filename="../dialogs/recovery.py" line="176" />
            <source>Restore my identity from my &amp;recovery key</source>
            <translation>Mijn identiteit herstellen met mijn &amp;herstelsleutel</translation>
        </message>
        <message>
            <location filename="../dialogs/recovery.py" line="179" />
            <source>For a new computer: you stay the same member, with the same name for the others.</source>
            <translation>Voor een nieuwe computer: je blijft hetzelfde lid, met dezelfde naam voor de anderen.</translation>
        </message>
        <message>
            <location filename="../dialogs/recovery.py" line="184" />
            <source>Recovery key</source>
            <translation>Herstelsleutel</translation>
        </message>
        <message>
            <location filename="../dialogs/recovery.py" line="207" />
            <source>A valid recovery key.</source>
            <translation>Een geldige herstelsleutel.</translation>
        </message>
    </context>
    <context>
        <name>RestoreDialog</name>
        <message>
            <location filename="../dialogs/backup.py" line="152" />
            <location filename="../dialogs/backup.py" line="200" />
            <source>Restore from a backup</source>
            <translation>Herstellen uit een back-up</translation>
        </message>
        <message>
            <location filename="../dialogs/backup.py" line="154" />
            <source>Choose a CoopShare backup file and type the passphrase it was made with. Use this computer instead of the old one, not beside it. It writes nothing until it has synced with another device of the cooperative.</source>
            <translation>Kies een CoopShare-back-upbestand en typ de wachtwoordzin waarmee het is gemaakt. Gebruik deze computer in plaats van de oude, niet ernaast. Hij schrijft niets tot hij gesynchroniseerd heeft met een ander apparaat van de coöperatie.</translation>
        </message>
        <message>
            <location filename="../dialogs/backup.py" line="163" />
            <source>I forgot my passphrase: use my &amp;recovery key</source>
            <translation>Ik ben mijn wachtwoordzin vergeten: gebruik mijn &amp;herstelsleutel</translation>
        </message>
        <message>
            <location filename="../dialogs/backup.py" line="165" />
            <source>Recovery key</source>
            <translation>Herstelsleutel</translation>
        </message>
        <message>
            <location filename="../dialogs/backup.py" line="173" />
            <source>New passphrase</source>
            <translation>Nieuwe wachtwoordzin</translation>
        </message>
        <message>
            <location filename="../dialogs/backup.py" line="174" />
            <source>Repeat the new passphrase</source>
            <translation>Herhaal de nieuwe wachtwoordzin</translation>
        </message>
        <message>
            <location filename="../dialogs/backup.py" line="200" />
            <source>Backups (*.coopbackup)</source>
            <translation>Back-ups (*.coopbackup)</translation>
        </message>
        <message>
            <location filename="../dialogs/backup.py" line="207" />
            <source>Choose a backup file.</source>
            <translation>Kies een back-upbestand.</translation>
        </message>
        <message>
            <location filename="../dialogs/backup.py" line="215" />
            <source>Choose a file and type your passphrase.</source>
            <translation>Kies een bestand en typ je wachtwoordzin.</translation>
        </message>
        <message>
            <location filename="../dialogs/backup.py" line="217" />
            <location filename="../dialogs/backup.py" line="242" />
            <source>Restoring…</source>
            <translation>Herstellen…</translation>
        </message>
        <message>
            <location filename="../dialogs/backup.py" line="228" />
            <source>Type your recovery key.</source>
            <translation>Typ je herstelsleutel.</translation>
        </message>
        <message>
            <location filename="../dialogs/backup.py" line="234" />
            <source>Choose a new passphrase.</source>
            <translation>Kies een nieuwe wachtwoordzin.</translation>
        </message>
    </context>
    <context>
        <name>RestoreOverDialog</name>
        <message>
            <location filename="../dialogs/forgot.py" line="61" />
            <source>Restore a backup with my recovery key</source>
            <translation>Een back-up herstellen met mijn herstelsleutel</translation>
        </message>
        <message>
            <location filename="../dialogs/forgot.py" line="66" />
            <source>Choose your backup file and type your recovery key, then choose a new passphrase: from now on it unlocks CoopShare on this computer.</source>
            <translation>Kies je back-upbestand en typ je herstelsleutel. Kies daarna een nieuwe wachtwoordzin: die ontgrendelt voortaan CoopShare op deze computer.</translation>
        </message>
        <message>
            <location filename="../dialogs/forgot.py" line="71" />
            <source>Your locked data folder is not deleted: it is renamed to “{0}” and kept beside the restored one.</source>
            <translation>Je vergrendelde gegevensmap wordt niet verwijderd: hij krijgt de naam “{0}” en blijft naast de herstelde map staan.</translation>
        </message>
        <message>
            <location filename="../dialogs/forgot.py" line="77" />
            <source>Backup file (.coopbackup)</source>
            <translation>Back-upbestand (.coopbackup)</translation>
        </message>
        <message>
            <location filename="../dialogs/forgot.py" line="79" />
            <source>&amp;Restore</source>
            <translation>&amp;Herstellen</translation>
        </message>
    </context>
    <context>
        <name>ResumeWriting</name>
        <message>
            <location filename="../restored_action.py" line="20" />
            <source>Write before syncing…</source>
            <translation>Schrijven vóór synchroniseren…</translation>
        </message>
        <message>
            <location filename="../restored_action.py" line="31" />
            <source>Write before syncing?</source>
            <translation>Schrijven vóór synchroniseren?</translation>
        </message>
        <message>
            <location filename="../restored_action.py" line="33" />
            <source>This data folder was restored from a backup and has not synced with another device of the cooperative yet. Only continue if no other device has anything this device wrote after the backup: otherwise notes get hidden on both sides.</source>
            <translation>Deze gegevensmap is teruggezet uit een back-up en heeft nog niet gesynchroniseerd met een ander apparaat van de coöperatie. Ga alleen door als geen ander apparaat iets heeft dat dit apparaat na de back-up schreef: anders raken notities aan beide kanten uit het zicht.</translation>
        </message>
        <message>
            <location filename="../restored_action.py" line="37" />
            <source>Write now</source>
            <translation>Nu schrijven</translation>
        </message>
        <message>
            <location filename="../restored_action.py" line="37" />
            <source>Cancel</source>
            <translation>Annuleren</translation>
        </message>
        <message>
            <location filename="../restored_action.py" line="50" />
            <source>This device may write again.</source>
            <translation>Dit apparaat mag weer schrijven.</translation>
        </message>
        <message>
            <location filename="../restored_action.py" line="53" />
            <source>CoopShare</source>
            <translation>CoopShare</translation>
        </message>
    </context>
    <context>
        <name>RosterNews</name>
        <message>
            <location filename="../roster_news.py" line="60" />
            <source>{0} was admitted to the cooperative.</source>
            <translation>{0} is lid geworden van de coöperatie.</translation>
        </message>
        <message>
            <location filename="../roster_news.py" line="63" />
            <source>A new device of yours was added.</source>
            <translation>Er is een nieuw apparaat van jou toegevoegd.</translation>
        </message>
        <message>
            <location filename="../roster_news.py" line="65" />
            <source>{0} added a new device.</source>
            <translation>{0} heeft een nieuw apparaat toegevoegd.</translation>
        </message>
    </context>
    <context>
        <name>SearchDialog</name>
        <message>
            <location filename="../dialogs/search.py" line="95" />
            <source>Search</source>
            <translation>Zoeken</translation>
        </message>
        <message>
            <location filename="../dialogs/search.py" line="95" />
            <source>Quick switcher</source>
            <translation>Snel openen</translation>
        </message>
        <message>
            <location filename="../dialogs/search.py" line="105" />
            <source>Jump to a note, lead or idea by its title</source>
            <translation>Ga naar een notitie, lead of idee via de titel</translation>
        </message>
        <message>
            <location filename="../dialogs/search.py" line="107" />
            <source>Search notes, leads and ideas</source>
            <translation>Notities, leads en ideeën doorzoeken</translation>
        </message>
        <message>
            <location filename="../dialogs/search.py" line="109" />
            <source>Search text</source>
            <translation>Zoektekst</translation>
        </message>
        <message>
            <location filename="../dialogs/search.py" line="128" />
            <source>Search results</source>
            <translation>Zoekresultaten</translation>
        </message>
        <message>
            <location filename="../dialogs/search.py" line="160" />
            <source>Type part of a title. ↑ ↓ to move, Enter to open, Esc to close.</source>
            <translation>Typ een deel van een titel. ↑ ↓ om te bewegen, Enter om te openen, Esc om te sluiten.</translation>
        </message>
        <message>
            <location filename="../dialogs/search.py" line="162" />
            <source>Type to search. ↑ ↓ to move, Enter to open, Esc to close.</source>
            <translation>Typ om te zoeken. ↑ ↓ om te bewegen, Enter om te openen, Esc om te sluiten.</translation>
        </message>
        <message>
            <location filename="../dialogs/search.py" line="179" />
            <source>Searching…</source>
            <translation>Zoeken…</translation>
        </message>
        <message numerus="yes">
            <location filename="../dialogs/search.py" line="196" />
            <source>%n result(s)</source>
            <translation>
                <numerusform>%n resultaat</numerusform>
                <numerusform>%n resultaten</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../dialogs/search.py" line="202" />
            <source>Nothing found for “{0}”.</source>
            <translation>Niets gevonden voor “{0}”.</translation>
        </message>
        <message>
            <location filename="../dialogs/search.py" line="204" />
            <source>There is nothing to open yet.</source>
            <translation>Er is nog niets om te openen.</translation>
        </message>
        <message>
            <location filename="../dialogs/search.py" line="210" />
            <source>Type a few letters of any word in a note, lead or idea: its title or its text.</source>
            <translation>Typ een paar letters van een woord uit een notitie, lead of idee: uit de titel of uit de tekst.</translation>
        </message>
        <message>
            <location filename="../dialogs/search.py" line="219" />
            <source>Search failed: {0}</source>
            <translation>Zoeken mislukt: {0}</translation>
        </message>
        <message>
            <location filename="../dialogs/search.py" line="224" />
            <source>Note</source>
            <translation>Notitie</translation>
        </message>
        <message>
            <location filename="../dialogs/search.py" line="224" />
            <source>Lead</source>
            <translation>Lead</translation>
        </message>
        <message>
            <location filename="../dialogs/search.py" line="224" />
            <source>Idea</source>
            <translation>Idee</translation>
        </message>
        <message>
            <location filename="../dialogs/search.py" line="237" />
            <source>(untitled)</source>
            <translation>(zonder titel)</translation>
        </message>
        <message>
            <location filename="../dialogs/search.py" line="238" />
            <source>by {0}</source>
            <translation>door {0}</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <location filename="../dialogs/settings.py" line="83" />
            <source>Settings</source>
            <translation>Instellingen</translation>
        </message>
        <message>
            <location filename="../dialogs/settings.py" line="89" />
            <source>General</source>
            <translation>Algemeen</translation>
        </message>
        <message>
            <location filename="../dialogs/settings.py" line="90" />
            <source>Network</source>
            <translation>Netwerk</translation>
        </message>
        <message>
            <location filename="../dialogs/settings.py" line="91" />
            <source>Passphrase</source>
            <translation>Wachtwoordzin</translation>
        </message>
        <message>
            <location filename="../dialogs/settings.py" line="92" />
            <source>Data</source>
            <translation>Gegevens</translation>
        </message>
        <message>
            <location filename="../dialogs/settings.py" line="110" />
            <location filename="../dialogs/settings.py" line="124" />
            <source>System</source>
            <translation>Systeem</translation>
        </message>
        <message>
            <location filename="../dialogs/settings.py" line="113" />
            <source>Language</source>
            <translation>Taal</translation>
        </message>
        <message>
            <location filename="../dialogs/settings.py" line="116" />
            <source>Language:</source>
            <translation>Taal:</translation>
        </message>
        <message>
            <location filename="../dialogs/settings.py" line="118" />
            <source>The whole window switches to the new language when you save.</source>
            <translation>Het hele venster schakelt over naar de nieuwe taal zodra je opslaat.</translation>
        </message>
        <message>
            <location filename="../dialogs/settings.py" line="125" />
            <source>Light</source>
            <translation>Licht</translation>
        </message>
        <message>
            <location filename="../dialogs/settings.py" line="126" />
            <source>Dark</source>
            <translation>Donker</translation>
        </message>
        <message>
            <location filename="../dialogs/settings.py" line="127" />
            <source>Theme</source>
            <translation>Thema</translation>
        </message>
        <message>
            <location filename="../dialogs/settings.py" line="130" />
            <source>Theme:</source>
            <translation>Thema:</translation>
        </message>
        <message>
            <location filename="../dialogs/settings.py" line="141" />
            <source>Find members on this network automatically</source>
            <translation>Leden op dit netwerk automatisch vinden</translation>
        </message>
        <message>
            <location filename="../dialogs/settings.py" line="147" />
            <source>Uses local discovery (mDNS). Other devices see only a random name and a code that changes every ten minutes; only members recognise it.</source>
            <translation>Gebruikt lokale netwerkdetectie (mDNS). Andere apparaten zien alleen een willekeurige naam en een code die elke tien minuten verandert; alleen leden herkennen die.</translation>
        </message>
        <message>
            <location filename="../dialogs/settings.py" line="152" />
            <source>Meetup mode</source>
            <translation>Meetup-modus</translation>
        </message>
        <message>
            <location filename="../dialogs/settings.py" line="158" />
            <source>At a meetup or on a shared network, this device looks for other members but does not announce itself. Members it finds still sync with it.</source>
            <translation>Op een meetup of een gedeeld netwerk zoekt dit apparaat naar andere leden, maar maakt het zichzelf niet bekend. Leden die het vindt, synchroniseren gewoon met dit apparaat.</translation>
        </message>
        <message>
            <location filename="../dialogs/settings.py" line="163" />
            <source>Members by address:</source>
            <translation>Leden op adres:</translation>
        </message>
        <message>
            <location filename="../dialogs/settings.py" line="165" />
            <source>for example 192.168.1.20:47490, nas.local:47490</source>
            <translation>bijvoorbeeld 192.168.1.20:47490, nas.local:47490</translation>
        </message>
        <message>
            <location filename="../dialogs/settings.py" line="166" />
            <source>Members by address</source>
            <translation>Leden op adres</translation>
        </message>
        <message>
            <location filename="../dialogs/settings.py" line="172" />
            <source>For guest Wi-Fi or a hotspot that blocks discovery: CoopShare keeps trying these addresses (HOST:PORT, separated by commas).</source>
            <translation>Voor gastwifi of een hotspot die detectie blokkeert: CoopShare blijft deze adressen proberen (HOST:POORT, gescheiden door komma's).</translation>
        </message>
        <message>
            <location filename="../dialogs/settings.py" line="180" />
            <source>Network changes apply as soon as you press Save.</source>
            <translation>Netwerkwijzigingen werken zodra je op Opslaan drukt.</translation>
        </message>
        <message>
            <location filename="../dialogs/settings.py" line="190" />
            <source>Your passphrase protects your keys and everything CoopShare keeps on this laptop. Nobody can reset it for you: keep it somewhere safe.</source>
            <translation>Je wachtwoordzin beschermt je sleutels en alles wat CoopShare op deze laptop bewaart. Niemand kan hem voor je resetten: bewaar hem op een veilige plek.</translation>
        </message>
        <message>
            <location filename="../dialogs/settings.py" line="196" />
            <source>Current passphrase</source>
            <translation>Huidige wachtwoordzin</translation>
        </message>
        <message>
            <location filename="../dialogs/settings.py" line="197" />
            <source>New passphrase</source>
            <translation>Nieuwe wachtwoordzin</translation>
        </message>
        <message>
            <location filename="../dialogs/settings.py" line="198" />
            <source>Repeat the new passphrase</source>
            <translation>Herhaal de nieuwe wachtwoordzin</translation>
        </message>
        <message>
            <location filename="../dialogs/settings.py" line="199" />
            <source>Current:</source>
            <translation>Huidige:</translation>
        </message>
        <message>
            <location filename="../dialogs/settings.py" line="200" />
            <source>New:</source>
            <translation>Nieuwe:</translation>
        </message>
        <message>
            <location filename="../dialogs/settings.py" line="201" />
            <source>Repeat new:</source>
            <translation>Herhaal nieuwe:</translation>
        </message>
        <message>
            <location filename="../dialogs/settings.py" line="204" />
            <source>Change passphrase</source>
            <translation>Wachtwoordzin wijzigen</translation>
        </message>
        <message>
            <location filename="../dialogs/settings.py" line="220" />
            <source>Data folder:</source>
            <translation>Gegevensmap:</translation>
        </message>
        <message>
            <location filename="../dialogs/settings.py" line="224" />
            <source>Data folder</source>
            <translation>Gegevensmap</translation>
        </message>
        <message>
            <location filename="../dialogs/settings.py" line="227" />
            <source>Open folder</source>
            <translation>Map openen</translation>
        </message>
        <message>
            <location filename="../dialogs/settings.py" line="228" />
            <source>Show the data folder in your file manager</source>
            <translation>De gegevensmap tonen in je bestandsbeheerder</translation>
        </message>
        <message>
            <location filename="../dialogs/settings.py" line="237" />
            <source>Everything in it is encrypted. To move CoopShare to another laptop, copy this folder while CoopShare is closed; you need your passphrase to open it.</source>
            <translation>Alles erin is versleuteld. Wil je CoopShare naar een andere laptop verhuizen, kopieer deze map dan terwijl CoopShare gesloten is; je hebt je wachtwoordzin nodig om hem te openen.</translation>
        </message>
        <message>
            <location filename="../dialogs/settings.py" line="281" />
            <source>Type your current passphrase.</source>
            <translation>Typ je huidige wachtwoordzin.</translation>
        </message>
        <message>
            <location filename="../dialogs/settings.py" line="284" />
            <source>Type a new passphrase.</source>
            <translation>Typ een nieuwe wachtwoordzin.</translation>
        </message>
        <message>
            <location filename="../dialogs/settings.py" line="287" />
            <source>The two new passphrases are not the same.</source>
            <translation>De twee nieuwe wachtwoordzinnen zijn niet hetzelfde.</translation>
        </message>
        <message>
            <location filename="../dialogs/settings.py" line="291" />
            <source>The new passphrase is the same as the current one.</source>
            <translation>De nieuwe wachtwoordzin is dezelfde als de huidige.</translation>
        </message>
        <message>
            <location filename="../dialogs/settings.py" line="295" />
            <source>Changing the passphrase…</source>
            <translation>De wachtwoordzin wordt gewijzigd…</translation>
        </message>
        <message>
            <location filename="../dialogs/settings.py" line="307" />
            <source>Passphrase changed. Use the new one the next time you open CoopShare.</source>
            <translation>Wachtwoordzin gewijzigd. Gebruik de nieuwe wanneer je CoopShare de volgende keer opent.</translation>
        </message>
        <message>
            <location filename="../dialogs/settings.py" line="317" />
            <source>The current passphrase is not correct. Nothing was changed.</source>
            <translation>De huidige wachtwoordzin is niet juist. Er is niets gewijzigd.</translation>
        </message>
        <message>
            <location filename="../dialogs/settings.py" line="321" />
            <source>The passphrase was not changed: {0}</source>
            <translation>De wachtwoordzin is niet gewijzigd: {0}</translation>
        </message>
        <message>
            <location filename="../dialogs/settings.py" line="341" />
            <source>No file manager could open the folder. Its path is selected above: copy it.</source>
            <translation>Geen bestandsbeheerder kon de map openen. Het pad staat hierboven geselecteerd: kopieer het.</translation>
        </message>
        <message>
            <location filename="../dialogs/settings.py" line="352" />
            <source>“{0}” is not an address as HOST:PORT, for example 192.168.1.20:47490.</source>
            <translation>“{0}” is geen adres in de vorm HOST:POORT, bijvoorbeeld 192.168.1.20:47490.</translation>
        </message>
    </context>
    <context>
        <name>ShowRecoveryDialog</name>
        <message>
            <location filename="../dialogs/recovery.py" line="62" />
            <source>Your recovery key</source>
            <translation>Je herstelsleutel</translation>
        </message>
        <message>
            <location filename="../dialogs/recovery.py" line="68" />
            <source>Type your passphrase to see your recovery key. Anyone who has the key can act as you: make sure nobody is looking at your screen.</source>
            <translation>Typ je wachtwoordzin om je herstelsleutel te zien. Wie de sleutel heeft, kan zich als jou voordoen: zorg dat niemand op je scherm meekijkt.</translation>
        </message>
        <message>
            <location filename="../dialogs/recovery.py" line="76" />
            <source>Passphrase</source>
            <translation>Wachtwoordzin</translation>
        </message>
        <message>
            <location filename="../dialogs/recovery.py" line="77" />
            <source>Your passphrase</source>
            <translation>Je wachtwoordzin</translation>
        </message>
        <message>
            <location filename="../dialogs/recovery.py" line="79" />
            <source>Show the key</source>
            <translation>Sleutel tonen</translation>
        </message>
        <message>
            <location filename="../dialogs/recovery.py" line="90" />
            <source>Recovery key</source>
            <translation>Herstelsleutel</translation>
        </message>
        <message>
            <location filename="../dialogs/recovery.py" line="94" />
            <source>&amp;Copy</source>
            <translation>&amp;Kopiëren</translation>
        </message>
        <message>
            <location filename="../dialogs/recovery.py" line="108" />
            <source>Type your passphrase first.</source>
            <translation>Typ eerst je wachtwoordzin.</translation>
        </message>
        <message>
            <location filename="../dialogs/recovery.py" line="112" />
            <source>Checking the passphrase…</source>
            <translation>Wachtwoordzin controleren…</translation>
        </message>
        <message>
            <location filename="../dialogs/recovery.py" line="134" />
            <source>Copied. Remember to clear the clipboard afterwards.</source>
            <translation>Gekopieerd. Vergeet niet het klembord daarna te wissen.</translation>
        </message>
    </context>
    <context>
        <name>ThankButton</name>
        <message>
            <location filename="../dialogs/thanks.py" line="136" />
            <source>Thanked ✓</source>
            <translation>Bedankt ✓</translation>
        </message>
        <message>
            <location filename="../dialogs/thanks.py" line="136" />
            <source>Thank…</source>
            <translation>Bedanken…</translation>
        </message>
        <message>
            <location filename="../dialogs/thanks.py" line="138" />
            <source>You thanked for this.</source>
            <translation>Je hebt hiervoor bedankt.</translation>
        </message>
        <message>
            <location filename="../dialogs/thanks.py" line="140" />
            <source>Say thanks: it shows in the ledger of given and received</source>
            <translation>Bedank: het verschijnt in het overzicht van geven en ontvangen</translation>
        </message>
    </context>
    <context>
        <name>ThanksDialog</name>
        <message>
            <location filename="../dialogs/thanks.py" line="42" />
            <source>Say thanks</source>
            <translation>Bedanken</translation>
        </message>
        <message>
            <location filename="../dialogs/thanks.py" line="47" />
            <source>Thank {0} for an introduction: for putting you in touch with someone, or for passing a lead on to you.</source>
            <translation>Bedank {0} voor een introductie: omdat die je met iemand in contact bracht of een lead aan je doorgaf.</translation>
        </message>
        <message>
            <location filename="../dialogs/thanks.py" line="50" />
            <source>Thank the giver of the lead “{0}”.</source>
            <translation>Bedank de gever van de lead “{0}”.</translation>
        </message>
        <message>
            <location filename="../dialogs/thanks.py" line="52" />
            <source>Thank the author of the note “{0}”.</source>
            <translation>Bedank de schrijver van de notitie “{0}”.</translation>
        </message>
        <message>
            <location filename="../dialogs/thanks.py" line="60" />
            <source>A short word of thanks (optional)</source>
            <translation>Een kort woord van dank (niet verplicht)</translation>
        </message>
        <message>
            <location filename="../dialogs/thanks.py" line="61" />
            <source>Word of thanks</source>
            <translation>Woord van dank</translation>
        </message>
        <message>
            <location filename="../dialogs/thanks.py" line="65" />
            <source>It counts once in the ledger of given and received, for both of you. You can give up to 10 thanks a day.</source>
            <translation>Het telt één keer mee in het overzicht van geven en ontvangen, voor jullie allebei. Je kunt tot 10 keer per dag bedanken.</translation>
        </message>
        <message>
            <location filename="../dialogs/thanks.py" line="82" />
            <source>Thank</source>
            <translation>Bedank</translation>
        </message>
    </context>
    <context>
        <name>ThisDeviceCard</name>
        <message>
            <location filename="../this_device.py" line="39" />
            <source>This device: {0}</source>
            <translation>Dit apparaat: {0}</translation>
        </message>
        <message>
            <location filename="../this_device.py" line="42" />
            <source>Members reach it at {0}</source>
            <translation>Leden bereiken het op {0}</translation>
        </message>
        <message>
            <location filename="../this_device.py" line="44" />
            <source>Listening; no network address found</source>
            <translation>Luistert; geen netwerkadres gevonden</translation>
        </message>
        <message>
            <location filename="../this_device.py" line="46" />
            <source>Not connected to the network</source>
            <translation>Niet met het netwerk verbonden</translation>
        </message>
        <message>
            <location filename="../this_device.py" line="47" />
            <source>{0} · device {1}</source>
            <translation>{0} · apparaat {1}</translation>
        </message>
    </context>
    <context>
        <name>TrashDialog</name>
        <message>
            <location filename="../pages/notes_trash.py" line="83" />
            <source>Trash</source>
            <translation>Prullenbak</translation>
        </message>
        <message numerus="yes">
            <location filename="../pages/notes_trash.py" line="90" />
            <source>Notes you deleted stay here for %n day(s), then this device removes them for good, also from the other members' devices.</source>
            <translation>
                <numerusform>Notities die je verwijdert, blijven hier %n dag staan; daarna wist dit apparaat ze voorgoed, ook op de apparaten van de andere leden.</numerusform>
                <numerusform>Notities die je verwijdert, blijven hier %n dagen staan; daarna wist dit apparaat ze voorgoed, ook op de apparaten van de andere leden.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../pages/notes_trash.py" line="101" />
            <source>Deleted notes</source>
            <translation>Verwijderde notities</translation>
        </message>
        <message>
            <location filename="../pages/notes_trash.py" line="103" />
            <source>The trash is empty.</source>
            <translation>De prullenbak is leeg.</translation>
        </message>
        <message>
            <location filename="../pages/notes_trash.py" line="112" />
            <source>Restore</source>
            <translation>Terugzetten</translation>
        </message>
        <message>
            <location filename="../pages/notes_trash.py" line="113" />
            <source>Put the selected notes back in the list</source>
            <translation>Zet de gekozen notities terug in de lijst</translation>
        </message>
        <message>
            <location filename="../pages/notes_trash.py" line="130" />
            <source>(untitled)</source>
            <translation>(zonder titel)</translation>
        </message>
        <message>
            <location filename="../pages/notes_trash.py" line="132" />
            <source>{0}
deleted {1} · removed for good on {2}</source>
            <translation>{0}
verwijderd op {1} · wordt voorgoed gewist op {2}</translation>
        </message>
        <message numerus="yes">
            <location filename="../pages/notes_trash.py" line="158" />
            <source>Restored %n note(s).</source>
            <translation>
                <numerusform>%n notitie teruggezet.</numerusform>
                <numerusform>%n notities teruggezet.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TsaSetting</name>
        <message>
            <location filename="../dialogs/tsa_setting.py" line="20" />
            <source>Time-stamping authority (RFC 3161) for priority proofs:</source>
            <translation>Tijdstempeldienst (RFC 3161) voor prioriteitsbewijzen:</translation>
        </message>
        <message>
            <location filename="../dialogs/tsa_setting.py" line="23" />
            <source>Time-stamping authority address</source>
            <translation>Adres van de tijdstempeldienst</translation>
        </message>
        <message>
            <location filename="../dialogs/tsa_setting.py" line="24" />
            <source>off: enter an http:// or https:// address to use one</source>
            <translation>uit: vul een http://- of https://-adres in om er een te gebruiken</translation>
        </message>
        <message>
            <location filename="../dialogs/tsa_setting.py" line="27" />
            <source>When set, each commitment's fingerprint (never the text) is also sent to this service, which signs the time it saw it.</source>
            <translation>Als dit is ingevuld, gaat de vingerafdruk van elke vastlegging (nooit de tekst) ook naar deze dienst, die de tijd ondertekent waarop hij die zag.</translation>
        </message>
        <message>
            <location filename="../dialogs/tsa_setting.py" line="43" />
            <source>The address must start with http:// or https://.</source>
            <translation>Het adres moet beginnen met http:// of https://.</translation>
        </message>
    </context>
    <context>
        <name>TypesCode</name>
        <message>
            <location filename="../dialogs/pairing.py" line="269" />
            <source>Pairing code:</source>
            <translation>Koppelcode:</translation>
        </message>
        <message>
            <location filename="../dialogs/pairing.py" line="270" />
            <source>Address:</source>
            <translation>Adres:</translation>
        </message>
        <message>
            <location filename="../dialogs/pairing.py" line="272" />
            <source>Pair</source>
            <translation>Koppelen</translation>
        </message>
        <message>
            <location filename="../dialogs/pairing.py" line="287" />
            <source>Type the code and the address exactly as shown.</source>
            <translation>Typ de code en het adres precies zoals ze worden getoond.</translation>
        </message>
        <message>
            <location filename="../dialogs/pairing.py" line="290" />
            <source>Connecting…</source>
            <translation>Verbinden…</translation>
        </message>
    </context>
    <context>
        <name>UnlockDialog</name>
        <message>
            <location filename="../dialogs/unlock.py" line="57" />
            <source>Unlock CoopShare</source>
            <translation>CoopShare ontgrendelen</translation>
        </message>
        <message>
            <location filename="../dialogs/unlock.py" line="70" />
            <source>Welcome back</source>
            <translation>Welkom terug</translation>
        </message>
        <message>
            <location filename="../dialogs/unlock.py" line="74" />
            <source>Type your passphrase to open your cooperative's notes, leads and ideas.</source>
            <translation>Typ je wachtwoordzin om de notities, leads en ideeën van je coöperatie te openen.</translation>
        </message>
        <message>
            <location filename="../dialogs/unlock.py" line="76" />
            <source>Type your passphrase to unlock CoopShare on this computer.</source>
            <translation>Typ je wachtwoordzin om CoopShare op deze computer te ontgrendelen.</translation>
        </message>
        <message>
            <location filename="../dialogs/unlock.py" line="86" />
            <location filename="../dialogs/unlock.py" line="87" />
            <source>Passphrase</source>
            <translation>Wachtwoordzin</translation>
        </message>
        <message>
            <location filename="../dialogs/unlock.py" line="91" />
            <source>&amp;Show passphrase</source>
            <translation>Wachtwoordzin &amp;tonen</translation>
        </message>
        <message>
            <location filename="../dialogs/unlock.py" line="100" />
            <source>&amp;Forgot your passphrase?</source>
            <translation>Wachtwoordzin &amp;vergeten?</translation>
        </message>
        <message>
            <location filename="../dialogs/unlock.py" line="116" />
            <source>Data folder: {0}</source>
            <translation>Gegevensmap: {0}</translation>
        </message>
        <message>
            <location filename="../dialogs/unlock.py" line="125" />
            <source>&amp;Unlock</source>
            <translation>&amp;Ontgrendelen</translation>
        </message>
        <message>
            <location filename="../dialogs/unlock.py" line="129" />
            <source>Quit</source>
            <translation>Afsluiten</translation>
        </message>
        <message>
            <location filename="../dialogs/unlock.py" line="162" />
            <source>Type your passphrase.</source>
            <translation>Typ je wachtwoordzin.</translation>
        </message>
        <message>
            <location filename="../dialogs/unlock.py" line="167" />
            <source>Unlocking…</source>
            <translation>Ontgrendelen…</translation>
        </message>
        <message>
            <location filename="../dialogs/unlock.py" line="201" />
            <source>The key file in this data folder is damaged. Restore it from a backup, or start again with your recovery key.</source>
            <translation>Het sleutelbestand in deze gegevensmap is beschadigd. Zet het terug vanuit een back-up, of begin opnieuw met je herstelsleutel.</translation>
        </message>
        <message>
            <location filename="../dialogs/unlock.py" line="207" />
            <source>The data folder could not be opened: {0}</source>
            <translation>De gegevensmap kon niet worden geopend: {0}</translation>
        </message>
    </context>
    <context>
        <name>VerifyPanel</name>
        <message>
            <location filename="../dialogs/verify_panel.py" line="33" />
            <source>Safety number</source>
            <translation>Veiligheidsnummer</translation>
        </message>
        <message>
            <location filename="../dialogs/verify_panel.py" line="47" />
            <location filename="../dialogs/verify_panel.py" line="106" />
            <source>Mark as verified</source>
            <translation>Markeren als geverifieerd</translation>
        </message>
        <message>
            <location filename="../dialogs/verify_panel.py" line="49" />
            <source>Only after you compared these digits with the other person's screen</source>
            <translation>Alleen nadat je deze cijfers met het scherm van de ander hebt vergeleken</translation>
        </message>
        <message>
            <location filename="../dialogs/verify_panel.py" line="52" />
            <source>Mark as not verified</source>
            <translation>Markeren als niet geverifieerd</translation>
        </message>
        <message>
            <location filename="../dialogs/verify_panel.py" line="74" />
            <source>Safety number: {0}</source>
            <translation>Veiligheidsnummer: {0}</translation>
        </message>
        <message>
            <location filename="../dialogs/verify_panel.py" line="78" />
            <source>✓ Verified: you compared this number with {0}.</source>
            <translation>✓ Geverifieerd: je hebt dit nummer met {0} vergeleken.</translation>
        </message>
        <message>
            <location filename="../dialogs/verify_panel.py" line="82" />
            <source>⚠ Key changed since you verified {0}.</source>
            <translation>⚠ Sleutel gewijzigd sinds je {0} hebt geverifieerd.</translation>
        </message>
        <message>
            <location filename="../dialogs/verify_panel.py" line="87" />
            <source>Not verified. Compare these digits with {0}, in person or by phone: if they match, nobody is impersonating either of you.</source>
            <translation>Niet geverifieerd. Vergelijk deze cijfers met {0}, persoonlijk of telefonisch: als ze gelijk zijn, doet niemand zich voor als een van jullie.</translation>
        </message>
        <message numerus="yes">
            <location filename="../dialogs/verify_panel.py" line="96" />
            <source>%n new device(s) since then. If {0} did not add it, someone may hold their keys: ask {0}, compare again, then mark as verified.</source>
            <translation>
                <numerusform>Sindsdien %n nieuw apparaat. Als {0} het niet zelf heeft toegevoegd, heeft iemand misschien de sleutels: vraag het {0}, vergelijk opnieuw en markeer dan als geverifieerd.</numerusform>
                <numerusform>Sindsdien %n nieuwe apparaten. Als {0} ze niet zelf heeft toegevoegd, heeft iemand misschien de sleutels: vraag het {0}, vergelijk opnieuw en markeer dan als geverifieerd.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../dialogs/verify_panel.py" line="106" />
            <source>Mark as verified again</source>
            <translation>Opnieuw markeren als geverifieerd</translation>
        </message>
    </context>
    <context>
        <name>WelcomePage</name>
        <message>
            <location filename="../dialogs/first_run.py" line="38" />
            <source>Welcome to CoopShare</source>
            <translation>Welkom bij CoopShare</translation>
        </message>
        <message>
            <location filename="../dialogs/first_run.py" line="39" />
            <source>Share knowledge, leads and ideas with your cooperative.</source>
            <translation>Deel kennis, leads en ideeën met je coöperatie.</translation>
        </message>
        <message>
            <location filename="../dialogs/first_run.py" line="44" />
            <source>CoopShare lets the members of a cooperative share knowledge notes, leads for assignments and ideas — directly between their own laptops, with no central server. Everything you write is signed by you and encrypted for the people you share it with. Members find each other on the local network, at the office or at a meetup, and keep each other up to date.</source>
            <translation>Met CoopShare delen de leden van een coöperatie kennisnotities, leads voor opdrachten en ideeën — rechtstreeks tussen hun eigen laptops, zonder centrale server. Alles wat je schrijft, wordt door jou ondertekend en versleuteld voor de mensen met wie je het deelt. Leden vinden elkaar op het lokale netwerk, op kantoor of op een meetup, en houden elkaar op de hoogte.</translation>
        </message>
        <message>
            <location filename="../dialogs/first_run.py" line="52" />
            <source>In three short steps you will:
1.  choose your name and a passphrase,
2.  write down your recovery key,
3.  create a cooperative, or join one with an invitation.</source>
            <translation>In drie korte stappen:
1.  kies je je naam en een wachtwoordzin,
2.  schrijf je je herstelsleutel op,
3.  richt je een coöperatie op, of word je lid met een uitnodiging.</translation>
        </message>
        <message>
            <location filename="../dialogs/first_run.py" line="62" />
            <source>Restore from a backup…</source>
            <translation>Herstellen uit een back-up…</translation>
        </message>
        <message>
            <location filename="../dialogs/first_run.py" line="63" />
            <source>Moving to a new computer? Use your backup file.</source>
            <translation>Over naar een nieuwe computer? Gebruik je back-upbestand.</translation>
        </message>
        <message>
            <location filename="../dialogs/first_run.py" line="66" />
            <source>This is another device of mine…</source>
            <translation>Dit is nog een apparaat van mij…</translation>
        </message>
        <message>
            <location filename="../dialogs/first_run.py" line="68" />
            <source>Already a member on another computer? Pair this one with it in person.</source>
            <translation>Al lid op een andere computer? Koppel deze er persoonlijk mee.</translation>
        </message>
    </context>
    <context>
        <name>WhoFits</name>
        <message>
            <location filename="../dialogs/who_fits.py" line="33" />
            <source>%1 of %2 skills</source>
            <translation>%1 van %2 vaardigheden</translation>
        </message>
        <message>
            <location filename="../dialogs/who_fits.py" line="37" />
            <source>available from {0}</source>
            <translation>beschikbaar vanaf {0}</translation>
        </message>
        <message>
            <location filename="../dialogs/who_fits.py" line="39" />
            <source>{0} h/week</source>
            <translation>{0} u/week</translation>
        </message>
        <message>
            <location filename="../dialogs/who_fits.py" line="41" />
            <source>remote</source>
            <translation>op afstand</translation>
        </message>
        <message>
            <location filename="../dialogs/who_fits.py" line="56" />
            <source>Who fits: {0}</source>
            <translation>Wie past: {0}</translation>
        </message>
        <message>
            <location filename="../dialogs/who_fits.py" line="61" />
            <source>Members whose skills, availability and region match this lead, best first. Worked out on this device only; nothing of it is shared.</source>
            <translation>Leden van wie vaardigheden, beschikbaarheid en regio bij deze lead passen, de beste eerst. Alleen op dit apparaat bepaald; niets ervan wordt gedeeld.</translation>
        </message>
        <message>
            <location filename="../dialogs/who_fits.py" line="68" />
            <source>Members who fit</source>
            <translation>Leden die passen</translation>
        </message>
        <message>
            <location filename="../dialogs/who_fits.py" line="70" />
            <source>Looking for members who fit…</source>
            <translation>Leden zoeken die passen…</translation>
        </message>
        <message>
            <location filename="../dialogs/who_fits.py" line="88" />
            <source>Nobody fits yet. A member shows here once their profile has one of this lead's skills and time for its period, in a region that suits.</source>
            <translation>Nog niemand past. Een lid verschijnt hier zodra zijn of haar profiel een van de vaardigheden van deze lead heeft, en tijd in de periode, in een regio die past.</translation>
        </message>
    </context>
    <context>
        <name>_PairDialog</name>
        <message>
            <location filename="../dialogs/pairing.py" line="152" />
            <source>Digits to compare</source>
            <translation>Cijfers om te vergelijken</translation>
        </message>
        <message>
            <location filename="../dialogs/pairing.py" line="155" />
            <source>Does the other screen show the same six digits?</source>
            <translation>Toont het andere scherm dezelfde zes cijfers?</translation>
        </message>
        <message>
            <location filename="../dialogs/pairing.py" line="159" />
            <source>They match</source>
            <translation>Ze zijn gelijk</translation>
        </message>
        <message>
            <location filename="../dialogs/pairing.py" line="161" />
            <source>They differ</source>
            <translation>Ze verschillen</translation>
        </message>
        <message>
            <location filename="../dialogs/pairing.py" line="204" />
            <source>Waiting for the other device…</source>
            <translation>Wachten op het andere apparaat…</translation>
        </message>
        <message>
            <location filename="../dialogs/pairing.py" line="204" />
            <source>Pairing stopped.</source>
            <translation>Koppelen gestopt.</translation>
        </message>
        <message>
            <location filename="../dialogs/pairing.py" line="214" />
            <source>The pairing code expired. Start again.</source>
            <translation>De koppelcode is verlopen. Begin opnieuw.</translation>
        </message>
        <message>
            <location filename="../dialogs/pairing.py" line="217" />
            <source>A second device used the same pairing code: someone else may have seen it. Nothing was handed over. Start again where nobody else can read the code.</source>
            <translation>Een tweede apparaat gebruikte dezelfde koppelcode: iemand anders heeft die misschien gezien. Er is niets overgedragen. Begin opnieuw waar niemand anders de code kan lezen.</translation>
        </message>
        <message>
            <location filename="../dialogs/pairing.py" line="221" />
            <source>Pairing failed: the digits were not confirmed on both screens, or the code was wrong. Nothing was handed over.</source>
            <translation>Koppelen mislukt: de cijfers zijn niet op beide schermen bevestigd, of de code was onjuist. Er is niets overgedragen.</translation>
        </message>
        <message>
            <location filename="../dialogs/pairing.py" line="226" />
            <source>Pairing failed.</source>
            <translation>Koppelen mislukt.</translation>
        </message>
    </context>
    <context>
        <name>_PassphraseFileDialog</name>
        <message>
            <location filename="../dialogs/backup.py" line="63" />
            <source>File</source>
            <translation>Bestand</translation>
        </message>
        <message>
            <location filename="../dialogs/backup.py" line="64" />
            <source>Choose…</source>
            <translation>Kiezen…</translation>
        </message>
        <message>
            <location filename="../dialogs/backup.py" line="71" />
            <location filename="../dialogs/backup.py" line="72" />
            <source>Passphrase</source>
            <translation>Wachtwoordzin</translation>
        </message>
    </context>
    <context>
        <name>app</name>
        <message>
            <location filename="../app.py" line="69" />
            <source>CoopShare could not start its network connection ({0}). You can keep working; changes sync later.</source>
            <translation>CoopShare kon de netwerkverbinding niet starten ({0}). Je kunt gewoon doorwerken; wijzigingen worden later gesynchroniseerd.</translation>
        </message>
    </context>
    <context>
        <name>autostart</name>
        <message>
            <location filename="../autostart.py" line="68" />
            <source>Keeps your cooperative's leads, notes and ideas in sync</source>
            <translation>Houdt de leads, notities en ideeën van je coöperatie bij</translation>
        </message>
        <message>
            <location filename="../autostart.py" line="99" />
            <source>Start CoopShare when I log in</source>
            <translation>CoopShare starten als ik me aanmeld</translation>
        </message>
        <message>
            <location filename="../autostart.py" line="102" />
            <source>CoopShare starts when you log in and keeps your cooperative in sync in the background.</source>
            <translation>CoopShare start als je je aanmeldt en houdt je coöperatie op de achtergrond bij.</translation>
        </message>
    </context>
</TS>
