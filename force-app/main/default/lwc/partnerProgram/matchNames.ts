/**
 * Company names as partners type them and CRMs hold them, reduced to comparable words:
 * native scripts romanised, diacritics folded, legal forms dropped (`GmbH`, `S.A.B. de C.V.`,
 * `株式会社`), abbreviations expanded (`Intl`, `Univ`, `Mfg`), country and region qualifiers
 * (`Siemens Schweiz`, `Schneider Electric (EMEA)`) set apart, and acronyms derived.
 */
import { countries, countryAt } from './matchCountries';

/**
 * Well-known words of company names in CJK and Hangul scripts, romanised the way the companies
 * write themselves in Latin script (general knowledge: large brands, cities, business words).
 */
const SCRIPT_GLOSSARY: ReadonlyArray<readonly [string, string]> = (
  [
    ['股份有限公司', 'co ltd'],
    ['有限责任公司', 'co ltd'],
    ['有限公司', 'co ltd'],
    ['株式会社', 'kk'],
    ['有限会社', 'yk'],
    ['合同会社', 'gk'],
    ['주식회사', 'co ltd'],
    ['(주)', 'co ltd'],
    ['㈜', 'co ltd'],
    ['集团', 'group'],
    ['集團', 'group'],
    ['グループ', 'group'],
    ['그룹', 'group'],
    ['控股', 'holdings'],
    ['ホールディングス', 'holdings'],
    ['公司', 'company'],
    ['三菱', 'mitsubishi'],
    ['三井', 'mitsui'],
    ['住友', 'sumitomo'],
    ['日立', 'hitachi'],
    ['東芝', 'toshiba'],
    ['富士通', 'fujitsu'],
    ['富士フイルム', 'fujifilm'],
    ['富士', 'fuji'],
    ['ソニー', 'sony'],
    ['トヨタ', 'toyota'],
    ['豊田', 'toyota'],
    ['丰田', 'toyota'],
    ['本田', 'honda'],
    ['ホンダ', 'honda'],
    ['日産', 'nissan'],
    ['パナソニック', 'panasonic'],
    ['任天堂', 'nintendo'],
    ['キヤノン', 'canon'],
    ['楽天', 'rakuten'],
    ['野村', 'nomura'],
    ['武田薬品', 'takeda pharmaceutical'],
    ['电信', 'telecom'],
    ['電信電話', 'telegraph telephone'],
    ['商事', 'shoji'],
    ['重工業', 'heavy industries'],
    ['重工', 'heavy industries'],
    ['電機', 'electric'],
    ['電気', 'electric'],
    ['电子', 'electronics'],
    ['電子', 'electronics'],
    ['工業', 'industries'],
    ['工业', 'industries'],
    ['自動車', 'motor'],
    ['製薬', 'pharmaceutical'],
    ['化学', 'chemical'],
    ['銀行', 'bank'],
    ['银行', 'bank'],
    ['은행', 'bank'],
    ['保険', 'insurance'],
    ['保险', 'insurance'],
    ['証券', 'securities'],
    ['大学', 'university'],
    ['大學', 'university'],
    ['대학교', 'university'],
    ['東京', 'tokyo'],
    ['大阪', 'osaka'],
    ['京都', 'kyoto'],
    ['日本', 'nippon'],
    ['中国', 'china'],
    ['中國', 'china'],
    ['北京', 'beijing'],
    ['上海', 'shanghai'],
    ['深圳', 'shenzhen'],
    ['香港', 'hong kong'],
    ['台積電', 'tsmc'],
    ['台积电', 'tsmc'],
    ['鴻海', 'hon hai'],
    ['华为', 'huawei'],
    ['華為', 'huawei'],
    ['腾讯', 'tencent'],
    ['騰訊', 'tencent'],
    ['阿里巴巴', 'alibaba'],
    ['百度', 'baidu'],
    ['小米', 'xiaomi'],
    ['京东', 'jd'],
    ['联想', 'lenovo'],
    ['聯想', 'lenovo'],
    ['海尔', 'haier'],
    ['比亚迪', 'byd'],
    ['网易', 'netease'],
    ['삼성', 'samsung'],
    ['현대', 'hyundai'],
    ['네이버', 'naver'],
    ['카카오', 'kakao'],
    ['엘지', 'lg'],
    ['기아', 'kia'],
    ['포스코', 'posco'],
    ['롯데', 'lotte'],
    ['한화', 'hanwha'],
    ['쿠팡', 'coupang'],
    ['전자', 'electronics'],
    ['서울', 'seoul']
  ] as Array<[string, string]>
).sort((a, b) => b[0].length - a[0].length);

