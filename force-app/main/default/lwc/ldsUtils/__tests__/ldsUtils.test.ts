import {
  fieldErrors,
  fieldName,
  formatLabel,
  qualifiedName,
  readFields,
  reduceErrors
} from 'c/ldsUtils';

describe('c-lds-utils', () => {
  describe('reduceErrors', () => {
    it('reads the message of a UI API error body', () => {
      expect(
        reduceErrors({ body: { message: 'The requested resource does not exist' }, status: 404 })
      ).toEqual(['The requested resource does not exist']);
    });

    it('names the field of each field error, after the page errors', () => {
      const error = {
        body: {
          message: 'An error occurred while trying to update the record.',
          output: {
            errors: [{ message: 'Record is locked' }],
            fieldErrors: {
              Risks__c: [
                { field: 'Risks__c', fieldLabel: 'Risks', message: 'data value too large' }
              ]
            }
          }
        }
      };
      expect(reduceErrors(error)).toEqual(['Record is locked', 'Risks: data value too large']);
      expect(fieldErrors(error)).toEqual({ Risks__c: ['data value too large'] });
    });

    it('flattens lists of errors, body arrays and plain JavaScript errors, dropping blanks', () => {
      expect(
        reduceErrors([
          null,
          new Error('boom'),
          { body: [{ message: 'first' }, { message: 'second' }] }
        ])
      ).toEqual(['boom', 'first', 'second']);
    });
  });

  it('names fields for related-list configs and record inputs', () => {
    const field = { objectApiName: 'Opportunity', fieldApiName: 'Partner_Account__r.Name' };
    expect(qualifiedName(field)).toBe('Opportunity.Partner_Account__r.Name');
    expect(fieldName({ objectApiName: 'Joint_Pursuit_Plan__c', fieldApiName: 'Risks__c' })).toBe(
      'Risks__c'
    );
  });

  it('reads a record into the plain shape of the core, nulls for missing fields', () => {
    const record = {
      id: '006000000000001AAA',
      apiName: 'Opportunity',
      fields: { Deal_Type__c: { value: 'Resale', displayValue: 'Resale' } }
    };
    const plain = readFields<{
      Id: string;
      Deal_Type__c?: string | null;
      Engagement__c?: string | null;
    }>(record.id, record, {
      Deal_Type__c: { objectApiName: 'Opportunity', fieldApiName: 'Deal_Type__c' },
      Engagement__c: { objectApiName: 'Opportunity', fieldApiName: 'Engagement__c' }
    });
    expect(plain).toEqual({
      Id: '006000000000001AAA',
      Deal_Type__c: 'Resale',
      Engagement__c: null
    });
  });

  it('fills label placeholders', () => {
    expect(formatLabel('{0} day(s) left, {1}', 3, 'ok')).toBe('3 day(s) left, ok');
    expect(formatLabel('{0} and {1}', 'only')).toBe('only and {1}');
  });
});
