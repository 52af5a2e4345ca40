import {
  changeStatus,
  daysToExpiry,
  expiryDate,
  extend,
  isExpired,
  registrationExpiry,
  registrationQueue,
  registrationQueues
} from '../dealRegistration';
import { addDays } from '../dates';
import { AS_OF, opportunity, registration, rules } from './programFixtures';

// The deal registration lifecycle is DESIGN.md's program rule ("Deal registration"); the seeds
// only say to respect approved registrations (seed 001:144) and build a plan for new ones (001:146).
describe('registration status changes', () => {
  it.each([
    ['Submitted', 'Approved'],
    ['Submitted', 'Denied'],
    ['Submitted', 'Returned'],
    ['Returned', 'Submitted'],
    ['Returned', 'Denied'],
    ['Approved', 'Expired'],
    ['Approved', 'Denied']
  ])('%s → %s is allowed', (from, to) => {
    expect(changeStatus(registration({ Status__c: from }), to, rules)).toEqual({
      ok: true,
      from,
      to
    });
  });

  it.each([
    ['Submitted', 'Expired', /from Submitted: Approved, Denied, Returned/],
    ['Returned', 'Approved', /cannot become Approved/],
    ['Denied', 'Approved', /no further change; the partner registers again/],
    ['Expired', 'Approved', /no further change/],
    ['Approved', 'Submitted', /from Approved: Expired, Denied/],
    ['Approved', 'Won', /"Won" is not a registration status/],
    [null, 'Approved', /has no known status/]
  ])('%s → %s is refused with the reason', (from, to, reason) => {
    expect(changeStatus(registration({ Status__c: from }), to, rules)).toEqual({
      ok: false,
      reason: expect.stringMatching(reason)
    });
  });

  it('names the registration in a refusal', () => {
    expect(
      changeStatus(registration({ Name: 'DR-0042', Status__c: 'Denied' }), 'Approved', rules)
    ).toMatchObject({
      reason: expect.stringMatching(/^DR-0042 is Denied/)
    });
  });
});

describe('expiry: 90 days after approval, +30 days per extension', () => {
  it('expires 90 days after approval', () => {
    expect(expiryDate('2026-01-01', rules)).toBe('2026-04-01');
    expect(expiryDate('2026-01-01', rules, 1)).toBe('2026-05-01');
  });

  it.each([
    ['89 days ago', 89, false],
    ['exactly 90 days ago (its last valid day)', 90, false],
    ['91 days ago', 91, true]
  ])('a registration approved %s is expired: %p', (_name, daysAgo, expired) => {
    const reg = registration({ Status__c: 'Approved', Approved_On__c: addDays(AS_OF, -daysAgo) });
    expect(isExpired(reg, AS_OF, rules)).toBe(expired);
    expect(daysToExpiry(reg, AS_OF, rules)).toBe(90 - daysAgo);
  });

  it('uses Expires_On__c when set (an extension moved it)', () => {
    const reg = registration({
      Status__c: 'Approved',
      Approved_On__c: '2026-06-01',
      Expires_On__c: '2026-11-30'
    });
    expect(isExpired(reg, AS_OF, rules)).toBe(false);
  });

  it('an Expired status is expired; a Submitted one never is', () => {
    expect(isExpired(registration({ Status__c: 'Expired' }), AS_OF, rules)).toBe(true);
    expect(
      isExpired(
        registration({ Status__c: 'Submitted', Approved_On__c: '2020-01-01' }),
        AS_OF,
        rules
      )
    ).toBe(false);
  });

  it('a CAM extends once by 30 days from the current expiry, then refuses', () => {
    const reg = registration({
      Status__c: 'Approved',
      Approved_On__c: '2026-09-01',
      Expires_On__c: '2026-11-30',
      Extensions__c: 0
    });
    expect(extend(reg, AS_OF, rules)).toEqual({
      ok: true,
      Expires_On__c: '2026-12-30',
      Extensions__c: 1
    });
    expect(extend({ ...reg, Expires_On__c: '2026-12-30', Extensions__c: 1 }, AS_OF, rules)).toEqual(
      {
        ok: false,
        reason: 'DR-0001 has had 1 of 1 extension(s): the partner registers again.'
      }
    );
  });

  it('cannot extend an expired or unapproved registration', () => {
    const expired = registration({
      Status__c: 'Approved',
      Approved_On__c: '2026-08-01',
      Expires_On__c: '2026-10-30'
    });
    expect(extend(expired, AS_OF, rules)).toEqual({
      ok: false,
      reason: 'DR-0001 expired on 2026-10-30: the partner registers again.'
    });
    expect(extend(registration({ Status__c: 'Submitted' }), AS_OF, rules)).toMatchObject({
      ok: false,
      reason: /only an approved registration/
    });
  });
});

