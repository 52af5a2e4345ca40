/**
 * Customer matching: a deal registration (customer name as typed, domain, country) → the
 * existing customer Account, none (a new customer), or ambiguous. Precision first: a wrong
 * account hands the deal to the wrong team, a miss only sends it to manual review, so the
 * matcher abstains unless name, domain and country agree well enough.
 *
 * Candidates come from blocking keys (name words, typo neighbours, compact name, acronyms,
 * registrable domain), never from comparing all pairs.
 */
import { countries, countryOfFoldedWord } from './matchCountries';
import { PostingIndex } from './matchIndex';
import {
  isCountrySuffix,
  readDomain,
  relateDomains,
  type DomainContext,
  type TypedDomain
} from './matchDomains';
import {
  DIVISION_WORDS,
  GENERIC_WORDS,
  accountNames,
  acronymsOf,
  canonicalWords,
  knownCanonicalName,
  nameVariants,
  type NameProfile,
  type NameVariants
} from './matchNames';
import { TypoIndex, deletionVariants, editDistance, jaroWinkler } from './matchSimilarity';

export interface MatchableAccount {
  readonly id: string;
  readonly name: string;
  readonly website?: string | null;
  readonly billingCountry?: string | null;
}

export interface MatchableRegistration {
  readonly customerName: string;
  readonly customerDomain?: string | null;
  readonly customerCountry?: string | null;
}

export type CustomerMatchingContext = DomainContext;

export interface CustomerMatcherOptions {
  /**
   * Use the curated list of renames and well-known alternative names (`Facebook` → Meta).
   * Default true; false measures what the general rules reach without curated knowledge.
   */
  readonly knownNames?: boolean;
}

/** The current name a well-known former or alternative name stands for, or null. */
type KnownName = (compact: string) => string | null;
const noKnownNames: KnownName = () => null;

export interface CustomerMatchCandidate {
  readonly accountId: string;
  readonly score: number;
}

export type CustomerMatch =
  | { kind: 'match'; accountId: string; score: number; evidence: string[] }
  | { kind: 'none'; evidence: string[] }
  | { kind: 'ambiguous'; candidates: CustomerMatchCandidate[]; evidence: string[] };

export interface CustomerMatcher {
  match(registration: MatchableRegistration): CustomerMatch;
  readonly accountCount: number;
}

/** Lowest score that attaches a registration to an account. */
export const MATCH_THRESHOLD = 0.88;
/** Two different organisations closer than this are reported as ambiguous. */
const AMBIGUITY_MARGIN = 0.03;
/** Name-word postings longer than this are used only together with a rarer word. */
const MAX_WORD_POSTINGS = 5000;
/** The second-rarest word adds its accounts only when it is rare too (`Siemens Mobility`). */
const MAX_SECOND_WORD_POSTINGS = 300;
/** Account name profiles kept between registrations (the candidates of recent ones). */
const PROFILE_CACHE_SIZE = 20000;

interface PreparedAccount {
  readonly account: MatchableAccount;
  readonly names: NameVariants;
  readonly country: string | null;
  readonly website: TypedDomain | null;
}

interface NameRelation {
  score: number;
  kind: 'same' | 'known' | 'words' | 'typo' | 'acronym' | 'leading' | 'descriptor';
  /** Registration words the account name lacks (a unit, a brand, or another company). */
  extras: string[];
  /** Short acronym (2–3 letters): needs the country or domain to agree. */
  shortAcronym: boolean;
  /**
   * What else must agree: `domain` (the account's own domain or country site) for an
   * abbreviation (`AmEx`); `domain-or-country` (or the same country with no sister organisation
   * sharing the name) when descriptor words are left off (`Abbott` for `Abbott Laboratories`).
   */
  corroboration?: 'domain' | 'domain-or-country';
  /** The one leading word the account lacks is a nationality (`American Honda Motor`). */
  leadingNationality?: boolean;
}

const QUALIFIER_REST = new Set(
  (
    'usa us uk de fr jp cn group global corp inc co hq online world worldwide intl international ' +
    'inc ltd plc ag se sa nv bv ab na eu emea apac asia europe america americas na ww web net app'
  ).split(' ')
);

