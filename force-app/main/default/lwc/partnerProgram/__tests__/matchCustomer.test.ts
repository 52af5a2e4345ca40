import {
  createCustomerMatcher,
  type CustomerMatch,
  type CustomerMatchingContext,
  type MatchableAccount
} from '../matchCustomer';

// Invented companies: the phenomena of the matching-dev labelling policy, not its rows.

/** A small stand-in for tldts: two labels, or three under a second-level suffix (`co.uk`). */
const context: CustomerMatchingContext = {
  freeMailDomains: new Set(['gmail.com', 'outlook.com', 'gmx.de', 'yahoo.co.jp']),
  registrableDomain: (host) => {
    const labels = host.split('.');
    const secondLevel = ['co', 'com', 'ac', 'gov', 'org'].includes(labels[labels.length - 2]);
    const take = secondLevel && labels[labels.length - 1].length === 2 ? 3 : 2;
    return labels.length < take ? null : labels.slice(-take).join('.');
  }
};

let nextId = 0;
const account = (name: string, website: string, billingCountry: string): MatchableAccount => ({
  id: `001TEST${String(nextId++).padStart(11, '0')}`,
  name,
  website,
  billingCountry
});

const quillfeather = account(
  'The Quillfeather Company, Inc.',
  'https://www.quillfeather.com',
  'United States'
);
const bucherwelt = account('Bücherwelt Verlagsgruppe AG', 'buecherwelt.de', 'Deutschland');
const smithWesson = account(
  'Smithers & Wesley Tools Ltd',
  'smitherswesley.co.uk',
  'United Kingdom'
);
const vantor = account('Vantor Heavy Industries Ltd', 'www.vantorhi.com', 'Japan');
const brightwater = account('Brightwater Analytics GmbH', 'https://brightwater.io', 'Germany');
const gmailOwner = account('Gmail Services', 'gmail.com', 'United States');
const kestrelDe = account('Kestrel Robotics GmbH', 'kestrel-robotics.de', 'Germany');
const kestrelUs = account('Kestrel Robotics Inc.', 'kestrelrobotics.com', 'USA');
const halvorsen = account('Halvorsen AG', 'https://www.halvorsen.com', 'Switzerland');
const halvorsenDe = account('Halvorsen Deutschland GmbH', 'halvorsen.de', 'Germany');
const tanaka = account('Tanaka Corporation', 'tanakacorp.jp', 'Japan');
const tanakaElectric = account('Tanaka Electric Corporation', 'tanaka-electric.jp', 'Japan');
const globalSolutions = account(
  'Global Solutions Ltd',
  'https://www.globalsolutions.co.uk',
  'United Kingdom'
);
const orchidUk = account('Orchid Systems Ltd', 'orchid-uk.co.uk', 'United Kingdom');
const orchidUs = account('Orchid Systems Inc', 'orchidsys.com', 'United States');
const pelican = account('Pelican Freight Inc.', 'pelicanfreight.com', 'United States');
const pelicanStale = account(
  'PELICAN FREIGHT INC - DUPLICATE',
  'pelicanfreight.com',
  'United States'
);
const corvid = account('Corvid Holdings Group Inc.', 'corvid.com', 'United States');
const loomis = account('Loomis Studio LLC', 'loomis.app', 'United States');
const ashford = account('City of Ashford', 'ashford.gov.uk', 'United Kingdom');
const mirai = account('Mirai Shoten Kabushiki Kaisha', 'mirai-shoten.co.jp', 'JP');
const orbisInsurance = account('Orbis Insurance Company', 'orbis-insurance.ch', 'Switzerland');
const qx = account('QX Corporation', 'qx.co.kr', 'Korea, Republic of');
const zephyrine = account('Zephyrine Laboratories Inc.', 'zephyrine.com', 'United States');
const amberley = account('Amberley Exports Ltd', 'https://amberleyexports.co.uk', 'UK');
const vepa = account('Vereinigte Papierwerke AG - Vepa', 'https://www.vepa.de', 'Germany');
const vepaShort = account('Vepa', '', 'Germany');
// A real, famous rename: the curated known-names list is about public knowledge.
const meta = account('Meta Platforms, Inc.', 'https://www.meta.com', 'United States');

const matcher = createCustomerMatcher(
  [
    quillfeather,
    bucherwelt,
    smithWesson,
    vantor,
    brightwater,
    gmailOwner,
    kestrelDe,
    kestrelUs,
    halvorsen,
    halvorsenDe,
    tanaka,
    tanakaElectric,
    globalSolutions,
    orchidUk,
    orchidUs,
    pelican,
    pelicanStale,
    corvid,
    loomis,
    ashford,
    mirai,
    orbisInsurance,
    qx,
    zephyrine,
    amberley,
    vepa,
    vepaShort,
    meta
  ],
  context
);

