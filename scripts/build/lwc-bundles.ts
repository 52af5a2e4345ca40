import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const lwcDir = join(repoRoot, 'force-app/main/default/lwc');

/** Every LWC bundle folder (a folder holding `<name>.ts` or `<name>.js`). */
export function lwcBundles(): string[] {
  return readdirSync(lwcDir)
    .filter((name) => statSync(join(lwcDir, name)).isDirectory())
    .filter((name) => {
      const files = readdirSync(join(lwcDir, name));
      return files.includes(`${name}.ts`) || files.includes(`${name}.js`);
    })
    .sort();
}
