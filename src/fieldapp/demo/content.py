"""Invented Norwegian (bokmål) content for generating demo data: names, places, employers, jobs, reasons and outreach."""

from typing import Final

# Everything below is invented for demonstration. No real people; the employers are made-up
# businesses. Towns and postcodes are real so that addresses look plausible.

FIRST_NAMES: Final[tuple[str, ...]] = (
    # Women
    "Anne", "Inger", "Kari", "Marit", "Ingrid", "Liv", "Eva", "Berit", "Astrid", "Bjørg",
    "Hilde", "Anna", "Solveig", "Marianne", "Randi", "Ida", "Nina", "Maria", "Elisabeth", "Kristin",
    "Silje", "Camilla", "Tone", "Hanne", "Ragnhild", "Sølvi", "Åse", "Gro", "Torunn", "Sigrid",
    "Ingeborg", "Synnøve", "Målfrid", "Tove", "Linn", "Nora", "Emma", "Thea", "Ingvild", "Maren",
    "Guro", "Mari", "Stine", "Siri", "Kjersti", "Vibeke", "Wenche", "Heidi", "Trine", "Frøydis",
    # Men
    "Jan", "Per", "Bjørn", "Ole", "Lars", "Kjell", "Knut", "Svein", "Hans", "Arne",
    "Geir", "Thomas", "Tor", "Terje", "Morten", "Espen", "Håkon", "Øystein", "Jørgen", "Kåre",
    "Rune", "Trond", "Frode", "Stian", "Eirik", "Magnus", "Sindre", "Øyvind", "Ståle", "Tormod",
    "Sondre", "Henrik", "Andreas", "Martin", "Jonas", "Mathias", "Ådne", "Halvard", "Torbjørn", "Gaute",
    "Steinar", "Vegard", "Petter", "Jostein", "Aksel", "Sverre", "Asbjørn", "Einar", "Leif", "Dag",
    # Names common among Norwegians with immigrant background
    "Mohammed", "Ahmed", "Ali", "Hassan", "Omar", "Yusuf", "Abdirahman", "Fatima", "Amina", "Aisha",
    "Maryam", "Zainab", "Hodan", "Ayan", "Piotr", "Tomasz", "Marcin", "Katarzyna", "Agnieszka", "Magdalena",
    "Tomas", "Rasa", "Yonas", "Selam", "Semhar", "Filmon", "Linh", "Minh", "Tharshan", "Priya",
    "Reza", "Leila", "Rami", "Nour", "Bilal", "Samira",
)

LAST_NAMES: Final[tuple[str, ...]] = (
    "Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen", "Jensen", "Karlsen",
    "Johnsen", "Pettersen", "Eriksen", "Berg", "Haugen", "Hagen", "Johannessen", "Andreassen", "Jacobsen", "Dahl",
    "Jørgensen", "Halvorsen", "Henriksen", "Lund", "Sørensen", "Jakobsen", "Moen", "Gundersen", "Iversen", "Strand",
    "Solberg", "Svendsen", "Eide", "Knutsen", "Martinsen", "Paulsen", "Bakken", "Kristoffersen", "Mathisen", "Lie",
    "Amundsen", "Rasmussen", "Lunde", "Solheim", "Berntsen", "Moe", "Kristensen", "Bakke", "Sæther", "Løken",
    "Bråten", "Ødegård", "Nygård", "Aas", "Brekke", "Myhre", "Holm", "Fredriksen", "Tangen", "Hauge",
    "Sandvik", "Næss", "Sætre", "Bjørnstad", "Fossum", "Gulbrandsen", "Engen", "Haugland", "Tveit", "Vik",
    "Rønning", "Strøm", "Aune", "Gjerde", "Kvam", "Sunde", "Øien", "Løvås", "Bøe", "Åsheim",
    "Grønvold", "Dale", "Skjærvø", "Flaten", "Våge", "Røed", "Tønnessen", "Kolstad", "Nordby", "Hovland",
    "Lien", "Rustad", "Berge", "Wold", "Ruud", "Hammer", "Sæbø", "Grønli", "Følstad", "Øverland",
    "Nguyen", "Tran", "Pham", "Ali", "Ahmed", "Mohamed", "Hussain", "Khan", "Abdi", "Warsame",
    "Osman", "Nowak", "Kowalczyk", "Kazlauskas", "Petrauskas", "Yilmaz", "Tesfay", "Haile", "Sivakumar", "Rahimi",
)