function isDomainQualifier(rest: string): boolean {
  const clean = rest.replace(/-/g, '');
  return !clean || QUALIFIER_REST.has(clean) || countryOfFoldedWord(clean) !== null;
}

function sameWord(a: string, b: string): 'exact' | 'typo' | null {
  if (a === b) return 'exact';
  const shorter = Math.min(a.length, b.length);
  if (shorter >= 5 && editDistance(a, b, 1) <= 1) return 'typo';
  if (shorter >= 9 && editDistance(a, b, 2) <= 2) return 'typo';
  return null;
}

/** `check point` read as `checkpoint` when the other name writes it as one word. */
function joinCompounds(words: readonly string[], other: readonly string[]): readonly string[] {
  if (words.length < 2) return words;
  const wanted = new Set(other);
  const result: string[] = [];
  for (let i = 0; i < words.length; i++) {
    if (i + 1 < words.length && !wanted.has(words[i]) && wanted.has(words[i] + words[i + 1])) {
      result.push(words[i] + words[i + 1]);
      i++;
    } else result.push(words[i]);
  }
  return result;
}

/** Nationality words that, leading a name, mark a country unit (`American Honda`). */
const NATIONALITIES = new Set(
  (
    'american british dutch german french japanese chinese canadian australian swiss italian ' +
    'spanish mexican brazilian indian korean swedish danish norwegian finnish belgian austrian ' +
    'irish'
  ).split(' ')
);

/**
 * Whether `short` is made of leading letters of each of `words` in order (`amex` = American
 * Express, `melco` = Mitsubishi Electric Co.), every word used, a final `co` allowed.
 */
function abbreviates(short: string, words: readonly string[], from = 0): boolean {
  if (from === words.length) return short === '' || short === 'co';
  const word = words[from];
  for (let take = Math.min(short.length, word.length); take >= 1; take--) {
    if (word.startsWith(short.slice(0, take)) && abbreviates(short.slice(take), words, from + 1))
      return true;
  }
  return false;
}

