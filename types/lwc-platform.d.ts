// Types for the platform modules that @salesforce/lightning-types does not cover
// (TOOLCHAIN.md). Only what this project uses; widen as components need more.

declare module '@salesforce/schema/*' {
  const fieldApiName: { objectApiName: string; fieldApiName: string } | string;
  export default fieldApiName;
}

declare module '@salesforce/resourceUrl/*' {
  const url: string;
  export default url;
}

declare module '@salesforce/label/*' {
  const label: string;
  export default label;
}

declare module '@salesforce/user/Id' {
  const userId: string;
  export default userId;
}

declare module '*.html' {
  const template: unknown;
  export default template;
}