# (postnummer, poststed, invented street names)
TOWNS: Final[tuple[tuple[str, str, tuple[str, ...]], ...]] = (
    ("0550", "Oslo", ("Smedbakken", "Linnésløkka", "Verkstedgata", "Kranvegen")),
    ("0661", "Oslo", ("Høstlyngveien", "Valmuestien", "Kjerrebakken", "Tyttebærlia")),
    ("5003", "Bergen", ("Repslagergaten", "Skostredet nedre", "Fiskersmauet", "Kaiplassen")),
    ("7010", "Trondheim", ("Elvebreddveien", "Bryggerigata", "Kvernbakken", "Nidelvtunet")),
    ("4006", "Stavanger", ("Hermetikkgata", "Sildaveien", "Tollbuskjæret", "Fyrlykta")),
    ("3015", "Drammen", ("Tømmerfløtergata", "Sagbruksveien", "Elvetorget", "Fergebakken")),
    ("1606", "Fredrikstad", ("Skansegata", "Vollgravveien", "Sagtomta", "Ferjestedveien")),
    ("1706", "Sarpsborg", ("Fossefallet", "Tresliperiveien", "Borgtunet", "Kanalkroken")),
    ("4611", "Kristiansand S", ("Kvadraturstien", "Skipsreiergata", "Havnefronten", "Granittveien")),
    ("9008", "Tromsø", ("Ishavsgata", "Nordlysveien", "Fangstmannsbakken", "Skarvtunet")),
    ("8006", "Bodø", ("Saltstraumgata", "Skreiveien", "Moloveien", "Havørnbakken")),
    ("6002", "Ålesund", ("Jugendgata", "Klippfiskbakken", "Brosundkaia", "Tønneveien")),
    ("2317", "Hamar", ("Mjøsstranda", "Jernbanesvingen", "Kornmagasinveien", "Domkirkestien")),
    ("2609", "Lillehammer", ("Bakkebrinken", "Skiløypeveien", "Mesnaliveien nedre", "Vevstua")),
    ("2815", "Gjøvik", ("Glassverksgata", "Fjellhallveien", "Strandpromenaden", "Hunnselvbakken")),
    ("3111", "Tønsberg", ("Vikingeveien", "Brygga indre", "Slottsfjellbakken", "Kogstadtunet")),
    ("3210", "Sandefjord", ("Hvalfangerveien", "Kurbadgata", "Bugårdsstien", "Skipsbyggerveien")),
    ("3256", "Larvik", ("Tollerodden nedre", "Farrisbakken", "Bøkeskogveien", "Kilengata")),
    ("3717", "Skien", ("Kanalbrinken", "Slusevegen", "Klosterlia", "Brekkeslottet")),
    ("3915", "Porsgrunn", ("Porselensveien", "Frednesbakken", "Osebrotet", "Elvekanten")),
    ("4836", "Arendal", ("Pollenstien", "Tyholmsvingen", "Skutebakken", "Langbrygga")),
    ("5527", "Haugesund", ("Sildagata", "Smedasundkaia", "Risøybrinken", "Karmsundtunet")),
    ("6413", "Molde", ("Rosebyveien", "Fjordpanoramaet", "Reknesbakken", "Jazzgata")),
    ("6509", "Kristiansund N", ("Klippfiskkaia", "Sundbåtveien", "Innlandsbakken", "Vågestien")),
    ("9405", "Harstad", ("Vågsfjordveien", "Trondenesbakken", "Havnegata nordre", "Kanebogstien")),
    ("8514", "Narvik", ("Malmveien", "Ofotbanegata", "Fagernesbakken", "Framnesstien")),
    ("9510", "Alta", ("Elvestrandveien", "Bossekopbakken", "Komsatunet", "Skiferveien")),
    ("1530", "Moss", ("Verftsgata", "Kanalstredet", "Jeløybakken", "Møllefossen")),
    ("2000", "Lillestrøm", ("Fløtergata", "Nitelvveien", "Sagdalsbakken", "Stasjonstunet")),
    ("4306", "Sandnes", ("Sykkelbyveien", "Gandsfjordgata", "Teglverksbakken", "Lurahammertunet")),
    ("7713", "Steinkjer", ("Byaelva", "Kongsgårdsbakken", "Eggeveien nedre", "Sakshaugtunet")),
    ("8622", "Mo i Rana", ("Smeltehyttegata", "Ranelvveien", "Mofjellbakken", "Valsverksstien")),
)

