<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb_NO">
<context>
    <name>About</name>
    <message>
        <source>Follow-up of participants in ordinary work (IPS and Supported Employment): mapping, visits and follow-up agreements, offline.</source>
        <translation>Oppfølging av deltakere i ordinært arbeid (IPS og Supported Employment): kartlegging, besøk og oppfølgingsavtaler, uten nett.</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>Datamappe:</translation>
    </message>
    <message>
        <source>The database is encrypted; its key is kept in the system keyring.</source>
        <translation>Databasen er kryptert; nøkkelen ligger i systemets nøkkelring.</translation>
    </message>
    <message>
        <source>About Fieldapp</source>
        <translation>Om Fieldapp</translation>
    </message>
</context>
<context>
    <name>AccessLogTab</name>
    <message>
        <source>this computer</source>
        <translation>denne maskinen</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Når</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Hvem</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Hva</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Enhet</translation>
    </message>
    <message>
        <source>Who has seen the information</source>
        <translation>Hvem har sett opplysningene</translation>
    </message>
    <message>
        <source>E&amp;xport subject access copy …</source>
        <translation>Eksporter &amp;innsyn …</translation>
    </message>
    <message>
        <source>One readable PDF and the JSON export of everything stored about the participant (logged)</source>
        <translation>Én lesbar PDF og JSON-eksporten av alt som er lagret om deltakeren (logges)</translation>
    </message>
    <message>
        <source>Erase participant …</source>
        <translation>Slett deltaker …</translation>
    </message>
    <message>
        <source>The log shows who opened, printed, exported or revealed this participant&apos;s information, on every synced device. It holds no content.</source>
        <translation>Loggen viser hvem som har åpnet, skrevet ut, eksportert eller vist opplysningene om deltakeren, på alle synkroniserte enheter. Den inneholder ikke selve opplysningene.</translation>
    </message>
    <message>
        <source>Nobody has opened this participant yet.</source>
        <translation>Ingen har åpnet denne deltakeren ennå.</translation>
    </message>
    <message>
        <source>Folder for the subject access copy</source>
        <translation>Mappe for innsynskopien</translation>
    </message>
    <message>
        <source>Exporting …</source>
        <translation>Eksporterer …</translation>
    </message>
    <message>
        <source>Saved %1 and %2.</source>
        <translation>Lagret %1 og %2.</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>Eksporten mislyktes: %1</translation>
    </message>
</context>
<context>
    <name>ActorForm</name>
    <message>
        <source>Edit cooperating actor</source>
        <translation>Endre samarbeidende aktør</translation>
    </message>
    <message>
        <source>New cooperating actor</source>
        <translation>Ny samarbeidende aktør</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>&amp;Rolle</translation>
    </message>
    <message>
        <source>e.g. GP, psychologist, housing office, mother</source>
        <translation>f.eks. fastlege, psykolog, boligkontor, mor</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Navn</translation>
    </message>
    <message>
        <source>&amp;Organisation</source>
        <translation>&amp;Organisasjon</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Telefon</translation>
    </message>
    <message>
        <source>Consent to &amp;contact</source>
        <translation>Samtykke til &amp;kontakt</translation>
    </message>
    <message>
        <source>The participant agrees that we contact them</source>
        <translation>Deltakeren samtykker til at vi kontakter dem</translation>
    </message>
    <message>
        <source>Consent &amp;date</source>
        <translation>Samtykke&amp;dato</translation>
    </message>
</context>
<context>
    <name>AgreementEditor</name>
    <message>
        <source>Follow-up agreement</source>
        <translation>Oppfølgingsavtale</translation>
    </message>
    <message>
        <source>Saving …</source>
        <translation>Lagrer …</translation>
    </message>
    <message>
        <source>Loading …</source>
        <translation>Laster …</translation>
    </message>
    <message>
        <source>Confidentiality and personal data</source>
        <translation>Taushetsplikt og personopplysninger</translation>
    </message>
    <message>
        <source>Other parties (behandler and others)</source>
        <translation>Andre parter (behandler og andre)</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Mål</translation>
    </message>
    <message>
        <source>Follow-up per actor</source>
        <translation>Oppfølging per aktør</translation>
    </message>
    <message>
        <source>Accommodations</source>
        <translation>Tilrettelegging</translation>
    </message>
    <message>
        <source>Each party&apos;s responsibilities</source>
        <translation>Partenes ansvar</translation>
    </message>
    <message>
        <source>Confidentiality and personal data (fixed text)</source>
        <translation>Taushetsplikt og personopplysninger (fast tekst)</translation>
    </message>
    <message>
        <source>Missing before signing</source>
        <translation>Mangler før signering</translation>
    </message>
    <message>
        <source>&amp;Preview and print …</source>
        <translation>&amp;Forhåndsvis og skriv ut …</translation>
    </message>
    <message>
        <source>&amp;Versions and history …</source>
        <translation>&amp;Versjoner og historikk …</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lagre</translation>
    </message>
    <message>
        <source>Save now (Ctrl+S). A draft is also saved by itself.</source>
        <translation>Lagre nå (Ctrl+S). Et utkast lagres også av seg selv.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
    <message>
        <source>Agreement %1, version %2</source>
        <translation>Avtale %1, versjon %2</translation>
    </message>
    <message>
        <source>Agreement %1 – %2</source>
        <translation>Avtale %1 – %2</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>Not signed by the parties. Version %1 (%2) stays valid until this version is signed again.</source>
        <translation>Ikke signert av partene. Versjon %1 (%2) gjelder til denne versjonen er signert på nytt.</translation>
    </message>
    <message>
        <source>Annulled: %1</source>
        <translation>Annullert: %1</translation>
    </message>
    <message>
        <source>Draft: changes are saved by themselves.</source>
        <translation>Utkast: endringer lagres av seg selv.</translation>
    </message>
    <message>
        <source>Signed: revoke the signatures or make a new version to change it.</source>
        <translation>Signert: trekk tilbake signaturene eller lag en ny versjon for å endre den.</translation>
    </message>
    <message>
        <source>Locked for signing: reopen it as a draft to change it.</source>
        <translation>Låst for signering: åpne den som utkast igjen for å endre den.</translation>
    </message>
    <message>
        <source>Nothing is missing: the agreement can be made ready for signing.</source>
        <translation>Ingenting mangler: avtalen kan gjøres klar for signering.</translation>
    </message>
    <message numerus="yes">
        <source>%n thing(s) missing before signing:</source>
        <translation>
            <numerusform>Dette mangler før avtalen kan signeres (%n):</numerusform>
            <numerusform>Dette mangler før avtalen kan signeres (%n):</numerusform>
        </translation>
    </message>
    <message>
        <source>Changed, not saved yet</source>
        <translation>Endret, ikke lagret ennå</translation>
    </message>
    <message>
        <source>Draft saved</source>
        <translation>Utkastet er lagret</translation>
    </message>
    <message>
        <source>Not saved: correct the marked fields.</source>
        <translation>Ikke lagret: rett feltene som er merket.</translation>
    </message>
    <message>
        <source>Some fields hold invalid values (marked in red); the draft was not saved.</source>
        <translation>Noen felt har ugyldige verdier (merket med rødt); utkastet ble ikke lagret.</translation>
    </message>
    <message>
        <source>Not everything is saved</source>
        <translation>Ikke alt er lagret</translation>
    </message>
    <message>
        <source>%1

Close the agreement anyway? What is not saved will be lost.</source>
        <translation>%1

Lukke avtalen likevel? Det som ikke er lagret, går tapt.</translation>
    </message>
    <message>
        <source>Close anyway</source>
        <translation>Lukk likevel</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Fortsett å redigere</translation>
    </message>
</context>
<context>
    <name>AgreementHistory</name>
    <message>
        <source>Created</source>
        <translation>Opprettet</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Endret</translation>
    </message>
    <message>
        <source>Ready for signing</source>
        <translation>Klar for signering</translation>
    </message>
    <message>
        <source>Reopened as draft</source>
        <translation>Åpnet som utkast igjen</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Signert</translation>
    </message>
    <message>
        <source>Signatures revoked</source>
        <translation>Signaturer trukket tilbake</translation>
    </message>
    <message>
        <source>Concluded</source>
        <translation>Inngått</translation>
    </message>
    <message>
        <source>New version</source>
        <translation>Ny versjon</translation>
    </message>
    <message>
        <source>Annulled</source>
        <translation>Annullert</translation>
    </message>
    <message>
        <source>PDF made</source>
        <translation>PDF laget</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Skrevet ut</translation>
    </message>
    <message>
        <source>Sealed</source>
        <translation>Forseglet</translation>
    </message>
    <message>
        <source>reason: %1</source>
        <translation>begrunnelse: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n copy(ies)</source>
        <translation>
            <numerusform>%n eksemplar</numerusform>
            <numerusform>%n eksemplarer</numerusform>
        </translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nei</translation>
    </message>
    <message>
        <source>Versions and history</source>
        <translation>Versjoner og historikk</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versjon</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Endring</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begrunnelse</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>Signert av</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Hendelse</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>&amp;Sammenlign</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Felt</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Før</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Etter</translation>
    </message>
    <message>
        <source>What changed from version</source>
        <translation>Hva er endret fra versjon</translation>
    </message>
    <message>
        <source>to version</source>
        <translation>til versjon</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versjoner</translation>
    </message>
    <message>
        <source>Event log</source>
        <translation>Hendelseslogg</translation>
    </message>
    <message>
        <source>not signed by the parties</source>
        <translation>ikke signert av partene</translation>
    </message>
    <message>
        <source>There is only one version so far.</source>
        <translation>Det finnes bare én versjon så langt.</translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) changed</source>
        <translation>
            <numerusform>%n felt endret</numerusform>
            <numerusform>%n felt endret</numerusform>
        </translation>
    </message>
    <message>
        <source>No differences.</source>
        <translation>Ingen forskjeller.</translation>
    </message>
</context>
<context>
    <name>AgreementLifecycle</name>
    <message>
        <source>New version</source>
        <translation>Ny versjon</translation>
    </message>
    <message>
        <source>What &amp;changes</source>
        <translation>Hva &amp;endres</translation>
    </message>
    <message>
        <source>New &amp;end date</source>
        <translation>Ny &amp;sluttdato</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Begrunnelse</translation>
    </message>
    <message>
        <source>The new version is a draft and is not signed by the parties until they sign it again. The signed version stays valid until then.</source>
        <translation>Den nye versjonen er et utkast og er ikke signert av partene før de signerer den på nytt. Den signerte versjonen gjelder frem til da.</translation>
    </message>
    <message>
        <source>Make new version</source>
        <translation>Lag ny versjon</translation>
    </message>
    <message>
        <source>Extend the agreement</source>
        <translation>Forleng avtalen</translation>
    </message>
    <message>
        <source>Shorten the agreement (give a reason)</source>
        <translation>Forkort avtalen (oppgi begrunnelse)</translation>
    </message>
    <message>
        <source>Change goals</source>
        <translation>Endre mål</translation>
    </message>
    <message>
        <source>Change follow-up</source>
        <translation>Endre oppfølging</translation>
    </message>
    <message>
        <source>Change accommodations</source>
        <translation>Endre tilrettelegging</translation>
    </message>
    <message>
        <source>Change the job</source>
        <translation>Endre stillingen</translation>
    </message>
    <message>
        <source>Change contact information</source>
        <translation>Endre kontaktinformasjon</translation>
    </message>
    <message>
        <source>&amp;Ready for signing</source>
        <translation>&amp;Klar for signering</translation>
    </message>
    <message>
        <source>Lock the content for signing (it is hashed and a PDF can be made)</source>
        <translation>Lås innholdet for signering (det får et fingeravtrykk, og PDF kan lages)</translation>
    </message>
    <message>
        <source>Re&amp;open as draft</source>
        <translation>Åpne som &amp;utkast igjen</translation>
    </message>
    <message>
        <source>&amp;Sign …</source>
        <translation>&amp;Signer …</translation>
    </message>
    <message>
        <source>Revoke si&amp;gnatures …</source>
        <translation>Tre&amp;kk tilbake signaturer …</translation>
    </message>
    <message>
        <source>&amp;New version …</source>
        <translation>&amp;Ny versjon …</translation>
    </message>
    <message>
        <source>Annul …</source>
        <translation>Annuller …</translation>
    </message>
    <message>
        <source>not signed</source>
        <translation>ikke signert</translation>
    </message>
    <message>
        <source>Signatures – %1</source>
        <translation>Signaturer – %1</translation>
    </message>
    <message>
        <source>Something is missing or wrong: see the marked fields and the list on the right.</source>
        <translation>Noe mangler eller er feil: se de merkede feltene og listen til høyre.</translation>
    </message>
    <message>
        <source>Revoke signatures</source>
        <translation>Trekk tilbake signaturer</translation>
    </message>
    <message>
        <source>Why are the signatures revoked? The reason is logged. Afterwards the version can be reopened and changed, and must be signed again.</source>
        <translation>Hvorfor trekkes signaturene tilbake? Begrunnelsen blir logget. Etterpå kan versjonen åpnes og endres, og den må signeres på nytt.</translation>
    </message>
    <message>
        <source>Annul the agreement</source>
        <translation>Annuller avtalen</translation>
    </message>
    <message>
        <source>Why is the agreement annulled (never happened, registered by mistake …)? Nothing is deleted.</source>
        <translation>Hvorfor annulleres avtalen (ble aldri noe av, registrert ved en feil …)? Ingenting slettes.</translation>
    </message>
    <message>
        <source>Annul</source>
        <translation>Annuller</translation>
    </message>
</context>
<context>
    <name>AgreementParts</name>
    <message>
        <source>Employee</source>
        <translation>Arbeidstaker</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>Arbeidsgiver</translation>
    </message>
    <message>
        <source>Employer&apos;s contact person</source>
        <translation>Kontaktperson hos arbeidsgiver</translation>
    </message>
    <message>
        <source>Job specialist</source>
        <translation>Jobbspesialist</translation>
    </message>
    <message>
        <source>NAV contact</source>
        <translation>NAV-veileder</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisasjon</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tittel</translation>
    </message>
    <message>
        <source>Organisation number</source>
        <translation>Organisasjonsnummer</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>ikke satt</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Avtale</translation>
    </message>
    <message>
        <source>T&amp;ype</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>Partene</translation>
    </message>
    <message>
        <source>The job</source>
        <translation>Jobben</translation>
    </message>
    <message>
        <source>Job &amp;title</source>
        <translation>St&amp;illingstittel</translation>
    </message>
    <message>
        <source>Tas&amp;ks</source>
        <translation>Arbeids&amp;oppgaver</translation>
    </message>
    <message>
        <source>Percentage of full time</source>
        <translation>Stillingsprosent</translation>
    </message>
    <message>
        <source>Days per week</source>
        <translation>Dager per uke</translation>
    </message>
    <message>
        <source>Working hours</source>
        <translation>Arbeidstid</translation>
    </message>
    <message>
        <source>Employment form</source>
        <translation>Ansettelsesform</translation>
    </message>
    <message>
        <source>Job start</source>
        <translation>Oppstart i jobben</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Varighet</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Start</translation>
    </message>
    <message>
        <source>&amp;End</source>
        <translation>S&amp;lutt</translation>
    </message>
    <message>
        <source>Evaluation &amp;date</source>
        <translation>Evaluerings&amp;dato</translation>
    </message>
    <message>
        <source>Extension</source>
        <translation>Forlengelse</translation>
    </message>
    <message>
        <source>May be extended</source>
        <translation>Kan forlenges</translation>
    </message>
    <message>
        <source>How extension is considered</source>
        <translation>Hvordan forlengelse vurderes</translation>
    </message>
    <message>
        <source>Consider extension by</source>
        <translation>Vurder forlengelse innen</translation>
    </message>
    <message>
        <source>Only when no follow-up line is from NAV</source>
        <translation>Bare når ingen oppfølgingslinje er fra NAV</translation>
    </message>
    <message>
        <source>&amp;Why NAV does not follow up</source>
        <translation>&amp;Hvorfor NAV ikke følger opp</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Mål</translation>
    </message>
    <message>
        <source>How progress is seen</source>
        <translation>Slik vurderes måloppnåelse</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Mål</translation>
    </message>
    <message>
        <source>Add &amp;goal</source>
        <translation>Legg til &amp;mål</translation>
    </message>
    <message>
        <source>Remove goal</source>
        <translation>Fjern mål</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Aktør</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Hensikt</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>Hyppighet</translation>
    </message>
    <message>
        <source>Other frequency</source>
        <translation>Annen hyppighet</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Fra</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Til</translation>
    </message>
    <message>
        <source>Follow-up per actor</source>
        <translation>Oppfølging per aktør</translation>
    </message>
    <message>
        <source>Add &amp;follow-up</source>
        <translation>Legg til o&amp;ppfølging</translation>
    </message>
    <message>
        <source>Remove follow-up</source>
        <translation>Fjern oppfølging</translation>
    </message>
    <message>
        <source>Accommodation</source>
        <translation>Tilrettelegging</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Ansvarlig</translation>
    </message>
    <message>
        <source>NAV grant or aid</source>
        <translation>Virkemiddel fra NAV</translation>
    </message>
    <message>
        <source>Grant deadline</source>
        <translation>Søknadsfrist</translation>
    </message>
    <message>
        <source>Accommodations</source>
        <translation>Tilrettelegging</translation>
    </message>
    <message>
        <source>Add &amp;accommodation</source>
        <translation>Legg til tilrettele&amp;gging</translation>
    </message>
    <message>
        <source>Remove accommodation</source>
        <translation>Fjern tilrettelegging</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>Part</translation>
    </message>
    <message>
        <source>Responsibility</source>
        <translation>Ansvar</translation>
    </message>
    <message>
        <source>Responsibilities</source>
        <translation>Ansvar</translation>
    </message>
    <message>
        <source>Add &amp;responsibility</source>
        <translation>Legg til &amp;ansvar</translation>
    </message>
    <message>
        <source>Remove responsibility</source>
        <translation>Fjern ansvar</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Other parties</source>
        <translation>Andre parter</translation>
    </message>
    <message>
        <source>Add ot&amp;her party</source>
        <translation>Legg til annen &amp;part</translation>
    </message>
    <message>
        <source>Remove other party</source>
        <translation>Fjern annen part</translation>
    </message>
