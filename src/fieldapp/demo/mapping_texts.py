"""Invented Norwegian (bokmål) mapping (kartlegging) texts for demo data: per area, a status, a description and an action."""

from typing import Final

# Everything below is invented for demonstration. No real people, no real case notes.

MAPPING_AREAS: Final[tuple[str, ...]] = (
    "work_wishes", "skills_education", "work_experience", "interests_strengths", "basic_skills",
    "health_treatment", "housing", "finances_benefits", "family_network", "substance_use", "transport",
    "coping_motivation", "expectations", "accommodation_needs", "disclosure", "employer_needs_job_match",
)

# area -> (status, description, action)
MAPPING_TEXTS: Final[dict[str, tuple[tuple[str, str, str], ...]]] = {
    "work_wishes": (
        ("resource", "Ønsker seg jobb med dyr, gjerne på gård eller i dyrebutikk. Har tydelige tanker om hva hen vil.", "Jobbspesialist tar kontakt med tre aktuelle arbeidsgivere innen to uker."),
        ("resource", "Vil jobbe praktisk og i bevegelse, helst på lager eller utendørs. Ønsker ikke kundekontakt i starten.", "Lage en liste over lagerbedrifter i nærområdet sammen."),
        ("clarified", "Ønsker deltid på dagtid, ca. 50 %, med mulighet for å øke. Har landet på butikk eller kafé.", "Starte jobbsøk mot butikker og kaféer i sentrum."),
        ("obstacle", "Usikker på hva hen vil jobbe med og sier «hva som helst». Vanskelig å prioritere.", "Gjennomføre to bedriftsbesøk for å utforske interesser."),
        ("not_mapped", "Ikke snakket om arbeidsønsker ennå.", "Tas opp i neste samtale."),
    ),
    "skills_education": (
        ("resource", "Fullført videregående, studieforberedende. Har påbegynt bachelor i IT, men avbrøt etter ett år.", "Ta med IT-kunnskapene i CV og vurdere brukerstøtte."),
        ("resource", "Fagbrev som kokk fra 2012. Har truckførerbevis og hygienekurs.", "Sjekke at truckførerbeviset er gyldig og legge det inn i CV."),
        ("obstacle", "Ikke fullført videregående. Opplever at manglende papirer stenger for jobb.", "Snakke om jobber der erfaring teller mer enn papirer; vurdere praksiskandidatordningen senere."),
        ("clarified", "Utdanning fra hjemlandet som regnskapsmedarbeider, godkjenning er ikke aktuelt nå.", "Søke jobber med kontoroppgaver der erfaringen kan brukes."),
        ("not_mapped", "Utdanning og kurs er ikke kartlagt.", "Gå gjennom vitnemål og kursbevis sammen."),
    ),
    "work_experience": (
        ("resource", "Jobbet fire år på lager og to somre på bensinstasjon. Gode attester fra begge.", "Be om å få bruke tidligere leder som referanse."),
        ("obstacle", "Lite arbeidserfaring; siste jobb var for seks år siden og endte med oppsigelse.", "Snakke om hvordan hullet i CV-en kan forklares i intervju."),
        ("resource", "Har vært frivillig på kafé i tre år og hatt ansvar for innkjøp og vaktliste.", "Skrive frivillig arbeid inn som arbeidserfaring i CV."),
        ("clarified", "Har hatt mange korte jobber som har endt etter noen uker. Vi har snakket om hva som gikk galt.", "Legge vekt på tett oppfølging de første ukene i ny jobb."),
        ("not_mapped", "Ikke gått gjennom tidligere jobber.", "Lage en enkel oversikt over arbeidshistorikk."),
    ),
    "interests_strengths": (
        ("resource", "Nøyaktig og pliktoppfyllende, liker faste rutiner. Interessert i bilder og foto.", "Se etter jobber med tydelige rutiner, for eksempel trykkeri eller lager."),
        ("resource", "Sosial og flink med folk, får lett kontakt med barn og eldre.", "Undersøke muligheter i barnehage og på dagsenter."),
        ("resource", "Glad i å skru og fikse ting; reparerer sykler for venner og naboer.", "Kontakte sykkelverksted og bilverksteder."),
        ("clarified", "Har vanskelig for å se egne styrker, men familien beskriver hen som hjelpsom og utholdende.", "Bruke tilbakemeldingene fra familien i jobbsøknadene."),
        ("not_mapped", "Interesser og styrker er ikke kartlagt.", "Bruke interessekartlegging i neste samtale."),
    ),
    "basic_skills": (
        ("resource", "Leser og skriver godt, er trygg på PC og mobil.", "Ingen tiltak nødvendig."),
        ("obstacle", "Norsk muntlig på middels nivå, skriftlig svakere. Trenger hjelp med søknader og skjemaer.", "Melde på norskkurs på kveldstid og bruke enkle skriftlige instrukser på jobb."),
        ("obstacle", "Strever med lesing og skriving; har aldri fått kartlagt dette.", "Finne arbeidsoppgaver med lite skriving og vurdere lese- og skrivekurs."),
        ("clarified", "Usikker på regning med penger. Kassearbeid er derfor ikke førstevalg.", "Prioritere jobber uten kassaansvar i første omgang."),
        ("not_mapped", "Grunnleggende ferdigheter er ikke kartlagt.", "Snakke om lesing, regning, digitale ferdigheter og norsk."),
    ),
    "health_treatment": (
        ("clarified", "Går til samtaler på DPS annenhver uke. Behandler støtter jobbmålet.", "Fast samarbeidsmøte med behandler hver sjette uke."),
        ("obstacle", "Perioder med lite søvn og mye uro; har vært sykmeldt flere ganger de siste årene.", "Snakke med behandler om hvordan dårlige perioder kan varsles tidlig."),
        ("resource", "Kjenner egne varseltegn godt og har en plan for hva hen gjør når det blir tungt.", "Bruke mestringsplanen som grunnlag for tilretteleggingen."),
        ("clarified", "Bruker faste medisiner som gjør hen trett om morgenen.", "Vurdere arbeidstid som starter kl. 10."),
        ("not_mapped", "Helse og behandling er ikke tatt opp ennå.", "Spørre om samtykke til kontakt med fastlege eller behandler."),
    ),
    "housing": (
        ("resource", "Bor i egen leilighet med stabilt leieforhold.", "Ingen tiltak nødvendig."),
        ("obstacle", "Bor midlertidig hos en venn og må flytte innen to måneder.", "Kontakte kommunens boligkontor sammen og søke kommunal bolig."),
        ("clarified", "Har fått kommunal leilighet med boveiledning én gang i uka.", "Avtale at boveileder og jobbspesialist samordner tidspunkter."),
        ("obstacle", "Husleierestanse og varsel om utkastelse.", "Koble inn økonomisk rådgiver og boligkontoret denne uka."),
        ("not_mapped", "Boforhold er ikke kartlagt.", "Tas opp i neste samtale."),
    ),
    "finances_benefits": (
        ("clarified", "Mottar arbeidsavklaringspenger. Lurer på hva som skjer med ytelsen når hen begynner å jobbe.", "Be NAV-veileder lage en beregning av inntekt med lønn og AAP."),
        ("obstacle", "Har gjeld til inkasso og er redd for at lønna går til trekk.", "Henvise til økonomisk rådgiver ved NAV-kontoret."),
        ("resource", "God oversikt over egen økonomi og betaler regninger i tide.", "Ingen tiltak nødvendig."),
        ("clarified", "Mottar uføretrygd og kan jobbe inntil inntektsgrensen uten å miste ytelsen.", "Legge lønnen under inntektsgrensen første år; vurderes på nytt ved årsskiftet."),
        ("not_mapped", "Økonomi og ytelser er ikke kartlagt.", "Gå gjennom ytelser og faste utgifter sammen."),
    ),
    "family_network": (
        ("resource", "Nær kontakt med søster som støtter jobbplanene og gjerne vil være med på et møte.", "Invitere søster til neste samtale hvis deltaker ønsker det."),
        ("obstacle", "Lite nettverk utenom familien; kjenner seg ensom i helgene.", "Undersøke aktiviteter via frivilligsentralen."),
        ("clarified", "Aleneforelder med to barn i barneskolealder. Trenger jobb som passer med SFO.", "Søke jobber med arbeidstid mellom kl. 8 og 15."),
        ("resource", "Har en god venn som jobber i samme bransje og kan gi tips om ledige stillinger.", "Bruke nettverket aktivt i jobbsøket."),
        ("not_mapped", "Familie og nettverk er ikke kartlagt.", "Tas opp når deltaker er klar for det."),
    ),
    "substance_use": (
        ("clarified", "Rusfri i over ett år og går på faste samtaler i rustjenesten.", "Ingen tiltak utover fortsatt oppfølging i rustjenesten."),
        ("obstacle", "Bruker cannabis jevnlig; forteller selv at det gjør det vanskelig å komme opp om morgenen.", "Snakke om hvordan rusbruk kan påvirke jobb, og tilby kontakt med ruskonsulent."),
        ("resource", "Drikker ikke alkohol og har ingen rusbruk.", "Ingen tiltak nødvendig."),
        ("clarified", "Tidligere rusproblemer. Ønsker ikke jobb på utested eller der det serveres alkohol.", "Utelate barer og utesteder i jobbsøket."),
        ("not_mapped", "Rus er ikke tatt opp.", "Tas opp i en rolig samtale når relasjonen er etablert."),
    ),
    "transport": (
        ("resource", "Har førerkort klasse B og egen bil.", "Ingen tiltak nødvendig."),
        ("obstacle", "Har ikke førerkort, og bussen går sjelden fra der hen bor.", "Søke tilskudd til arbeidsreiser og se etter jobber langs busslinja."),
        ("clarified", "Syns det er krevende å ta buss i rushtiden; sykler når været tillater det.", "Arbeidstid utenom rushtid avtales med arbeidsgiver."),
        ("clarified", "Har månedskort og kort vei til sentrum.", "Ingen tiltak nødvendig."),
        ("not_mapped", "Transport er ikke kartlagt.", "Sjekke reisevei til aktuelle arbeidsplasser."),
    ),
    "coping_motivation": (
        ("resource", "Sterk tro på at jobb vil gi bedre hverdag. Sier «jeg vil ha noe å stå opp til».", "Holde farten oppe i jobbsøket."),
        ("obstacle", "Lite tro på egne muligheter etter mange avslag. Redd for å mislykkes igjen.", "Sette små delmål og feire når de nås; hyppige samtaler de neste ukene."),
        ("clarified", "Motivasjonen går i bølger, men øker når det skjer noe konkret.", "Avtale konkrete aktiviteter hver uke."),
        ("resource", "Har tidligere klart å stå i jobb i tre år og husker det som en god tid.", "Bruke erfaringen til å styrke troen på at det går igjen."),
        ("not_mapped", "Mestring og arbeidshåp er ikke kartlagt.", "Snakke om hva som har fungert tidligere."),
    ),
    "expectations": (
        ("clarified", "Forventer ordinær lønn fra første dag; ønsker ikke arbeidspraksis.", "Søke ordinære stillinger; vurdere lønnstilskudd ved behov."),
        ("obstacle", "Forventer fast heltidsjobb med en gang. Vi har snakket om å starte lavere og øke gradvis.", "Gå gjennom eksempler på gradvis opptrapping."),
        ("resource", "Realistiske forventninger til arbeidstid og lønn, og vil heller starte smått enn å vente.", "Ingen tiltak nødvendig."),
        ("clarified", "Forventer at jobbspesialisten er med på første arbeidsdag.", "Avtalt at jobbspesialist møter opp første dag og tar en kort prat etter skift."),
        ("not_mapped", "Forventninger er ikke avklart.", "Snakke om hva jobbspesialisten kan og ikke kan hjelpe med."),
    ),
    "accommodation_needs": (
        ("clarified", "Trenger rolig arbeidsplass uten mye støy og forstyrrelser.", "Be arbeidsgiver om fast plass i et roligere område."),
        ("clarified", "Trenger korte pauser når det blir mye; fungerer best med tydelige beskjeder.", "Avtale pauserutiner og skriftlig dagsplan med nærmeste leder."),
        ("obstacle", "Tåler ikke tunge løft over lengre tid på grunn av ryggplager.", "Unngå jobber med mye løft, eller søke hjelpemidler."),
        ("resource", "Trenger ingen spesiell tilrettelegging utover oppfølging fra jobbspesialist.", "Ingen tiltak nødvendig."),
        ("not_mapped", "Behov for tilrettelegging er ikke kartlagt.", "Kartlegges før oppstart i jobb."),
    ),
    "disclosure": (
        ("clarified", "Ønsker at arbeidsgiver får vite at hen har helseutfordringer, men ikke hvilke.", "Jobbspesialist og deltaker øver på hva som skal sies i første møte."),
        ("clarified", "Ønsker ikke at arbeidsgiver får vite om helse. Arbeidsgiver vet bare at hen får oppfølging fra NAV.", "Jobbspesialist omtaler seg som kontaktperson for oppfølging, uten detaljer."),
        ("resource", "Åpen om egen situasjon og ønsker å fortelle selv.", "Deltaker forteller selv; jobbspesialist er med som støtte."),
        ("obstacle", "Usikker på om hen vil fortelle noe; redd for å bli sett på som svak.", "Gå gjennom fordeler og ulemper før første arbeidsgiverkontakt."),
        ("not_mapped", "Ikke avklart hva arbeidsgiver kan få vite.", "Må avklares før første kontakt med arbeidsgiver."),
    ),
    "employer_needs_job_match": (
        ("resource", "Butikken trenger folk til varepåfylling tidlig på morgenen, og det passer deltakers ønsker.", "Avtale uformelt møte med butikksjefen."),
        ("clarified", "Lageret har behov i høysesong; leder er åpen for fast deltid etterpå.", "Avklare mulighet for fast stilling før oppstart."),
        ("obstacle", "Arbeidsgiver ønsker full fleksibilitet med kort varsel, noe som ikke passer deltaker.", "Se etter andre arbeidsgivere med faste vaktplaner."),
        ("clarified", "Barnehagen trenger assistent tre dager i uka; oppgavene passer godt med deltakers erfaring.", "Presentere deltaker for styrer og avtale besøk."),
        ("not_mapped", "Ikke kartlagt hvilke arbeidsgivere som har behov.", "Jobbspesialist gjør fem arbeidsgiverkontakter denne uka."),
    ),
}
