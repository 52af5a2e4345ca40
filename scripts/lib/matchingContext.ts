/**
 * What the pure matcher needs from npm packages, injected from the Node side: the webmail
 * domains of `free-email-domains` (never company evidence) and `tldts`' public-suffix-aware
 * registrable domain (`aws.amazon.com` → `amazon.com`, `nestle.co.uk` stays whole).
 */
import freeEmailDomains from 'free-email-domains';
import { getDomain } from 'tldts';
import type { CustomerMatchingContext } from '../../force-app/main/default/lwc/partnerProgram/partnerProgram.ts';

let shared: CustomerMatchingContext | undefined;

export function matchingContext(): CustomerMatchingContext {
  shared ??= {
    freeMailDomains: new Set(freeEmailDomains.map((domain) => domain.toLowerCase())),
    registrableDomain: (host) => getDomain(host, { allowPrivateDomains: false })
  };
  return shared;
}