const match = (customerName: string, customerDomain = '', customerCountry = ''): CustomerMatch =>
  matcher.match({ customerName, customerDomain, customerCountry });

const matchedId = (result: CustomerMatch) => (result.kind === 'match' ? result.accountId : null);

describe('customer matching: same organisation despite how the name is written', () => {
  it.each([
    ['legal form and case', 'QUILLFEATHER CO', quillfeather],
    ['"The" and a legal form', 'Quillfeather Inc.', quillfeather],
    ['diacritics folded', 'Bucherwelt Verlagsgruppe', bucherwelt],
    ['German umlaut spelled out', 'Buecherwelt Verlagsgruppe AG', bucherwelt],
    ['& written as and', 'Smithers and Wesley Tools Limited', smithWesson],
    ['a typo', 'Quilfeather Company', quillfeather],
    ['an adjacent-letter swap', 'Smtihers & Wesley Tools', smithWesson]
  ])('%s: %s', (_phenomenon, name, expected) => {
    expect(matchedId(match(name))).toBe(expected.id);
  });

  it('reads an acronym of the account name when the country agrees', () => {
    expect(matchedId(match('VHI', '', 'JP'))).toBe(vantor.id);
  });

  it('does not trust a short acronym without country or domain', () => {
    expect(match('VHI').kind).toBe('none');
  });

  it('matches a placeholder name by the company e-mail domain and says so', () => {
    const result = match('Head Office', 'procurement@brightwater.io', 'DE');
    expect(matchedId(result)).toBe(brightwater.id);
    expect(result.evidence).toContain('domain brightwater.io = Website https://brightwater.io');
  });

  it('gives name evidence with the similarity', () => {
    const result = match('Brightwater Analytics', '', 'Germany');
    expect(result.evidence[0]).toMatch(
      /^name 'Brightwater Analytics' ≈ 'Brightwater Analytics GmbH' 1/
    );
  });
});

describe('customer matching: webmail is never evidence', () => {
  it('ignores a gmail address even though an account holds gmail.com', () => {
    const result = match('Frobozz Trading', 'jo@gmail.com', 'US');
    expect(result.kind).toBe('none');
  });

  it('still matches on the name when the e-mail is webmail, and says the domain was ignored', () => {
    const result = match('Brightwater Analytics GmbH', 'b.weber@gmx.de', 'Germany');
    expect(matchedId(result)).toBe(brightwater.id);
    expect(result.evidence.join('\n')).toMatch(/gmx\.de is webmail: ignored/);
  });
});

describe('customer matching: country', () => {
  it('breaks a tie between same-named firms by the registration country', () => {
    expect(matchedId(match('Kestrel Robotics', '', 'U.S.A.'))).toBe(kestrelUs.id);
    expect(matchedId(match('Kestrel Robotics', '', 'Deutschland'))).toBe(kestrelDe.id);
  });

  it('is ambiguous between same-named firms when nothing tells them apart', () => {
    const result = match('Orchid Systems');
    expect(result.kind).toBe('ambiguous');
    if (result.kind === 'ambiguous')
      expect(result.candidates.map((c) => c.accountId).sort()).toEqual(
        [orchidUk.id, orchidUs.id].sort()
      );
  });

  it("gives a country unit's registration to its own account (most specific wins)", () => {
    expect(matchedId(match('Halvorsen', '', 'DE'))).toBe(halvorsenDe.id);
    expect(matchedId(match('Halvorsen Deutschland'))).toBe(halvorsenDe.id);
  });

  it('gives other countries to the group account', () => {
    expect(matchedId(match('Halvorsen AG', '', 'Suisse'))).toBe(halvorsen.id);
    expect(matchedId(match('Halvorsen', '', 'France'))).toBe(halvorsen.id);
  });

  it('keeps a same-named organisation in another country with its own domain apart', () => {
    expect(match('City of Ashford', 'ashfordcity.org', 'United States').kind).toBe('none');
    expect(matchedId(match('City of Ashford', '', 'UK'))).toBe(ashford.id);
  });
});

