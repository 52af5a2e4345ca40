// The matcher @sa11y/jest registers in jest.setup.js.
declare namespace jest {
  interface Matchers<R> {
    toBeAccessible(): Promise<R>;
  }
}