/** How the registration's name relates to one name of an account, or null when it does not. */
function relateNames(
  reg: NameProfile,
  acc: NameProfile,
  accountName: string,
  known: KnownName
): NameRelation | null {
  if (!reg.core.length || !acc.core.length) return null;
  const plain = { extras: [], shortAcronym: false };
  if (reg.compact === acc.compact || reg.compactWithWeak === acc.compactWithWeak)
    return { score: 1, kind: 'same', ...plain };
  const regCanonical = known(reg.compact) ?? reg.compact;
  const accCanonical = known(acc.compact) ?? acc.compact;
  if (regCanonical === accCanonical) return { score: 0.95, kind: 'known', ...plain };

  const regWords = joinCompounds(reg.core, acc.core);
  const accWords = joinCompounds(acc.core, regWords);
  reg = { ...reg, core: regWords };
  acc = { ...acc, core: accWords };
  // Word alignment: exact first, then typos.
  const regUsed = new Array<boolean>(reg.core.length).fill(false);
  const accUsed = new Array<boolean>(acc.core.length).fill(false);
  const pairs: Array<[number, number]> = [];
  let typos = 0;
  for (const pass of ['exact', 'typo'] as const) {
    for (let a = 0; a < acc.core.length; a++) {
      if (accUsed[a]) continue;
      for (let r = 0; r < reg.core.length; r++) {
        if (regUsed[r]) continue;
        const same = sameWord(reg.core[r], acc.core[a]);
        if (same === 'exact' || (pass === 'typo' && same === 'typo')) {
          regUsed[r] = accUsed[a] = true;
          pairs.push([r, a]);
          if (same === 'typo') typos++;
          break;
        }
      }
    }
  }
  const accMissing = acc.core.filter((_, a) => !accUsed[a]);
  const regExtra = reg.core.filter((_, r) => !regUsed[r]);
  const matchedLength = pairs.reduce((sum, [r]) => sum + reg.core[r].length, 0);
  if (pairs.length && matchedLength >= 3) {
    const sorted = [...pairs].sort((x, y) => x[1] - y[1]);
    const inOrder = sorted.every((p, i) => i === 0 || p[0] > sorted[i - 1][0]);
    const base = typos ? 0.9 : inOrder ? 0.98 : 0.94;
    if (!accMissing.length && !regExtra.length)
      return { score: base, kind: typos ? 'typo' : 'words', ...plain };
    // A leading word only one side has (`John Deere`, `Robert Bosch`) is tolerated when the
    // words both share are distinctive, not common business words.
    const distinctive = pairs.some(([r]) => !GENERIC_WORDS.has(reg.core[r]));
    if (!accMissing.length) {
      const leading = regUsed.indexOf(true);
      if (distinctive && regExtra.length === 1 && leading === 1 && regUsed.slice(1).every(Boolean))
        return {
          score: base - 0.13,
          kind: 'leading',
          ...plain,
          leadingNationality: NATIONALITIES.has(reg.core[0])
        };
      return {
        score: base - 0.02,
        kind: typos ? 'typo' : 'words',
        extras: regExtra,
        shortAcronym: false
      };
    }
    if (distinctive && !regExtra.length && matchedLength >= 5) {
      const firstUsed = accUsed.indexOf(true);
      if (firstUsed > 0 && firstUsed <= 2 && accUsed.slice(firstUsed).every(Boolean))
        return { score: base - 0.06, kind: 'leading', ...plain };
    }
    // `Abbott (Diagnostics)` for `Abbott Laboratories`, `Teva Pharmaceuticals` for `Teva
    // Pharmaceutical Industries`: the account's trailing descriptor words left off, any unit
    // word added is a business-unit word.
    const matchedCount = accUsed.lastIndexOf(true) + 1;
    if (
      distinctive &&
      matchedLength >= 4 &&
      inOrder &&
      accUsed[0] &&
      accUsed.slice(0, matchedCount).every(Boolean) &&
      accMissing.every((w) => DESCRIPTOR_WORDS.has(w)) &&
      regExtra.every((w) => DIVISION_WORDS.has(w))
    )
      return {
        score: base - 0.06,
        kind: 'descriptor',
        extras: regExtra,
        shortAcronym: false,
        // `Orbis Software` vs `Orbis Systems`: one descriptor for another may be a namesake.
        corroboration: regExtra.length ? 'domain' : 'domain-or-country'
      };
  }

  if (reg.compact.length >= 2 && reg.compact.length <= 8 && reg.core.length === 1) {
    const acronyms = acronymsOf(accountName);
    if (acronyms.includes(reg.compact)) {
      const short = reg.compact.length <= 3;
      return { score: short ? 0.9 : 0.93, kind: 'acronym', extras: [], shortAcronym: short };
    }
  }
  if (
    reg.core.length === 1 &&
    reg.compact.length >= 4 &&
    acc.core.length >= 2 &&
    abbreviates(reg.compact, acc.core)
  )
    return {
      score: 0.92,
      kind: 'acronym',
      extras: [],
      shortAcronym: false,
      corroboration: 'domain'
    };
  const initials = reg.core.map((w) => w[0]).join('');
  if (reg.core.length >= 3 && initials === acc.compact)
    return { score: 0.92, kind: 'acronym', ...plain };
  // `Korea Telecom` → `KT Corporation`: a two-letter name needs the country or domain too.
  if (reg.core.length === 2 && acc.core.length === 1 && initials === acc.compact)
    return { score: 0.9, kind: 'acronym', extras: [], shortAcronym: true };
  if (reg.compact.length >= 7 && acc.compact.length >= 7) {
    const allowed = Math.min(reg.compact.length, acc.compact.length) >= 12 ? 2 : 1;
    if (editDistance(reg.compact, acc.compact, allowed) <= allowed)
      return { score: 0.9, kind: 'typo', ...plain };
  }
  return null;
}

/** Words that describe what an organisation does, often left off its name. */
const DESCRIPTOR_WORDS = new Set([
  ...DIVISION_WORDS,
  ...'laboratories industries technologies software enterprises products company corporation'
    .split(' ')
    .flatMap((word) => canonicalWords(word))
]);

type DomainEvidence =
  'same' | 'shared' | 'country-site' | 'related' | 'elsewhere' | 'conflict' | 'none';