INDUSTRIES: Final[tuple[str, ...]] = (
    "Varehandel", "Lager og logistikk", "Barnehage", "Helse og omsorg", "Hotell og servering",
    "Renhold", "Bygg og anlegg", "Bilverksted", "IT-støtte", "Kontor og administrasjon",
    "Kommunale tjenester", "Landbruk", "Trykkeri", "Gjenvinning", "Matproduksjon",
)

# (name, industry) — invented businesses; industry is one of INDUSTRIES.
EMPLOYERS: Final[tuple[tuple[str, str], ...]] = (
    ("Kvitberg Dagligvare AS", "Varehandel"),
    ("Solsiden Sport og Fritid AS", "Varehandel"),
    ("Bryggekroken Jernvare AS", "Varehandel"),
    ("Lindheim Hage og Blomst AS", "Varehandel"),
    ("Nordlys Bruktbutikk AS", "Varehandel"),
    ("Skogstjerna Dyrebutikk AS", "Varehandel"),
    ("Nordvik Lager og Logistikk AS", "Lager og logistikk"),
    ("Elvebakken Distribusjon AS", "Lager og logistikk"),
    ("Terminalen Godshåndtering AS", "Lager og logistikk"),
    ("Sørporten Engros AS", "Lager og logistikk"),
    ("Fjellheim Transport og Lager AS", "Lager og logistikk"),
    ("Havnekaia Logistikk AS", "Lager og logistikk"),
    ("Trollskogen barnehage AS", "Barnehage"),
    ("Solstrålen familiebarnehage SA", "Barnehage"),
    ("Ekornrød naturbarnehage AS", "Barnehage"),
    ("Blåbærtua barnehage AS", "Barnehage"),
    ("Måkeberget barnehage SA", "Barnehage"),
    ("Solbakken omsorgssenter", "Helse og omsorg"),
    ("Lyngheia bo- og aktivitetssenter", "Helse og omsorg"),
    ("Furulund helsehus", "Helse og omsorg"),
    ("Kystlys Hjemmetjeneste AS", "Helse og omsorg"),
    ("Bjørkelia bofellesskap", "Helse og omsorg"),
    ("Tunet dagsenter", "Helse og omsorg"),
    ("Kaffekroken i Smia AS", "Hotell og servering"),
    ("Hotell Havgløtt AS", "Hotell og servering"),
    ("Brygga Kro og Spiseri AS", "Hotell og servering"),
    ("Kafé Lindeblomst AS", "Hotell og servering"),
    ("Fjellstua Gjestegård AS", "Hotell og servering"),
    ("Kantinekompaniet Nord AS", "Hotell og servering"),
    ("Tyttebær Spiseri AS", "Hotell og servering"),
    ("Glansfull Renhold AS", "Renhold"),
    ("Rent og Ryddig Service AS", "Renhold"),
    ("Skinnende Vaskeri og Renhold AS", "Renhold"),
    ("Klar Sikt Vinduspuss AS", "Renhold"),
    ("Fjordrent Eiendomsservice AS", "Renhold"),
    ("Bjørnstad Tømmer og Bygg AS", "Bygg og anlegg"),
    ("Grunnmur Entreprenør AS", "Bygg og anlegg"),
    ("Vestfjord Maling og Tapet AS", "Bygg og anlegg"),
    ("Hammerslag Byggservice AS", "Bygg og anlegg"),
    ("Stein og Skifer Anlegg AS", "Bygg og anlegg"),
    ("Rustfri Bilverksted AS", "Bilverksted"),
    ("Dekkhotellet på Moen AS", "Bilverksted"),
    ("Motorhjørnet Bilservice AS", "Bilverksted"),
    ("Blankpuss Bilpleie AS", "Bilverksted"),
    ("Svingen Bil og Karosseri AS", "Bilverksted"),
    ("Bitvis IT-drift AS", "IT-støtte"),
    ("Skyhøy Brukerstøtte AS", "IT-støtte"),
    ("Tastaturet IT-service AS", "IT-støtte"),
    ("Reparert Elektronikk AS", "IT-støtte"),
    ("Nettverket Kontordata AS", "IT-støtte"),
    ("Arkivhjelpen AS", "Kontor og administrasjon"),
    ("Regnskapshuset Elvegata AS", "Kontor og administrasjon"),
    ("Sentralbordet Service AS", "Kontor og administrasjon"),
    ("Brevduen Kontorservice AS", "Kontor og administrasjon"),
    ("Lyngstad Eiendomsforvaltning AS", "Kontor og administrasjon"),
    ("Bydrift Storelva KF", "Kommunale tjenester"),
    ("Eikeli bydrift, grøntanlegg og parker", "Kommunale tjenester"),
    ("Frivilligsentralen i Bakkebyen", "Kommunale tjenester"),
    ("Fritidsklubben Kjelleren", "Kommunale tjenester"),
    ("Nordbyen bydelsbibliotek", "Kommunale tjenester"),
    ("Søndre Bråten gård", "Landbruk"),
    ("Lia Grønnsakgartneri AS", "Landbruk"),
    ("Haugtun Gartneri AS", "Landbruk"),
    ("Øvre Myrvang Gård og Stall", "Landbruk"),
    ("Fjellgeita Andelsgård SA", "Landbruk"),
    ("Trykkeriet i Smuget AS", "Trykkeri"),
    ("Blekk og Papir Grafisk AS", "Trykkeri"),
    ("Nordkyst Skilt og Trykk AS", "Trykkeri"),
    ("Fargeklatt Reklame og Trykk AS", "Trykkeri"),
    ("Ombruksverkstedet Kretsløp AS", "Gjenvinning"),
    ("Grønn Sirkel Gjenvinning AS", "Gjenvinning"),
    ("Returhallen Miljøstasjon AS", "Gjenvinning"),
    ("Sykkelverkstedet Andre Runde AS", "Gjenvinning"),
    ("Nordre Sorteringsanlegg IKS", "Gjenvinning"),
    ("Fjordlys Bakeri AS", "Matproduksjon"),
    ("Kvernhuset Bakeri og Konditori AS", "Matproduksjon"),
    ("Sjøbris Fiskemottak AS", "Matproduksjon"),
    ("Melkeveien Ysteri AS", "Matproduksjon"),
    ("Hjemmelaget Catering AS", "Matproduksjon"),
    ("Sukkerbit Konditori AS", "Matproduksjon"),
)