</context>
<context>
    <name>AgreementPreview</name>
    <message>
        <source>Agreement preview</source>
        <translation>Forhåndsvisning av avtale</translation>
    </message>
    <message>
        <source>Making the PDF …</source>
        <translation>Lager PDF …</translation>
    </message>
    <message>
        <source>&amp;Print …</source>
        <translation>Skriv &amp;ut …</translation>
    </message>
    <message>
        <source>&amp;Save as PDF …</source>
        <translation>&amp;Lagre som PDF …</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
    <message>
        <source>sealed copy</source>
        <translation>forseglet kopi</translation>
    </message>
    <message>
        <source>not sealed</source>
        <translation>ikke forseglet</translation>
    </message>
    <message numerus="yes">
        <source>Agreement %1, version %2 – %3, %4 – %n page(s)</source>
        <translation>
            <numerusform>Avtale %1, versjon %2 – %3, %4 – %n side</numerusform>
            <numerusform>Avtale %1, versjon %2 – %3, %4 – %n sider</numerusform>
        </translation>
    </message>
    <message>
        <source>Agreement %1 – preview</source>
        <translation>Avtale %1 – forhåndsvisning</translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation>Filen kunne ikke skrives: %1</translation>
    </message>
    <message>
        <source>Print the agreement</source>
        <translation>Skriv ut avtalen</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>Skriveren kunne ikke startes.</translation>
    </message>
    <message>
        <source>Save the agreement as PDF</source>
        <translation>Lagre avtalen som PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Lagret i %1</translation>
    </message>
</context>
<context>
    <name>AgreementTable</name>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Deltaker</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>Arbeidsgiver</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versjon</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Waiting for signatures</source>
        <translation>Venter på signaturer</translation>
    </message>
    <message>
        <source>Sealed copy</source>
        <translation>Forseglet kopi</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>A tamper-evident signed PDF is stored</source>
        <translation>En signert PDF som avslører endringer er lagret</translation>
    </message>
</context>
<context>
    <name>Agreements</name>
    <message>
        <source>Filter by number, participant or employer</source>
        <translation>Filtrer på nummer, deltaker eller arbeidsgiver</translation>
    </message>
    <message>
        <source>Filter agreements</source>
        <translation>Filtrer avtaler</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle statuser</translation>
    </message>
    <message>
        <source>&amp;Check a PDF …</source>
        <translation>&amp;Kontroller en PDF …</translation>
    </message>
    <message>
        <source>Tell whether a PDF file is an untouched sealed copy of an agreement version</source>
        <translation>Sjekk om en PDF-fil er en uendret forseglet kopi av en avtaleversjon</translation>
    </message>
    <message numerus="yes">
        <source>%n agreement(s)</source>
        <translation>
            <numerusform>%n avtale</numerusform>
            <numerusform>%n avtaler</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AgreementsTab</name>
    <message>
        <source>Follow-up agreements</source>
        <translation>Oppfølgingsavtaler</translation>
    </message>
    <message>
        <source>&amp;New agreement …</source>
        <translation>&amp;Ny avtale …</translation>
    </message>
    <message>
        <source>O&amp;pen</source>
        <translation>Å&amp;pne</translation>
    </message>
    <message>
        <source>The status follows from the signatures and the agreement period.</source>
        <translation>Statusen følger av signaturene og avtaleperioden.</translation>
    </message>
    <message>
        <source>No agreements yet.</source>
        <translation>Ingen avtaler ennå.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Could not be done</source>
        <translation>Kunne ikke utføres</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Noe gikk galt</translation>
    </message>
    <message>
        <source>An unexpected error occurred. What was already saved is kept.</source>
        <translation>Det oppstod en uventet feil. Det som allerede var lagret, er tatt vare på.</translation>
    </message>
    <message>
        <source>Fieldapp cannot open the data folder</source>
        <translation>Fieldapp kan ikke åpne datamappen</translation>
    </message>
    <message>
        <source>Fieldapp is already open on the data folder %1. Switch to that window, or close it and start again.</source>
        <translation>Fieldapp er allerede åpen på datamappen %1. Gå til det vinduet, eller lukk det og start på nytt.</translation>
    </message>
    <message>
        <source>Fieldapp is already open</source>
        <translation>Fieldapp er allerede åpen</translation>
    </message>
    <message>
        <source>Loading demo data …</source>
        <translation>Laster inn demodata …</translation>
    </message>
    <message>
        <source>Waiting for another Fieldapp process …</source>
        <translation>Venter på en annen Fieldapp-prosess …</translation>
    </message>
</context>
<context>
    <name>BenefitForm</name>
    <message>
        <source>Edit benefit</source>
        <translation>Endre ytelse</translation>
    </message>
    <message>
        <source>New benefit</source>
        <translation>Ny ytelse</translation>
    </message>
    <message>
        <source>&amp;Benefit</source>
        <translation>&amp;Ytelse</translation>
    </message>
    <message>
        <source>L&amp;imits and rules</source>
        <translation>&amp;Grenser og regler</translation>
    </message>
    <message>
        <source>e.g. income above the limit is deducted; hours worked are reported on the employment form</source>
        <translation>f.eks. inntekt over grensen trekkes; arbeidstimer føres på meldekortet</translation>
    </message>
    <message>
        <source>Benefits calculation from NAV</source>
        <translation>Beregning fra NAV</translation>
    </message>
    <message>
        <source>As&amp;ked for on</source>
        <translation>&amp;Bedt om</translation>
    </message>
    <message>
        <source>NAV&apos;s a&amp;nswer</source>
        <translation>NAVs s&amp;var</translation>
    </message>
    <message>
        <source>Answ&amp;ered on</source>
        <translation>Besvart &amp;den</translation>
    </message>
    <message>
        <source>Income reporting</source>
        <translation>Inntektsrapportering</translation>
    </message>
    <message>
        <source>&amp;Reporting</source>
        <translation>&amp;Meldeplikt</translation>
    </message>
    <message>
        <source>e.g. employment status form every 14 days</source>
        <translation>f.eks. meldekort hver 14. dag</translation>
    </message>
    <message>
        <source>Ne&amp;xt reporting date</source>
        <translation>&amp;Neste meldedato</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>N&amp;otater</translation>
    </message>
</context>
<context>
    <name>BenefitsTab</name>
    <message>
        <source>Asked for %1, no answer yet</source>
        <translation>Bedt om %1, venter på svar</translation>
    </message>
    <message>
        <source>Not asked for</source>
        <translation>Ikke bedt om</translation>
    </message>
    <message>
        <source>Benefit</source>
        <translation>Ytelse</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>Grenser</translation>
    </message>
    <message>
        <source>Benefits calculation</source>
        <translation>Beregning</translation>
    </message>
    <message>
        <source>Reporting</source>
        <translation>Meldeplikt</translation>
    </message>
    <message>
        <source>Next report</source>
        <translation>Neste melding</translation>
    </message>
    <message>
        <source>What happens to the participant&apos;s money when they start working: the benefits, their limits, NAV&apos;s benefits calculation and when income is reported.</source>
        <translation>Hva skjer med pengene når deltakeren begynner å jobbe: ytelsene, grensene deres, NAVs beregning og når inntekt skal meldes.</translation>
    </message>
    <message>
        <source>Benefits</source>
        <translation>Ytelser</translation>
    </message>
    <message>
        <source>New benefit …</source>
        <translation>Ny ytelse …</translation>
    </message>
    <message>
        <source>Edit benefit …</source>
        <translation>Endre ytelse …</translation>
    </message>
    <message>
        <source>Remove benefit</source>
        <translation>Fjern ytelse</translation>
    </message>
    <message>
        <source>No benefits registered yet.</source>
        <translation>Ingen ytelser registrert ennå.</translation>
    </message>
    <message>
        <source>Remove %1 from the participant&apos;s benefits?</source>
        <translation>Fjerne %1 fra deltakerens ytelser?</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Fjern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>CellEditor</name>
    <message>
        <source>%1, row %2</source>
        <translation>%1, rad %2</translation>
    </message>
    <message>
        <source>In the table %1. Enter keeps the value, Esc undoes it.</source>
        <translation>I tabellen %1. Enter beholder verdien, Esc angrer.</translation>
    </message>
</context>
<context>
    <name>ChooseParticipant</name>
    <message>
        <source>Participant</source>
        <translation>Deltaker</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Jobb</translation>
    </message>
    <message>
        <source>New visit: whom is it with?</source>
        <translation>Nytt besøk: hvem er det med?</translation>
    </message>
    <message>
        <source>No participant is selected. Choose the participant the visit is with.</source>
        <translation>Ingen deltaker er valgt. Velg deltakeren besøket gjelder.</translation>
    </message>
    <message>
        <source>Type part of the name</source>
        <translation>Skriv en del av navnet</translation>
    </message>
    <message>
        <source>Filter participants by name</source>
        <translation>Filtrer deltakere på navn</translation>
    </message>
    <message>
        <source>Participants to choose from</source>
        <translation>Deltakere å velge blant</translation>
    </message>
    <message>
        <source>Enter starts the visit with the selected one.</source>
        <translation>Enter starter besøket med den valgte.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Start visit</source>
        <translation>&amp;Start besøk</translation>
    </message>
</context>
<context>
    <name>Conflicts</name>
    <message>
        <source>(empty)</source>
        <translation>(tom)</translation>
    </message>
    <message>
        <source>(%1 bytes)</source>
        <translation>(%1 byte)</translation>
    </message>
    <message>
        <source>device %1</source>
        <translation>enhet %1</translation>
    </message>
    <message>
        <source>Another device changed a signed agreement version. A signed version never changes, so that change was NOT applied: the signed version on this computer is intact. If the other change is needed, make a new version of the agreement and have it signed again.</source>
        <translation>En annen enhet endret en signert avtaleversjon. En signert versjon endres aldri, så den endringen ble IKKE tatt inn: den signerte versjonen på denne datamaskinen er uendret. Trengs den andre endringen, lag en ny versjon av avtalen og få den signert på nytt.</translation>
    </message>
    <message>
        <source>The same person (or employer) was registered twice, and the two records were merged: everything registered on the first now belongs to the kept record, on every device.</source>
        <translation>Samme person (eller arbeidsgiver) var registrert to ganger, og de to registreringene er slått sammen: alt som var registrert på den første, hører nå til registreringen som beholdes, på alle enheter.</translation>
    </message>
    <message>
        <source>Two records of the same person were merged, and they held different values here. The kept record&apos;s value stays; the value from the merged record is shown so you can choose it.</source>
        <translation>To registreringer av samme person ble slått sammen, og de hadde ulike verdier her. Verdien i registreringen som beholdes, står; verdien fra den sammenslåtte registreringen vises så du kan velge den.</translation>
    </message>
    <message>
        <source>This record was deleted on one device while it was edited on another. It stays deleted everywhere; the edited value is kept in the deleted record.</source>
        <translation>Denne oppføringen ble slettet på én enhet mens den ble endret på en annen. Den forblir slettet overalt; den endrede verdien er bevart i den slettede oppføringen.</translation>
    </message>
    <message>
        <source>Both devices changed this value before they had seen each other&apos;s change. The later change was kept; the value from this computer is shown here so it is not lost.</source>
        <translation>Begge enhetene endret denne verdien før de hadde sett hverandres endring. Den seneste endringen ble beholdt; verdien fra denne datamaskinen vises her, så den ikke går tapt.</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Funnet</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Oppføring</translation>
    </message>
    <message>
        <source>Value from this computer</source>
        <translation>Verdi fra denne datamaskinen</translation>
    </message>
    <message>
        <source>Value kept</source>
        <translation>Verdi som ble beholdt</translation>
    </message>
    <message>
        <source>Kept value by</source>
        <translation>Beholdt verdi av</translation>
    </message>
    <message>
        <source>Restore the value from this computer</source>
        <translation>Gjenopprett verdien fra denne datamaskinen</translation>
    </message>
    <message>
        <source>Keep the current value</source>
        <translation>Behold gjeldende verdi</translation>
    </message>
    <message>
        <source>No conflicts: sync has not overwritten anything from this computer.</source>
        <translation>Ingen konflikter: synkroniseringen har ikke overskrevet noe fra denne datamaskinen.</translation>
    </message>
    <message>
        <source>On this computer: %1, %2</source>
        <translation>På denne datamaskinen: %1, %2</translation>
    </message>
    <message>
        <source>Kept: %1, %2</source>
        <translation>Beholdt: %1, %2</translation>
    </message>
    <message>
        <source>From the merged record</source>
        <translation>Fra den sammenslåtte registreringen</translation>
    </message>
    <message>
        <source>Use the value from the merged record</source>
        <translation>Bruk verdien fra den sammenslåtte registreringen</translation>
    </message>
    <message>
        <source>Keep the signed version</source>
        <translation>Behold den signerte versjonen</translation>
    </message>
    <message>
        <source>Mark as reviewed</source>
        <translation>Merk som gjennomgått</translation>
    </message>
    <message>
        <source>Restored; the value syncs to the other devices.</source>
        <translation>Gjenopprettet; verdien synkroniseres til de andre enhetene.</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Ferdig.</translation>
    </message>
    <message>
        <source>What sync overwrote</source>
        <translation>Hva synkroniseringen overskrev</translation>
    </message>
</context>
<context>
    <name>ConsentForm</name>
    <message>
        <source>New consent</source>
        <translation>Nytt samtykke</translation>
    </message>
    <message>
        <source>S&amp;hared with</source>
        <translation>Deles &amp;med</translation>
    </message>
    <message>
        <source>&amp;What may be shared</source>
        <translation>&amp;Hva som kan deles</translation>
    </message>
    <message>
        <source>&amp;Decision</source>
        <translation>&amp;Vedtak</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>Gitt</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Avslått</translation>
    </message>
    <message>
        <source>D&amp;ate</source>
        <translation>D&amp;ato</translation>
    </message>
</context>
<context>
    <name>ConsentWarning</name>
    <message>
        <source>The employer&apos;s copy cannot be made</source>
        <translation>Arbeidsgiverens kopi kan ikke lages</translation>
    </message>
    <message>
        <source>Consent to share with the employer</source>
        <translation>Samtykke til deling med arbeidsgiver</translation>
    </message>
    <message>
        <source>&amp;Continue anyway</source>
        <translation>&amp;Fortsett likevel</translation>
    </message>
</context>
<context>
    <name>ContactForm</name>
    <message>
        <source>Edit contact person</source>
        <translation>Endre kontaktperson</translation>
    </message>
    <message>
        <source>New contact person</source>
        <translation>Ny kontaktperson</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Navn</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>&amp;Rolle</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Telefon</translation>
    </message>
    <message>
        <source>E-&amp;mail</source>
        <translation>&amp;E-post</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>no date</source>
        <translation>ingen dato</translation>
    </message>
    <message>
        <source>Type dd.mm.yyyy or pick from the calendar; Delete clears the date.</source>
        <translation>Skriv dd.mm.åååå eller velg i kalenderen; Delete tømmer datoen.</translation>
    </message>
