/** The one error panel every component shows an LDS, save or rules-loading error in. */
import { LightningElement, api } from 'lwc';
import { reduceErrors } from 'c/ldsUtils';
import DEFAULT_MESSAGE from '@salesforce/label/c.PPK_Error_Default';

export default class ErrorPanel extends LightningElement {
  /** One error or a list of them, as LDS, fetch or JavaScript raise them. */
  @api errors: unknown;
  /** The heading above the messages; a blank one falls back to the generic heading. */
  @api friendlyMessage?: string;

  get heading(): string {
    return this.friendlyMessage || DEFAULT_MESSAGE;
  }

  get messages(): { key: string; text: string }[] {
    return reduceErrors(this.errors).map((text, i) => ({ key: `${i}`, text }));
  }
}