# (job title, tasks, industry) — industry is one of INDUSTRIES.
JOBS: Final[tuple[tuple[str, str, str], ...]] = (
    ("Butikkmedarbeider", "Varepåfylling, frontvask av hyller og datokontroll. Etter hvert noe kassearbeid i rolige perioder.", "Varehandel"),
    ("Kassemedarbeider", "Betjene kasse og selvbetjening, hjelpe kunder med å finne varer og holde orden i kassesonen.", "Varehandel"),
    ("Lagermedarbeider i butikk", "Ta imot varer, pakke ut og sortere på lageret, og kaste emballasje til gjenvinning.", "Varehandel"),
    ("Salgsmedarbeider hage", "Stelle og vanne planter, sette fram sesongvarer og gi enkle råd til kunder.", "Varehandel"),
    ("Lagerarbeider", "Plukke og pakke ordrer etter plukkliste med håndskanner, og klargjøre paller for utkjøring.", "Lager og logistikk"),
    ("Truckfører", "Kjøre motvektstruck og skyvemasttruck, lasse av biler og sette varer på plass i høylager.", "Lager og logistikk"),
    ("Varemottaker", "Kontrollere innkommende varer mot følgeseddel, registrere avvik og merke paller.", "Lager og logistikk"),
    ("Sjåførassistent", "Være med på utkjøring, bære varer inn til kunder og hente retur.", "Lager og logistikk"),
    ("Barnehageassistent", "Delta i lek og aktiviteter med barna, være med på turer og hjelpe til ved måltider og påkledning.", "Barnehage"),
    ("Kjøkken- og vaktmesterassistent i barnehage", "Lage enkle måltider, rydde kjøkkenet og gjøre små vedlikeholdsoppgaver ute og inne.", "Barnehage"),
    ("Assistent på sykehjem", "Servere måltider, prate med beboerne og følge dem til aktiviteter. Ingen pleieoppgaver.", "Helse og omsorg"),
    ("Aktivitør", "Planlegge og lede aktiviteter som allsang, bingo og turer for brukerne på dagsenteret.", "Helse og omsorg"),
    ("Miljøarbeider", "Gi praktisk hjelp i hverdagen til beboerne i bofellesskapet, som handling og matlaging.", "Helse og omsorg"),
    ("Assistent i hjemmetjenesten", "Praktisk bistand hjemme hos brukere: handling, enkelt renhold og følge til avtaler.", "Helse og omsorg"),
    ("Kafémedarbeider", "Lage kaffe og enkle retter, ta betalt i kassa og holde lokalet ryddig.", "Hotell og servering"),
    ("Oppvasker", "Oppvask av kjøkkenutstyr og servise, rydde på plass og holde oppvasksonen ren.", "Hotell og servering"),
    ("Kokkeassistent", "Forberede råvarer, kutte grønnsaker og lage salater og smørbrød etter oppskrift.", "Hotell og servering"),
    ("Romassistent", "Rengjøre og klargjøre hotellrom, bytte sengetøy og fylle på forbruksvarer.", "Hotell og servering"),
    ("Kantinemedarbeider", "Klargjøre lunsjbuffet, fylle på underveis og rydde i kantina etterpå.", "Hotell og servering"),
    ("Renholder", "Daglig renhold av kontorer, trapper og fellesarealer etter fast renholdsplan.", "Renhold"),
    ("Vaskerimedarbeider", "Sortere, vaske og brette tøy og arbeidsklær, og pakke for levering.", "Renhold"),
    ("Vaktmesterassistent", "Enkle reparasjoner, skifte lyspærer, måke snø og holde uteområdet ryddig.", "Renhold"),
    ("Hjelpearbeider bygg", "Bære materialer, rydde byggeplassen og hjelpe tømrerne med enkle oppgaver.", "Bygg og anlegg"),
    ("Malerassistent", "Dekke til, sparkle og slipe, og male vegger og tak under veiledning av maler.", "Bygg og anlegg"),
    ("Anleggsassistent", "Hjelpe til med grunnarbeid, legging av heller og rydding på anlegget.", "Bygg og anlegg"),
    ("Dekkmontør", "Skifte og balansere hjul, og hente og levere dekk fra dekkhotellet.", "Bilverksted"),
    ("Bilpleier", "Vaske og klargjøre biler innvendig og utvendig før levering til kunde.", "Bilverksted"),
    ("Verkstedassistent", "Holde verkstedet ryddig, bestille deler og gjøre enkle servicejobber sammen med mekaniker.", "Bilverksted"),
    ("Brukerstøttemedarbeider", "Svare på henvendelser fra brukere på telefon og chat, og løse enkle feil med passord og skrivere.", "IT-støtte"),
    ("PC-tekniker", "Klargjøre, installere og reparere PC-er, og slette data på utstyr som skal gjenbrukes.", "IT-støtte"),
    ("Kontormedarbeider", "Skanne og arkivere dokumenter, registrere fakturaer og ta imot post.", "Kontor og administrasjon"),
    ("Resepsjonist", "Ta imot besøkende, svare på telefon og holde orden på møterombookinger.", "Kontor og administrasjon"),
    ("Parkarbeider", "Klippe gress, rake, plante og holde parker og lekeplasser ryddige.", "Kommunale tjenester"),
    ("Bibliotekassistent", "Sette på plass bøker, hjelpe lånere med utlånsautomaten og rydde i lesesalen.", "Kommunale tjenester"),
    ("Gårdsarbeider", "Fôre og stelle dyr, måke i fjøset og være med på innhøsting i sesongen.", "Landbruk"),
    ("Gartneriarbeider", "Så, prikle og pakke planter, og vanne og luke i veksthusene.", "Landbruk"),
    ("Trykkeriassistent", "Etterbehandle trykksaker: skjære, brette og pakke, og klargjøre papir til maskinene.", "Trykkeri"),
    ("Ombruksmedarbeider", "Ta imot og sortere brukte gjenstander, teste elektriske ting og prise varer til butikken.", "Gjenvinning"),
    ("Sykkelmekaniker", "Reparere og klargjøre brukte sykler for salg, og hjelpe kunder med enkle reparasjoner.", "Gjenvinning"),
    ("Miljøstasjonsmedarbeider", "Veilede kunder om sortering, holde orden rundt containerne og bytte fulle beholdere.", "Gjenvinning"),
    ("Bakeriassistent", "Veie ingredienser, forme boller og brød, og pakke bakevarer for levering.", "Matproduksjon"),
    ("Produksjonsmedarbeider", "Arbeid ved pakkelinje, merking og kontroll av produkter, og rengjøring av utstyr.", "Matproduksjon"),
)