</context>
<context>
    <name>Devices</name>
    <message>
        <source>Waiting for approval</source>
        <translation>Venter på godkjenning</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Tilbakekalt</translation>
    </message>
    <message>
        <source>(this device)</source>
        <translation>(denne enheten)</translation>
    </message>
    <message>
        <source>The team&apos;s devices</source>
        <translation>Teamets enheter</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Fingeravtrykk</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>Registrert</translation>
    </message>
    <message>
        <source>Approve only a device you know. Compare the fingerprint: type the one the new device shows on its own screen. They must be the same.</source>
        <translation>Godkjenn bare en enhet du kjenner. Sammenlign fingeravtrykket: skriv inn det den nye enheten viser på sin egen skjerm. De må være like.</translation>
    </message>
    <message>
        <source>Fingerprint shown on the new device</source>
        <translation>Fingeravtrykket den nye enheten viser</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Godkjenn</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Oppdater</translation>
    </message>
    <message>
        <source>Revoke (lost or stolen) …</source>
        <translation>Tilbakekall (tapt eller stjålet) …</translation>
    </message>
    <message>
        <source>Asking the server …</source>
        <translation>Spør serveren …</translation>
    </message>
    <message>
        <source>“%1” is approved. Team key fingerprint: %2. Ask the new device&apos;s user to read out the team key fingerprint it shows after its first sync: if it differs, revoke the device and contact the administrator.</source>
        <translation>«%1» er godkjent. Teamnøkkelens fingeravtrykk: %2. Be brukeren av den nye enheten lese opp teamnøkkelens fingeravtrykk den viser etter første synkronisering: er det et annet, tilbakekall enheten og kontakt administratoren.</translation>
    </message>
    <message>
        <source>Revoke device</source>
        <translation>Tilbakekall enhet</translation>
    </message>
    <message>
        <source>Revoke “%1”? It stops syncing at once and the team gets a new key. Changes it has not synced stay only on that device.</source>
        <translation>Tilbakekalle «%1»? Den slutter å synkronisere med en gang, og teamet får en ny nøkkel. Endringer den ikke har synkronisert, blir bare værende på den enheten.</translation>
    </message>
    <message>
        <source>“%1” is revoked.</source>
        <translation>«%1» er tilbakekalt.</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Sist sett</translation>
    </message>
</context>
<context>
    <name>Duplicates</name>
    <message>
        <source>%1 jobs, %2 contact persons</source>
        <translation>%1 jobber, %2 kontaktpersoner</translation>
    </message>
    <message>
        <source>%1 visits, %2 jobs, %3 agreements</source>
        <translation>%1 besøk, %2 jobber, %3 avtaler</translation>
    </message>
    <message>
        <source>The same employer is registered twice</source>
        <translation>Samme arbeidsgiver er registrert to ganger</translation>
    </message>
    <message>
        <source>The same person is registered twice</source>
        <translation>Samme person er registrert to ganger</translation>
    </message>
    <message>
        <source>Merge these two records?

Kept: %1
%2

Merged into it: %3
%4

Everything registered on the second record moves to the first, on every device. Where both records hold different values, the first record&apos;s value is kept and the other is listed under conflicts, so you can choose it instead.</source>
        <translation>Slå sammen disse to registreringene?

Beholdes: %1
%2

Slås inn i den: %3
%4

Alt som er registrert på den andre registreringen, flyttes til den første, på alle enheter. Der registreringene har ulike verdier, beholdes verdien i den første, og den andre vises under konflikter, så du kan velge den i stedet.</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Slå sammen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Registered twice</source>
        <translation>Registrert to ganger</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>Beholdes</translation>
    </message>
    <message>
        <source>Merged into it</source>
        <translation>Slås inn i den</translation>
    </message>
    <message>
        <source>On the second record</source>
        <translation>På den andre registreringen</translation>
    </message>
    <message>
        <source>Records registered twice</source>
        <translation>Registreringer som finnes to ganger</translation>
    </message>
    <message>
        <source>Arrows choose a pair to merge.</source>
        <translation>Piltastene velger et par som skal slås sammen.</translation>
    </message>
    <message>
        <source>Merge …</source>
        <translation>Slå sammen …</translation>
    </message>
    <message>
        <source>two devices registered the same fødselsnummer or organisasjonsnummer. Merge each pair to keep every visit, job and agreement under one record.</source>
        <translation>to enheter har registrert samme fødselsnummer eller organisasjonsnummer. Slå sammen hvert par for å samle alle besøk, jobber og avtaler under én registrering.</translation>
    </message>
    <message>
        <source>Merged: %1.</source>
        <translation>Slått sammen: %1.</translation>
    </message>
    <message>
        <source>Values that differed are listed below; you can choose the other value there.</source>
        <translation>Verdier som var ulike, står i listen under; der kan du velge den andre verdien.</translation>
    </message>
</context>
<context>
    <name>EconomyNote</name>
    <message>
        <source>The participant&apos;s benefits</source>
        <translation>Deltakerens ytelser</translation>
    </message>
    <message>
        <source>What happens to the money when the participant works?</source>
        <translation>Hva skjer med pengene når deltakeren jobber?</translation>
    </message>
    <message>
        <source>No benefits are registered. Add them on the participant&apos;s Finances and benefits tab.</source>
        <translation>Ingen ytelser er registrert. Legg dem inn under fanen Økonomi og ytelser hos deltakeren.</translation>
    </message>
    <message>
        <source>benefits calculation asked for %1, awaiting an answer</source>
        <translation>beregning bedt om %1, venter på svar</translation>
    </message>
    <message>
        <source>NAV&apos;s calculation: %1</source>
        <translation>NAVs beregning: %1</translation>
    </message>
    <message>
        <source>Next income report: %1</source>
        <translation>Neste inntektsmelding: %1</translation>
    </message>
</context>
<context>
    <name>EmployerDetail</name>
    <message>
        <source>Choose an employer in the list.</source>
        <translation>Velg en arbeidsgiver i listen.</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
    <message>
        <source>Org. no.</source>
        <translation>Org.nr.</translation>
    </message>
    <message>
        <source>Business unit</source>
        <translation>Virksomhet</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Bransje</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notater</translation>
    </message>
    <message>
        <source>E&amp;dit employer …</source>
        <translation>&amp;Endre arbeidsgiver …</translation>
    </message>
    <message>
        <source>Contact persons</source>
        <translation>Kontaktpersoner</translation>
    </message>
    <message>
        <source>Add contact person …</source>
        <translation>Legg til kontaktperson …</translation>
    </message>
    <message>
        <source>Edit contact person …</source>
        <translation>Endre kontaktperson …</translation>
    </message>
    <message>
        <source>Participants working here</source>
        <translation>Deltakere som jobber her</translation>
    </message>
    <message>
        <source>Show participant</source>
        <translation>Vis deltaker</translation>
    </message>
    <message>
        <source>Employer contacts</source>
        <translation>Arbeidsgiverkontakter</translation>
    </message>
    <message>
        <source>No contact persons yet: add the nearest manager.</source>
        <translation>Ingen kontaktpersoner ennå: legg til nærmeste leder.</translation>
    </message>
    <message>
        <source>Nobody has had a job here yet.</source>
        <translation>Ingen har hatt jobb her ennå.</translation>
    </message>
</context>
<context>
    <name>EmployerDetailTables</name>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Deltaker</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Stillingstittel</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Slutt</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Kontaktperson</translation>
    </message>
</context>
<context>
    <name>EmployerForm</name>
    <message>
        <source>Edit employer</source>
        <translation>Endre arbeidsgiver</translation>
    </message>
    <message>
        <source>New employer</source>
        <translation>Ny arbeidsgiver</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Navn</translation>
    </message>
    <message>
        <source>&amp;Organisation number</source>
        <translation>&amp;Organisasjonsnummer</translation>
    </message>
    <message>
        <source>9 digits</source>
        <translation>9 sifre</translation>
    </message>
    <message>
        <source>&amp;Business unit number</source>
        <translation>&amp;Virksomhetsnummer</translation>
    </message>
    <message>
        <source>9 digits, the physical workplace (optional)</source>
        <translation>9 sifre, det fysiske arbeidsstedet (valgfritt)</translation>
    </message>
    <message>
        <source>&amp;Industry</source>
        <translation>&amp;Bransje</translation>
    </message>
    <message>
        <source>Visiting &amp;address</source>
        <translation>Besøks&amp;adresse</translation>
    </message>
    <message>
        <source>&amp;Postcode</source>
        <translation>&amp;Postnummer</translation>
    </message>
    <message>
        <source>&amp;Town</source>
        <translation>Post&amp;sted</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>Tele&amp;fon</translation>
    </message>
    <message>
        <source>E-&amp;mail</source>
        <translation>&amp;E-post</translation>
    </message>
    <message>
        <source>Not&amp;es</source>
        <translation>Nota&amp;ter</translation>
    </message>
</context>
<context>
    <name>EmployerTable</name>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Org. no.</source>
        <translation>Org.nr.</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Bransje</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Sted</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Kontaktperson</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>In work now</source>
        <translation>I jobb nå</translation>
    </message>
    <message>
        <source>Participants with a planned or active job here</source>
        <translation>Deltakere med planlagt eller aktivt arbeidsforhold her</translation>
    </message>
</context>
<context>
    <name>Employers</name>
    <message>
        <source>Filter by name, org. no., place or industry</source>
        <translation>Filtrer på navn, org.nr., sted eller bransje</translation>
    </message>
    <message>
        <source>Filter employers</source>
        <translation>Filtrer arbeidsgivere</translation>
    </message>
    <message>
        <source>New &amp;employer …</source>
        <translation>Ny arbeids&amp;giver …</translation>
    </message>
    <message>
        <source>New employer …</source>
        <translation>Ny arbeidsgiver …</translation>
    </message>
    <message>
        <source>Register a new employer (Ctrl+Shift+E)</source>
        <translation>Registrer en ny arbeidsgiver (Ctrl+Shift+E)</translation>
    </message>
    <message numerus="yes">
        <source>%n employer(s)</source>
        <translation>
            <numerusform>%n arbeidsgiver</numerusform>
            <numerusform>%n arbeidsgivere</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EraseDialog</name>
    <message>
        <source>Erase participant</source>
        <translation>Slett deltaker</translation>
    </message>
    <message>
        <source>Erase %1 for good?</source>
        <translation>Slette %1 for godt?</translation>
    </message>
    <message>
        <source>This erases the participant and everything that belongs to them:</source>
        <translation>Dette sletter deltakeren og alt som hører til:</translation>
    </message>
    <message>
        <source>drafts, corrections, scans, conflicts and search entries</source>
        <translation>utkast, rettelser, skanninger, konflikter og søkeoppføringer</translation>
    </message>
    <message numerus="yes">
        <source>It goes from this computer now, including its %n backup file(s) (a new backup is taken afterwards) and exports in the data folder; from the other devices and the server at their next sync. Only a note without personal data remains: when, by whom and why.</source>
        <translation>
            <numerusform>Det slettes fra denne maskinen nå, også fra %n sikkerhetskopi (en ny tas etterpå) og fra eksporter i datamappen; fra de andre enhetene og serveren ved neste synkronisering. Bare en merknad uten personopplysninger blir igjen: når, av hvem og hvorfor.</numerusform>
            <numerusform>Det slettes fra denne maskinen nå, også fra %n sikkerhetskopier (en ny tas etterpå) og fra eksporter i datamappen; fra de andre enhetene og serveren ved neste synkronisering. Bare en merknad uten personopplysninger blir igjen: når, av hvem og hvorfor.</numerusform>
        </translation>
    </message>
    <message>
        <source>It goes from this computer now, including exports in the data folder; from the other devices and the server at their next sync. Only a note without personal data remains: when, by whom and why.</source>
        <translation>Det slettes fra denne maskinen nå, også fra eksporter i datamappen; fra de andre enhetene og serveren ved neste synkronisering. Bare en merknad uten personopplysninger blir igjen: når, av hvem og hvorfor.</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grunn</translation>
    </message>
    <message>
        <source>I understand that this cannot be undone</source>
        <translation>Jeg forstår at dette ikke kan angres</translation>
    </message>
</context>
<context>
    <name>ErasureLog</name>
    <message>
        <source>Erasure log</source>
        <translation>Sletteloggen</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>denne maskinen</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Når</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Hva</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grunn</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Enhet</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Poster</translation>
    </message>
    <message>
        <source>Erasures</source>
        <translation>Slettinger</translation>
    </message>
    <message>
        <source>Every erasure made on this computer or received from the team, newest first. The log holds no name, national ID number or other content: only when, what, why, on which device and how many records went. A refused change is one another device made to a participant already erased here; it was dropped.</source>
        <translation>Alle slettinger gjort på denne maskinen eller mottatt fra teamet, nyeste først. Loggen inneholder ingen navn, fødselsnummer eller annet innhold: bare når, hva, hvorfor, på hvilken enhet og hvor mange poster som ble slettet. En avvist endring er en endring en annen enhet gjorde for en deltaker som alt er slettet her; den ble forkastet.</translation>
    </message>
    <message>
        <source>No participant has been erased on this computer, and no erasure has been received from the team.</source>
        <translation>Ingen deltaker er slettet på denne maskinen, og ingen sletting er mottatt fra teamet.</translation>
    </message>
    <message>
        <source>The erasure log could not be read: %1</source>
        <translation>Sletteloggen kunne ikke leses: %1</translation>
    </message>
</context>
<context>
    <name>Fidelity</name>
    <message>
        <source>Score for item %1</source>
        <translation>Poeng for punkt %1</translation>
    </message>
    <message>
        <source>Not scored</source>
        <translation>Ikke vurdert</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Merknad</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>Bruk</translation>
    </message>
    <message>
        <source>Proposed from the records: %1. %2</source>
        <translation>Forslag ut fra registreringene: %1. %2</translation>
    </message>
    <message>
        <source>IPS fidelity self-assessment (IPS-25)</source>
        <translation>IPS-egenvurdering av modelltrohet (IPS-25)</translation>
    </message>
    <message>
        <source>Use all proposals</source>
        <translation>Bruk alle forslag</translation>
    </message>
    <message>
        <source>Notes on the whole assessment</source>
        <translation>Merknader til hele vurderingen</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Dato:</translation>
    </message>
    <message>
        <source>Total %1 of 125 (%2 of 25 items scored)</source>
        <translation>Sum %1 av 125 (%2 av 25 punkter vurdert)</translation>
    </message>
    <message>
        <source>No earlier assessment to compare with.</source>
        <translation>Ingen tidligere vurdering å sammenligne med.</translation>
    </message>
    <message>
        <source>Before: %1</source>
        <translation>Før: %1</translation>
    </message>
    <message>
        <source>Previous assessment %1: total %2, %3. Changed items: %4</source>
        <translation>Forrige vurdering %1: sum %2, %3. Endrede punkter: %4</translation>
    </message>
    <message>
        <source>Score at least one item before saving.</source>
        <translation>Vurder minst ett punkt før du lagrer.</translation>
    </message>
</context>
<context>
    <name>FirstStart</name>
    <message>
        <source>Welcome to Fieldapp</source>
        <translation>Velkommen til Fieldapp</translation>
    </message>
    <message>
        <source>This data folder is empty.</source>
        <translation>Denne datamappen er tom.</translation>
    </message>
    <message>
        <source>You can load invented demo data (30 participants with employers, visits and agreements) to try the app, or start empty and register your own participants.</source>
        <translation>Du kan laste inn oppdiktede demodata (30 deltakere med arbeidsgivere, besøk og avtaler) for å prøve appen, eller starte tomt og registrere egne deltakere.</translation>
    </message>
    <message>
        <source>Load demo data</source>
        <translation>Last inn demodata</translation>
    </message>
    <message>
        <source>Start empty</source>
        <translation>Start tomt</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>due today</source>
        <translation>frist i dag</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>%n dag over fristen</numerusform>
            <numerusform>%n dager over fristen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HireForm</name>
    <message>
        <source>Hire: %1 at %2</source>
        <translation>Ansett: %1 hos %2</translation>
    </message>
    <message>
        <source>The agreed terms (they make the placement)</source>
        <translation>Avtalte vilkår (de blir arbeidsforholdet)</translation>
    </message>
    <message>
        <source>&amp;Job title</source>
        <translation>Stillings&amp;tittel</translation>
    </message>
    <message>
        <source>Nearest &amp;manager</source>
        <translation>&amp;Nærmeste leder</translation>
    </message>
    <message>
        <source>No contact person</source>
        <translation>Ingen kontaktperson</translation>
    </message>
    <message>
        <source>Star&amp;t</source>
        <translation>&amp;Oppstart</translation>
    </message>
    <message>
        <source>&amp;Percentage of full time</source>
        <translation>Stillings&amp;prosent</translation>
    </message>
    <message>
        <source>&amp;Days per week</source>
        <translation>&amp;Dager per uke</translation>
    </message>
    <message>
        <source>&amp;Working hours</source>
        <translation>&amp;Arbeidstid</translation>
    </message>
    <message>
        <source>Employment &amp;form</source>
        <translation>Ansettelses&amp;form</translation>
    </message>
    <message>
        <source>T&amp;asks</source>
        <translation>Ar&amp;beidsoppgaver</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import participants or employers</source>
        <translation>Importer deltakere eller arbeidsgivere</translation>
    </message>
    <message>
        <source>The file holds:</source>
        <translation>Filen inneholder:</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Deltakere</translation>
    </message>
    <message>
        <source>Employers</source>
        <translation>Arbeidsgivere</translation>
    </message>
    <message>
        <source>A CSV file or an Excel workbook (.xlsx)</source>
        <translation>En CSV-fil eller en Excel-arbeidsbok (.xlsx)</translation>
    </message>
    <message>
        <source>Choose file …</source>
        <translation>Velg fil …</translation>
    </message>
    <message>
        <source>The first rows of the file:</source>
        <translation>De første radene i filen:</translation>
    </message>
    <message>
        <source>Problems (nothing is saved while there are any):</source>
        <translation>Feil (ingenting lagres så lenge det finnes feil):</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>Choose the file to import</source>
        <translation>Velg filen som skal importeres</translation>
    </message>
    <message>
        <source>Spreadsheets (*.csv *.txt *.xlsx);;All files (*)</source>
        <translation>Regneark (*.csv *.txt *.xlsx);;Alle filer (*)</translation>
    </message>
    <message numerus="yes">
        <source>No problems: %n row(s) ready to import.</source>
        <translation>
            <numerusform>Ingen feil: %n rad klar til import.</numerusform>
            <numerusform>Ingen feil: %n rader klare til import.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more.</source>
        <translation>
            <numerusform>… og %n til.</numerusform>
            <numerusform>… og %n til.</numerusform>
        </translation>
    </message>
    <message>
        <source>Saving …</source>
        <translation>Lagrer …</translation>
    </message>
    <message>
        <source>The file cannot be read: %1</source>
        <translation>Filen kan ikke leses: %1</translation>
    </message>
