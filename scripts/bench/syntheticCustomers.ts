/**
 * A deterministic generator of realistic-looking customer accounts and deal registrations for
 * the scale benchmark: invented brand names with industry words and country legal forms,
 * websites, countries written in several ways, CRM near-duplicates, sister companies sharing
 * a brand (look-alikes), and registrations that reach their account through typos, legal-form
 * changes, e-mail addresses, webmail and country variants — or name a new customer.
 */
import type {
  MatchableAccount,
  MatchableRegistration
} from '../../force-app/main/default/lwc/partnerProgram/partnerProgram.ts';

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ONSETS = [
  'b',
  'c',
  'd',
  'f',
  'g',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'z',
  'br',
  'cl',
  'dr',
  'gr',
  'kr',
  'pr',
  'st',
  'tr',
  'th',
  'sh',
  'ch'
];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'io', 'y'];
const CODAS = ['', '', '', 'n', 'r', 's', 'x', 'l', 'm', 'nt', 'rk', 'st'];
const INDUSTRIES = [
  'Systems',
  'Technologies',
  'Logistics',
  'Pharma',
  'Foods',
  'Energy',
  'Motors',
  'Bank',
  'Insurance',
  'Electric',
  'Chemicals',
  'Retail',
  'Software',
  'Airlines',
  'Steel',
  'Media',
  'Health',
  'Capital',
  'Engineering',
  'Telecom'
];
const COUNTRIES: ReadonlyArray<{ names: string[]; tld: string; legal: string[] }> = [
  {
    names: ['United States', 'USA', 'US', 'U.S.A.'],
    tld: 'com',
    legal: ['Inc.', 'Corporation', 'LLC', 'Corp.']
  },
  { names: ['Germany', 'Deutschland', 'DE', 'DEU'], tld: 'de', legal: ['GmbH', 'AG', 'SE'] },
  {
    names: ['United Kingdom', 'UK', 'GB', 'England'],
    tld: 'co.uk',
    legal: ['Ltd', 'plc', 'Limited']
  },
  { names: ['France', 'FR', 'FRA'], tld: 'fr', legal: ['S.A.', 'SAS', 'SE'] },
  {
    names: ['Japan', 'JP', 'JPN', 'Nippon'],
    tld: 'co.jp',
    legal: ['Co., Ltd.', 'K.K.', 'Corporation']
  },
  { names: ['Brazil', 'Brasil', 'BR', 'BRA'], tld: 'com.br', legal: ['S.A.', 'Ltda.'] },
  { names: ['Switzerland', 'Schweiz', 'Suisse', 'CH'], tld: 'ch', legal: ['AG', 'SA', 'GmbH'] },
  {
    names: ['Netherlands', 'Nederland', 'NL', 'The Netherlands'],
    tld: 'nl',
    legal: ['N.V.', 'B.V.']
  },
  { names: ['Sweden', 'Sverige', 'SE', 'SWE'], tld: 'se', legal: ['AB', 'AB (publ)'] },
  { names: ['India', 'IN', 'IND'], tld: 'in', legal: ['Pvt Ltd', 'Limited'] },
  { names: ['Australia', 'AU', 'AUS'], tld: 'com.au', legal: ['Pty Ltd', 'Limited'] },
  { names: ['Mexico', 'México', 'MX'], tld: 'com.mx', legal: ['S.A.B. de C.V.', 'S.A. de C.V.'] },
  {
    names: ['South Korea', 'Korea, Republic of', 'KR'],
    tld: 'co.kr',
    legal: ['Co., Ltd.', 'Corp.']
  },
  { names: ['Italy', 'Italia', 'IT'], tld: 'it', legal: ['S.p.A.', 'S.r.l.'] },
  { names: ['Canada', 'CA', 'CAN'], tld: 'ca', legal: ['Inc.', 'Ltd.'] }
];
const FREE_MAIL = ['gmail.com', 'outlook.com', 'yahoo.com', 'hotmail.com', 'gmx.de', 'qq.com'];

export interface SyntheticAccount extends MatchableAccount {
  /** The organisation the record belongs to (duplicates share it). */
  readonly organisation: number;
}

export interface SyntheticRegistration extends MatchableRegistration {
  readonly externalId: string;
  /** The organisation meant, or -1 for a new customer. */
  readonly organisation: number;
}

export interface SyntheticData {
  readonly accounts: SyntheticAccount[];
  readonly registrations: SyntheticRegistration[];
}

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)];
}

function brandWord(random: () => number): string {
  const syllables = 2 + Math.floor(random() * 2);
  let word = '';
  for (let i = 0; i < syllables; i++) word += pick(random, ONSETS) + pick(random, VOWELS);
  word += pick(random, CODAS);
  return word[0].toUpperCase() + word.slice(1);
}

