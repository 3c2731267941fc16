/**
 * Prior knowledge for the classifier: everyday vocabulary of broad news
 * topics, written by hand from general news vocabulary (not extracted from any data set). A word from
 * one of these lists adds a shared feature ("@sport") to the document, so the
 * classifier can generalize from a sport word it has seen in training to one
 * it has not ("quarterback" → @sport ← "striker"). Which label a list points
 * to is learned from the data like any other feature: the lists carry no labels.
 */

export type Lexicon = Record<string, string[]>;

const list = (words: string): string[] => words.trim().split(/\s+/);

export const BROAD_TOPIC_LEXICON: Lexicon = {
  sport: list(`
    sport sports sporting football soccer basketball baseball tennis golf cricket rugby hockey boxing boxer cycling cyclist
    athletics olympics olympic paralympics medal medals medallist medalist gold silver bronze champion champions championship
    championships tournament league leagues cup match matches game games season coach coaches manager striker midfielder
    defender goalkeeper goal goals scored scoring score scores victory defeat defeated draw playoff playoffs quarterfinal
    quarterfinals semifinal semifinals final finals team teams player players squad club clubs stadium referee fans nfl nba
    mlb nhl fifa uefa premiership wimbledon marathon race racing formula swimmer swimming sprinter sprint relay jockey
    inning innings touchdown quarterback pitcher homer halftime overtime seeded doping athlete athletes skater skating ski
    skiing wrestling wrestler judo gymnast gymnastics rowing sailing yacht grand prix knockout lineup fixture fixtures
    transfer midfield penalty penalties tackle wicket batsman bowler pitch racquet`),
  business: list(`
    business businesses economy economic economies economist economists market markets stock stocks shares share investor
    investors investment investments bank banks banking profit profits earnings revenue revenues sales quarter quarterly
    percent inflation interest rates dollar euro currency currencies oil prices price crude company companies firm firms
    corporation corp inc ltd plc merger mergers acquisition acquisitions takeover deal ceo executive executives chairman
    bankruptcy debt loan loans tax taxes trade exports imports tariff tariffs gdp growth retail retailer retailers consumer
    consumers jobs unemployment wages airline airlines insurance insurer fund funds bonds treasury nasdaq dow index analysts
    forecast shareholders dividend dividends stake bid offer billion million cents fiscal budget deficit recession mortgage
    mortgages lender lenders brokerage securities exchange commodities telecoms carmaker automaker factory manufacturing
    output supply demand`),
  technology: list(`
    technology technologies tech software hardware computer computers computing internet web online website websites
    microsoft google apple ibm intel linux windows chip chips chipmaker processor processors semiconductor broadband
    wireless mobile phone phones smartphone handset handsets network networks networking digital data server servers
    browser email spam virus viruses worm hackers hacker security users download downloads gadget gadgets device devices
    console consoles xbox playstation nintendo search engine app apps telecom satellite robot robots laptop laptops pc pcs
    desktop silicon programmer programmers open source code firefox ipod itunes dvd camera cameras storage upgrade
    patch vulnerability cyber encryption`),
  science: list(`
    science scientist scientists scientific research researchers study studies laboratory lab experiment experiments
    space nasa spacecraft rocket mars moon planet planets orbit astronaut astronauts telescope astronomers galaxy star
    species fossil fossils dinosaur evolution climate warming emissions environment environmental biology physics chemistry
    genome dna gene genes cells cell stem`),
  politics: list(`
    politics political politician politicians government minister ministers president presidential prime parliament
    parliamentary election elections vote voters voting ballot campaign campaigning party parties labour tory tories
    conservative conservatives democrat democrats democratic republican republicans senate senator congress congressman
    lawmakers legislature opposition policy law laws bill reform leader leaders mp mps cabinet governor mayor referendum
    coalition manifesto constituency`),
  world: list(`
    war wars military troops army soldiers soldier killed killing attack attacks bomb bombing bombings militants militant
    rebels rebel insurgents insurgency terror terrorist terrorists terrorism police ceasefire peace talks nuclear iraq
    iraqi iran israel israeli palestinian palestinians afghanistan un nations sanctions embassy refugees border crisis
    protest protests protesters violence hostage hostages kidnapped diplomat diplomats foreign envoy regime coup
    earthquake hurricane flood floods tsunami disaster`),
  entertainment: list(`
    film films movie movies cinema actor actors actress director directors oscar oscars award awards music album albums
    singer singers band bands song songs chart charts concert concerts festival star stars tv television show shows series
    comedy drama theatre theater hollywood box office book books novel author bafta grammy grammys celebrity
    soundtrack musical sequel premiere gig rapper pop rock`),
  health: list(`
    health healthcare medical medicine medicines hospital hospitals doctor doctors nurse nurses patient patients disease
    diseases virus vaccine vaccines drug drugs cancer heart diabetes obesity flu infection infections treatment therapy
    surgery clinic clinical trial trials`),
};
