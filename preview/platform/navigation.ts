/**
 * Stand-in for lightning/navigation: NavigationMixin navigates within the preview's routes
 * (record pages /lightning/r/{Object}/{Id}/view, list pages /lightning/o/{Object}/list).
 * A page reference the preview has no route for is an error that names it.
 */
interface PageReference {
  type: string;
  attributes?: Record<string, string | undefined>;
  state?: Record<string, string>;
}

export function urlOf(pageReference: PageReference): string {
  const attributes = pageReference.attributes ?? {};
  if (pageReference.type === 'standard__recordPage' && attributes.recordId) {
    return `/lightning/r/${attributes.objectApiName ?? 'sObject'}/${attributes.recordId}/view`;
  }
  if (pageReference.type === 'standard__objectPage' && attributes.objectApiName) {
    return `/lightning/o/${attributes.objectApiName}/list`;
  }
  throw new Error(
    `The preview cannot navigate to ${JSON.stringify(pageReference)}: only record pages and object list pages.`
  );
}

const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

// TypeScript's mixin pattern requires a constructor taking `any[]`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Constructor<T = object> = new (...args: any[]) => T;

function mixin<Base extends Constructor>(base: Base) {
  return class extends base {
    [Navigate](pageReference: PageReference, replace?: boolean): void {
      const url = urlOf(pageReference);
      if (replace) window.location.replace(url);
      else window.location.assign(url);
    }

    [GenerateUrl](pageReference: PageReference): Promise<string> {
      return Promise.resolve(urlOf(pageReference));
    }
  };
}

export const NavigationMixin = Object.assign(mixin, { Navigate, GenerateUrl });

/** The current page as a page reference, for `@wire(CurrentPageReference)`. */
export class CurrentPageReference {
  constructor(private readonly emit: (value: PageReference) => void) {}

  update(): void {
    const match = /^\/lightning\/r\/([^/]+)\/([^/]+)\/view/.exec(window.location.pathname);
    this.emit(
      match
        ? {
            type: 'standard__recordPage',
            attributes: { objectApiName: match[1], recordId: match[2], actionName: 'view' }
          }
        : {
            type: 'standard__objectPage',
            attributes: {
              objectApiName: window.location.pathname.split('/')[3],
              actionName: 'list'
            }
          }
    );
  }

  connect(): void {}

  disconnect(): void {}
}
