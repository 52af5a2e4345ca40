import { incumbentPartner, inGoodStanding, renewalRightOfFirstRefusal } from '../incumbency';
import type { CustomerAccount } from '../records';
import { opportunity, partner, rules } from './programFixtures';

const customer: CustomerAccount = {
  Id: '001C00000000001',
  Name: 'Globex',
  Incumbent_Partner__c: '001P00000000001'
};
const renewal = opportunity({ Deal_Motion__c: 'Renewal' });

describe('the incumbent partner: who sold the last deal (seed 002:65)', () => {
  it('is the partner of the latest won opportunity that had a partner', () => {
    const won = [
      opportunity({ Id: 'o1', CloseDate: '2025-03-01', Partner_Account__c: 'pA', IsWon: true }),
      opportunity({ Id: 'o2', CloseDate: '2026-02-01', Partner_Account__c: 'pB', IsWon: true }),
      opportunity({ Id: 'o3', CloseDate: '2026-06-01', Partner_Account__c: null, IsWon: true }),
      opportunity({ Id: 'o4', CloseDate: '2026-09-01', Partner_Account__c: 'pC', IsWon: false })
    ];
    expect(incumbentPartner(won)).toEqual({ partnerId: 'pB', since: '2026-02-01' });
  });

  it('is nobody when no deal went through a partner', () => {
    expect(incumbentPartner([opportunity({ Partner_Account__c: null })])).toBeNull();
  });
});

describe('renewal right of first refusal (seed 002:65)', () => {
  it('belongs to the incumbent in good standing (Authorized)', () => {
    expect(renewalRightOfFirstRefusal(customer, renewal, partner(), rules)).toEqual({
      holder: '001P00000000001',
      partnerName: 'Acme DevOps'
    });
  });

  it.each(['Prospect', 'Denied'])('is lost by an incumbent whose status is %s', (status) => {
    expect(
      renewalRightOfFirstRefusal(customer, renewal, partner({ Partner_Status__c: status }), rules)
    ).toEqual({
      holder: null,
      reason: `Acme DevOps is ${status}, not in good standing.`
    });
    expect(inGoodStanding(partner({ Partner_Status__c: status }), rules)).toBe(false);
  });

  it('yields to a written customer request ("unless otherwise stated by the customer")', () => {
    const asked = { ...renewal, Customer_Requested_Partner_Change__c: true };
    expect(renewalRightOfFirstRefusal(customer, asked, partner(), rules)).toEqual({
      holder: null,
      reason: 'The customer asked in writing to change partner from Acme DevOps.'
    });
  });

  it('does not exist without an incumbent', () => {
    expect(
      renewalRightOfFirstRefusal({ ...customer, Incumbent_Partner__c: null }, renewal, null, rules)
    ).toMatchObject({ holder: null });
  });
});