</context>
<context>
    <name>JobDevelopment</name>
    <message>
        <source>Employer contacts this week: %1 of %2</source>
        <translation>Arbeidsgiverkontakter denne uken: %1 av %2</translation>
    </message>
    <message>
        <source>Job development</source>
        <translation>Jobbutvikling</translation>
    </message>
    <message>
        <source>Employer contacts</source>
        <translation>Arbeidsgiverkontakter</translation>
    </message>
</context>
<context>
    <name>KeyboardHelp</name>
    <message>
        <source>Keyboard help</source>
        <translation>Hjelp til tastaturet</translation>
    </message>
    <message>
        <source>Tab / Shift+Tab</source>
        <translation>Tab / Shift+Tab</translation>
    </message>
    <message>
        <source>Next / previous field, table or button</source>
        <translation>Neste / forrige felt, tabell eller knapp</translation>
    </message>
    <message>
        <source>Arrow keys</source>
        <translation>Piltastene</translation>
    </message>
    <message>
        <source>Move inside a table or list</source>
        <translation>Flytt innenfor en tabell eller liste</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Open the selected row</source>
        <translation>Åpne den valgte raden</translation>
    </message>
    <message>
        <source>Alt+underlined letter</source>
        <translation>Alt+understreket bokstav</translation>
    </message>
    <message>
        <source>Go to that field or button</source>
        <translation>Gå til det feltet eller den knappen</translation>
    </message>
    <message>
        <source>Alt or F10</source>
        <translation>Alt eller F10</translation>
    </message>
    <message>
        <source>The menu bar</source>
        <translation>Menylinjen</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Close the dialog or editor (what is typed is saved)</source>
        <translation>Lukk dialogen eller redigeringsvinduet (det som er skrevet, lagres)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
</context>
<context>
    <name>LeadForm</name>
    <message>
        <source>Edit job lead</source>
        <translation>Endre jobbmulighet</translation>
    </message>
    <message>
        <source>New job lead</source>
        <translation>Ny jobbmulighet</translation>
    </message>
    <message>
        <source>&amp;Employer</source>
        <translation>&amp;Arbeidsgiver</translation>
    </message>
    <message>
        <source>&amp;Job</source>
        <translation>&amp;Jobb</translation>
    </message>
    <message>
        <source>S&amp;tatus</source>
        <translation>S&amp;tatus</translation>
    </message>
    <message>
        <source>&amp;Found</source>
        <translation>&amp;Funnet</translation>
    </message>
    <message>
        <source>&amp;Applied</source>
        <translation>&amp;Søkt</translation>
    </message>
    <message>
        <source>&amp;Interview</source>
        <translation>&amp;Intervju</translation>
    </message>
    <message>
        <source>From employer &amp;contact</source>
        <translation>Fra arbeidsgiver&amp;kontakt</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>N&amp;otater</translation>
    </message>
    <message>
        <source>Choose employer …</source>
        <translation>Velg arbeidsgiver …</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ingen</translation>
    </message>
    <message>
        <source>Choose the employer.</source>
        <translation>Velg arbeidsgiveren.</translation>
    </message>
