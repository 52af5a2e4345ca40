import { registerSa11yMatcher } from '@sa11y/jest';

// `await expect(element).toBeAccessible()` in every component test (lwc-recipes habit).
registerSa11yMatcher();