/** Letter-by-letter romanisation of Cyrillic and Greek (scientific/ELOT-style, simplified). */
const LETTERS: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  і: 'i',
  ї: 'yi',
  є: 'ye',
  ґ: 'g',
  α: 'a',
  β: 'v',
  γ: 'g',
  δ: 'd',
  ε: 'e',
  ζ: 'z',
  η: 'i',
  θ: 'th',
  ι: 'i',
  κ: 'k',
  λ: 'l',
  μ: 'm',
  ν: 'n',
  ξ: 'x',
  ο: 'o',
  π: 'p',
  ρ: 'r',
  σ: 's',
  ς: 's',
  τ: 't',
  υ: 'y',
  φ: 'f',
  χ: 'ch',
  ψ: 'ps',
  ω: 'o',
  ß: 'ss',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  đ: 'd',
  ł: 'l',
  ı: 'i',
  þ: 'th',
  ð: 'd'
};

/** Legal forms of many countries, as single folded words (dotted forms are joined first). */
const LEGAL_FORMS = new Set(
  (
    'inc incorporated corp corporation co cos company companies ltd limited llc llp lp plc pllc ' +
    'lllp pc gmbh mbh ag se sa sas sasu sarl srl srls spa sapa nv bv vof ab publ asa as aps ' +
    'oyj oy hf ehf kk gk yk pte pty pvt private bhd berhad sdn tbk pt pcl sab cv ltda eireli ' +
    'kgaa kg ohg ev eg gbr secs sca scs scrl sprl bvba cvba dd doo ao oao ooo pao zao jsc ojsc ' +
    'sro spol zrt nyrt kft sl slu sau sae saa saic sacifi cia ca compagnie companhia compania compagnia spzoo sp zoo akciova ' +
    'aktiengesellschaft gesellschaft aktiebolag aktiebolaget aktieselskab osakeyhtio ' +
    'kabushiki kaisha yugen godo sociedad anonima sociedade anonima societe anonyme ' +
    'naamloze vennootschap besloten limitada incorporada ltee ltd lda unipessoal'
  ).split(' ')
);

/** Words that connect other words and carry no identity. */
const STOP_WORDS = new Set(
  'the of and for in at on by de del della dei la le les des du der die das und et y e di da do dos das van von den het a an zu'.split(
    ' '
  )
);

/** Organisation words: present or absent, they neither identify nor distinguish a customer. */
const WEAK_WORDS = new Set(
  'group grupo groupe gruppe gruppo unternehmensgruppe holding holdings royal koninklijke kongelige royale reale shoji council hd'.split(
    ' '
  )
);