</context>
<context>
    <name>LeadTable</name>
    <message>
        <source>Job</source>
        <translation>Jobb</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>Arbeidsgiver</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Funnet</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>Søkt</translation>
    </message>
    <message>
        <source>Interview</source>
        <translation>Intervju</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Avgjort</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notater</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>&lt;h2&gt;Fieldapp is locked&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Fieldapp er låst&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>The content is hidden so that nobody can read it over your shoulder.</source>
        <translation>Innholdet er skjult, så ingen kan lese det over skulderen din.</translation>
    </message>
    <message>
        <source>The content is hidden. Set an app PIN in Settings so that only you can unlock.</source>
        <translation>Innholdet er skjult. Velg en PIN-kode under Innstillinger, så bare du kan låse opp.</translation>
    </message>
    <message>
        <source>App PIN</source>
        <translation>PIN-kode</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Lås opp</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Lås</translation>
    </message>
    <message>
        <source>Checking the PIN …</source>
        <translation>Sjekker PIN-koden …</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Fieldapp closes.</source>
        <translation>For mange feil PIN-koder. Fieldapp lukkes.</translation>
    </message>
    <message>
        <source>Wrong PIN. %1 tries left before Fieldapp closes.</source>
        <translation>Feil PIN-kode. %1 forsøk igjen før Fieldapp lukkes.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Fieldapp – follow-up in work</source>
        <translation>Fieldapp – oppfølging i arbeid</translation>
    </message>
    <message>
        <source>Opening the data folder …</source>
        <translation>Åpner datamappen …</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navigasjon</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>&amp;I dag</translation>
    </message>
    <message>
        <source>&amp;Participants</source>
        <translation>&amp;Deltakere</translation>
    </message>
    <message>
        <source>&amp;Employers</source>
        <translation>&amp;Arbeidsgivere</translation>
    </message>
    <message>
        <source>A&amp;greements</source>
        <translation>Avta&amp;ler</translation>
    </message>
    <message>
        <source>&amp;Job development</source>
        <translation>&amp;Jobbutvikling</translation>
    </message>
    <message>
        <source>O&amp;verview</source>
        <translation>Over&amp;sikt</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Handlinger</translation>
    </message>
    <message>
        <source>&amp;New visit …</source>
        <translation>&amp;Nytt besøk …</translation>
    </message>
    <message>
        <source>New visit</source>
        <translation>Nytt besøk</translation>
    </message>
    <message>
        <source>Start a visit with the selected participant (Ctrl+N)</source>
        <translation>Start et besøk med valgt deltaker (Ctrl+N)</translation>
    </message>
    <message>
        <source>Search participants, employers and visits (Ctrl+F)</source>
        <translation>Søk i deltakere, arbeidsgivere og besøk (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Søk</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Søk</translation>
    </message>
    <message>
        <source>Se&amp;ttings …</source>
        <translation>&amp;Innstillinger …</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Innstillinger</translation>
    </message>
    <message>
        <source>S&amp;ync …</source>
        <translation>S&amp;ynkronisering …</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synkronisering</translation>
    </message>
    <message>
        <source>Sync status, conflicts and the team&apos;s devices</source>
        <translation>Synkroniseringsstatus, konflikter og teamets enheter</translation>
    </message>
    <message>
        <source>&amp;About Fieldapp</source>
        <translation>&amp;Om Fieldapp</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Om</translation>
    </message>
    <message>
        <source>&amp;Import …</source>
        <translation>&amp;Importer …</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>Import participants or employers from a spreadsheet</source>
        <translation>Importer deltakere eller arbeidsgivere fra et regneark</translation>
    </message>
    <message>
        <source>&amp;Keyboard help</source>
        <translation>&amp;Hjelp til tastaturet</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Avslutt</translation>
    </message>
</context>
<context>
    <name>MappingTab</name>
    <message>
        <source>Earlier mappings</source>
        <translation>Tidligere kartlegginger</translation>
    </message>
    <message>
        <source>Mapping date</source>
        <translation>Kartleggingsdato</translation>
    </message>
    <message>
        <source>New mapping</source>
        <translation>Ny kartlegging</translation>
    </message>
    <message>
        <source>Start a new dated mapping from what is shown now</source>
        <translation>Start en ny, datert kartlegging ut fra det som vises nå</translation>
    </message>
    <message>
        <source>&amp;Save mapping</source>
        <translation>&amp;Lagre kartlegging</translation>
    </message>
    <message>
        <source>Mappin&amp;g of</source>
        <translation>Kartle&amp;gging av</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Dato</translation>
    </message>
    <message>
        <source>S&amp;tatus</source>
        <translation>Stat&amp;us</translation>
    </message>
    <message>
        <source>Desc&amp;ription</source>
        <translation>Beskrivels&amp;e</translation>
    </message>
    <message>
        <source>A&amp;ction</source>
        <translation>T&amp;iltak</translation>
    </message>
    <message>
        <source>Res&amp;ponsible</source>
        <translation>A&amp;nsvarlig</translation>
    </message>
    <message>
        <source>Who follows up the action</source>
        <translation>Hvem som følger opp tiltaket</translation>
    </message>
    <message>
        <source>Dead&amp;line</source>
        <translation>Fris&amp;t</translation>
    </message>
    <message>
        <source>Se&amp;nsitive</source>
        <translation>&amp;Sensitivt</translation>
    </message>
    <message>
        <source>Never shown to the employer</source>
        <translation>Vises aldri for arbeidsgiver</translation>
    </message>
    <message>
        <source>Notes on the mapping</source>
        <translation>Merknader til kartleggingen</translation>
    </message>
    <message>
        <source>Notes on the &amp;whole mapping</source>
        <translation>&amp;Merknader til hele kartleggingen</translation>
    </message>
    <message>
        <source>(not saved yet)</source>
        <translation>(ikke lagret ennå)</translation>
    </message>
    <message>
        <source>(new, not saved yet)</source>
        <translation>(ny, ikke lagret ennå)</translation>
    </message>
    <message>
        <source>Sensitive area: never shown on anything the employer gets.</source>
        <translation>Sensitivt område: vises aldri på noe arbeidsgiver får.</translation>
    </message>
    <message>
        <source>May be shared with the employer if the participant agrees.</source>
        <translation>Kan deles med arbeidsgiver hvis deltakeren samtykker.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ulagrede endringer</translation>
    </message>
</context>
<context>
    <name>MaskedId</name>
    <message>
        <source>Show</source>
        <translation>Vis</translation>
    </message>
    <message>
        <source>Show the whole national ID number (the access log records it)</source>
        <translation>Vis hele fødselsnummeret (det registreres i tilgangsloggen)</translation>
    </message>
    <message>
        <source>Show the whole national ID number</source>
        <translation>Vis hele fødselsnummeret</translation>
    </message>
</context>
<context>
    <name>MeetingDialog</name>
    <message>
        <source>The participant has no cooperating actors yet. Add them on the Overview tab (behandler, NAV, housing, finances …).</source>
        <translation>Deltakeren har ingen samarbeidsaktører ennå. Legg dem inn under fanen Oversikt (behandler, NAV, bolig, økonomi …).</translation>
    </message>
    <message>
        <source>Edit cooperation meeting</source>
        <translation>Endre samarbeidsmøte</translation>
    </message>
    <message>
        <source>New cooperation meeting</source>
        <translation>Nytt samarbeidsmøte</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Dato</translation>
    </message>
    <message>
        <source>&amp;Place</source>
        <translation>&amp;Sted</translation>
    </message>
    <message>
        <source>&amp;Topic</source>
        <translation>&amp;Tema</translation>
    </message>
    <message>
        <source>e.g. the way into work, treatment and working hours</source>
        <translation>f.eks. veien mot jobb, behandling og arbeidstid</translation>
    </message>
    <message>
        <source>Att&amp;endees</source>
        <translation>Til st&amp;ede</translation>
    </message>
    <message>
        <source>&amp;Others present</source>
        <translation>&amp;Andre til stede</translation>
    </message>
    <message>
        <source>What was disc&amp;ussed</source>
        <translation>Hva vi snakket &amp;om</translation>
    </message>
    <message>
        <source>Agreed</source>
        <translation>Avtalt</translation>
    </message>
    <message>
        <source>&amp;Next meeting</source>
        <translation>&amp;Neste møte</translation>
    </message>
    <message>
        <source>&amp;Minutes</source>
        <translation>&amp;Referat</translation>
    </message>
    <message>
        <source>Include the mapping in the minutes (sensitive areas only with consent)</source>
        <translation>Ta med kartleggingen i referatet (sensitive områder bare med samtykke)</translation>
    </message>
</context>
<context>
    <name>MeetingItems</name>
    <message>
        <source>What was agreed</source>
        <translation>Hva ble avtalt</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Hvem</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Innen</translation>
    </message>
    <message>
        <source>Add a row</source>
        <translation>Legg til en rad</translation>
    </message>
    <message>
        <source>What was agreed, row %1</source>
        <translation>Hva ble avtalt, rad %1</translation>
    </message>
    <message>
        <source>Who, row %1</source>
        <translation>Hvem, rad %1</translation>
    </message>
    <message>
        <source>By, row %1</source>
        <translation>Innen, rad %1</translation>
    </message>
</context>
<context>
    <name>MeetingsTab</name>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>Til stede</translation>
    </message>
    <message>
        <source>Agreed</source>
        <translation>Avtalt</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Samtykke</translation>
    </message>
    <message>
        <source>Missing: %1</source>
        <translation>Mangler: %1</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Registrert</translation>
    </message>
    <message>
        <source>Cooperation meetings</source>
        <translation>Samarbeidsmøter</translation>
    </message>
    <message>
        <source>Remove meeting</source>
        <translation>Fjern møte</translation>
    </message>
    <message>
        <source>No cooperation meetings yet.</source>
        <translation>Ingen samarbeidsmøter ennå.</translation>
    </message>
    <message>
        <source>New …</source>
        <translation>Nytt møte …</translation>
    </message>
    <message>
        <source>Edit …</source>
        <translation>Endre …</translation>
    </message>
    <message>
        <source>Minutes …</source>
        <translation>Referat …</translation>
    </message>
    <message>
        <source>Save the minutes of the selected meeting as PDF</source>
        <translation>Lagre referatet fra det valgte møtet som PDF</translation>
    </message>
    <message>
        <source>Minutes saved to %1</source>
        <translation>Referatet er lagret i %1</translation>
    </message>
    <message>
        <source>Remove the meeting of %1 (%2) and what was agreed there?</source>
        <translation>Fjerne møtet %1 (%2) og det som ble avtalt der?</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Fjern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>Menu bar</source>
        <translation>Menylinje</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fil</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Rediger</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Vis</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjelp</translation>
    </message>
</context>
<context>
    <name>Minutes</name>
    <message>
        <source>Save the minutes as PDF</source>
        <translation>Lagre referatet som PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Consent to share with the attendees</source>
        <translation>Samtykke til å dele med dem som var til stede</translation>
    </message>
    <message>
        <source>&amp;Continue anyway</source>
        <translation>&amp;Fortsett likevel</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>OfficeSettings</name>
    <message>
        <source>Office and reports</source>
        <translation>Kontoret og rapporter</translation>
    </message>
    <message>
        <source> participants</source>
        <translation> deltakere</translation>
    </message>
    <message>
        <source>Participants one job specialist follows at most (IPS: 20). The overview and the IPS-25 form measure each caseload against it.</source>
        <translation>Hvor mange deltakere én jobbspesialist følger opp høyst (IPS: 20). Oversikten og IPS-25-skjemaet måler hver saksmengde mot denne grensen.</translation>
    </message>
    <message>
        <source>Counts below this number are shown as &quot;&lt;N&quot; in period reports, so nobody can be recognised. At least 3.</source>
        <translation>Tall under denne grensen vises som «&lt;N» i perioderapporter, så ingen kan kjennes igjen. Minst 3.</translation>
    </message>
    <message>
        <source>Caseload li&amp;mit per job specialist</source>
        <translation>Grense for sa&amp;ksmengde per jobbspesialist</translation>
    </message>
    <message>
        <source>Hide small numbers in reports &amp;under</source>
        <translation>Skjul små tall i &amp;rapporter under</translation>
    </message>
    <message>
        <source>Settings not saved</source>
        <translation>Innstillingene ble ikke lagret</translation>
    </message>
</context>
<context>
    <name>OutreachForm</name>
    <message>
        <source>Find a participant …</source>
        <translation>Finn en deltaker …</translation>
    </message>
    <message>
        <source>Find a participant</source>
        <translation>Finn en deltaker</translation>
    </message>
    <message>
        <source>Edit employer contact</source>
        <translation>Endre arbeidsgiverkontakt</translation>
    </message>
    <message>
        <source>Log employer contact</source>
        <translation>Registrer arbeidsgiverkontakt</translation>
    </message>
    <message>
        <source>The contact</source>
        <translation>Kontakten</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Dato</translation>
    </message>
    <message>
        <source>&amp;Employer</source>
        <translation>&amp;Arbeidsgiver</translation>
    </message>
    <message>
        <source>New employer&apos;s na&amp;me</source>
        <translation>Ny arbeidsgivers na&amp;vn</translation>
    </message>
    <message>
        <source>&amp;Organisation number</source>
        <translation>&amp;Organisasjonsnummer</translation>
    </message>
    <message>
        <source>9 digits</source>
        <translation>9 siffer</translation>
    </message>
    <message>
        <source>Contact &amp;person</source>
        <translation>Kontakt&amp;person</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Kontaktform</translation>
    </message>
    <message>
        <source>For &amp;whom</source>
        <translation>For &amp;hvem</translation>
    </message>
    <message>
        <source>Tick no one for a general contact</source>
        <translation>Kryss av for ingen ved en generell kontakt</translation>
    </message>
    <message>
        <source>Content and next step</source>
        <translation>Innhold og neste steg</translation>
    </message>
    <message>
        <source>&amp;Asked for</source>
        <translation>&amp;Spurt om</translation>
    </message>
    <message>
        <source>O&amp;utcome</source>
        <translation>&amp;Utfall</translation>
    </message>
    <message>
        <source>&amp;Next step</source>
        <translation>&amp;Neste steg</translation>
    </message>
    <message>
        <source>Next step &amp;by</source>
        <translation>Neste steg &amp;innen</translation>
    </message>
    <message>
        <source>Choose employer …</source>
        <translation>Velg arbeidsgiver …</translation>
    </message>
    <message>
        <source>New employer …</source>
        <translation>Ny arbeidsgiver …</translation>
    </message>
</context>
<context>
    <name>OutreachList</name>
    <message>
        <source>&amp;Log employer contact …</source>
        <translation>Ny arbeids&amp;giverkontakt …</translation>
    </message>
    <message>
        <source>Edit contact …</source>
        <translation>Endre kontakt …</translation>
    </message>
    <message>
        <source>Show employer</source>
        <translation>Vis arbeidsgiver</translation>
    </message>
    <message>
        <source>Delete contact …</source>
        <translation>Slett kontakt …</translation>
    </message>
    <message>
        <source>No employer contacts logged yet.</source>
        <translation>Ingen arbeidsgiverkontakter registrert ennå.</translation>
    </message>
    <message>
        <source>Delete employer contact</source>
        <translation>Slett arbeidsgiverkontakt</translation>
    </message>
    <message>
        <source>Delete the contact with %1 on %2? It no longer counts in the week&apos;s total.</source>
        <translation>Slette kontakten med %1 den %2? Den telles da ikke lenger med i ukens antall.</translation>
    </message>
</context>
<context>
    <name>OutreachTable</name>
    <message>
        <source>General</source>
        <translation>Generell</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>Arbeidsgiver</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kontaktform</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Kontaktperson</translation>
    </message>
    <message>
        <source>For</source>
        <translation>For</translation>
    </message>
    <message>
        <source>Asked for</source>
        <translation>Spurt om</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Utfall</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Neste steg</translation>
    </message>
    <message>
        <source>Made by</source>
        <translation>Gjort av</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Innen</translation>
    </message>
</context>
<context>
    <name>OverdueTable</name>
    <message>
        <source>Participant</source>
        <translation>Deltaker</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Jobb</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ingen</translation>
    </message>
    <message>
        <source>%1, draft from %2</source>
        <translation>%1, utkast fra %2</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>Siste besøk</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>Overdue by</source>
        <translation>Over fristen</translation>
    </message>
</context>
<context>
    <name>Overview</name>
    <message>
        <source>This month</source>
        <translation>Denne måneden</translation>
    </message>
    <message>
        <source>Last 3 months</source>
        <translation>Siste 3 måneder</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>I år</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>Siste 12 måneder</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>I fjor</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Specialist</source>
        <translation>Jobbspesialist</translation>
    </message>
    <message>
        <source>Whole team</source>
        <translation>Hele teamet</translation>
    </message>
    <message>
        <source>IPS fidelity …</source>
        <translation>IPS-modelltrohet …</translation>
    </message>
    <message>
        <source>Team …</source>
        <translation>Team …</translation>
    </message>
    <message>
        <source>Job specialists, who is responsible for whom, handovers</source>
        <translation>Jobbspesialister, hvem som har ansvar for hvem, overlevering</translation>
    </message>
    <message>
        <source>Save report …</source>
        <translation>Lagre rapport …</translation>
    </message>
    <message>
        <source>Counts only, as PDF or spreadsheet, for NAV and the team leader</source>
        <translation>Bare antall, som PDF eller regneark, til NAV og teamleder</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Periode:</translation>
    </message>
    <message>
        <source>Specialist:</source>
        <translation>Jobbspesialist:</translation>
    </message>
    <message>
        <source>Participants followed</source>
        <translation>Deltakere som følges opp</translation>
    </message>
    <message>
        <source>Specialists over the caseload limit</source>
        <translation>Jobbspesialister over grensen for saksmengde</translation>
    </message>
    <message>
        <source>In ordinary work now</source>
        <translation>I ordinært arbeid nå</translation>
    </message>
    <message>
        <source>Jobs started in the period</source>
        <translation>Jobber startet i perioden</translation>
    </message>
    <message>
        <source>Jobs ended in the period</source>
        <translation>Jobber avsluttet i perioden</translation>
    </message>
    <message>
        <source>Median length of jobs ended (days)</source>
        <translation>Median varighet av avsluttede jobber (dager)</translation>
    </message>
    <message>
        <source>Hours per week in ordinary work (mean)</source>
        <translation>Timer per uke i ordinært arbeid (snitt)</translation>
    </message>
    <message>
        <source>Days from referral to first job (median)</source>
        <translation>Dager fra henvisning til første jobb (median)</translation>
    </message>
    <message>
        <source>Visits per participant in work per month</source>
        <translation>Besøk per deltaker i arbeid per måned</translation>
    </message>
    <message>
        <source>Overdue follow-ups</source>
        <translation>Forfalt oppfølging</translation>
    </message>
    <message>
        <source>Share of visits out of the office</source>
        <translation>Andel besøk utenfor kontoret</translation>
    </message>
    <message>
        <source>Employer contacts per specialist per week</source>
        <translation>Arbeidsgiverkontakter per jobbspesialist per uke</translation>
    </message>
    <message>
        <source>Days from referral to first employer contact</source>
        <translation>Dager fra henvisning til første arbeidsgiverkontakt</translation>
    </message>
    <message>
        <source>Caseload per specialist</source>
        <translation>Saksmengde per jobbspesialist</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Deltakere</translation>
    </message>
    <message>
        <source>People in ordinary work by month</source>
        <translation>Personer i ordinært arbeid per måned</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Måned</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personer</translation>
    </message>
    <message>
        <source>Days from referral to first job</source>
        <translation>Dager fra henvisning til første jobb</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Dager</translation>
    </message>
    <message>
        <source>Caseload by phase</source>
        <translation>Saksmengde per fase</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Fase</translation>
    </message>
    <message>
        <source>The period ends before it starts. Choose the dates again.</source>
        <translation>Perioden slutter før den begynner. Velg datoene på nytt.</translation>
    </message>
    <message>
        <source>The figures could not be worked out. Try again, or restart the app.</source>
        <translation>Tallene kunne ikke regnes ut. Prøv igjen, eller start appen på nytt.</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>Ingen</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Ikke satt</translation>
    </message>
    <message>
        <source>Caseload by phase: %1</source>
        <translation>Saksmengde per fase: %1</translation>
    </message>
    <message>
        <source>Caseload by phase: %1, %2 of the limit %3</source>
        <translation>Saksmengde per fase: %1, %2 av grensen på %3</translation>
    </message>
    <message>
        <source>Figures on %1. Employer contacts: not available yet.</source>
        <translation>Tall per %1. Arbeidsgiverkontakter: ikke tilgjengelig ennå.</translation>
    </message>
    <message>
        <source>Figures on %1.</source>
        <translation>Tall per %1.</translation>
    </message>
    <message>
        <source>Me (%1)</source>
        <translation>Meg (%1)</translation>
    </message>
    <message>
        <source>not available yet</source>
        <translation>ikke tilgjengelig ennå</translation>
    </message>
    <message>
        <source>%1 (limit %2)</source>
        <translation>%1 (grense %2)</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>Lagre rapport</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;Spreadsheet (*.xlsx)</source>
        <translation>PDF (*.pdf);;Regneark (*.xlsx)</translation>
    </message>
    <message>
        <source>Report saved: %1</source>
        <translation>Rapporten er lagret: %1</translation>
    </message>
    <message>
        <source>The report could not be written (%1). Choose another folder.</source>
        <translation>Rapporten kunne ikke skrives (%1). Velg en annen mappe.</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>Ingen data</translation>
    </message>
    <message>
        <source>The numbers behind the chart.</source>
        <translation>Tallene bak diagrammet.</translation>
    </message>
    <message>
        <source>Show numbers</source>
        <translation>Vis tall</translation>
    </message>
    <message>
        <source>Show chart</source>
        <translation>Vis diagram</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>National ID</source>
        <translation>Fødselsnummer</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Oppfølging</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Metode</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Referred by</source>
        <translation>Henvist av</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Startet</translation>
    </message>
    <message>
        <source>Referred on</source>
        <translation>Henvist dato</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Fase</translation>
    </message>
    <message>
        <source>Job now</source>
        <translation>Jobb nå</translation>
    </message>
    <message>
        <source>Next visit due</source>
        <translation>Neste besøk innen</translation>
    </message>
    <message>
        <source>NAV contact</source>
        <translation>NAV-veileder</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Kontor</translation>
    </message>
    <message>
        <source>E&amp;dit participant …</source>
        <translation>&amp;Endre deltaker …</translation>
    </message>
    <message>
        <source>Cooperating actors</source>
        <translation>Samarbeidende aktører</translation>
    </message>
    <message>
        <source>Add actor …</source>
        <translation>Legg til aktør …</translation>
    </message>
    <message>
        <source>Edit actor …</source>
        <translation>Endre aktør …</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>Samtykker</translation>
    </message>
    <message>
        <source>Add consent …</source>
        <translation>Legg til samtykke …</translation>
    </message>
    <message>
        <source>Withdraw consent</source>
        <translation>Trekk tilbake samtykke</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 hos %2</translation>
    </message>
    <message>
        <source>No current job</source>
        <translation>Ingen aktiv jobb</translation>
    </message>
    <message>
        <source>Planned %1</source>
        <translation>Planlagt %1</translation>
    </message>
    <message>
        <source>No cooperating actors registered.</source>
        <translation>Ingen samarbeidende aktører registrert.</translation>
    </message>
    <message>
        <source>No consents registered.</source>
        <translation>Ingen samtykker registrert.</translation>
    </message>
    <message>
        <source>Record that the participant withdraws this consent today?</source>
        <translation>Registrere at deltakeren trekker tilbake dette samtykket i dag?</translation>
    </message>
</context>
<context>
    <name>ParticipantDetail</name>
    <message>
        <source>Choose a participant in the list.</source>
        <translation>Velg en deltaker i listen.</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>&amp;Oversikt</translation>
    </message>
    <message>
        <source>&amp;Mapping</source>
        <translation>&amp;Kartlegging</translation>
    </message>
    <message>
        <source>&amp;Jobs</source>
        <translation>&amp;Jobber</translation>
    </message>
    <message>
        <source>V&amp;isits</source>
        <translation>&amp;Besøk</translation>
    </message>
    <message>
        <source>&amp;Agreements</source>
        <translation>&amp;Avtaler</translation>
    </message>
    <message>
        <source>Jo&amp;b search</source>
        <translation>Jobbs&amp;øk</translation>
    </message>
    <message>
        <source>Cooperation meetings</source>
        <translation>Samarbeidsmøter</translation>
    </message>
    <message>
        <source>Finances and benefits</source>
        <translation>Økonomi og ytelser</translation>
    </message>
    <message>
        <source>Who has seen</source>
        <translation>Hvem har sett</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 hos %2</translation>
    </message>
</context>
<context>
    <name>ParticipantDetailTables</name>
    <message>
        <source>Sensitive</source>
        <translation>Sensitivt</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>Gitt</translation>
    </message>
    <message>
        <source>Withdrawn or refused</source>
        <translation>Trukket tilbake eller avslått</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisasjon</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>May be contacted</source>
        <translation>Kan kontaktes</translation>
    </message>
    <message>
        <source>Yes, from %1</source>
        <translation>Ja, fra %1</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nei</translation>
    </message>
    <message>
        <source>Shared with</source>
        <translation>Deles med</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Samtykke</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>What may be shared</source>
        <translation>Hva som kan deles</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>Arbeidsgiver</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Stillingstittel</translation>
    </message>
    <message>
        <source>Percentage</source>
        <translation>Stillingsprosent</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Slutt</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versjon</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Område</translation>
    </message>
    <message>
        <source>Sensitive: never shown on anything the employer gets</source>
        <translation>Sensitivt: vises aldri på noe arbeidsgiver får</translation>
    </message>
    <message>
        <source>May be shared with the employer if the participant agrees</source>
        <translation>Kan deles med arbeidsgiver hvis deltakeren samtykker</translation>
    </message>
</context>
<context>
    <name>ParticipantForm</name>
    <message>
        <source>Edit participant</source>
        <translation>Endre deltaker</translation>
    </message>
    <message>
        <source>New participant</source>
        <translation>Ny deltaker</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>&amp;First name</source>
        <translation>&amp;Fornavn</translation>
    </message>
    <message>
        <source>&amp;Last name</source>
        <translation>&amp;Etternavn</translation>
    </message>
    <message>
        <source>&amp;National ID number</source>
        <translation>Fø&amp;dselsnummer</translation>
    </message>
    <message>
        <source>11 digits (optional)</source>
        <translation>11 sifre (valgfritt)</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Telefon</translation>
    </message>
    <message>
        <source>E-m&amp;ail</source>
        <translation>E-&amp;post</translation>
    </message>
    <message>
        <source>Preferred lan&amp;guage</source>
        <translation>Foretrukket spr&amp;åk</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Oppfølging</translation>
    </message>
    <message>
        <source>&amp;Method</source>
        <translation>&amp;Metode</translation>
    </message>
    <message>
        <source>S&amp;tatus</source>
        <translation>Stat&amp;us</translation>
    </message>
    <message>
        <source>Reason for status</source>
        <translation>Årsak til status</translation>
    </message>
    <message>
        <source>&amp;Referred by</source>
        <translation>&amp;Henvist av</translation>
    </message>
    <message>
        <source>Follow-&amp;up started</source>
        <translation>Oppfølging &amp;startet</translation>
    </message>
    <message>
        <source>Follo&amp;w-up ended</source>
        <translation>Oppfølging a&amp;vsluttet</translation>
    </message>
    <message>
        <source>With status Ended, the retention period runs from this date</source>
        <translation>Med status Avsluttet løper oppbevaringstiden fra denne datoen</translation>
    </message>
    <message>
        <source>Referre&amp;d on</source>
        <translation>Henv&amp;ist dato</translation>
    </message>
    <message>
        <source>Phas&amp;e</source>
        <translation>F&amp;ase</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Ikke satt</translation>
    </message>
    <message>
        <source>NAV contact</source>
        <translation>NAV-veileder</translation>
    </message>
    <message>
        <source>NAV &amp;contact</source>
        <translation>NAV-&amp;kontakt</translation>
    </message>
    <message>
        <source>NAV contact&apos;s p&amp;hone</source>
        <translation>NAV-kontaktens telef&amp;on</translation>
    </message>
    <message>
        <source>NAV off&amp;ice</source>
        <translation>NAV-konto&amp;r</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>&amp;Notater</translation>
    </message>
</context>
<context>
    <name>ParticipantList</name>
    <message>
        <source>All statuses</source>
        <translation>Alle statuser</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>All methods</source>
        <translation>Alle metoder</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Metode</translation>
    </message>
    <message>
        <source>All phases</source>
        <translation>Alle faser</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Fase</translation>
    </message>
    <message>
        <source>Job specialist</source>
        <translation>Jobbspesialist</translation>
    </message>
    <message>
        <source>All job specialists</source>
        <translation>Alle jobbspesialister</translation>
    </message>
    <message>
        <source>Only overdue follow-up</source>
        <translation>Bare forfalt oppfølging</translation>
    </message>
    <message>
        <source>Filter by name, national ID or phone</source>
        <translation>Filtrer på navn, fødselsnummer eller telefon</translation>
    </message>
    <message>
        <source>Filter participants</source>
        <translation>Filtrer deltakere</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Mine</translation>
    </message>
    <message>
        <source>Nobody responsible</source>
        <translation>Ingen ansvarlig</translation>
    </message>
    <message numerus="yes">
        <source>%n participant(s)</source>
        <translation>
            <numerusform>%n deltaker</numerusform>
            <numerusform>%n deltakere</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ParticipantTable</name>
    <message>
        <source>Overdue</source>
        <translation>Forfalt</translation>
    </message>
    <message>
        <source>On track</source>
        <translation>I rute</translation>
    </message>
    <message>
        <source>No follow-up rhythm (ended, or no visit or referral date yet).</source>
        <translation>Ingen fast oppfølgingsrytme (avsluttet, eller ingen besøk eller henvisningsdato ennå).</translation>
    </message>
    <message>
        <source>The next visit was due by %1 (%2).</source>
        <translation>Neste besøk skulle vært innen %1 (%2).</translation>
    </message>
    <message>
        <source>The next visit should be by %1.</source>
        <translation>Neste besøk bør være innen %1.</translation>
    </message>
    <message>
        <source>No current job</source>
        <translation>Ingen aktiv jobb</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 hos %2</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>National ID</source>
        <translation>Fødselsnummer</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Job specialist</source>
        <translation>Jobbspesialist</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Metode</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Fase</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>Arbeidsgiver</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>Siste besøk</translation>
    </message>
    <message>
        <source>Next planned</source>
        <translation>Neste planlagt</translation>
    </message>
    <message>
        <source>Visit due by</source>
        <translation>Besøk innen</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Oppfølging</translation>
    </message>
</context>
<context>
    <name>ParticipantsView</name>
    <message>
        <source>New &amp;participant …</source>
        <translation>Ny &amp;deltaker …</translation>
    </message>
    <message>
        <source>New participant …</source>
        <translation>Ny deltaker …</translation>
    </message>
    <message>
        <source>Register a new participant (Ctrl+Shift+N)</source>
        <translation>Registrer en ny deltaker (Ctrl+Shift+N)</translation>
    </message>
</context>
<context>
    <name>PdfCheck</name>
    <message>
        <source>Check an agreement PDF</source>
        <translation>Kontroller en avtale-PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Untouched sealed copy</source>
        <translation>Uendret forseglet kopi</translation>
    </message>
    <message>
        <source>Not an untouched sealed copy</source>
        <translation>Ikke en uendret forseglet kopi</translation>
    </message>
    <message>
        <source>The file could not be read</source>
        <translation>Filen kunne ikke leses</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>App PIN</source>
        <translation>PIN-kode</translation>
    </message>
    <message>
        <source>At least 4 digits. The PIN unlocks Fieldapp after the screen lock; five wrong PINs in a row close the app.</source>
        <translation>Minst 4 sifre. PIN-koden låser opp Fieldapp etter skjermlåsen; fem feil PIN-koder på rad lukker appen.</translation>
    </message>
    <message>
        <source>&amp;New PIN</source>
        <translation>&amp;Ny PIN-kode</translation>
    </message>
    <message>
        <source>&amp;Repeat the PIN</source>
        <translation>&amp;Gjenta PIN-koden</translation>
    </message>
    <message>
        <source>The two PINs are not the same.</source>
        <translation>De to PIN-kodene er ikke like.</translation>
    </message>
</context>
<context>
    <name>PipelineTab</name>
    <message>
        <source>Job search</source>
        <translation>Jobbsøk</translation>
    </message>
    <message>
        <source>&amp;New job lead …</source>
        <translation>&amp;Ny jobbmulighet …</translation>
    </message>
    <message>
        <source>Edit …</source>
        <translation>Endre …</translation>
    </message>
    <message>
        <source>&amp;Update status</source>
        <translation>Fl&amp;ytt til</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>Søkt</translation>
    </message>
    <message>
        <source>Interview</source>
        <translation>Intervju</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Avsluttet</translation>
    </message>
    <message>
        <source>Mar&amp;k as hired …</source>
        <translation>F&amp;ått jobb …</translation>
    </message>
    <message>
        <source>Employer contacts for this participant</source>
        <translation>Arbeidsgiverkontakter for denne deltakeren</translation>
    </message>
    <message>
        <source>No job leads yet.</source>
        <translation>Ingen jobbmuligheter ennå.</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) since referral without an employer contact.</source>
        <translation>
            <numerusform>%n dag siden henvisning uten arbeidsgiverkontakt.</numerusform>
            <numerusform>%n dager siden henvisning uten arbeidsgiverkontakt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Follow-up before a job is overdue.</source>
        <translation>Oppfølgingen før jobb er forfalt.</translation>
    </message>