NAV_OFFICES: Final[tuple[str, ...]] = (
    "NAV Grünerløkka", "NAV Gamle Oslo", "NAV Alna", "NAV Stovner", "NAV Bergen nord",
    "NAV Bergen sør", "NAV Trondheim Falkenborg", "NAV Trondheim Heimdal", "NAV Stavanger", "NAV Drammen",
    "NAV Fredrikstad", "NAV Kristiansand", "NAV Tromsø", "NAV Bodø", "NAV Ålesund",
    "NAV Hamar", "NAV Lillehammer-Gausdal", "NAV Gjøvik", "NAV Tønsberg", "NAV Skien",
    "NAV Arendal", "NAV Lillestrøm",
)

NAV_CONTACT_TITLES: Final[tuple[str, ...]] = (
    "NAV-veileder", "Veileder, arbeidsrettet oppfølging", "Veileder, IPS-team", "Markedskontakt",
    "Rådgiver, arbeid og helse", "Veileder, ungdomsteam", "Arbeidslivskoordinator",
)

# (role, invented organisation). Empty organisation for private persons.
ACTOR_ROLES: Final[tuple[tuple[str, str], ...]] = (
    ("Fastlege", "Legesenteret på Torget"),
    ("Fastlege", "Bryggen legekontor"),
    ("Fastlege", "Elvebredden legesenter"),
    ("Behandler ved DPS", "DPS Sentrum, poliklinikk"),
    ("Behandler ved DPS", "DPS Nord, allmennpsykiatrisk poliklinikk"),
    ("Psykolog", "Psykologkontoret i Kirkegata"),
    ("Psykolog", "Lysthuset psykologsenter"),
    ("Psykiatrisk sykepleier", "Psykisk helse og rus, kommunen"),
    ("Miljøterapeut", "FACT-teamet"),
    ("Ruskonsulent", "Rustjenesten, kommunen"),
    ("Kommunens boligkontor", "Tildelingskontoret for bolig"),
    ("Boveileder", "Boligoppfølgingstjenesten"),
    ("Økonomisk rådgiver", "NAV økonomi- og gjeldsrådgivning"),
    ("Koordinator, individuell plan", "Koordinerende enhet, kommunen"),
    ("Ergoterapeut", "Rehabiliteringstjenesten, kommunen"),
    ("Familie", ""),
    ("Pårørende", ""),
    ("Verge", ""),
)

