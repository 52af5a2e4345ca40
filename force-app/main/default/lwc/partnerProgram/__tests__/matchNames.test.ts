import { countries } from '../matchCountries';
import { acronymsOf, foldName, knownCanonicalName, profileName } from '../matchNames';
import { TypoIndex, editDistance, jaroWinkler } from '../matchSimilarity';

describe('name folding', () => {
  it.each([
    ['Nestlé Société Anonyme', 'nestle societe anonyme'],
    ['L’Oréal', 'loreal'],
    ['AT&T Inc.', 'att inc'],
    ['B.H.P. Billiton', 'bhp billiton'],
    ['Amazon.com, Inc.', 'amazon inc'],
    ['Türk Hava Yolları', 'turk hava yollari'],
    ['Газпром', 'gazprom']
  ])('%s → %s', (raw, folded) => {
    expect(foldName(raw)).toBe(folded);
  });

  it('romanises well-known company words in CJK and Hangul', () => {
    expect(profileName('三井物産株式会社').core).toContain('mitsui');
    expect(profileName('삼성전자').core).toEqual(['samsung', 'electronic']);
  });
});

describe('name profiles', () => {
  it('drops legal forms of many countries', () => {
    for (const name of [
      'Orbis GmbH',
      'Orbis S.A.B. de C.V.',
      'Orbis Pty Ltd',
      'Orbis A/S',
      'Orbis Oyj',
      'Orbis K.K.',
      'Orbis S.p.A.',
      'Orbis Sp. z o.o.'
    ])
      expect(profileName(name).compact).toBe('orbis');
  });

  it('sets country and region qualifiers apart from the name', () => {
    const profile = profileName('Orbis Deutschland GmbH (EMEA)');
    expect(profile.core).toEqual(['orbis']);
    expect(profile.countryQualifiers).toEqual(['DE']);
  });

  it('keeps a country that starts the name as part of it', () => {
    expect(profileName('Canada Goose Holdings').core).toEqual(['canada', 'goose']);
  });

  it('expands common abbreviations', () => {
    expect(profileName('Univ. of Somewhere').compact).toBe(
      profileName('University of Somewhere').compact
    );
    expect(profileName('Orbis Intl Mfg').compact).toBe(
      profileName('Orbis International Manufacturing').compact
    );
  });

  it('translates common company words of other languages', () => {
    expect(profileName('Vento Livre').compact).toBe(profileName('Vento Libre').compact);
    expect(profileName('Ministerio de Orbis').compact).toBe(
      profileName('Ministry of Orbis').compact
    );
    expect(profileName('Orbis Seguradora').compact).toBe(profileName('Orbis Insurance').compact);
  });

  it('recognises placeholder names', () => {
    expect(profileName('Head Office').placeholder).toBe(true);
    expect(profileName('N/A').placeholder).toBe(true);
    expect(profileName('Orbis Analytics').placeholder).toBe(false);
  });

  it('marks generic names', () => {
    expect(profileName('Global Solutions Ltd').generic).toBe(true);
    expect(profileName('Orbis Solutions Ltd').generic).toBe(false);
  });
});

describe('acronyms and known names', () => {
  it('derives initials, short-word and partial acronyms', () => {
    expect(acronymsOf('International Business Machines Corporation')).toContain('ibm');
    expect(acronymsOf('HM Revenue & Customs')).toContain('hmrc');
    expect(acronymsOf('Anheuser-Busch InBev SA/NV')).toContain('abinbev');
  });

  it('maps well-known former names to the current one', () => {
    expect(knownCanonicalName(profileName('Facebook, Inc.').compact)).toBe(
      profileName('Meta Platforms').compact
    );
  });
});

describe('countries', () => {
  it.each([
    ['DE', 'DE'],
    ['DEU', 'DE'],
    ['Deutschland', 'DE'],
    ['U.S.A.', 'US'],
    ['Korea, Republic of', 'KR'],
    ['The Netherlands', 'NL'],
    ['Türkiye', 'TR'],
    ['', null],
    ['Atlantis', null]
  ])('%s → %s', (text, code) => {
    expect(countries.code(text)).toBe(code);
  });
});

describe('similarity', () => {
  it('computes Jaro-Winkler', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
  });

  it('counts an adjacent swap as one edit and stops early', () => {
    expect(editDistance('electric', 'elecrtic', 2)).toBe(1);
    expect(editDistance('siemens', 'simens', 2)).toBe(1);
    expect(editDistance('completely', 'different', 1)).toBe(2);
  });

  it('finds vocabulary words within one edit', () => {
    const index = new TypoIndex(['siemens', 'electric', 'lenovo']);
    expect(index.near('simens')).toContain('siemens');
    expect(index.near('elecrtic')).toContain('electric');
    expect(index.near('lenvo')).toContain('lenovo');
    expect(index.near('bosch')).toEqual([]);
  });
});