/** Abbreviations, translations and spellings that mean the same word. */
const SYNONYMS: Record<string, string> = {
  univ: 'university',
  universitaet: 'university',
  universitat: 'university',
  universidad: 'university',
  universidade: 'university',
  universite: 'university',
  universita: 'university',
  universiteit: 'university',
  universitet: 'university',
  universitetet: 'university',
  uni: 'university',
  hosp: 'hospital',
  hopital: 'hospital',
  ospedale: 'hospital',
  hospitais: 'hospital',
  intl: 'international',
  internacional: 'international',
  internationale: 'international',
  internazionale: 'international',
  int: 'international',
  mfg: 'manufacturing',
  labs: 'laboratory',
  lab: 'laboratory',
  laboratories: 'laboratory',
  laboratorios: 'laboratory',
  laboratoires: 'laboratory',
  laboratorium: 'laboratory',
  tech: 'technology',
  technologies: 'technology',
  techn: 'technology',
  svcs: 'service',
  svc: 'service',
  natl: 'national',
  dept: 'department',
  govt: 'government',
  inst: 'institute',
  institut: 'institute',
  instituto: 'institute',
  istituto: 'institute',
  institutet: 'institute',
  assn: 'association',
  assoc: 'association',
  st: 'saint',
  ste: 'saint',
  sankt: 'saint',
  mt: 'mount',
  ft: 'fort',
  bros: 'brothers',
  ctr: 'center',
  centre: 'center',
  zentrum: 'center',
  centro: 'center',
  chem: 'chemical',
  pharma: 'pharmaceutical',
  pharmaceuticals: 'pharmaceutical',
  pharmazeutika: 'pharmaceutical',
  pharmaceutique: 'pharmaceutical',
  versicherung: 'insurance',
  versicherungen: 'insurance',
  assurance: 'insurance',
  assurances: 'insurance',
  seguros: 'insurance',
  seguradora: 'insurance',
  aseguradora: 'insurance',
  assicurazioni: 'insurance',
  forsikring: 'insurance',
  forsakring: 'insurance',
  verzekeringen: 'insurance',
  banco: 'bank',
  banque: 'bank',
  banca: 'bank',
  bankhaus: 'bank',
  ministerio: 'ministry',
  ministere: 'ministry',
  ministerium: 'ministry',
  ministero: 'ministry',
  nacional: 'national',
  nazionale: 'national',
  nationale: 'national',
  petroleo: 'petroleum',
  petroleos: 'petroleum',
  petrolio: 'petroleum',
  energia: 'energy',
  energie: 'energy',
  elektrizitat: 'electric',
  elektrisk: 'electric',
  aeropuerto: 'airport',
  aeroporto: 'airport',
  aeroport: 'airport',
  flughafen: 'airport',
  gobierno: 'government',
  governo: 'government',
  gouvernement: 'government',
  regierung: 'government',
  // Portuguese and Spanish spellings of one word (`Mercado Livre` = `MercadoLibre`).
  livre: 'libre',
  telefon: 'telephone',
  telefono: 'telephone',
  telefone: 'telephone',
  telephonique: 'telephone',
  // Swedish `telephone company`, the legal name of several telecoms (`... LM Ericsson`).
  telefonaktiebolaget: 'telephone',
  telekom: 'telecom',
  telecommunications: 'telecom',
  telecommunication: 'telecom',
  telecomunicacoes: 'telecom',
  telekommunikation: 'telecom',
  telecomunicaciones: 'telecom',
  stadt: 'city',
  ville: 'city',
  ciudad: 'city',
  citta: 'city',
  cidade: 'city',
  denki: 'electric',
  kogyo: 'industries',
  jukogyo: 'heavy industries',
  seiyaku: 'pharmaceutical',
  ginko: 'bank',
  hoken: 'insurance',
  kagaku: 'chemical',
  jidosha: 'motor',
  shoken: 'securities',
  elec: 'electric',
  dev: 'development',
  mgmt: 'management',
  ind: 'industries',
  inds: 'industries',
  hldgs: 'holdings',
  grp: 'group',
  gp: 'group'
};

const SYNONYM_MAP = new Map(Object.entries(SYNONYMS));

/** Words of a site, department or placeholder: what partners type when they lack the name. */
const PLACEHOLDER_WORDS = new Set(
  (
    'na n/a unknown tbd tba tbc none customer client see email mail hq headquarters head office ' +
    'procurement purchasing department finance team it ops operations group hub project phase ' +
    'werk plant site accounts payable legal admin main test contact info sales division branch ' +
    'campus factory regional center the our end user buyer enduser account pmo it-pmo'
  ).split(' ')
);