REFERRERS: Final[tuple[str, ...]] = (
    "NAV Grünerløkka", "NAV Bergen nord", "NAV Drammen", "NAV Tromsø", "DPS poliklinikk",
    "Fastlege", "FACT-teamet", "Psykisk helse og rus, kommunen", "Rustjenesten", "Selvhenvist",
    "Pårørende",
)

# Why a follow-up (the participant's course) was cancelled or ended.
CANCEL_REASONS: Final[tuple[str, ...]] = (
    "Deltaker ønsket ikke lenger oppfølging",
    "Deltaker flyttet ut av kommunen",
    "Har fått jobb uten behov for videre oppfølging",
    "Startet på utdanning",
    "Behov for mer behandling før jobbsøk",
    "Ikke mulig å oppnå kontakt over tid",
    "Overført til annet arbeidsrettet tiltak",
    "Innlagt over lengre tid",
    "Registrert ved en feil",
)

# Why a placement (arbeidsforhold) ended.
END_REASONS: Final[tuple[str, ...]] = (
    "Midlertidig stilling utløpt",
    "Arbeidstaker sa opp selv",
    "Arbeidstaker fikk ny jobb",
    "Oppsigelse fra arbeidsgiver",
    "Nedbemanning i virksomheten",
    "Arbeidsoppgavene passet ikke",
    "Helsen gjorde det for krevende å fortsette",
    "Sesongarbeidet er over",
    "Arbeidspraksis avsluttet som planlagt",
    "Fast ansatt, oppfølgingen avsluttet",
)