</context>
<context>
    <name>PlacementForm</name>
    <message>
        <source>not given</source>
        <translation>ikke gitt</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>I bruk</translation>
    </message>
    <message>
        <source>%1 from</source>
        <translation>%1 fra</translation>
    </message>
    <message>
        <source>%1 to</source>
        <translation>%1 til</translation>
    </message>
    <message>
        <source>from</source>
        <translation>fra</translation>
    </message>
    <message>
        <source>to</source>
        <translation>til</translation>
    </message>
    <message>
        <source>Edit job</source>
        <translation>Endre jobb</translation>
    </message>
    <message>
        <source>New job</source>
        <translation>Ny jobb</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Hvor</translation>
    </message>
    <message>
        <source>&amp;Employer</source>
        <translation>&amp;Arbeidsgiver</translation>
    </message>
    <message>
        <source>Nearest &amp;manager</source>
        <translation>&amp;Nærmeste leder</translation>
    </message>
    <message>
        <source>The job</source>
        <translation>Jobben</translation>
    </message>
    <message>
        <source>&amp;Job title</source>
        <translation>&amp;Stillingstittel</translation>
    </message>
    <message>
        <source>T&amp;asks</source>
        <translation>Arbeids&amp;oppgaver</translation>
    </message>
    <message>
        <source>&amp;Percentage of full time</source>
        <translation>Stillings&amp;prosent</translation>
    </message>
    <message>
        <source>&amp;Days per week</source>
        <translation>&amp;Dager per uke</translation>
    </message>
    <message>
        <source>&amp;Working hours</source>
        <translation>Ar&amp;beidstid</translation>
    </message>
    <message>
        <source>e.g. Mon–Wed 09–14</source>
        <translation>f.eks. man–ons 09–14</translation>
    </message>
    <message>
        <source>Employment &amp;form</source>
        <translation>Ansettelses&amp;form</translation>
    </message>
    <message>
        <source>Wage</source>
        <translation>Lønn</translation>
    </message>
    <message>
        <source>Ordinary wage from the employer</source>
        <translation>Ordinær lønn fra arbeidsgiver</translation>
    </message>
    <message>
        <source>Period and status</source>
        <translation>Periode og status</translation>
    </message>
    <message>
        <source>S&amp;tart</source>
        <translation>Sta&amp;rt</translation>
    </message>
    <message>
        <source>E&amp;nd</source>
        <translation>Slu&amp;tt</translation>
    </message>
    <message>
        <source>Stat&amp;us</source>
        <translation>Stat&amp;us</translation>
    </message>
    <message>
        <source>Reason for endin&amp;g</source>
        <translation>&amp;Årsak til avslutning</translation>
    </message>
    <message>
        <source>NAV measures</source>
        <translation>NAV-tiltak</translation>
    </message>
    <message>
        <source>Choose employer …</source>
        <translation>Velg arbeidsgiver …</translation>
    </message>
    <message>
        <source>No contact person</source>
        <translation>Ingen kontaktperson</translation>
    </message>
    <message>
        <source>Choose the employer.</source>
        <translation>Velg arbeidsgiveren.</translation>
    </message>
</context>
<context>
    <name>PlacementsTab</name>
    <message>
        <source>Jobs</source>
        <translation>Jobber</translation>
    </message>
    <message>
        <source>&amp;New job …</source>
        <translation>&amp;Ny jobb …</translation>
    </message>
    <message>
        <source>Edit job …</source>
        <translation>Endre jobb …</translation>
    </message>
    <message>
        <source>Show employer</source>
        <translation>Vis arbeidsgiver</translation>
    </message>
    <message>
        <source>No jobs registered yet.</source>
        <translation>Ingen jobber registrert ennå.</translation>
    </message>
</context>
<context>
    <name>PreJobTable</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n dag</numerusform>
            <numerusform>%n dager</numerusform>
        </translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Deltaker</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Fase</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>Siste besøk</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ingen</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>Overdue by</source>
        <translation>Forfalt med</translation>
    </message>
    <message>
        <source>No employer contact for</source>
        <translation>Uten arbeidsgiverkontakt i</translation>
    </message>
    <message>
        <source>Days since referral without an employer contact</source>
        <translation>Dager siden henvisning uten arbeidsgiverkontakt</translation>
    </message>
</context>
<context>
    <name>PrivacySettings</name>
    <message>
        <source>Privacy</source>
        <translation>Personvern</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Never (only Ctrl+L)</source>
        <translation>Aldri (bare Ctrl+L)</translation>
    </message>
    <message>
        <source>Set &amp;PIN …</source>
        <translation>Velg &amp;PIN-kode …</translation>
    </message>
    <message>
        <source>Remove PIN</source>
        <translation>Fjern PIN-koden</translation>
    </message>
    <message>
        <source> years</source>
        <translation> år</translation>
    </message>
    <message>
        <source>How long records are kept after follow-up has ended, before Today lists them for review. The office decides.</source>
        <translation>Hvor lenge opplysningene oppbevares etter at oppfølgingen er avsluttet, før I dag viser dem til gjennomgang. Kontoret bestemmer.</translation>
    </message>
    <message>
        <source>Lock after &amp;idle time</source>
        <translation>Lås etter &amp;inaktiv tid</translation>
    </message>
    <message>
        <source>App PIN</source>
        <translation>PIN-kode</translation>
    </message>
    <message>
        <source>Re&amp;tention period</source>
        <translation>Oppbevarings&amp;tid</translation>
    </message>
    <message>
        <source>Show erasure lo&amp;g …</source>
        <translation>Vis slettelo&amp;ggen …</translation>
    </message>
    <message>
        <source>When participants were erased, and why: here and by the rest of the team</source>
        <translation>Når deltakere ble slettet, og hvorfor: her og av resten av teamet</translation>
    </message>
    <message>
        <source>Erasures</source>
        <translation>Slettinger</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Valgt</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Ikke valgt</translation>
    </message>
</context>
<context>
    <name>QGnomeTheme</name>
    <message>
        <source>&amp;OK</source>
        <translation>&amp;OK</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Lagre</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Avbryt</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Lukk</translation>
    </message>
    <message>
        <source>Close without Saving</source>
        <translation>Lukk uten å lagre</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lagre</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>Lagre alle</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Åpne</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Ja</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>Ja til &amp;alle</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Nei</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>N&amp;ei til alle</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Prøv igjen</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Ignorer</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Forkast</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Hjelp</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Bruk</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Tilbakestill</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Gjenopprett standardverdier</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Lagre</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>Restart</name>
    <message>
        <source>Restart Fieldapp?</source>
        <translation>Starte Fieldapp på nytt?</translation>
    </message>
    <message>
        <source>The new language is used after a restart. Restart Fieldapp now? Open visits are saved first.</source>
        <translation>Det nye språket brukes etter en omstart. Starte Fieldapp på nytt nå? Åpne besøk lagres først.</translation>
    </message>
    <message>
        <source>&amp;Restart now</source>
        <translation>&amp;Start på nytt nå</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>Se&amp;nere</translation>
    </message>
    <message>
        <source>Restart Fieldapp</source>
        <translation>Start Fieldapp på nytt</translation>
    </message>
    <message>
        <source>Fieldapp could not start again by itself. Start it as usual; the new language is used.</source>
        <translation>Fieldapp klarte ikke å starte på nytt selv. Start den som vanlig; det nye språket brukes da.</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>No data folder here</source>
        <translation>Ingen datamappe her</translation>
    </message>
    <message>
        <source>There is no Fieldapp data folder at %1.</source>
        <translation>Det finnes ingen Fieldapp-datamappe i %1.</translation>
    </message>
    <message>
        <source>Check the path if you meant an existing folder. Make a new, empty data folder there?</source>
        <translation>Sjekk stien hvis du mente en mappe som finnes. Vil du lage en ny, tom datamappe der?</translation>
    </message>
    <message>
        <source>Make a new folder</source>
        <translation>Lag en ny mappe</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Avslutt</translation>
    </message>
    <message>
        <source>The data folder is damaged</source>
        <translation>Datamappen er skadet</translation>
    </message>
    <message>
        <source>Checking the backups …</source>
        <translation>Kontrollerer sikkerhetskopiene …</translation>
    </message>
    <message>
        <source>Restore this backup</source>
        <translation>Hent tilbake denne sikkerhetskopien</translation>
    </message>
    <message>
        <source>No sound backup was found in %1. Put back a copy of the whole data folder if you have one.</source>
        <translation>Fant ingen sikkerhetskopi i orden i %1. Legg tilbake en kopi av hele datamappen hvis du har en.</translation>
    </message>
    <message>
        <source>The newest sound backup is %1, made %2. Restoring it keeps the damaged file aside; changes made after the backup are not in it.</source>
        <translation>Den nyeste sikkerhetskopien i orden er %1, laget %2. Når den hentes tilbake, tas den skadede filen vare på ved siden av; endringer gjort etter sikkerhetskopien er ikke med.</translation>
    </message>
    <message>
        <source>Restoring …</source>
        <translation>Henter tilbake …</translation>
    </message>
</context>
<context>
    <name>RetentionSection</name>
    <message>
        <source>Follow-up has ended and the office&apos;s retention period has run out. Review each participant and erase what is no longer needed.</source>
        <translation>Oppfølgingen er avsluttet og kontorets oppbevaringstid er ute. Gå gjennom hver deltaker og slett det som ikke lenger trengs.</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Deltaker</translation>
    </message>
    <message>
        <source>Follow-up ended</source>
        <translation>Oppfølging avsluttet</translation>
    </message>
    <message>
        <source>Retention ran out</source>
        <translation>Oppbevaringstid ute</translation>
    </message>
    <message>
        <source>&amp;Review …</source>
        <translation>&amp;Gå gjennom …</translation>
    </message>
    <message>
        <source>Open the selected participant to review and erase</source>
        <translation>Åpne valgt deltaker for gjennomgang og sletting</translation>
    </message>
    <message>
        <source>Erase …</source>
        <translation>Slett …</translation>
    </message>
    <message>
        <source>Erase the selected participant (asks first)</source>
        <translation>Slett valgt deltaker (spør først)</translation>
    </message>
    <message numerus="yes">
        <source>Retention period ended (%n)</source>
        <translation>
            <numerusform>Oppbevaringstiden er ute (%n)</numerusform>
            <numerusform>Oppbevaringstiden er ute (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RowsEditor</name>
    <message>
        <source>Arrows move between cells; typing or F2 edits a cell; Tab leaves the table.</source>
        <translation>Piltastene flytter mellom cellene; skriv eller trykk F2 for å endre en celle; Tab går ut av tabellen.</translation>
    </message>
</context>
<context>
    <name>Search</name>
    <message>
        <source>Type at least two characters to search.</source>
        <translation>Skriv minst to tegn for å søke.</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es) for “%1”</source>
        <translation>
            <numerusform>%n treff for «%1»</numerusform>
            <numerusform>%n treff for «%1»</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchTable</name>
    <message>
        <source>Participant</source>
        <translation>Deltaker</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>Arbeidsgiver</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Besøk</translation>
    </message>
    <message>
        <source>%1 – visit %2 (%3)</source>
        <translation>%1 – besøk %2 (%3)</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Treff</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Settings</source>
        <translation>Innstillinger</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>A new language needs a restart: Fieldapp offers one when you save.</source>
        <translation>Et nytt språk krever omstart: Fieldapp tilbyr det når du lagrer.</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Språk</translation>
    </message>
    <message>
        <source>Employer contacts a week (target)</source>
        <translation>Arbeidsgiverkontakter per uke (mål)</translation>
    </message>
    <message>
        <source>Employer contacts a &amp;week (target)</source>
        <translation>Arbeidsgiverkontakter per &amp;uke (mål)</translation>
    </message>
    <message>
        <source> days</source>
        <translation> dager</translation>
    </message>
    <message>
        <source>Follow-up before a job, at least every</source>
        <translation>Oppfølging før jobb, minst hver</translation>
    </message>
    <message>
        <source>Follow-up before a job, at least &amp;every</source>
        <translation>Oppfølging før jobb, minst &amp;hver</translation>
    </message>
    <message>
        <source>Sync server …</source>
        <translation>Synkroniseringsserver …</translation>
    </message>
    <message>
        <source>Connect this computer to the team&apos;s sync server</source>
        <translation>Koble denne datamaskinen til teamets synkroniseringsserver</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synkronisering</translation>
    </message>