/** Regions written after a name (`(EMEA)`, `Americas`, US states) that qualify a site or unit. */
const REGION_WORDS = new Set(
  (
    'emea apac amer america americas latam europe european asia pacific nordics nordic benelux dach ' +
    'mena anz global hq headquarters worldwide north south east west ' +
    'alabama alaska arizona arkansas california colorado connecticut delaware florida georgia ' +
    'hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts ' +
    'michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon ' +
    'pennsylvania tennessee texas utah vermont virginia washington wisconsin wyoming'
  ).split(' ')
);

/**
 * Words a business unit adds to its group's name (`Novartis Pharma`, `Abbott Diagnostics`,
 * `Allianz Global Investors`): without other evidence they still point to the group when no
 * more specific account exists.
 */
export const DIVISION_WORDS = new Set<string>(
  (
    'pharmaceutical diagnostics diagnostic service services system systems solutions solution ' +
    'network networks technology automotive stores store supermarkets supermarket retail ' +
    'investors investment cash carry power compressors compressor software cargo logistics ' +
    'industries industry operations division digital consulting healthcare medical mobility ' +
    'international global research manufacturing sales trading commercial engineering'
  )
    .split(' ')
    .flatMap((word) => canonicalWords(word))
);

/** Words so common in company names that a name made only of them needs corroboration. */
export const GENERIC_WORDS = new Set(
  (
    'global solution solutions service services system systems technology it consulting ' +
    'consultants international national general insurance trading industries industry ' +
    'enterprise enterprises partners associates management capital investments investment ' +
    'logistics software digital network networks data info information media marketing ' +
    'premier united first universal advanced integrated professional business resources ' +
    'energy power health healthcare medical engineering construction development finance ' +
    'financial trust security communications telecom electronics electric products ' +
    'manufacturing supply foods food retail design creative innovations innovative smart pro ' +
    'plus one net web online worldwide world asia euro pacific atlantic north south east west ' +
    'central star sun alpha omega prime apex summit pinnacle quality standard royal city ' +
    'american british european new best top great pacific metro home care group holdings ' +
    'bank'
  ).split(' ')
);

/** Marks CRMs put on stale records: `- DUPLICATE`, `(old)`, `DO NOT USE`. */
const MARKER =
  /\b(duplicate|dupe|do not use|dnu|old|inactive|obsolete|closed|deprecated|archived)\b/i;

const NONE: readonly string[] = Object.freeze([]);

