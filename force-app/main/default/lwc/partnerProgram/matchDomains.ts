/**
 * Domains as partners type them (`acme.com`, `jane@acme.com`, `https://www.acme.de/about`) and
 * as CRMs hold websites, reduced to the registrable domain. Webmail never counts as evidence.
 */

export interface DomainContext {
  /** Webmail and free-mail domains (`gmail.com`, `qq.com`, `gmx.de`): never company evidence. */
  readonly freeMailDomains: ReadonlySet<string>;
  /** The registrable domain of a host (public-suffix aware), or null for a bare suffix. */
  registrableDomain(host: string): string | null;
}

export interface TypedDomain {
  /** What was typed, trimmed. */
  readonly text: string;
  /** The host name, lower-case, without `www.`. */
  readonly host: string;
  /** The registrable domain (`amazon.com` for `aws.amazon.com`), or the host when none. */
  readonly registrable: string;
  /** The registrable domain without its public suffix: `nestle` for `nestle.co.uk`. */
  readonly label: string;
  /** Typed as an e-mail address. */
  readonly email: boolean;
  /** A webmail domain: ignored as evidence. */
  readonly freeMail: boolean;
  /** The site is a path on a shared host (`gov.uk/government/organisations/...`). */
  readonly pathSite: boolean;
}

const BRAND_HOST_WORDS = new Set(['global', 'corporate', 'group', 'about', 'home', 'www', 'en']);

/** Reads a typed domain, e-mail address or URL; null when nothing usable was typed. */
export function readDomain(
  text: string | null | undefined,
  context: DomainContext
): TypedDomain | null {
  const trimmed = (text ?? '').trim().toLowerCase();
  if (!trimmed) return null;
  const at = trimmed.lastIndexOf('@');
  const email = at >= 0;
  let rest = email ? trimmed.slice(at + 1) : trimmed.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  const pathStart = rest.search(/[/?#]/);
  const path = pathStart >= 0 ? rest.slice(pathStart) : '';
  rest = pathStart >= 0 ? rest.slice(0, pathStart) : rest;
  const host = rest
    .replace(/:\d+$/, '')
    .replace(/\.$/, '')
    .replace(/^www\d?\./, '');
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host)) return null;
  const registrable = context.registrableDomain(host) ?? host;
  const shared = context.registrableDomain(host) === null;
  const parts = registrable.split('.');
  // Brand top-level domains (`global.honda`): the brand is the suffix.
  const label =
    parts.length === 2 && parts[1].length > 3 && BRAND_HOST_WORDS.has(parts[0])
      ? parts[1]
      : parts[0];
  return {
    text: trimmed,
    host,
    registrable,
    label,
    email,
    freeMail: context.freeMailDomains.has(registrable) || context.freeMailDomains.has(host),
    // A site that is a page on a host without a registrable domain of its own (`gov.uk/...`).
    pathSite: shared || (path.replace(/\/+$/, '').split('/').length > 3 && !email)
  };
}

export type DomainRelation =
  /** Same registrable domain. */
  | 'same'
  /** Same name under another suffix: a country site (`nestle.de` ~ `nestle.com`). */
  | 'country-site'
  /** One label is the other plus a qualifier (`nestleusa.com` ~ `nestle.com`). */
  | 'related'
  /** Different organisations' domains. */
  | 'different';

/**
 * How a typed domain relates to an account's website. `qualifier` tells whether the rest of a
 * longer label is only a country, region or organisation word (`usa`, `group`, `corp`).
 */
export function relateDomains(
  typed: TypedDomain,
  website: TypedDomain,
  qualifier: (rest: string) => boolean
): DomainRelation {
  if (typed.registrable === website.registrable) return 'same';
  const a = typed.label.replace(/-/g, '');
  const b = website.label.replace(/-/g, '');
  if (a === b) return 'country-site';
  if (a.length >= 3 && b.length >= 3) {
    // `bmwusa.com` ~ `bmwgroup.com`: the same name with different qualifiers.
    const base = (label: string) => {
      for (let i = 3; i < label.length; i++)
        if (qualifier(label.slice(i))) return label.slice(0, i);
      return label;
    };
    if (base(a) === base(b)) return 'related';
    if (a.startsWith(b) && qualifier(a.slice(b.length))) return 'related';
    if (b.startsWith(a) && qualifier(b.slice(a.length))) return 'related';
    if (a.endsWith(b) && qualifier(a.slice(0, a.length - b.length))) return 'related';
    if (b.endsWith(a) && qualifier(b.slice(0, b.length - a.length))) return 'related';
  }
  return 'different';
}

/** Whether a suffix looks like a country-code top-level domain (`de`, `co.uk`, `com.br`). */
export function isCountrySuffix(domain: TypedDomain): boolean {
  const suffix = domain.registrable.slice(domain.label.length + 1);
  const last = suffix.split('.').pop() ?? '';
  return last.length === 2;
}
