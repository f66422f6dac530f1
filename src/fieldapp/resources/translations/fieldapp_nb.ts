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
            <numerusform>%n ting mangler før signering:</numerusform>
            <numerusform>%n ting mangler før signering:</numerusform>
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
        <source>Re&amp;voke signatures …</source>
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
        <translation>NAV-kontakt</translation>
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
        <source>E&amp;valuation date</source>
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
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Mål</translation>
    </message>
    <message>
        <source>How progress is seen</source>
        <translation>Hvordan fremgang vises</translation>
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
        <source>&amp;Open</source>
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
        <source>Loading demo data …</source>
        <translation>Laster inn demodata …</translation>
    </message>
</context>
<context>
    <name>Conflicts</name>
    <message>
        <source>Participant</source>
        <translation>Deltaker</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>Arbeidsgiver</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Jobb</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Besøk</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Avtale</translation>
    </message>
    <message>
        <source>Agreement version</source>
        <translation>Avtaleversjon</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Signatur</translation>
    </message>
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
        <source>Keep the signed version</source>
        <translation>Behold den signerte versjonen</translation>
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
        <source>Shared &amp;with</source>
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
        <source>“%1” is approved. Team key fingerprint: %2 (the new device shows the same when it syncs).</source>
        <translation>«%1» er godkjent. Teamnøkkelens fingeravtrykk: %2 (den nye enheten viser det samme når den synkroniserer).</translation>
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
        <source>&amp;Edit employer …</source>
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
        <translation>&amp;Besøksadresse</translation>
    </message>
    <message>
        <source>&amp;Postcode</source>
        <translation>&amp;Postnummer</translation>
    </message>
    <message>
        <source>&amp;Town</source>
        <translation>&amp;Poststed</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>&amp;Telefon</translation>
    </message>
    <message>
        <source>E-&amp;mail</source>
        <translation>&amp;E-post</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>&amp;Notater</translation>
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
        <source>Today</source>
        <translation>I dag</translation>
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
        <source>Agreements</source>
        <translation>Avtaler</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Handlinger</translation>
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
        <source>Settings</source>
        <translation>Innstillinger</translation>
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
        <source>About</source>
        <translation>Om</translation>
    </message>
    <message>
        <source>Choose the participant the visit is with first.</source>
        <translation>Velg først deltakeren besøket gjelder.</translation>
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
        <source>&amp;Mapping of</source>
        <translation>&amp;Kartlegging av</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Dato</translation>
    </message>
    <message>
        <source>S&amp;tatus</source>
        <translation>S&amp;tatus</translation>
    </message>
    <message>
        <source>Desc&amp;ription</source>
        <translation>&amp;Beskrivelse</translation>
    </message>
    <message>
        <source>&amp;Action</source>
        <translation>&amp;Tiltak</translation>
    </message>
    <message>
        <source>&amp;Responsible</source>
        <translation>&amp;Ansvarlig</translation>
    </message>
    <message>
        <source>Who follows up the action</source>
        <translation>Hvem som følger opp tiltaket</translation>
    </message>
    <message>
        <source>Dead&amp;line</source>
        <translation>&amp;Frist</translation>
    </message>
    <message>
        <source>Sensiti&amp;ve</source>
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
        <source>&amp;Notes on the whole mapping</source>
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
        <source>Job now</source>
        <translation>Jobb nå</translation>
    </message>
    <message>
        <source>Next visit due</source>
        <translation>Neste besøk innen</translation>
    </message>
    <message>
        <source>NAV contact</source>
        <translation>NAV-kontakt</translation>
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
        <source>&amp;Edit participant …</source>
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
        <source>&amp;Visits</source>
        <translation>&amp;Besøk</translation>
    </message>
    <message>
        <source>&amp;Agreements</source>
        <translation>&amp;Avtaler</translation>
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
        <translation>&amp;Fødselsnummer</translation>
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
        <source>E-&amp;mail</source>
        <translation>&amp;E-post</translation>
    </message>
    <message>
        <source>Preferred lan&amp;guage</source>
        <translation>Foretrukket s&amp;pråk</translation>
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
        <translation>S&amp;tatus</translation>
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
        <source>Follow-up &amp;started</source>
        <translation>Oppfølging &amp;startet</translation>
    </message>
    <message>
        <source>NAV contact</source>
        <translation>NAV-kontakt</translation>
    </message>
    <message>
        <source>NAV &amp;contact</source>
        <translation>NAV-&amp;kontakt</translation>
    </message>
    <message>
        <source>NAV contact&apos;s p&amp;hone</source>
        <translation>NAV-kontaktens &amp;telefon</translation>
    </message>
    <message>
        <source>NAV &amp;office</source>
        <translation>NAV-&amp;kontor</translation>
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
        <source>No follow-up rhythm (no current job, or ended).</source>
        <translation>Ingen fast oppfølgingsrytme (ingen aktiv jobb, eller avsluttet).</translation>
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
        <source>Method</source>
        <translation>Metode</translation>
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
        <translation>&amp;Stillingsprosent</translation>
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
        <source>e.g. Mon–Wed 09–14</source>
        <translation>f.eks. man–ons 09–14</translation>
    </message>
    <message>
        <source>Employment &amp;form</source>
        <translation>&amp;Ansettelsesform</translation>
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
        <source>&amp;Start</source>
        <translation>&amp;Start</translation>
    </message>
    <message>
        <source>E&amp;nd</source>
        <translation>S&amp;lutt</translation>
    </message>
    <message>
        <source>Stat&amp;us</source>
        <translation>Stat&amp;us</translation>
    </message>
    <message>
        <source>Reason for &amp;ending</source>
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
        <source>A new language is used from the next time Fieldapp starts.</source>
        <translation>Nytt språk tas i bruk neste gang Fieldapp starter.</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Språk</translation>
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
        <source>Team key fingerprint: %1 (the approving device showed the same).</source>
        <translation>Teamnøkkelens fingeravtrykk: %1 (enheten som godkjente, viste det samme).</translation>
    </message>
    <message>
        <source>Fieldapp: recovery key for the team “%1”</source>
        <translation>Fieldapp: gjenopprettingsnøkkel for teamet «%1»</translation>
    </message>
</context>
<context>
    <name>Today</name>
    <message>
        <source>Planned today</source>
        <translation>Planlagt i dag</translation>
    </message>
    <message>
        <source>Later this week</source>
        <translation>Senere denne uken</translation>
    </message>
    <message>
        <source>Overdue follow-up</source>
        <translation>Forfalt oppfølging</translation>
    </message>
    <message>
        <source>Start a new visit with the selected participant (Enter)</source>
        <translation>Start et nytt besøk med valgt deltaker (Enter)</translation>
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
        <translation>NAV-kontakt</translation>
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
        <translation>&amp;Start</translation>
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
        <translation>&amp;Sted</translation>
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
        <source>Em&amp;ployer&apos;s view</source>
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
</context>
<context>
    <name>VisitsTab</name>
    <message>
        <source>Visits</source>
        <translation>Besøk</translation>
    </message>
    <message>
        <source>New &amp;visit</source>
        <translation>Nytt &amp;besøk</translation>
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