/** Lower-case ASCII words of a name, scripts romanised and diacritics folded. */
export function foldName(raw: string): string {
  let text = raw.toLowerCase();
  const ascii = !/[^\x00-\x7f]/.test(text);
  if (!ascii) {
    text = text.normalize('NFKC');
    for (const [native, latin] of SCRIPT_GLOSSARY) {
      if (text.includes(native)) text = text.split(native).join(` ${latin} `);
    }
    let romanised = '';
    for (const char of text) romanised += LETTERS[char] ?? char;
    text = romanised;
  }
  return (
    (ascii ? text : text.normalize('NFKD').replace(/\p{M}/gu, ''))
      // `Amazon.com`, `JD.com`: the web suffix is not part of the name.
      .replace(/\.(com|net|org|io|co)\b/g, ' ')
      // Polish `Sp. z o.o.` before single letters are joined.
      .replace(/\bsp\.? ?z ?o\.? ?o\.?(?=\s|$)/g, ' spzoo ')
      // `S.A.`, `A/S`, `B.H.P.`, `N.V.`: dotted or slashed letters form one word.
      .replace(/\b(?:[a-z][./]\s?)+[a-z]\b\.?/g, (m) => m.replace(/[^a-z]/g, ''))
      .replace(/['’`´]/g, '')
      // `AT&T`, `P&G`, `AT and T`: letters joined by `and` are one word.
      .replace(/\b([a-z]{1,2}) ?& ?([a-z]{1,2})\b/g, '$1$2')
      .replace(/\b([a-z]{1,2}) and ([a-z])\b/g, '$1$2')
      .replace(/&/g, ' and ')
      .replace(/\+/g, ' and ')
      .replace(/[^a-z0-9]+/g, ' ')
      .trim()
  );
}

/**
 * The comparable form of one word (one or two words for a translated compound): synonyms
 * unified, simple plurals and umlaut spellings folded.
 */
export function canonicalWords(word: string): string[] {
  const synonym = SYNONYM_MAP.get(word);
  if (synonym) return synonym.split(' ').map(stem);
  return [stem(word)];
}

function stem(word: string): string {
  let w = word;
  const n = w.length;
  if (n > 4 && w.charCodeAt(n - 1) === 115 /* s */) {
    const before = w[n - 2];
    if (w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
    else if (before !== 's' && before !== 'u' && before !== 'i') w = w.slice(0, -1);
  }
  if (w.length < 5 || !/[aou]e/.test(w)) return w;
  // German `ue`/`ae`/`oe` and the folded umlaut compare equal (Mueller = Müller = Muller).
  return w.length >= 5 ? w[0] + w.slice(1).replace(/([aou])e/g, '$1') : w;
}

export interface NameProfile {
  /** Identity words in order (legal forms, stop words, organisation words, qualifiers removed). */
  readonly core: readonly string[];
  /** Core joined without spaces: `redhat`, `att`, `bayerischemotorenwerke`. */
  readonly compact: string;
  /** Core plus organisation words, joined: `sonygroup`. */
  readonly compactWithWeak: string;
  /** Countries named in the name after its first word (`Siemens Schweiz` → CH). */
  readonly countryQualifiers: readonly string[];
  /** Region, state and site words after the first word (`EMEA`, `Arizona`, `HQ`). */
  readonly regionQualifiers: readonly string[];
  /** Every core word is a common business word (`Global Solutions`). */
  readonly generic: boolean;
  /** The name says nothing about the organisation (`Head Office`, `N/A`, `IT Ops`). */
  readonly placeholder: boolean;
}

export interface NameVariants {
  /** The main name first, then alternative names (`Petrobras` in `... S.A. - Petrobras`). */
  readonly variants: readonly NameProfile[];
  /** The CRM marked the record stale (`- DUPLICATE`, `(old)`). */
  readonly marked: boolean;
  /** A former name the registration gives (`Signify (formerly Philips Lighting)`). */
  readonly formerly: string | null;
  /** Countries written in brackets or after a dash: `Delta Electronics (Thailand)`. */
  readonly bracketCountries: readonly string[];
}

interface Segments {
  main: string;
  extras: string[];
  marked: boolean;
  formerly: string | null;
}

/** Splits `Main (extra) - extra` into its parts; markers and `formerly X` are recognised. */
function segments(raw: string): Segments {
  const extras: string[] = [];
  let marked = false;
  let formerly: string | null = null;
  let main = raw.replace(/[([{（]([^)\]}）]*)[)\]}）]/g, (_m, inner: string) => {
    extras.push(inner);
    return ' ';
  });
  const dashParts = main.split(/\s+[-–—|]\s+|\s*\/\/\s*/);
  main = dashParts[0];
  extras.push(...dashParts.slice(1));
  const kept: string[] = [];
  for (const extra of extras) {
    const formerMatch = /^\s*(?:formerly|previously|fka|f\/k\/a|ex)\s+(.+)$/i.exec(extra);
    if (formerMatch) formerly = formerMatch[1];
    else if (MARKER.test(extra)) marked = true;
    else if (extra.trim()) kept.push(extra);
  }
  if (MARKER.test(main) && /\b(duplicate|do not use|dnu)\b/i.test(main)) {
    marked = true;
    main = main.replace(/\b(duplicate|do not use|dnu)\b/gi, ' ');
  }
  if (/^\s*(zz+|xx+)[\s_-]/i.test(main)) {
    marked = true;
    main = main.replace(/^\s*(zz+|xx+)[\s_-]+/i, '');
  }
  return { main: main.trim() || raw, extras: kept, marked, formerly };
}