function typo(random: () => number, text: string): string {
  if (text.length < 6) return text;
  const i = 1 + Math.floor(random() * (text.length - 3));
  switch (Math.floor(random() * 3)) {
    case 0:
      return text.slice(0, i) + text.slice(i + 1);
    case 1:
      return text.slice(0, i) + text[i + 1] + text[i] + text.slice(i + 2);
    default:
      return text.slice(0, i) + text[i] + text.slice(i);
  }
}

interface Organisation {
  brand: string;
  industry: string;
  country: number;
  domain: string;
}

/** `accountCount` accounts and `registrationCount` registrations, the same for the same seed. */
export function generateCustomers(
  accountCount: number,
  registrationCount: number,
  seed = 42
): SyntheticData {
  const random = seededRandom(seed);
  const organisations: Organisation[] = [];
  const accounts: SyntheticAccount[] = [];
  const usedDomains = new Set<string>();
  const newOrganisation = (brand: string, industry: string): Organisation => {
    const country = Math.floor(random() * COUNTRIES.length);
    let domain = `${(brand + (random() < 0.3 ? industry : '')).toLowerCase()}.${COUNTRIES[country].tld}`;
    for (let n = 2; usedDomains.has(domain); n++)
      domain = domain.replace(/^([a-z]+)\d*\./, `$1${n}.`);
    usedDomains.add(domain);
    return { brand, industry, country, domain };
  };
  let id = 0;
  const nextId = () => `001SYN${(id++).toString(36).padStart(12, '0')}`;
  while (accounts.length < accountCount) {
    const roll = random();
    // Look-alikes: a sister company shares the brand of an earlier organisation.
    const sister = roll < 0.08 && organisations.length > 0;
    const brand = sister ? pick(random, organisations).brand : brandWord(random);
    const organisation = newOrganisation(brand, pick(random, INDUSTRIES));
    organisations.push(organisation);
    const index = organisations.length - 1;
    const country = COUNTRIES[organisation.country];
    const name = `${organisation.brand} ${organisation.industry} ${pick(random, country.legal)}`;
    accounts.push({
      id: nextId(),
      organisation: index,
      name,
      website: random() < 0.07 ? '' : `https://www.${organisation.domain}`,
      billingCountry: pick(random, country.names)
    });
    // CRM near-duplicates: upper-case, stale or marked copies of the same organisation.
    if (random() < 0.03 && accounts.length < accountCount) {
      accounts.push({
        id: nextId(),
        organisation: index,
        name: random() < 0.5 ? name.toUpperCase() : `${name} - DUPLICATE`,
        website: random() < 0.5 ? organisation.domain : '',
        billingCountry: pick(random, country.names)
      });
    }
  }

  const registrations: SyntheticRegistration[] = [];
  for (let r = 0; r < registrationCount; r++) {
    const externalId = `SYN-${r}`;
    if (random() < 0.3) {
      // A new customer: a fresh brand, or an existing brand in another line of business.
      const lookAlike = random() < 0.4;
      const brand = lookAlike ? pick(random, organisations).brand : brandWord(random);
      const industry = pick(random, INDUSTRIES);
      const country = pick(random, COUNTRIES);
      const domain = `${brand.toLowerCase()}${industry.toLowerCase()}${r}.${country.tld}`;
      registrations.push({
        externalId,
        organisation: -1,
        customerName: `${brand} ${industry} ${pick(random, country.legal)}`,
        customerDomain: random() < 0.6 ? domain : '',
        customerCountry: pick(random, country.names)
      });
      continue;
    }
    const organisation = Math.floor(random() * organisations.length);
    const target = organisations[organisation];
    const country = COUNTRIES[target.country];
    let name = `${target.brand} ${target.industry}`;
    const variant = random();
    if (variant < 0.15) name = typo(random, name);
    else if (variant < 0.3) name = name.toUpperCase();
    else if (variant < 0.45) name = `${name} ${pick(random, country.legal)}`;
    const domainRoll = random();
    const customerDomain =
      domainRoll < 0.3
        ? target.domain
        : domainRoll < 0.5
          ? `${brandWord(random).toLowerCase()}@${target.domain}`
          : domainRoll < 0.6
            ? `${brandWord(random).toLowerCase()}@${pick(random, FREE_MAIL)}`
            : '';
    registrations.push({
      externalId,
      organisation,
      customerName: name,
      customerDomain,
      customerCountry: random() < 0.9 ? pick(random, country.names) : ''
    });
  }
  return { accounts, registrations };
}
