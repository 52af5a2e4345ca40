/**
 * Countries as partners and CRMs write them: ISO codes, English names, local names and common
 * variants (`DE`, `DEU`, `Germany`, `Deutschland`, `U.S.A.`, `Korea, Republic of`), all read
 * as the ISO 3166 alpha-2 code.
 */

// alpha-2 | alpha-3 | names and variants (folded to lower-case ASCII when the table is built)
const COUNTRY_TABLE = `
US|USA|united states;united states of america;usa;us;u s;u s a;america;estados unidos;etats unis;vereinigte staaten
GB|GBR|united kingdom;uk;u k;great britain;britain;england;scotland;wales;northern ireland;gb;royaume uni;vereinigtes konigreich
DE|DEU|germany;deutschland;allemagne;alemania;germania;bundesrepublik deutschland
FR|FRA|france;frankreich;francia;republique francaise
CH|CHE|switzerland;schweiz;suisse;svizzera;confederation helvetique;swiss confederation
AT|AUT|austria;osterreich;oesterreich;autriche
IT|ITA|italy;italia;italien;italie
ES|ESP|spain;espana;spanien;espagne
PT|PRT|portugal
NL|NLD|netherlands;the netherlands;nederland;holland;pays bas;niederlande
BE|BEL|belgium;belgie;belgique;belgien
LU|LUX|luxembourg;luxemburg;letzebuerg
IE|IRL|ireland;eire;republic of ireland
DK|DNK|denmark;danmark;danemark;danemark
SE|SWE|sweden;sverige;schweden;suede
NO|NOR|norway;norge;norwegen
FI|FIN|finland;suomi;finnland
IS|ISL|iceland;island
PL|POL|poland;polska;polen;pologne
CZ|CZE|czech republic;czechia;cesko;ceska republika
SK|SVK|slovakia;slovensko;slovak republic
SI|SVN|slovenia;slovenija
HR|HRV|croatia;hrvatska
HU|HUN|hungary;magyarorszag
RO|ROU|romania;rumanien
BG|BGR|bulgaria
GR|GRC|greece;hellas;ellada
CY|CYP|cyprus
MT|MLT|malta
EE|EST|estonia;eesti
LV|LVA|latvia;latvija
LT|LTU|lithuania;lietuva
RS|SRB|serbia;srbija
UA|UKR|ukraine;ukraina
RU|RUS|russia;russian federation;rossiya
TR|TUR|turkey;turkiye;republic of turkiye
IL|ISR|israel
SA|SAU|saudi arabia;kingdom of saudi arabia;ksa
AE|ARE|united arab emirates;uae;u a e;emirates
QA|QAT|qatar
KW|KWT|kuwait
EG|EGY|egypt;misr
MA|MAR|morocco;maroc
NG|NGA|nigeria
KE|KEN|kenya
ZA|ZAF|south africa;rsa;suid afrika
IN|IND|india;bharat
PK|PAK|pakistan
BD|BGD|bangladesh
LK|LKA|sri lanka
CN|CHN|china;people s republic of china;peoples republic of china;prc;zhongguo;mainland china
HK|HKG|hong kong;hong kong sar;hongkong
TW|TWN|taiwan;republic of china;taiwan roc;chinese taipei
JP|JPN|japan;nippon;nihon
KR|KOR|south korea;korea;republic of korea;korea republic of;korea south;rok
SG|SGP|singapore
MY|MYS|malaysia
TH|THA|thailand
ID|IDN|indonesia
PH|PHL|philippines;the philippines;pilipinas
VN|VNM|vietnam;viet nam
AU|AUS|australia;aus;oz
NZ|NZL|new zealand;aotearoa
CA|CAN|canada
MX|MEX|mexico;estados unidos mexicanos
BR|BRA|brazil;brasil
AR|ARG|argentina
CL|CHL|chile
CO|COL|colombia
PE|PER|peru
UY|URY|uruguay
PY|PRY|paraguay
BO|BOL|bolivia
EC|ECU|ecuador
VE|VEN|venezuela
PA|PAN|panama
CR|CRI|costa rica
GT|GTM|guatemala
DO|DOM|dominican republic;republica dominicana
PR|PRI|puerto rico
JM|JAM|jamaica
`;

export interface CountryIndex {
  /** The alpha-2 code a typed country means, or null when it is blank or unknown. */
  code(text: string | null | undefined): string | null;
}

/** Lower-case ASCII with punctuation as single spaces: how country names are compared. */
export function foldCountryText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const byName = new Map<string, string>();
const countryPhrases: string[][] = [];
for (const line of COUNTRY_TABLE.trim().split('\n')) {
  const [alpha2, alpha3, names] = line.split('|');
  byName.set(alpha2.toLowerCase(), alpha2);
  byName.set(alpha3.toLowerCase(), alpha2);
  for (const name of names.split(';')) {
    const folded = foldCountryText(name);
    byName.set(folded, alpha2);
    byName.set(folded.replace(/^the /, ''), alpha2);
    countryPhrases.push(folded.split(' '));
  }
}
// By first word, longest phrases first so "united states of america" wins over "united states".
const phrasesByFirstWord = new Map<string, string[][]>();
for (const phrase of countryPhrases.sort((a, b) => b.length - a.length)) {
  const list = phrasesByFirstWord.get(phrase[0]) ?? [];
  list.push(phrase);
  phrasesByFirstWord.set(phrase[0], list);
}

export const countries: CountryIndex = {
  code(text) {
    if (!text) return null;
    const folded = foldCountryText(text);
    if (!folded) return null;
    return (
      byName.get(folded) ??
      byName.get(folded.replace(/^the /, '')) ??
      byName.get(folded.replace(/ /g, '')) ??
      null
    );
  }
};

/** The code of an already folded country word without spaces (`deutschland`, `usa`), or null. */
export function countryOfFoldedWord(word: string): string | null {
  return byName.get(word) ?? null;
}

/**
 * The country named by the words of `tokens` starting at `start`, if any: the code and how
 * many words it took. Used to read "Siemens Schweiz" or "Nestlé USA" as a country qualifier.
 */
export function countryAt(
  tokens: readonly string[],
  start: number
): { code: string; length: number } | null {
  for (const phrase of phrasesByFirstWord.get(tokens[start]) ?? []) {
    if (start + phrase.length > tokens.length) continue;
    let same = true;
    for (let i = 0; i < phrase.length && same; i++) same = tokens[start + i] === phrase[i];
    if (same) {
      // Two-letter words ("us", "oz") are too ambiguous inside a name except the usual ones.
      const code = byName.get(phrase.join(' '));
      if (!code) continue;
      if (phrase.length === 1 && phrase[0].length <= 2 && !['us', 'uk'].includes(phrase[0]))
        continue;
      if (phrase.length === 1 && ['america', 'oz', 'island', 'ksa', 'rok'].includes(phrase[0]))
        continue;
      return { code, length: phrase.length };
    }
  }
  return null;
}