/** The profile of one name string. */
export function profileName(raw: string): NameProfile {
  return profileWords(foldName(raw).split(' ').filter(Boolean));
}

function profileWords(words: readonly string[]): NameProfile {
  const core: string[] = [];
  const weak: string[] = [];
  const countryQualifiers: string[] = [];
  const regionQualifiers: string[] = [];
  let i = 0;
  while (i < words.length) {
    const word = words[i];
    if (i > 0 && core.length) {
      const country = countryAt(words, i);
      if (country) {
        countryQualifiers.push(country.code);
        i += country.length;
        continue;
      }
      if (REGION_WORDS.has(word) || (word === 'north' && words[i + 1] === 'america')) {
        regionQualifiers.push(word);
        i += word === 'north' && words[i + 1] === 'america' ? 2 : 1;
        continue;
      }
    }
    i++;
    if (STOP_WORDS.has(word)) continue;
    if (LEGAL_FORMS.has(word) && words.length > 1) continue;
    const canonical = canonicalWords(word);
    if (WEAK_WORDS.has(word) || WEAK_WORDS.has(canonical[0])) {
      weak.push(...canonical);
      continue;
    }
    core.push(...canonical);
  }
  // A name that is only a legal form or only qualifiers keeps its words (`Holding AG`).
  if (!core.length) {
    for (const word of words.filter((w) => !STOP_WORDS.has(w) && !LEGAL_FORMS.has(w)))
      core.push(...canonicalWords(word));
  }
  const compact = core.join('');
  const placeholderWords = words.filter(
    (w) => PLACEHOLDER_WORDS.has(w) || /^\d+$/.test(w) || w.length === 1
  ).length;
  const others = words.length - placeholderWords;
  const placeholder =
    !words.length ||
    others === 0 ||
    (placeholderWords > 0 &&
      others <= 1 &&
      countryQualifiers.length + regionQualifiers.length <= 1);
  return {
    core,
    compact,
    // Shared values keep a million profiles small.
    compactWithWeak: weak.length ? compact + weak.join('') : compact,
    countryQualifiers: countryQualifiers.length ? countryQualifiers : NONE,
    regionQualifiers: regionQualifiers.length ? regionQualifiers : NONE,
    generic: core.length > 0 && core.length <= 3 && core.every((w) => GENERIC_WORDS.has(w)),
    placeholder
  };
}

/** The main name and its alternatives, with the CRM's stale marks read off. */
export function nameVariants(raw: string, options: { alternatives: boolean }): NameVariants {
  return accountNames(raw, options).names;
}

/** `nameVariants` plus the acronyms of the main name, folding the name only once. */
export function accountNames(
  raw: string,
  options: { alternatives: boolean }
): { names: NameVariants; acronyms: string[] } {
  const parts = segments(raw);
  const mainWords = foldName(parts.main).split(' ').filter(Boolean);
  const variants = [profileWords(mainWords)];
  if (options.alternatives && parts.main !== raw.trim()) {
    const whole = profileName(raw.replace(MARKER, ' '));
    if (whole.compact !== variants[0].compact && !parts.marked) variants.push(whole);
    for (const extra of parts.extras) {
      const profile = profileName(extra);
      if (profile.core.length && !profile.placeholder && profile.compact.length >= 3)
        variants.push(profile);
    }
  }
  const bracketCountries = parts.extras
    .map((extra) => countries.code(extra))
    .filter((code): code is string => code !== null);
  return {
    names: {
      variants,
      marked: parts.marked,
      formerly: parts.formerly,
      bracketCountries: bracketCountries.length ? bracketCountries : NONE
    },
    // Index keys: two-letter acronyms are shared by too many names to find anything.
    acronyms: acronymsOfWords(mainWords, 3)
  };
}