</context>
<context>
    <name>SignatureDialog</name>
    <message>
        <source>Sign the agreement</source>
        <translation>Signer avtalen</translation>
    </message>
    <message>
        <source>I have read agreement %1, version %2, including the text on confidentiality and personal data, and I agree to its content.</source>
        <translation>Jeg har lest avtale %1, versjon %2, også teksten om taushetsplikt og personopplysninger, og er enig i innholdet.</translation>
    </message>
    <message>
        <source>The party confirms the text above</source>
        <translation>Parten bekrefter teksten over</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>&amp;Tøm</translation>
    </message>
    <message>
        <source>Signed &amp;on</source>
        <translation>Signert &amp;den</translation>
    </message>
    <message>
        <source>No scan attached (optional)</source>
        <translation>Ingen skanning lagt ved (valgfritt)</translation>
    </message>
    <message>
        <source>&amp;Attach scan …</source>
        <translation>&amp;Legg ved skanning …</translation>
    </message>
    <message>
        <source>Scan (PDF, PNG, JPEG)</source>
        <translation>Skanning (PDF, PNG, JPEG)</translation>
    </message>
    <message>
        <source>Keep the signed paper copy; the scan is stored encrypted with the agreement.</source>
        <translation>Ta vare på den signerte papirkopien; skanningen lagres kryptert sammen med avtalen.</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Begrunnelse</translation>
    </message>
    <message>
        <source>The party has been informed of the content and of this signature</source>
        <translation>Parten er informert om innholdet og om denne signeringen</translation>
    </message>
    <message>
        <source>Sign on screen</source>
        <translation>Signer på skjermen</translation>
    </message>
    <message>
        <source>Signed on paper</source>
        <translation>Signert på papir</translation>
    </message>
    <message>
        <source>On behalf of the party</source>
        <translation>På vegne av parten</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>Signer</translation>
    </message>
    <message>
        <source>&amp;Party</source>
        <translation>&amp;Part</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Navn</translation>
    </message>
    <message>
        <source>Attach the scanned signature</source>
        <translation>Legg ved den skannede signaturen</translation>
    </message>
    <message>
        <source>Scans (*.pdf *.png *.jpg *.jpeg)</source>
        <translation>Skanninger (*.pdf *.png *.jpg *.jpeg)</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <source>Signature area: sign with the mouse, a pen or a finger</source>
        <translation>Signaturfelt: signer med mus, penn eller finger</translation>
    </message>
    <message>
        <source>Sign above the line</source>
        <translation>Signer over streken</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Sync status</source>
        <translation>Synkroniseringsstatus</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Frakoblet</translation>
    </message>
    <message numerus="yes">
        <source>%n participant(s)</source>
        <translation>
            <numerusform>%n deltaker</numerusform>
            <numerusform>%n deltakere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s)</source>
        <translation>
            <numerusform>%n besøk</numerusform>
            <numerusform>%n besøk</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other record(s)</source>
        <translation>
            <numerusform>%n annen post</numerusform>
            <numerusform>%n andre poster</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing waiting to sync</source>
        <translation>Ingenting venter på synkronisering</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 og %2</translation>
    </message>
    <message>
        <source>%1 waiting to sync</source>
        <translation>%1 venter på synkronisering</translation>
    </message>
    <message>
        <source>Sync with a server is not set up on this device; everything is stored on this computer.</source>
        <translation>Synkronisering med en server er ikke satt opp på denne enheten; alt lagres på denne maskinen.</translation>
    </message>
    <message>
        <source>Syncing … %1 of %2</source>
        <translation>Synkroniserer … %1 av %2</translation>
    </message>
    <message>
        <source>Syncing …</source>
        <translation>Synkroniserer …</translation>
    </message>
    <message>
        <source>You can keep working while the app syncs.</source>
        <translation>Du kan arbeide videre mens appen synkroniserer.</translation>
    </message>
    <message>
        <source>Needs attention: sync stopped · %1</source>
        <translation>Trenger oppmerksomhet: synkronisering stoppet · %1</translation>
    </message>
    <message>
        <source>The server does not accept this device.</source>
        <translation>Serveren godtar ikke denne enheten.</translation>
    </message>
    <message>
        <source>Needs attention: waiting for approval</source>
        <translation>Trenger oppmerksomhet: venter på godkjenning</translation>
    </message>
    <message>
        <source>the same person is registered twice</source>
        <translation>samme person er registrert to ganger</translation>
    </message>
    <message>
        <source>Open the conflicts to merge the two records.</source>
        <translation>Åpne konfliktene for å slå sammen de to registreringene.</translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) overwritten by sync</source>
        <translation>
            <numerusform>%n verdi overskrevet av synkronisering</numerusform>
            <numerusform>%n verdier overskrevet av synkronisering</numerusform>
        </translation>
    </message>
    <message>
        <source>Needs attention: %1</source>
        <translation>Trenger oppmerksomhet: %1</translation>
    </message>
    <message>
        <source>Open the conflicts to see what sync overwrote and restore it if needed.</source>
        <translation>Åpne konfliktene for å se hva synkroniseringen overskrev, og gjenopprett det om nødvendig.</translation>
    </message>
    <message>
        <source>Up to date at %1</source>
        <translation>Oppdatert kl. %1</translation>
    </message>
    <message>
        <source>Synced with %1</source>
        <translation>Synkronisert med %1</translation>
    </message>
    <message>
        <source>Next attempt in %1 s.</source>
        <translation>Nytt forsøk om %1 s.</translation>
    </message>
    <message>
        <source>Offline · %1</source>
        <translation>Frakoblet · %1</translation>
    </message>
    <message>
        <source>Sync progress</source>
        <translation>Synkroniseringsfremdrift</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <source>Sent %1, received %2 changes</source>
        <translation>Sendt %1, mottatt %2 endringer</translation>
    </message>
    <message>
        <source>Did not finish</source>
        <translation>Ble ikke fullført</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Ferdig</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Satt på pause</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>Ikke fullført</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synkronisering</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Team key fingerprint</source>
        <translation>Teamnøkkelens fingeravtrykk</translation>
    </message>
    <message>
        <source>Last results</source>
        <translation>Siste resultater</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Når</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultat</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Synkroniser nå</translation>
    </message>
    <message>
        <source>Connect to a server …</source>
        <translation>Koble til en server …</translation>
    </message>
    <message>
        <source>Conflicts …</source>
        <translation>Konflikter …</translation>
    </message>
    <message>
        <source>Devices …</source>
        <translation>Enheter …</translation>
    </message>
    <message>
        <source>Export local data …</source>
        <translation>Eksporter lokale data …</translation>
    </message>
    <message>
        <source>Leave the team and keep my changes …</source>
        <translation>Forlat teamet og behold endringene mine …</translation>
    </message>
    <message>
        <source>None: this computer only</source>
        <translation>Ingen: bare denne datamaskinen</translation>
    </message>
    <message>
        <source>Conflicts (%1) …</source>
        <translation>Konflikter (%1) …</translation>
    </message>
    <message>
        <source>Export local data</source>
        <translation>Eksporter lokale data</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) exported to %1</source>
        <translation>
            <numerusform>%n oppføring eksportert til %1</numerusform>
            <numerusform>%n oppføringer eksportert til %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Eksporten mislyktes</translation>
    </message>
    <message>
        <source>This computer has left the team. Everything is kept here, also the changes that were not synced. Close Fieldapp and open it again, then connect to the server with a new enrollment code: once the device is approved, the changes are sent to the team.</source>
        <translation>Denne datamaskinen har forlatt teamet. Alt er beholdt her, også endringene som ikke var synkronisert. Lukk Fieldapp og åpne den igjen, og koble deretter til serveren med en ny registreringskode: når enheten er godkjent, sendes endringene til teamet.</translation>
    </message>
    <message numerus="yes">
        <source>The server no longer accepts this computer, so its changes cannot reach the team. Leaving the team keeps everything on this computer, also %n change(s) not yet synced, and forgets only the connection to the team and its keys. Afterwards you can connect again with a new enrollment code from the administrator; the kept changes are then sent to the team.

Leave the team?</source>
        <translation>
            <numerusform>Serveren godtar ikke lenger denne datamaskinen, så endringene herfra kan ikke nå teamet. Når du forlater teamet, blir alt liggende på denne datamaskinen, også %n endring som ikke er synkronisert; bare koblingen til teamet og nøklene glemmes. Etterpå kan du koble til igjen med en ny registreringskode fra administratoren; da sendes de beholdte endringene til teamet.

Forlate teamet?</numerusform>
            <numerusform>Serveren godtar ikke lenger denne datamaskinen, så endringene herfra kan ikke nå teamet. Når du forlater teamet, blir alt liggende på denne datamaskinen, også %n endringer som ikke er synkronisert; bare koblingen til teamet og nøklene glemmes. Etterpå kan du koble til igjen med en ny registreringskode fra administratoren; da sendes de beholdte endringene til teamet.

Forlate teamet?</numerusform>
        </translation>
    </message>
    <message>
        <source>Leave the team</source>
        <translation>Forlat teamet</translation>
    </message>
    <message>
        <source>Could not leave the team</source>
        <translation>Kunne ikke forlate teamet</translation>
    </message>
</context>
<context>
    <name>SyncSetup</name>
    <message>
        <source>Connect to a sync server</source>
        <translation>Koble til en synkroniseringsserver</translation>
    </message>
    <message>
        <source>Sync keeps the team&apos;s devices up to date, end-to-end encrypted: the server never sees the contents. Fieldapp works just as well without a server; everything is then kept on this computer only.</source>
        <translation>Synkronisering holder teamets enheter oppdatert, ende-til-ende-kryptert: serveren ser aldri innholdet. Fieldapp virker like godt uten server; da lagres alt bare på denne datamaskinen.</translation>
    </message>
    <message>
        <source>only when every other device of the team is lost</source>
        <translation>bare når alle andre enheter i teamet er tapt</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <source>Enrollment code</source>
        <translation>Registreringskode</translation>
    </message>
    <message>
        <source>Name of this device</source>
        <translation>Navn på denne enheten</translation>
    </message>
    <message>
        <source>Recovery key (optional)</source>
        <translation>Gjenopprettingsnøkkel (valgfri)</translation>
    </message>
    <message>
        <source>Work without a server</source>
        <translation>Arbeid uten server</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Koble til</translation>
    </message>
    <message>
        <source>Enter the server address and the enrollment code.</source>
        <translation>Skriv inn serveradressen og registreringskoden.</translation>
    </message>
    <message>
        <source>Connecting …</source>
        <translation>Kobler til …</translation>
    </message>
    <message>
        <source>This device&apos;s fingerprint:</source>
        <translation>Denne enhetens fingeravtrykk:</translation>
    </message>
    <message>
        <source>The team&apos;s recovery key. Print it and keep it somewhere safe: it is shown only now, and it is the only way back to the team&apos;s data if every device is lost.</source>
        <translation>Teamets gjenopprettingsnøkkel. Skriv den ut og oppbevar den trygt: den vises bare nå, og den er eneste vei tilbake til teamets data hvis alle enhetene går tapt.</translation>
    </message>
    <message>
        <source>Print …</source>
        <translation>Skriv ut …</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopier</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
    <message>
        <source>Connected to the team “%1”.</source>
        <translation>Koblet til teamet «%1».</translation>
    </message>
    <message>
        <source>Waiting for approval. On a device already in the team, open Sync → Devices, choose this device and check that it shows the same fingerprint. This window may be closed; sync starts by itself once the device is approved.</source>
        <translation>Venter på godkjenning. På en enhet som allerede er med i teamet: åpne Synkronisering → Enheter, velg denne enheten og sjekk at den viser samme fingeravtrykk. Du kan lukke dette vinduet; synkroniseringen starter av seg selv når enheten er godkjent.</translation>
    </message>
    <message>
        <source>This device is the first of the team and syncs now.</source>
        <translation>Denne enheten er den første i teamet og synkroniserer nå.</translation>
    </message>
    <message>
        <source>Approved: this device is now in the team and synced.</source>
        <translation>Godkjent: denne enheten er nå med i teamet og synkronisert.</translation>
    </message>
    <message>
        <source>Team key fingerprint: %1. Read it to the person who approved this device: their screen showed one after approving. If the two differ, stop using sync and contact the administrator.</source>
        <translation>Teamnøkkelens fingeravtrykk: %1. Les det opp for den som godkjente denne enheten: skjermen deres viste et fingeravtrykk etter godkjenningen. Er de to ulike, slutt å bruke synkronisering og kontakt administratoren.</translation>
    </message>
    <message>
        <source>Copied. The clipboard is cleared again in %1 seconds.</source>
        <translation>Kopiert. Utklippstavlen tømmes igjen om %1 sekunder.</translation>
    </message>
    <message>
        <source>Fieldapp: recovery key for the team “%1”</source>
        <translation>Fieldapp: gjenopprettingsnøkkel for teamet «%1»</translation>
    </message>
</context>
<context>
    <name>Tables</name>
    <message>
        <source>Visits planned today</source>
        <translation>Besøk planlagt i dag</translation>
    </message>
    <message>
        <source>Enter opens the selected visit.</source>
        <translation>Enter åpner det valgte besøket.</translation>
    </message>
    <message>
        <source>Visits later this week</source>
        <translation>Besøk senere denne uken</translation>
    </message>
    <message>
        <source>Overdue follow-ups</source>
        <translation>Forfalt oppfølging</translation>
    </message>
    <message>
        <source>Enter starts a new visit with the selected participant.</source>
        <translation>Enter starter et nytt besøk med den valgte deltakeren.</translation>
    </message>
    <message>
        <source>Unfinished visit drafts</source>
        <translation>Besøksutkast som ikke er fullført</translation>
    </message>
    <message>
        <source>Enter opens the selected draft.</source>
        <translation>Enter åpner det valgte utkastet.</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Deltakere</translation>
    </message>
    <message>
        <source>Arrows choose a participant; Enter opens.</source>
        <translation>Piltastene velger deltaker; Enter åpner.</translation>
    </message>
    <message>
        <source>Employers</source>
        <translation>Arbeidsgivere</translation>
    </message>
    <message>
        <source>Arrows choose an employer.</source>
        <translation>Piltastene velger arbeidsgiver.</translation>
    </message>
    <message>
        <source>Follow-up agreements</source>
        <translation>Oppfølgingsavtaler</translation>
    </message>
    <message>
        <source>Enter opens the selected agreement.</source>
        <translation>Enter åpner den valgte avtalen.</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Søkeresultater</translation>
    </message>
    <message>
        <source>Enter opens the selected hit.</source>
        <translation>Enter åpner det valgte treffet.</translation>
    </message>
    <message>
        <source>Mapping areas</source>
        <translation>Kartleggingsområder</translation>
    </message>
    <message>
        <source>Arrows choose the area to edit.</source>
        <translation>Piltastene velger området som skal redigeres.</translation>
    </message>
    <message>
        <source>Agreement versions</source>
        <translation>Avtaleversjoner</translation>
    </message>
    <message>
        <source>Arrows choose a version.</source>
        <translation>Piltastene velger versjon.</translation>
    </message>
    <message>
        <source>Agreement events</source>
        <translation>Hendelser i avtalen</translation>
    </message>
    <message>
        <source>What happened to the agreement, in order.</source>
        <translation>Det som har skjedd med avtalen, i rekkefølge.</translation>
    </message>
    <message>
        <source>Changes between versions</source>
        <translation>Endringer mellom versjoner</translation>
    </message>
    <message>
        <source>The fields that differ.</source>
        <translation>Feltene som er ulike.</translation>
    </message>
    <message>
        <source>Missing before signing</source>
        <translation>Mangler før signering</translation>
    </message>
    <message>
        <source>Enter goes to the field.</source>
        <translation>Enter går til feltet.</translation>
    </message>
    <message>
        <source>Contact persons</source>
        <translation>Kontaktpersoner</translation>
    </message>
    <message>
        <source>Arrows choose a contact person.</source>
        <translation>Piltastene velger kontaktperson.</translation>
    </message>
    <message>
        <source>Participants working here</source>
        <translation>Deltakere som jobber her</translation>
    </message>
    <message>
        <source>Arrows choose a participant.</source>
        <translation>Piltastene velger deltaker.</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Jobber</translation>
    </message>
    <message>
        <source>Arrows choose a job.</source>
        <translation>Piltastene velger jobb.</translation>
    </message>
    <message>
        <source>Cooperating actors</source>
        <translation>Samarbeidende aktører</translation>
    </message>
    <message>
        <source>Arrows choose an actor.</source>
        <translation>Piltastene velger aktør.</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>Samtykker</translation>
    </message>
    <message>
        <source>The participant&apos;s consents.</source>
        <translation>Deltakerens samtykker.</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Besøk</translation>
    </message>
    <message>
        <source>The team&apos;s devices</source>
        <translation>Teamets enheter</translation>
    </message>
    <message>
        <source>Arrows choose a device.</source>
        <translation>Piltastene velger enhet.</translation>
    </message>
    <message>
        <source>Sync results</source>
        <translation>Synkroniseringsresultater</translation>
    </message>
    <message>
        <source>What the last syncs did.</source>
        <translation>Hva de siste synkroniseringene gjorde.</translation>
    </message>
    <message>
        <source>Overdue follow-up before a job</source>
        <translation>Forfalt oppfølging før jobb</translation>
    </message>
    <message>
        <source>Next steps with employers</source>
        <translation>Neste steg med arbeidsgivere</translation>
    </message>
    <message>
        <source>Arrows choose a next step.</source>
        <translation>Piltastene velger et neste steg.</translation>
    </message>
    <message>
        <source>Job search: leads, applications and interviews</source>
        <translation>Jobbsøk: muligheter, søknader og intervjuer</translation>
    </message>
    <message>
        <source>Arrows choose a lead.</source>
        <translation>Piltastene velger en mulighet.</translation>
    </message>
    <message>
        <source>Employer contacts for this participant</source>
        <translation>Arbeidsgiverkontakter for denne deltakeren</translation>
    </message>
    <message>
        <source>Arrows choose a contact.</source>
        <translation>Piltastene velger en kontakt.</translation>
    </message>
    <message>
        <source>Contacts with this employer</source>
        <translation>Kontakter med denne arbeidsgiveren</translation>
    </message>
    <message>
        <source>Employer contacts</source>
        <translation>Arbeidsgiverkontakter</translation>
    </message>
    <message>
        <source>Arrows choose a contact; Enter opens it.</source>
        <translation>Piltastene velger en kontakt; Enter åpner den.</translation>
    </message>
    <message>
        <source>Retention period ended</source>
        <translation>Oppbevaringstiden er ute</translation>
    </message>
    <message>
        <source>Enter opens the participant for review.</source>
        <translation>Enter åpner deltakeren for gjennomgang.</translation>
    </message>
    <message>
        <source>Who has seen the information</source>
        <translation>Hvem har sett opplysningene</translation>
    </message>
    <message>
        <source>Who opened, printed or exported what, and when.</source>
        <translation>Hvem som åpnet, skrev ut eller eksporterte hva, og når.</translation>
    </message>
    <message>
        <source>Erasure log</source>
        <translation>Sletteloggen</translation>
    </message>
    <message>
        <source>When participants were erased, how and why; no names.</source>
        <translation>Når deltakere ble slettet, hvordan og hvorfor; ingen navn.</translation>
    </message>
    <message>
        <source>Sync conflicts</source>
        <translation>Synkroniseringskonflikter</translation>
    </message>
    <message>
        <source>Arrows choose a conflict to resolve.</source>
        <translation>Piltastene velger konflikten som skal løses.</translation>
    </message>
    <message>
        <source>Cooperation meetings</source>
        <translation>Samarbeidsmøter</translation>
    </message>
    <message>
        <source>Enter opens the selected meeting.</source>
        <translation>Enter åpner det valgte møtet.</translation>
    </message>
    <message>
        <source>Benefits</source>
        <translation>Ytelser</translation>
    </message>
    <message>
        <source>Enter opens the selected benefit.</source>
        <translation>Enter åpner den valgte ytelsen.</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabell</translation>
    </message>