describe('one approved partner-sourced registration per opportunity; the others queue by submission', () => {
  const approved = registration({
    Id: 'r-approved',
    Status__c: 'Approved',
    Approved_On__c: '2026-10-10',
    Submitted_At__c: '2026-10-05T08:00:00.000+0000'
  });
  const second = registration({
    Id: 'r-second',
    Partner_Account__c: 'p2',
    Submitted_At__c: '2026-10-06T08:00:00.000+0000'
  });
  const first = registration({
    Id: 'r-first',
    Partner_Account__c: 'p3',
    Submitted_At__c: '2026-10-05T09:00:00.000+0000'
  });
  const assisted = registration({
    Id: 'r-assisted',
    Engagement__c: 'Assisted',
    Partner_Account__c: 'p4'
  });
  const denied = registration({
    Id: 'r-denied',
    Status__c: 'Denied',
    Submitted_At__c: '2026-09-01T08:00:00.000+0000'
  });

  it('the approved one wins; the submitted ones wait in submission order; the earliest is next', () => {
    const q = registrationQueue(
      '006O00000000001',
      [second, assisted, approved, first, denied],
      AS_OF,
      rules
    );
    expect(q.winner?.Id).toBe('r-approved');
    expect(q.queue.map((r) => r.Id)).toEqual(['r-first', 'r-second']);
    expect(q.nextUp?.Id).toBe('r-first');
    expect(q.alsoApproved).toEqual([]);
  });

  it('when the approved one falls through (expired), nobody holds it and the first queued is reconsidered', () => {
    const lapsed = { ...approved, Approved_On__c: '2026-01-01', Expires_On__c: null };
    const q = registrationQueue('006O00000000001', [second, lapsed, first], AS_OF, rules);
    expect(q.winner).toBeNull();
    expect(q.nextUp?.Id).toBe('r-first');
  });

  it('a second approved registration is reported, the earlier submission holds', () => {
    const alsoApproved = { ...second, Status__c: 'Approved', Approved_On__c: '2026-10-11' };
    const q = registrationQueue('006O00000000001', [alsoApproved, approved], AS_OF, rules);
    expect(q.winner?.Id).toBe('r-approved');
    expect(q.alsoApproved.map((r) => r.Id)).toEqual(['r-second']);
  });

  it('groups by opportunity and leaves out registrations without one', () => {
    const other = registration({ Id: 'r-other', Opportunity__c: '006O00000000002' });
    const unlinked = registration({ Id: 'r-unlinked', Opportunity__c: null });
    expect(
      registrationQueues([first, other, unlinked], AS_OF, rules).map((q) => q.opportunityId)
    ).toEqual(['006O00000000001', '006O00000000002']);
  });

  it('a blank engagement competes as Partner Sourced', () => {
    const blank = registration({ Id: 'r-blank', Engagement__c: null });
    expect(registrationQueue('006O00000000001', [blank], AS_OF, rules).nextUp?.Id).toBe('r-blank');
  });
});

// The expiry run (`ppk deal-regs expire`): DESIGN.md "Deal registration: expires 90 days after
// approval"; the rules file's expiryWarningDays (14) sets the warning window.
describe('the expiry run: expire, warn, or leave alone', () => {
  const approved = (daysAgo: number, fields = {}) =>
    registration({ Status__c: 'Approved', Approved_On__c: addDays(AS_OF, -daysAgo), ...fields });

  it('expires a registration past its last valid day and unlinks its open opportunity', () => {
    const reg = approved(91);
    const opp = opportunity({
      Registered_Deal__c: reg.Id,
      StageName: 'Qualification',
      IsClosed: false
    });
    expect(registrationExpiry(reg, opp, AS_OF, rules)).toEqual({
      kind: 'expire',
      expiresOn: addDays(AS_OF, -1),
      opportunityFields: { Registered_Deal__c: null }
    });
  });

  it('keeps the link on a closed opportunity (its history) and on one pointing elsewhere', () => {
    const reg = approved(120);
    const closed = opportunity({
      Registered_Deal__c: reg.Id,
      StageName: 'Closed Won',
      IsClosed: true
    });
    const elsewhere = opportunity({ Registered_Deal__c: 'a0Qother00000000AA', IsClosed: false });
    expect(registrationExpiry(reg, closed, AS_OF, rules)).toMatchObject({
      kind: 'expire',
      opportunityFields: null
    });
    expect(registrationExpiry(reg, elsewhere, AS_OF, rules)).toMatchObject({
      kind: 'expire',
      opportunityFields: null
    });
    expect(registrationExpiry(reg, null, AS_OF, rules)).toMatchObject({
      kind: 'expire',
      opportunityFields: null
    });
  });

  it.each([
    ['on its last valid day', 90, 'warn', 0],
    ['14 days before (the window edge)', 76, 'warn', 14],
    ['15 days before', 75, 'valid', 15]
  ])('warns %s', (_name, daysAgo, kind, daysLeft) => {
    expect(registrationExpiry(approved(daysAgo), null, AS_OF, rules)).toMatchObject({
      kind,
      daysLeft
    });
  });

  it('leaves anything not approved alone', () => {
    for (const status of ['Submitted', 'Denied', 'Returned', 'Expired']) {
      const reg = registration({ Status__c: status, Approved_On__c: addDays(AS_OF, -200) });
      expect(registrationExpiry(reg, null, AS_OF, rules).kind).toBe('valid');
    }
  });
});