describe('customer matching: related companies are different customers', () => {
  it('does not attach a sister company to the group name it shares', () => {
    expect(match('Tanaka Motors', '', 'Japan').kind).toBe('none');
    expect(matchedId(match('Tanaka Electric', '', 'Japan'))).toBe(tanakaElectric.id);
    expect(matchedId(match('Tanaka Corp.', '', 'Japan'))).toBe(tanaka.id);
  });

  it('reads a business-unit word as part of a group without sister companies', () => {
    expect(matchedId(match('Quillfeather Software', '', 'US'))).toBe(quillfeather.id);
  });

  it('does not read a business-unit word as the group when sister companies share its name', () => {
    expect(match('Tanaka Logistics', '', 'Japan').kind).toBe('none');
  });

  it("lets a subsidiary's own account win over the parent's mail domain", () => {
    expect(matchedId(match('Loomis Studio', 'ana@corvid.com', 'US'))).toBe(loomis.id);
  });

  it('treats a brand with its own different domain as a new customer', () => {
    expect(match('Kestrel Robotics Marine', 'kestrelmarine.com', 'US').kind).toBe('none');
  });
});

describe('customer matching: generic names need corroboration', () => {
  it('matches a generic name with the same country and domain', () => {
    const result = match(
      'Global Solutions Limited',
      'info@globalsolutions.co.uk',
      'United Kingdom'
    );
    expect(matchedId(result)).toBe(globalSolutions.id);
  });

  it('does not match the same generic name in another country or with another domain', () => {
    expect(match('Global Solutions Inc.', 'globalsolutionsinc.com', 'U.S.').kind).toBe('none');
    expect(match('Global Solutions Ltd', 'gs-consulting.co.uk', 'United Kingdom').kind).toBe(
      'none'
    );
  });
});

describe('customer matching: CRM records', () => {
  it('prefers the clean record over its marked duplicate', () => {
    expect(matchedId(match('Pelican Freight', 'pelicanfreight.com', 'US'))).toBe(pelican.id);
  });

  it('reads Japanese legal forms and romanised names', () => {
    expect(matchedId(match('Mirai Shoten K.K.', '', 'Japan'))).toBe(mirai.id);
  });

  it('reports no match with a reason when nothing fits', () => {
    const result = match('Entirely Unknown Widgets', '', 'US');
    expect(result.kind).toBe('none');
    expect(result.evidence.length).toBeGreaterThan(0);
  });
});

describe('customer matching: general rules for names written differently', () => {
  it.each([['Orbis Seguradora'], ['Orbis Forsikring'], ['Orbis Versicherung AG']])(
    'translates common company words: %s',
    (name) => {
      expect(matchedId(match(name, '', 'CH'))).toBe(orbisInsurance.id);
    }
  );

  it('reads a two-word name as the initials an account is named by when the country agrees', () => {
    expect(matchedId(match('Quillon Xenon', '', 'South Korea'))).toBe(qx.id);
    expect(match('Quillon Xenon').kind).toBe('none');
  });

  it('accepts trailing descriptor words left off only with the domain or country', () => {
    expect(matchedId(match('Zephyrine', 'buyer@zephyrine.com'))).toBe(zephyrine.id);
    expect(matchedId(match('Zephyrine Inc', '', 'USA'))).toBe(zephyrine.id);
    expect(match('Zephyrine', '', 'Germany').kind).toBe('none');
  });

  it("reads an abbreviation of the account's words only with its own domain", () => {
    expect(matchedId(match('Ambex', 'amberleyexports.co.uk', 'UK'))).toBe(amberley.id);
    expect(match('Ambex', '', 'UK').kind).toBe('none');
  });

  it("reads a leading nationality as a country unit when the domain is the account's", () => {
    expect(matchedId(match('American Vantor Heavy Industries', 'vantorhi.com', 'US'))).toBe(
      vantor.id
    );
    expect(match('American Vantor Heavy Industries', '', 'US').kind).toBe('none');
  });

  it('treats a record that names the other as the same organisation, not a tie', () => {
    expect([vepa.id, vepaShort.id]).toContain(matchedId(match('Vepa', 'vepa.de', 'DE')));
  });
});

describe('customer matching: the curated known-names list is an option', () => {
  const withoutList = createCustomerMatcher([meta, quillfeather], context, { knownNames: false });

  it('matches a famous former name with the list and abstains without it', () => {
    expect(matchedId(match('Facebook', '', 'US'))).toBe(meta.id);
    expect(withoutList.match({ customerName: 'Facebook', customerCountry: 'US' }).kind).toBe(
      'none'
    );
  });

  it('keeps the general rules without the list', () => {
    expect(
      matchedId(withoutList.match({ customerName: 'Meta Platforms', customerCountry: 'US' }))
    ).toBe(meta.id);
  });
});