</context>
<context>
    <name>Team</name>
    <message>
        <source>Team and responsible specialists</source>
        <translation>Team og ansvarlige jobbspesialister</translation>
    </message>
    <message>
        <source>Name of a new job specialist</source>
        <translation>Navn på ny jobbspesialist</translation>
    </message>
    <message>
        <source>Add specialist</source>
        <translation>Legg til jobbspesialist</translation>
    </message>
    <message>
        <source>Show participants of</source>
        <translation>Vis deltakerne til</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Deltaker</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Ansvarlig</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Siden</translation>
    </message>
    <message>
        <source>Hand over …</source>
        <translation>Overlever …</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Vis:</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Nobody responsible</source>
        <translation>Uten ansvarlig</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>ingen</translation>
    </message>
    <message>
        <source>Choose a participant in the list first.</source>
        <translation>Velg først en deltaker i listen.</translation>
    </message>
    <message>
        <source>Hand over %1</source>
        <translation>Overlever %1</translation>
    </message>
    <message>
        <source>Loading the history …</source>
        <translation>Henter historikken …</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;Til</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Årsak</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Fra</translation>
    </message>
    <message>
        <source>&amp;Until (cover only)</source>
        <translation>T&amp;il og med (bare vikariat)</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Merknad</translation>
    </message>
    <message>
        <source>Earlier: %1</source>
        <translation>Tidligere: %1</translation>
    </message>
    <message>
        <source>Add the job specialist to the team first.</source>
        <translation>Legg først jobbspesialisten til i teamet.</translation>
    </message>
</context>
<context>
    <name>Today</name>
    <message>
        <source>Start a new visit with the selected participant (Enter)</source>
        <translation>Start et nytt besøk med valgt deltaker (Enter)</translation>
    </message>
    <message>
        <source>Open draft</source>
        <translation>Åpne utkast</translation>
    </message>
    <message>
        <source>Open the draft to finish or discard it (Enter)</source>
        <translation>Åpne utkastet for å fullføre eller forkaste det (Enter)</translation>
    </message>
    <message>
        <source>Nothing planned today. Select a participant and press Ctrl+N to start a visit.</source>
        <translation>Ingenting planlagt i dag. Velg en deltaker og trykk Ctrl+N for å starte et besøk.</translation>
    </message>
    <message>
        <source>No follow-up is overdue.</source>
        <translation>Ingen oppfølging er forfalt.</translation>
    </message>
    <message>
        <source>No unfinished drafts.</source>
        <translation>Ingen uferdige utkast.</translation>
    </message>
    <message>
        <source>Nothing planned later this week. Visits you plan show here.</source>
        <translation>Ingenting planlagt senere denne uken. Besøk du planlegger, vises her.</translation>
    </message>
    <message>
        <source>Nothing to do today yet. Register participants under Participants (Ctrl+2) and their jobs; follow-ups due and visits you plan then show here.</source>
        <translation>Ingenting å gjøre i dag ennå. Registrer deltakere under Deltakere (Ctrl+2) og jobbene deres; forfalt oppfølging og besøk du planlegger, vises da her.</translation>
    </message>
    <message>
        <source>Start visit</source>
        <translation>Start besøk</translation>
    </message>
    <message>
        <source>Open the selected visit (Enter or double-click)</source>
        <translation>Åpne valgt besøk (Enter eller dobbeltklikk)</translation>
    </message>
    <message numerus="yes">
        <source>Planned today (%n)</source>
        <translation>
            <numerusform>Planlagt i dag (%n)</numerusform>
            <numerusform>Planlagt i dag (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Later this week (%n)</source>
        <translation>
            <numerusform>Senere denne uken (%n)</numerusform>
            <numerusform>Senere denne uken (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Overdue follow-up (%n)</source>
        <translation>
            <numerusform>Forfalt oppfølging (%n)</numerusform>
            <numerusform>Forfalt oppfølging (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unfinished drafts (%n)</source>
        <translation>
            <numerusform>Utkast som ikke er fullført (%n)</numerusform>
            <numerusform>Utkast som ikke er fullført (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TodayJobDev</name>
    <message>
        <source>Start visit</source>
        <translation>Start besøk</translation>
    </message>
    <message>
        <source>Start a new visit with the selected participant (Enter)</source>
        <translation>Start et nytt besøk med valgt deltaker (Enter)</translation>
    </message>
    <message numerus="yes">
        <source>Next steps with employers due this week (%n)</source>
        <translation>
            <numerusform>Neste steg med arbeidsgivere denne uken (%n)</numerusform>
            <numerusform>Neste steg med arbeidsgivere denne uken (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Overdue follow-up before a job (%n)</source>
        <translation>
            <numerusform>Forfalt oppfølging før jobb (%n)</numerusform>
            <numerusform>Forfalt oppfølging før jobb (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VisitActions</name>
    <message>
        <source>Visit %1</source>
        <translation>Besøk %1</translation>
    </message>
    <message>
        <source>Earlier visit</source>
        <translation>Tidligere besøk</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Hva</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Hvem</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Carried from</source>
        <translation>Videreført fra</translation>
    </message>
    <message>
        <source>Still open after an earlier visit</source>
        <translation>Fortsatt åpent etter et tidligere besøk</translation>
    </message>
    <message>
        <source>Agreed actions</source>
        <translation>Avtalte tiltak</translation>
    </message>
    <message>
        <source>&amp;Add action</source>
        <translation>&amp;Legg til tiltak</translation>
    </message>
    <message>
        <source>Remove action</source>
        <translation>Fjern tiltak</translation>
    </message>
</context>
<context>
    <name>VisitAttendees</name>
    <message>
        <source>Participant</source>
        <translation>Deltaker</translation>
    </message>
    <message>
        <source>NAV contact</source>
        <translation>NAV-veileder</translation>
    </message>
    <message>
        <source>Clinician</source>
        <translation>Behandler</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Familie</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Annet</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Til stede</translation>
    </message>
    <message>
        <source>Employer contact</source>
        <translation>Kontakt hos arbeidsgiver</translation>
    </message>
    <message>
        <source>Someone else</source>
        <translation>Andre</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Fjern</translation>
    </message>
</context>
<context>
    <name>VisitCorrections</name>
    <message>
        <source>The visit is finished and locked. Corrections are added as notes that stay linked to it; the original record is kept unchanged.</source>
        <translation>Besøket er fullført og låst. Rettelser legges til som notater knyttet til det; det opprinnelige besøket forblir uendret.</translation>
    </message>
    <message>
        <source>&amp;New correction</source>
        <translation>&amp;Ny rettelse</translation>
    </message>
    <message>
        <source>Add correction</source>
        <translation>Legg til rettelse</translation>
    </message>
    <message>
        <source>No corrections yet.</source>
        <translation>Ingen rettelser ennå.</translation>
    </message>
    <message>
        <source>%1, by %2</source>
        <translation>%1, av %2</translation>
    </message>
</context>
<context>
    <name>VisitEditor</name>
    <message>
        <source>weekly</source>
        <translation>ukentlig</translation>
    </message>
    <message>
        <source>every other week</source>
        <translation>annenhver uke</translation>
    </message>
    <message>
        <source>monthly</source>
        <translation>månedlig</translation>
    </message>
    <message>
        <source>quarterly</source>
        <translation>hvert kvartal</translation>
    </message>
    <message>
        <source>Follow-up visit</source>
        <translation>Oppfølgingsbesøk</translation>
    </message>
    <message>
        <source>Saving …</source>
        <translation>Lagrer …</translation>
    </message>
    <message>
        <source>Loading …</source>
        <translation>Laster …</translation>
    </message>
    <message>
        <source>Ctrl+PgDown / Ctrl+PgUp:
next / previous section</source>
        <translation>Ctrl+PgDown / Ctrl+PgUp:
neste / forrige del</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>Ikke lagret ennå</translation>
    </message>
    <message>
        <source>Save state</source>
        <translation>Lagringsstatus</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lagre</translation>
    </message>
    <message>
        <source>Save now (Ctrl+S). What you type is also saved by itself.</source>
        <translation>Lagre nå (Ctrl+S). Det du skriver, lagres også av seg selv.</translation>
    </message>
    <message>
        <source>Finish visit</source>
        <translation>Fullfør besøket</translation>
    </message>
    <message>
        <source>Check, save and lock the visit (Ctrl+Enter)</source>
        <translation>Kontroller, lagre og lås besøket (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
    <message>
        <source>Save and close (Esc)</source>
        <translation>Lagre og lukk (Esc)</translation>
    </message>
    <message>
        <source>Time and place</source>
        <translation>Tid og sted</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>Sta&amp;rt</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Ikke registrert</translation>
    </message>
    <message>
        <source>&amp;Duration</source>
        <translation>&amp;Varighet</translation>
    </message>
    <message>
        <source>&amp;Channel</source>
        <translation>&amp;Kanal</translation>
    </message>
    <message>
        <source>&amp;Place</source>
        <translation>St&amp;ed</translation>
    </message>
    <message>
        <source>Visit &amp;type</source>
        <translation>Besøks&amp;type</translation>
    </message>
    <message>
        <source>&amp;Job</source>
        <translation>&amp;Jobb</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Til stede</translation>
    </message>
    <message>
        <source>Topics discussed</source>
        <translation>Temaer som ble tatt opp</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Temaer</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Samtalen</translation>
    </message>
    <message>
        <source>E&amp;mployee&apos;s view</source>
        <translation>&amp;Arbeidstakers syn</translation>
    </message>
    <message>
        <source>Employe&amp;r&apos;s view</source>
        <translation>Arbeids&amp;givers syn</translation>
    </message>
    <message>
        <source>What &amp;works well</source>
        <translation>Hva &amp;fungerer godt</translation>
    </message>
    <message>
        <source>C&amp;hallenges</source>
        <translation>&amp;Utfordringer</translation>
    </message>
    <message>
        <source>Actions and next visit</source>
        <translation>Tiltak og neste besøk</translation>
    </message>
    <message>
        <source>&amp;Next visit by</source>
        <translation>&amp;Neste besøk innen</translation>
    </message>
    <message>
        <source>Summary and internal notes</source>
        <translation>Sammendrag og interne notater</translation>
    </message>
    <message>
        <source>S&amp;ummary</source>
        <translation>&amp;Sammendrag</translation>
    </message>
    <message>
        <source>The participant may see the summary.</source>
        <translation>Deltakeren kan se sammendraget.</translation>
    </message>
    <message>
        <source>&amp;Internal notes</source>
        <translation>&amp;Interne notater</translation>
    </message>
    <message>
        <source>Internal: only you see these notes. They never appear in documents, exports to others or the participant&apos;s copy.</source>
        <translation>Internt: bare du ser disse notatene. De kommer aldri med i dokumenter, utleveringer til andre eller deltakerens kopi.</translation>
    </message>
    <message>
        <source>Corrections</source>
        <translation>Rettelser</translation>
    </message>
    <message>
        <source>Finishing locks the visit. Later corrections can only be added as notes.</source>
        <translation>Når besøket fullføres, låses det. Senere rettelser kan bare legges til som notater.</translation>
    </message>
    <message>
        <source>Finish and lock</source>
        <translation>Fullfør og lås</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>The visit could not be opened</source>
        <translation>Besøket kunne ikke åpnes</translation>
    </message>
    <message>
        <source>Visit with %1</source>
        <translation>Besøk med %1</translation>
    </message>
    <message>
        <source>No job (before a job is found)</source>
        <translation>Ingen jobb (før jobb er funnet)</translation>
    </message>
    <message>
        <source>New visit – saved as a draft as soon as you type</source>
        <translation>Nytt besøk – lagres som utkast så snart du skriver</translation>
    </message>
    <message>
        <source>Draft last saved %1</source>
        <translation>Utkast sist lagret %1</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Ferdig</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Utkast</translation>
    </message>
    <message>
        <source>Row %1, %2: %3</source>
        <translation>Rad %1, %2: %3</translation>
    </message>
    <message>
        <source>Saved at %1</source>
        <translation>Lagret kl. %1</translation>
    </message>
    <message>
        <source>Saved at %1 – fields marked in red are not saved until they are corrected</source>
        <translation>Lagret kl. %1 – felt merket med rødt lagres først når de er rettet</translation>
    </message>
    <message>
        <source>Not saved: fix the fields marked in red</source>
        <translation>Ikke lagret: rett feltene merket med rødt</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Ikke lagret: %1</translation>
    </message>
    <message>
        <source>Not saved: an unexpected error occurred</source>
        <translation>Ikke lagret: det oppstod en uventet feil</translation>
    </message>
    <message>
        <source>Fix the fields marked in red before finishing</source>
        <translation>Rett feltene merket med rødt før du fullfører</translation>
    </message>
    <message>
        <source>Finishing …</source>
        <translation>Fullfører …</translation>
    </message>
    <message>
        <source>Finished %1 – locked</source>
        <translation>Fullført %1 – låst</translation>
    </message>
    <message>
        <source>No follow-up cadence applies without a job.</source>
        <translation>Uten jobb gjelder ingen fast oppfølgingsrytme.</translation>
    </message>
    <message>
        <source>Proposed %1 from the agreement: follow-up %2.</source>
        <translation>Foreslått %1 ut fra avtalen: oppfølging %2.</translation>
    </message>
    <message>
        <source>Proposed %1 from the default IPS cadence.</source>
        <translation>Foreslått %1 ut fra standard IPS-rytme.</translation>
    </message>
    <message>
        <source>Some fields hold invalid values (marked in red). Everything else is saved.</source>
        <translation>Noen felt har ugyldige verdier (merket med rødt). Alt annet er lagret.</translation>
    </message>
    <message>
        <source>Not everything is saved</source>
        <translation>Ikke alt er lagret</translation>
    </message>
    <message>
        <source>%1

Close the visit anyway? What is not saved will be lost.</source>
        <translation>%1

Lukke besøket likevel? Det som ikke er lagret, går tapt.</translation>
    </message>
    <message>
        <source>Close anyway</source>
        <translation>Lukk likevel</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Fortsett å redigere</translation>
    </message>
</context>
<context>
    <name>VisitTable</name>
    <message>
        <source>Finished</source>
        <translation>Ferdig</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Utkast</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Channel and place</source>
        <translation>Kanal og sted</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Deltaker</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>Arbeidsgiver</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Sammendrag</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Dag</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Startet</translation>
    </message>
    <message>
        <source>Summary so far</source>
        <translation>Oppsummering så langt</translation>
    </message>
</context>
<context>
    <name>VisitsTab</name>
    <message>
        <source>Visits</source>
        <translation>Besøk</translation>
    </message>
    <message>
        <source>&amp;New visit</source>
        <translation>&amp;Nytt besøk</translation>
    </message>
    <message>
        <source>Open visit</source>
        <translation>Åpne besøk</translation>
    </message>
    <message>
        <source>No visits yet.</source>
        <translation>Ingen besøk ennå.</translation>
    </message>
</context>
</TS>