interface Scored {
  index: number;
  score: number;
  evidence: string[];
  variant: NameProfile;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** Builds a matcher over the CRM's customer accounts (indexes them once). */
export function createCustomerMatcher(
  accounts: readonly MatchableAccount[],
  context: CustomerMatchingContext,
  options: CustomerMatcherOptions = {}
): CustomerMatcher {
  const known: KnownName = options.knownNames === false ? noKnownNames : knownCanonicalName;
  // Name profiles are rebuilt for the few candidates of a registration instead of being kept
  // for every account: a million retained profiles cost more memory and GC than rebuilding.
  const profileCache = new Map<number, PreparedAccount>();
  function preparedOf(index: number): PreparedAccount {
    let found = profileCache.get(index);
    if (!found) {
      const account = accounts[index];
      const names = nameVariants(account.name ?? '', { alternatives: true });
      const country =
        countries.code(account.billingCountry) ?? names.variants[0].countryQualifiers[0] ?? null;
      found = { account, names, country, website: readDomain(account.website, context) };
      if (profileCache.size >= PROFILE_CACHE_SIZE) profileCache.clear();
      profileCache.set(index, found);
    }
    return found;
  }
  const websiteOf = (target: PreparedAccount) => target.website;
  const words = new PostingIndex({ keepKeys: true });
  const compacts = new PostingIndex();
  const acronyms = new PostingIndex();
  const labels = new PostingIndex();

  accounts.forEach((account, index) => {
    const { names, acronyms: accountAcronyms } = accountNames(account.name ?? '', {
      alternatives: true
    });
    const website = readDomain(account.website, context);
    for (const variant of names.variants) {
      for (const word of variant.core) words.add(word, index);
      compacts.add(variant.compact, index);
      if (variant.compactWithWeak !== variant.compact) compacts.add(variant.compactWithWeak, index);
      const canonical = known(variant.compact);
      if (canonical) compacts.add(canonical, index);
    }
    for (const acronym of accountAcronyms) acronyms.add(acronym, index);
    if (website && !website.freeMail) {
      labels.add(website.label.replace(/-/g, ''), index);
    }
  });

  // Typo neighbours come from the vocabulary (distinct words), not from the accounts.
  const typos = new TypoIndex((words.vocabulary ?? []).filter((word) => word.length >= 5));

  /** Vocabulary words within typo distance of a registration word that is not a known word. */
  function nearWords(word: string): string[] {
    if (word.length < 5 || words.size(word)) return [];
    return typos.near(word).filter((candidate) => sameWord(word, candidate) === 'typo');
  }

  /** A registrable domain held by several differently named accounts proves little alone. */
  const sharedCache = new Map<string, boolean>();
  /** Accounts whose website has this registrable domain (found through its label). */
  function domainHolders(domain: TypedDomain): number[] {
    return labels
      .get(domain.label.replace(/-/g, ''))
      .filter((index) => preparedOf(index).website?.registrable === domain.registrable);
  }

  function sharedDomain(domain: TypedDomain): boolean {
    const registrable = domain.registrable;
    const holders = domainHolders(domain);
    if (holders.length < 2) return false;
    let shared = sharedCache.get(registrable);
    if (shared === undefined) {
      const first = preparedOf(holders[0]);
      const firstName = first.names.variants[0];
      shared = holders.slice(1).some((h) => {
        const other = preparedOf(h);
        const otherName = other.names.variants[0];
        return (
          !relateNames(otherName, firstName, first.account.name, known) &&
          !relateNames(firstName, otherName, other.account.name, known)
        );
      });
      sharedCache.set(registrable, shared);
    }
    return shared;
  }

  function candidatesFor(profiles: NameProfile[], domain: TypedDomain | null): Set<number> {
    const found = new Set<number>();
    const addAll = (list: readonly number[]) => {
      for (const id of list) found.add(id);
    };
    if (domain && !domain.freeMail) {
      const label = domain.label.replace(/-/g, '');
      const before = found.size;
      addAll(labels.get(label));
      addAll(compacts.get(label));
      // `nestleusa.com`, `bmwgroup.com`: the name inside a qualified label, when the label alone
      // found nothing.
      const labelFound = found.size > before;
      for (let i = 3; !labelFound && i <= label.length - 2; i++) {
        for (const part of [label.slice(0, i), label.slice(i)]) {
          if (part.length >= 3 && isDomainQualifier(label.replace(part, ''))) {
            addAll(labels.get(part));
            addAll(compacts.get(part));
          }
        }
      }
    }
    for (const profile of profiles) {
      if (!profile.core.length) continue;
      addAll(compacts.get(profile.compact));
      addAll(compacts.get(profile.compactWithWeak));
      const canonical = known(profile.compact);
      if (canonical) addAll(compacts.get(canonical));
      if (profile.compact.length <= 10) addAll(acronyms.get(profile.compact));
      if (profile.core.length >= 2) addAll(compacts.get(profile.core.map((w) => w[0]).join('')));
      // Name words, rarest first. A common word alone brings too many accounts: it counts
      // only beside a rarer word, or when it is rare enough itself.
      const wordKeys = profile.core
        .map((word) => {
          const keys = [word, ...nearWords(word)];
          return { keys, size: keys.reduce((sum, key) => sum + words.size(key), 0) };
        })
        .sort((a, b) => a.size - b.size);
      const postingsOf = (keys: string[]) => keys.flatMap((key) => words.get(key));
      const [rarest, second] = wordKeys;
      if (rarest?.size && rarest.size <= MAX_WORD_POSTINGS) addAll(postingsOf(rarest.keys));
      else if (rarest?.size && second && second.size <= MAX_WORD_POSTINGS * 4) {
        const other = new Set(postingsOf(second.keys));
        addAll(
          postingsOf(rarest.keys)
            .filter((id) => other.has(id))
            .slice(0, MAX_WORD_POSTINGS)
        );
      }
      for (const entry of wordKeys.slice(1)) {
        if (entry.size <= MAX_SECOND_WORD_POSTINGS) addAll(postingsOf(entry.keys));
      }
      // Typos that split or join words (`Micro soft`, `RedHat`).
      if (profile.compact.length >= 7) {
        addAll(compacts.get(profile.compact));
        for (const key of deletionVariants(profile.compact)) addAll(compacts.get(key));
      }
    }
    return found;
  }

  /**
   * Whether other organisations share the account's first name word (`Mitsubishi Corporation`
   * and `Mitsubishi Electric`): then `Mitsubishi Logistics` may well be another sister, and a
   * business-unit word alone no longer points to this account.
   */
  function hasSisters(target: PreparedAccount): boolean {
    const main = target.names.variants[0];
    const head = main.core[0];
    if (!head || words.size(head) > 50) return Boolean(head);
    return words.get(head).some((index) => {
      const other = preparedOf(index);
      return other.account !== target.account && !sameOrganisation(other, target);
    });
  }

  function domainEvidence(
    typed: TypedDomain | null,
    target: PreparedAccount,
    regCountry: string | null
  ): DomainEvidence {
    const website = websiteOf(target);
    if (!typed || typed.freeMail || !website || website.pathSite) return 'none';
    const relation = relateDomains(typed, website, isDomainQualifier);
    if (relation === 'same') return sharedDomain(typed) ? 'shared' : 'same';
    if (relation === 'country-site') {
      // `genesisenergy.com` typed in the US is not `genesisenergy.co.nz`'s country site.
      const foreign =
        regCountry &&
        target.country &&
        regCountry !== target.country &&
        isCountrySuffix(website) &&
        !isCountrySuffix(typed);
      return foreign ? 'conflict' : 'country-site';
    }
    if (relation === 'related') return 'related';
    return domainHolders(typed).length ? 'elsewhere' : 'conflict';
  }

  function score(
    index: number,
    variants: NameProfile[],
    typed: TypedDomain | null,
    regCountry: string | null,
    regText: string,
    bracket: readonly string[]
  ): Scored | null {
    const target = preparedOf(index);
    const accountName = target.account.name;
    let best: { relation: NameRelation; variant: NameProfile; regVariant: NameProfile } | null =
      null;
    target.names.variants.forEach((accVariant, v) => {
      for (const regVariant of variants) {
        const relation = relateNames(regVariant, accVariant, accountName, known);
        if (!relation) continue;
        if (v > 0) relation.score -= 0.02;
        if (!best || relation.score > best.relation.score)
          best = { relation, variant: accVariant, regVariant };
      }
    });
    const domain = domainEvidence(typed, target, regCountry);
    const evidence: string[] = [];
    const main = target.names.variants[0];
    const website = target.account.website ?? '';
    let value: number;
    const chosen = best as {
      relation: NameRelation;
      variant: NameProfile;
      regVariant: NameProfile;
    } | null;
    if (!chosen) {
      if (!typed) return null;
      const reg = variants[0];
      const ownDomain =
        domain === 'same' ||
        ((domain === 'related' || domain === 'country-site') && typed.label === main.compact);
      if (!ownDomain) return null;
      const resembles =
        reg.compact.length >= 3 &&
        (jaroWinkler(reg.compact, main.compact) >= 0.9 ||
          jaroWinkler(reg.compact, typed.label) >= 0.9 ||
          reg.core.includes(typed.label) ||
          (reg.core.length > 0 && main.core[0] === reg.core[0] && reg.core[0].length >= 4));
      if (reg.placeholder) {
        value = 0.92;
        evidence.push(`name '${regText}' names no organisation; the domain decides`);
      } else if (resembles) {
        value = 0.93;
        evidence.push(`name '${regText}' resembles '${accountName}'`);
      } else return null;
      evidence.unshift(`domain ${typed.registrable} = Website ${website}`);
    } else {
      const { relation, regVariant } = chosen;
      value = relation.score;
      evidence.push(
        `name '${regText}' ≈ '${accountName}' ${round(relation.score)} (${relation.kind})`
      );
      if (relation.extras.length) {
        if (domain === 'same' || domain === 'country-site' || domain === 'related') value -= 0.02;
        else if (domain === 'conflict' || domain === 'elsewhere' || domain === 'shared')
          return null;
        else if (relation.extras.every((w) => DIVISION_WORDS.has(w)) && !hasSisters(target))
          value -= 0.04;
        else return null;
        evidence.push(
          `extra words '${relation.extras.join(' ')}' read as a unit of the organisation`
        );
      }
      const nameBased = relation.kind !== 'known' && relation.kind !== 'acronym';
      if (regVariant.generic && nameBased) {
        const corroborated =
          relation.kind === 'same' &&
          regCountry !== null &&
          regCountry === target.country &&
          (!typed || typed.freeMail || domain === 'same');
        if (!corroborated) return null;
        evidence.push('generic name corroborated by country and domain');
      }
      const domainAgrees = domain === 'same' || domain === 'country-site' || domain === 'related';
      if (relation.shortAcronym && !domainAgrees && !(regCountry && regCountry === target.country))
        return null;
      // A `related` domain (`hermesworld.com` for `hermes.com`) is too weak for these.
      const ownDomain = domain === 'same' || domain === 'country-site';
      if (relation.leadingNationality && ownDomain) {
        value += 0.11;
        evidence.push(`leading '${regVariant.core[0]}' read as the account's country unit`);
      }
      if (
        relation.corroboration &&
        !ownDomain &&
        !(
          relation.corroboration === 'domain-or-country' &&
          regCountry &&
          regCountry === target.country &&
          !hasSisters(target)
        )
      )
        return null;
      if (typed && !typed.freeMail) {
        if (domain === 'same') {
          value += 0.04;
          evidence.push(`domain ${typed.registrable} = Website ${website}`);
        } else if (domain === 'shared') {
          value += 0.01;
          evidence.push(`domain ${typed.registrable} is shared by several accounts`);
        } else if (domain === 'country-site') {
          value += 0.03;
          evidence.push(`domain ${typed.registrable} ~ Website ${website} (country site)`);
        } else if (domain === 'related') {
          value += 0.02;
          evidence.push(`domain ${typed.registrable} ~ Website ${website}`);
        } else if (domain === 'elsewhere') {
          value -= 0.03;
          evidence.push(`domain ${typed.registrable} belongs to another account`);
        } else if (domain === 'conflict') {
          // A former or alternative name often comes with its own old domain.
          value -= relation.kind === 'known' ? 0.03 : 0.1;
          evidence.push(`domain ${typed.registrable} ≠ Website ${website || '(none)'}`);
        }
      }
    }
    if (typed?.freeMail) evidence.push(`domain ${typed.registrable} is webmail: ignored`);

    // `Delta Electronics (Thailand)`: a bracketed country names a separately listed affiliate
    // unless the domain is the account's own.
    if (
      bracket.length &&
      !(target.country && bracket.includes(target.country)) &&
      domain !== 'same'
    )
      return null;
    // Country: a country unit's own account wins; a same-named firm elsewhere is another firm.
    const qualifiers = main.countryQualifiers;
    if (qualifiers.length) {
      if (regCountry && qualifiers.includes(regCountry)) {
        value += 0.04;
        evidence.push(`country ${regCountry} = the account's country unit`);
      } else if (regCountry) return null;
      else value -= 0.02;
    } else if (regCountry && target.country) {
      if (regCountry === target.country) {
        value += 0.02;
        evidence.push(`country ${regCountry} = ${target.account.billingCountry}`);
      } else {
        if (domain === 'conflict' && chosen?.relation.kind !== 'known') return null;
        value -= 0.04;
        evidence.push(`country ${regCountry} ≠ ${target.account.billingCountry}`);
      }
    }
    if (target.names.marked) {
      value -= 0.05;
      evidence.push('account is marked as stale or duplicate');
    }
    if (!target.account.website?.trim()) value -= 0.005;
    return { index, score: round(value), evidence, variant: main };
  }

  function sameOrganisation(a: PreparedAccount, b: PreparedAccount): boolean {
    const aSite = websiteOf(a);
    const bSite = websiteOf(b);
    if (
      aSite &&
      bSite &&
      aSite.registrable === bSite.registrable &&
      !aSite.pathSite &&
      !sharedDomain(aSite)
    )
      return true;
    const an = a.names.variants[0];
    const bn = b.names.variants[0];
    // `Petróleo Brasileiro S.A. - Petrobras` and `Petrobras`: one record names the other.
    const namesOther = (x: PreparedAccount, main: NameProfile) =>
      x.names.variants.some((variant) => variant.compact === main.compact);
    const sameName =
      (an.compact === bn.compact ||
        (known(an.compact) ?? an.compact) === (known(bn.compact) ?? bn.compact) ||
        namesOther(a, bn) ||
        namesOther(b, an)) &&
      an.countryQualifiers.join() === bn.countryQualifiers.join();
    return sameName && (!a.country || !b.country || a.country === b.country);
  }

  function match(registration: MatchableRegistration): CustomerMatch {
    const regText = (registration.customerName ?? '').trim();
    const names = nameVariants(regText, { alternatives: false });
    const variants = [...names.variants];
    if (names.formerly)
      variants.push(nameVariants(names.formerly, { alternatives: false }).variants[0]);
    const typed = readDomain(registration.customerDomain, context);
    const regCountry =
      countries.code(registration.customerCountry) ?? variants[0].countryQualifiers[0] ?? null;
    const scored: Scored[] = [];
    for (const index of candidatesFor(variants, typed)) {
      const result = score(index, variants, typed, regCountry, regText, names.bracketCountries);
      if (result) scored.push(result);
    }
    scored.sort((a, b) => b.score - a.score || a.index - b.index);
    const top = scored[0];
    if (!top || top.score < MATCH_THRESHOLD) {
      const evidence = [
        top
          ? `best candidate '${preparedOf(top.index).account.name}' scored ${top.score} < ${MATCH_THRESHOLD}`
          : 'no account shares a name word, acronym or domain with the registration'
      ];
      if (typed?.freeMail) evidence.push(`domain ${typed.registrable} is webmail: ignored`);
      return { kind: 'none', evidence };
    }
    const rival = scored.find(
      (s) =>
        s !== top &&
        s.score >= MATCH_THRESHOLD &&
        s.score >= top.score - AMBIGUITY_MARGIN &&
        !sameOrganisation(preparedOf(s.index), preparedOf(top.index))
    );
    if (rival) {
      const close = scored.filter(
        (s) => s.score >= MATCH_THRESHOLD && s.score >= top.score - AMBIGUITY_MARGIN
      );
      return {
        kind: 'ambiguous',
        candidates: close.map((s) => ({
          accountId: preparedOf(s.index).account.id,
          score: Math.min(1, s.score)
        })),
        evidence: [
          `'${preparedOf(top.index).account.name}' ${top.score} and '${preparedOf(rival.index).account.name}' ${rival.score} are different organisations too close to call`
        ]
      };
    }
    return {
      kind: 'match',
      accountId: preparedOf(top.index).account.id,
      // Bonuses rank candidates above 1; the reported score stays in [0, 1].
      score: Math.min(1, top.score),
      evidence: top.evidence
    };
  }

  return { match, accountCount: accounts.length };
}
