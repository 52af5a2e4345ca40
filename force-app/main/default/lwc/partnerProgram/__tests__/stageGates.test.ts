import { engagementAllowedAt, isOpenOpportunity } from '../stageGates';
import { opportunity, rules } from './programFixtures';

// Stage gates: DESIGN.md program rules; the engagements come from seed 001:150 ("initiating,
// assisting or fulfilling sales opportunities").
describe('engagement stage gates', () => {
  it.each([
    ['Partner Sourced', 'Prospecting', true],
    ['Partner Sourced', 'Qualification', true],
    ['Partner Sourced', 'Needs Analysis', false],
    ['Assisted', 'Qualification', false],
    ['Assisted', 'Needs Analysis', true],
    ['Assisted', 'Perception Analysis', true],
    ['Assisted', 'Proposal/Price Quote', false],
    ['Fulfillment', 'Perception Analysis', false],
    ['Fulfillment', 'Proposal/Price Quote', true],
    ['Fulfillment', 'Negotiation/Review', true],
    ['Fulfillment', 'Closed Won', false]
  ])('%s at %s: %p', (engagement, stage, allowed) => {
    expect(engagementAllowedAt(engagement, stage, rules).allowed).toBe(allowed);
  });

  it('says where the engagement belongs', () => {
    expect(engagementAllowedAt('Partner Sourced', 'Negotiation/Review', rules)).toEqual({
      allowed: false,
      reason:
        'Partner Sourced is registered at Prospecting, Qualification; the opportunity is at Negotiation/Review.'
    });
  });

  it('refuses an unknown engagement', () => {
    expect(engagementAllowedAt('Influenced', 'Prospecting', rules)).toEqual({
      allowed: false,
      reason: 'Unknown engagement: Influenced.'
    });
  });

  it('knows open from closed, by IsClosed or else by stage', () => {
    expect(isOpenOpportunity(opportunity({ IsClosed: true }), rules)).toBe(false);
    expect(
      isOpenOpportunity(opportunity({ IsClosed: undefined, StageName: 'Closed Lost' }), rules)
    ).toBe(false);
    expect(
      isOpenOpportunity(opportunity({ IsClosed: undefined, StageName: 'Qualification' }), rules)
    ).toBe(true);
  });
});