/** Initials and partial acronyms a name is known by (`ibm`, `mufg`, `hmrc`, `abinbev`). */
export function acronymsOf(raw: string): string[] {
  return acronymsOfWords(foldName(segments(raw).main).split(' '));
}

function acronymsOfWords(folded: readonly string[], minLength = 2): string[] {
  const words = folded.filter((w) => w && !LEGAL_FORMS.has(w));
  // Two long words give only a two-letter acronym.
  if (minLength > 2 && words.length < 3 && words.every((w) => w.length > 3)) return [];
  const result = new Set<string>();
  const withoutStop = words.filter((w) => !STOP_WORDS.has(w));
  const withoutWeak = withoutStop.filter((w) => !WEAK_WORDS.has(w));
  for (const list of [withoutStop, withoutWeak, words.filter((w) => w !== 'the')]) {
    if (list.length < 2) continue;
    result.add(list.map((w) => w[0]).join(''));
    result.add(list.map((w) => (w.length <= 3 ? w : w[0])).join(''));
    for (let k = 2; k < list.length; k++)
      result.add(
        list
          .slice(0, k)
          .map((w) => w[0])
          .join('') + list.slice(k).join('')
      );
  }
  return [...result].filter((a) => a.length >= minLength);
}

/**
 * Renames and famous alternative names an operations person knows without looking anything up
 * (press-covered renames, household brand names, stock-ticker-style acronyms): each line lists
 * names of one organisation, the current name first. Translations, romanisations, acronyms of the
 * name's own words and descriptor words left off are general rules elsewhere, not entries here.
 */
const KNOWN_NAMES = `
meta platforms|facebook
apple|apple computer
shell|royal dutch shell|shell transport and trading
3m|minnesota mining and manufacturing
accenture|andersen consulting
altria|philip morris companies
totalenergies|total|total fina elf|totalfinaelf
rtx|raytheon technologies|united technologies
bhp|bhp billiton|broken hill proprietary
vale|companhia vale do rio doce|cia vale do rio doce|cvrd
posco|pohang iron and steel
latam airlines|lan airlines|lan chile
stellantis|fiat chrysler|fca
mercedes benz|daimler|daimlerchrysler
verizon|bell atlantic
att|at and t|american telephone and telegraph|sbc communications
paramount global|viacomcbs
hp|hewlett packard|hewlett packard company
bt|british telecom|british telecommunications
glaxosmithkline|gsk|glaxo wellcome
merck|msd|merck sharp and dohme
saudi arabian oil|saudi aramco|aramco
zurich insurance|zurich financial services
hm revenue and customs|hmrc|his majestys revenue and customs|her majestys revenue and customs
us department of veterans affairs|va
international business machines|ibm|big blue
microsoft|msft
general electric|ge
procter and gamble|p and g
johnson and johnson|j and j|jnj
bayerische motoren werke|bmw
volkswagen|vw
american international group|aig
american express|amex
hewlett packard enterprise|hpe
anheuser busch inbev|ab inbev
turk hava yollari|turkish airlines
larsen and toubro|l and t
petroleo brasileiro|petrobras
petroleos mexicanos|pemex
china petroleum and chemical|sinopec
taiwan semiconductor manufacturing|tsmc
hon hai precision industry|foxconn
malayan banking|maybank
singapore telecommunications|singtel
deere|john deere
ups|united parcel service
fedex|federal express
kfc|kentucky fried chicken
`;

const aliasToCanonical = new Map<string, string>();
for (const line of KNOWN_NAMES.trim().split('\n')) {
  const names = line.split('|').map((n) => profileName(n).compact);
  for (const name of names.slice(1)) {
    if (name && name !== names[0] && !aliasToCanonical.has(name))
      aliasToCanonical.set(name, names[0]);
  }
}

/** The current or official name a well-known alternative or former name stands for. */
export function knownCanonicalName(compact: string): string | null {
  return aliasToCanonical.get(compact) ?? null;
}
