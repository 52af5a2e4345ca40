import sfdxLwcJest from '@salesforce/sfdx-lwc-jest/config.js';

const { jestConfig } = sfdxLwcJest;

/** Unit tests of the components and the pure core (force-app), in TypeScript. */
export default {
  ...jestConfig,
  // The .ts is the source of truth; the emitted .js beside it must never shadow it in tests.
  moduleFileExtensions: ['ts', 'js', 'html', 'json'],
  testMatch: ['<rootDir>/force-app/**/__tests__/**/*.test.ts'],
  setupFilesAfterEnv: [...(jestConfig.setupFilesAfterEnv ?? []), '<rootDir>/jest.setup.js'],
  collectCoverageFrom: ['force-app/main/default/lwc/**/*.ts', '!**/__tests__/**'],
  testPathIgnorePatterns: ['<rootDir>/node_modules/', '<rootDir>/.local-org/']
};
