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
            <source>About</source>
            <translation>Om</translation>
        </message>
        <message>
            <source>Choose the participant the visit is with first.</source>
            <translation>Velg først deltakeren besøket gjelder.</translation>
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
        <name>ParticipantDetail</name>
        <message>
            <source>Choose a participant in the list.</source>
            <translation>Velg en deltaker i listen.</translation>
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
    </context>
    <context>
        <name>StatusBar</name>
        <message>
            <source>Sync status</source>
            <translation>Synkroniseringsstatus</translation>
        </message>
        <message>
            <source>Online</source>
            <translation>Tilkoblet</translation>
        </message>
        <message>
            <source>Offline</source>
            <translation>Frakoblet</translation>
        </message>
        <message numerus="yes">
            <source>%n local change(s) not synced</source>
            <translation>
                <numerusform>%n lokal endring venter på synkronisering</numerusform>
                <numerusform>%n lokale endringer venter på synkronisering</numerusform>
            </translation>
        </message>
        <message>
            <source>Sync with a server is not set up on this device; everything is stored on this computer.</source>
            <translation>Synkronisering med en server er ikke satt opp på denne enheten; alt lagres på denne maskinen.</translation>
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
</TS>