# The team works in one region (Vestfold og Telemark): employers and NAV offices are all here.
REGION_TOWNS: Final[tuple[tuple[str, str, tuple[str, ...]], ...]] = tuple(
    t for t in TOWNS if t[1] in ("Tønsberg", "Sandefjord", "Larvik", "Skien", "Porsgrunn"))
REGION_NAV_OFFICES: Final[tuple[str, ...]] = (
    "NAV Tønsberg", "NAV Sandefjord", "NAV Larvik", "NAV Skien", "NAV Porsgrunn",
)

# Invented job specialists on the team (none of them is the device's user).
SPECIALISTS: Final[tuple[str, ...]] = ("Marte Solvang", "Henrik Aasen", "Nadia Berg")

# Employer contacts (jobbutvikling): what was asked for, the outcome and the next step.
OUTREACH_ASKED: Final[tuple[str, ...]] = (
    "Om de har behov for ekstrahjelp i helgene, 30–50 %.",
    "Om en deltaker kan få komme på omvisning og møte daglig leder.",
    "Hvilke oppgaver som blir liggende, og om noen av dem kan bli en stilling.",
    "Om de ansetter til sommeren, og hva som kreves for å søke.",
    "Om de kan tenke seg en kandidat med lite arbeidserfaring, men stor interesse for faget.",
    "Presentere IPS og hvordan jobbspesialisten følger opp på arbeidsplassen.",
)
OUTREACH_OUTCOMES: Final[tuple[str, ...]] = (
    "Positiv. Vil gjerne møte kandidaten.",
    "Ingen ledige stillinger nå, men ta kontakt igjen etter nyttår.",
    "Har behov for lagerhjelp to dager i uken. Sender stillingsbeskrivelse.",
    "Leder var opptatt; avtalt nytt møte.",
    "Interessert i å høre mer om oppfølgingen. Ønsker et kort møte på arbeidsplassen.",
    "Tok imot CV og lovet å gi svar innen en uke.",
)
OUTREACH_NEXT: Final[tuple[str, ...]] = (
    "Ring leder igjen", "Møte på arbeidsplassen med kandidaten", "Sende CV", "Følge opp søknaden",
    "Avtale omvisning",
)
LEAD_NOTES: Final[tuple[str, ...]] = (
    "Fant annonsen sammen på finn.no.", "Kom fra møte med daglig leder.", "Tips fra en tidligere kollega.",
    "Ønsker helst arbeid på dagtid.", "Leder var positiv på telefon.",
)
CLOSED_LEAD_NOTES: Final[tuple[str, ...]] = (
    "Stillingen gikk til en annen søker.", "Deltakeren trakk seg: for lang reisevei.",
    "Arbeidsgiver satte ansettelsen på vent.",
)
PRE_JOB_PLACES: Final[tuple[str, ...]] = (
    "Kafé i sentrum", "Hjemme hos deltakeren", "Biblioteket", "Jobbspesialisttjenesten, møterom 2",
)

# (percentage, days per week, working hours) that add up: the hours a week are the percentage of 37.5.
JOB_TERMS: Final[tuple[tuple[int, int, str], ...]] = (
    (20, 2, "Tirsdag og torsdag kl. 09–13"),
    (30, 3, "Mandag, onsdag og fredag kl. 09–13"),
    (40, 3, "Mandag–onsdag kl. 09–14"),
    (50, 5, "Mandag–fredag kl. 08–12"),
    (50, 3, "Mandag, onsdag og fredag kl. 08–14"),
    (60, 4, "Mandag–torsdag kl. 08:00–13:30"),
    (80, 4, "Mandag–torsdag kl. 08:00–15:30"),
    (100, 5, "Mandag–fredag kl. 08:00–15:30"),
)
