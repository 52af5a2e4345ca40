/**
 * Stand-in for lightning/refresh: RefreshEvent asks the page to re-provision its data; the preview
 * re-fetches every wire the page has.
 */
export class RefreshEvent extends CustomEvent<null> {
  constructor() {
    super('lightning__refreshevent', { bubbles: true, composed: true, detail: null });
  }
}
