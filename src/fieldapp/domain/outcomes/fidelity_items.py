"""The 25 items of the IPS fidelity scale (IPS-25) with short bokmål anchors for the scores 1 to 5."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Item:
    number: int
    area: str
    title: str
    anchors: tuple[str, str, str, str, str]  # score 1 .. score 5


def _i(number: int, area: str, title: str, *anchors: str) -> Item:
    assert len(anchors) == 5
    return Item(number, area, title, anchors)


STAFF, ORG, SERVICES = "Bemanning", "Organisering", "Tjenester"

ITEMS: tuple[Item, ...] = (
    _i(1, STAFF, "Saksmengde",
       "51 eller flere deltakere per jobbspesialist", "41–50 deltakere", "31–40 deltakere", "21–30 deltakere",
       "20 eller færre deltakere per jobbspesialist"),
    _i(2, STAFF, "Rene arbeidsrettede oppgaver",
       "Under 55 % av tiden til arbeidsrettet oppfølging", "55–64 %", "65–74 %", "75–89 %",
       "90 % eller mer av tiden til arbeidsrettet oppfølging"),
    _i(3, STAFF, "Jobbspesialisten som generalist",
       "Bare henvisning videre; andre gjør resten", "Følger to faser", "Følger tre faser",
       "Følger fire faser", "Samme jobbspesialist har alle faser: kartlegging, jobbsøk, jobbutvikling og oppfølging"),
    _i(4, ORG, "Integrering i behandlingsteam",
       "Ingen tilknytning til behandlingsteam", "Tilknyttet, men få deltakere deles", "Under halvparten deles",
       "De fleste deltakere deles med ett team", "Knyttet til 1–2 behandlingsteam; alle deltakere deles"),
    _i(5, ORG, "Hyppig kontakt med behandlingsteam",
       "Sjelden eller ingen kontakt", "Deltar av og til", "Deltar månedlig", "Deltar annenhver uke",
       "Deltar ukentlig i teammøter og deler journal/informasjon"),
    _i(6, ORG, "Samarbeid med NAV",
       "Ingen jevnlig kontakt med NAV", "Sporadisk kontakt", "Kontakt ved behov", "Møter NAV kvartalsvis",
       "Faste møter med NAV minst månedlig og felles drøfting av deltakere"),
    _i(7, ORG, "IPS-enhet",
       "Jobbspesialistene jobber alene", "Sjelden felles møter", "Felles møter av og til",
       "Ukentlige møter, noe erfaringsdeling", "Minst to jobbspesialister og leder møtes ukentlig og dekker for hverandre"),
    _i(8, ORG, "Leders rolle",
       "Ingen fagleder for IPS", "Leder med lite IPS-fokus", "Noen av lederoppgavene utføres",
       "De fleste lederoppgavene utføres", "Leder følger opp resultater, veileder i felt og bruker data i teamet"),
    _i(9, ORG, "Null-eksklusjon",
       "Strenge inntakskrav (rus, diagnose, «arbeidsklar»)", "Flere krav", "Noen krav",
       "Få krav; alle kan henvises", "Alle som ønsker arbeid får tilbud; ingen utsiling"),
    _i(10, ORG, "Virksomhetens fokus på ordinært arbeid",
       "Ingen oppmerksomhet på arbeid", "Lite", "Noe", "Tydelig",
       "Arbeid etterspørres i inntak, synlig i materiell og resultater deles"),
    _i(11, ORG, "Ledelsesforankring",
       "Ingen forankring hos ledelsen", "Svak", "Noe", "God",
       "Ledelsen kjenner IPS, følger kvaliteten og har en styringsgruppe"),
    _i(12, SERVICES, "Veiledning om økonomi og ytelser",
       "Ingen veiledning om ytelser", "Bare ved behov", "Noen får veiledning",
       "De fleste får veiledning", "Alle får tilbud om individuell veiledning om ytelser før og under arbeid"),
    _i(13, SERVICES, "Åpenhet om helse",
       "Ingen drøfting av åpenhet", "Sjelden", "Av og til",
       "Drøftes med de fleste", "Fordeler og ulemper ved åpenhet drøftes med alle, deltakeren bestemmer"),
    _i(14, SERVICES, "Løpende, arbeidsbasert kartlegging",
       "Kartlegging i skjermet miljø før jobbsøk", "Omfattende forhåndskartlegging", "Noe oppdatering",
       "Oppdateres jevnlig", "Kartleggingen bygger på erfaring fra arbeid og oppdateres løpende"),
    _i(15, SERVICES, "Rask jobbsøking",
       "Første arbeidsgiverkontakt etter mer enn ett år", "Etter 6–12 måneder", "Etter 2–6 måneder",
       "Etter 31–60 dager", "Første arbeidsgiverkontakt innen 30 dager etter henvisning"),
    _i(16, SERVICES, "Individuell jobbsøking",
       "Jobber velges etter hva som finnes", "Lite preg av ønsker", "Noe", "For det meste",
       "Jobbsøket bygger på deltakerens ønsker, styrker og erfaring"),
    _i(17, SERVICES, "Jobbutvikling: hyppige arbeidsgiverkontakter",
       "Under 2 kontakter i uka", "2 kontakter i uka", "3–4 kontakter i uka", "5 kontakter i uka",
       "6 eller flere personlige arbeidsgiverkontakter i uka per jobbspesialist"),
    _i(18, SERVICES, "Jobbutvikling: kvalitet i arbeidsgiverkontakt",
       "Kontakt bare via annonser", "Lite", "Noe", "God",
       "Bygger relasjon, kartlegger arbeidsgivers behov og kommer tilbake flere ganger"),
    _i(19, SERVICES, "Mangfold i jobbtyper",
       "Under 50 % ulike jobbtyper", "50–59 %", "60–69 %", "70–84 %", "85 % eller flere ulike jobbtyper"),
    _i(20, SERVICES, "Mangfold i arbeidsgivere",
       "Under 50 % ulike arbeidsgivere", "50–59 %", "60–69 %", "70–84 %", "85 % eller flere ulike arbeidsgivere"),
    _i(21, SERVICES, "Ordinære jobber",
       "Under 65 % ordinære jobber", "65–74 %", "75–84 %", "85–94 %",
       "95 % eller flere er ordinære jobber med vanlig lønn"),
    _i(22, SERVICES, "Individuell oppfølging i arbeid",
       "Ingen oppfølging etter jobbstart", "Lite", "Noe", "Variert oppfølging for de fleste",
       "Tilpasset oppfølging av deltaker og arbeidsgiver etter behov"),
    _i(23, SERVICES, "Tidsubegrenset oppfølging",
       "Oppfølging avsluttes ved jobbstart", "Under 4 måneder", "4–6 måneder", "7–11 måneder",
       "Oppfølging så lenge det trengs, minst ett år for de fleste"),
    _i(24, SERVICES, "Arbeid ute i samfunnet",
       "Under 30 % av tiden utenfor kontoret", "30–39 %", "40–49 %", "50–64 %",
       "65 % eller mer av tiden utenfor kontoret"),
    _i(25, SERVICES, "Oppsøkende arbeid ved frafall",
       "Ingen oppsøkende arbeid", "Ett forsøk", "Noen forsøk", "Flere forsøk",
       "Flere systematiske forsøk, også hjemmebesøk og kontakt med nettverk, før avslutning"),
)
