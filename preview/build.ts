/**
 * Builds the preview bundle: the project's Lightning Web Components exactly as they deploy
 * (force-app/main/default/lwc, TypeScript stripped by esbuild with decorators kept), the
 * open-source base components, and the preview's stand-ins for the platform modules
 * (preview/platform). An import with no stand-in fails the build, naming the file and module,
 * so it never turns into a runtime failure in the browser.
 *
 * Cached: the output in preview/dist is reused while its inputs' fingerprint is unchanged.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import lwc from '@lwc/rollup-plugin';
import replace from '@rollup/plugin-replace';
import { transform } from 'esbuild';
import { rollup, type Plugin } from 'rollup';
import { loadSchema, type Schema } from '../scripts/lib/sfMetadata.ts';
import { readLabels } from './labels.ts';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
export const forceAppDir = join(repoRoot, 'force-app', 'main', 'default');
export const lwcDir = join(forceAppDir, 'lwc');
export const distDir = join(repoRoot, 'preview', 'dist');

/** Where a build reads the project's metadata and writes the bundle (tests build other trees). */
export interface BuildPaths {
  forceAppDir: string;
  distDir: string;
}

const defaultPaths: BuildPaths = { forceAppDir, distDir };
const lwcOf = (paths: BuildPaths): string => join(paths.forceAppDir, 'lwc');
const platformDir = join(repoRoot, 'preview', 'platform');
const clientDir = join(repoRoot, 'preview', 'client');
const baseComponentsDir = join(
  repoRoot,
  'node_modules',
  'lightning-base-components',
  'src',
  'lightning'
);

/** The platform modules the preview stands in for, each by a file in preview/platform. */
const platformModules: Record<string, string> = {
  'lightning/uiRecordApi': 'uiRecordApi.ts',
  'lightning/uiRelatedListApi': 'uiRelatedListApi.ts',
  'lightning/uiObjectInfoApi': 'uiObjectInfoApi.ts',
  'lightning/platformShowToastEvent': 'platformShowToastEvent.ts',
  'lightning/navigation': 'navigation.ts',
  'lightning/refresh': 'refresh.ts'
};

const VIRTUAL = '\0ppk:';
const ENTRY = `${VIRTUAL}components`;

export interface BuildResult {
  cached: boolean;
  ms: number;
  bytes: number;
  gzipBytes: number;
}

function walk(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (name === '__tests__' || name === 'dist' || name === 'node_modules') continue;
    if (statSync(path).isDirectory()) walk(path, out);
    // The .js emitted beside each .ts is build output, not a source.
    else if (!(name.endsWith('.js') && existsSync(path.replace(/\.js$/, '.ts')))) out.push(path);
  }
  return out;
}

/** What the bundle depends on: sources, labels, the stand-ins, and the toolchain's versions. */
function fingerprint(paths: BuildPaths): string {
  const hash = createHash('sha256');
  const inputs = [
    ...walk(lwcOf(paths)),
    ...walk(join(paths.forceAppDir, 'labels')),
    ...walk(join(paths.forceAppDir, 'objects')),
    ...walk(join(paths.forceAppDir, 'staticresources')),
    ...walk(platformDir),
    ...walk(clientDir),
    fileURLToPath(import.meta.url),
    join(repoRoot, 'preview', 'labels.ts')
  ];
  for (const file of inputs) hash.update(relative(repoRoot, file)).update(readFileSync(file));
  for (const pkg of ['lwc', 'lightning-base-components', '@lwc/rollup-plugin', 'esbuild']) {
    hash.update(readFileSync(join(repoRoot, 'node_modules', pkg, 'package.json')));
  }
  return hash.digest('hex');
}

const isProjectFile = (paths: BuildPaths, file: string): boolean =>
  file.startsWith(lwcOf(paths) + sep) ||
  file.startsWith(platformDir + sep) ||
  file.startsWith(clientDir + sep);

const display = (file: string): string => {
  const path = relative(repoRoot, file.replace(/\?.*$/, ''));
  return path.startsWith('..') ? file : path;
};

/** Project components exposed on record pages: the ones a page can place. */
function componentBundles(lwc: string): string[] {
  return readdirSync(lwc)
    .filter(
      (name) =>
        existsSync(join(lwc, name, `${name}.html`)) && existsSync(join(lwc, name, `${name}.ts`))
    )
    .sort();
}

/**
 * A schema import as the platform gives it (`{ objectApiName, fieldApiName }`), after checking
 * the object, field or relationship path exists in the project's metadata, as a deploy would.
 */
function schemaModule(schema: Schema, path: string): { code: string } | { problem: string } {
  const [objectName, ...parts] = path.split('.');
  let object = schema.object(objectName);
  if (!object) return { problem: `no object ${objectName} in force-app/main/default/objects` };
  for (const [i, part] of parts.entries()) {
    const last = i === parts.length - 1;
    const field = last
      ? schema.field(object.name, part)
      : Object.values(object.fields).find(
          (f) => f.relationshipName?.toLowerCase() === part.toLowerCase()
        );
    if (!field)
      return { problem: `${object.name} has no ${last ? 'field' : 'relationship'} ${part}` };
    if (!last) object = schema.object(field.referenceTo ?? '');
    if (!object)
      return { problem: `${part} points to ${field.referenceTo}, which is not in the metadata` };
  }
  const value = parts.length
    ? { objectApiName: objectName, fieldApiName: parts.join('.') }
    : { objectApiName: objectName };
  return { code: `export default ${JSON.stringify(value)};` };
}

function staticResourceNames(forceApp: string): Set<string> {
  const dir = join(forceApp, 'staticresources');
  const names = existsSync(dir)
    ? readdirSync(dir).filter((f) => f.endsWith('.resource-meta.xml'))
    : [];
  return new Set(names.map((f) => f.replace(/\.resource-meta\.xml$/, '')));
}

/** Resolves the platform's modules for project files; anything without a stand-in is an error. */
function platformPlugin(paths: BuildPaths): Plugin {
  const lwc = lwcOf(paths);
  const labels = readLabels(join(paths.forceAppDir, 'labels'));
  const resources = staticResourceNames(paths.forceAppDir);
  const schema = loadSchema(paths.forceAppDir);

  /** The module's source for a platform import, or what is wrong with the import. */
  function platformModule(source: string): { code: string } | { problem: string } | null {
    if (source.startsWith('@salesforce/label/c.')) {
      const name = source.slice('@salesforce/label/c.'.length);
      const value = labels.get(name);
      return value === undefined
        ? { problem: `no custom label ${name} in force-app/main/default/labels` }
        : { code: `export default ${JSON.stringify(value)};` };
    }
    if (source.startsWith('@salesforce/schema/'))
      return schemaModule(schema, source.slice('@salesforce/schema/'.length));
    if (source.startsWith('@salesforce/resourceUrl/')) {
      const name = source.slice('@salesforce/resourceUrl/'.length);
      return resources.has(name)
        ? { code: `export default ${JSON.stringify(`/resource/${name}`)};` }
        : { problem: `no static resource ${name} in force-app/main/default/staticresources` };
    }
    // The user the preview acts as: chosen with the user switcher, set by the page before the bundle.
    if (source === '@salesforce/user/Id')
      return { code: 'export default globalThis.ppkPreview.user.id;' };
    return null;
  }

  return {
    name: 'ppk-platform',
    resolveId(source, importer) {
      if (source === ENTRY) return ENTRY;
      const from = importer ? display(importer) : 'the entry';
      if (source in platformModules) return join(platformDir, platformModules[source]);
      const module = platformModule(source);
      if (module && 'problem' in module)
        this.error(`${from}: imports '${source}', but ${module.problem}.`);
      if (module) return VIRTUAL + source;
      if (source.startsWith('c/')) {
        const name = source.slice(2);
        const file = join(lwc, name, `${name}.ts`);
        if (existsSync(file)) return file;
        this.error(
          `${from}: imports '${source}', but force-app/main/default/lwc/${name}/${name}.ts does not exist.`
        );
      }
      if (
        !importer ||
        !isProjectFile(paths, importer.replace(/\?.*$/, '')) ||
        source.startsWith('.') ||
        source.startsWith('/')
      )
        return null;
      if (source === 'lwc') return null;
      if (
        source.startsWith('lightning/') &&
        existsSync(join(baseComponentsDir, source.slice('lightning/'.length)))
      )
        return null;
      this.error(
        `${from}: imports '${source}', which the preview has no stand-in for. ` +
          `Add one in preview/platform and list it in preview/build.ts (platformModules), or use a module the platform provides.`
      );
    },
    load(id) {
      if (id === ENTRY) return componentsEntry(lwc);
      if (!id.startsWith(VIRTUAL)) return null;
      const module = platformModule(id.slice(VIRTUAL.length));
      return module && 'code' in module ? module.code : null;
    }
  };
}

/** The entry: every project component by its bundle name, for the page to place. */
function componentsEntry(lwc: string): string {
  const bundles = componentBundles(lwc);
  const imports = bundles.map((name, i) => `import C${i} from 'c/${name}';`).join('\n');
  const entries = bundles.map((name, i) => `  ${JSON.stringify(name)}: C${i}`).join(',\n');
  // Synthetic shadow must patch the DOM before the engine loads, as on the platform: global
  // SLDS styles then reach inside components.
  return `import '@lwc/synthetic-shadow';\n${imports}\nimport { mountPage } from ${JSON.stringify(join(clientDir, 'main.ts'))};\nmountPage({\n${entries}\n});\n`;
}

/** The LWC compiler does not strip TypeScript (LWC1007): esbuild does, keeping standard decorators. */
function stripTypes(): Plugin {
  return {
    name: 'ppk-strip-types',
    async transform(code, id) {
      if (!/\.ts($|\?)/.test(id)) return null;
      const result = await transform(code, {
        loader: 'ts',
        target: 'esnext',
        sourcefile: id,
        tsconfigRaw: {
          compilerOptions: {
            experimentalDecorators: false,
            useDefineForClassFields: true,
            verbatimModuleSyntax: true
          }
        }
      });
      return { code: result.code, map: null };
    }
  };
}

function minify(): Plugin {
  return {
    name: 'ppk-minify',
    async renderChunk(code) {
      const result = await transform(code, { minify: true, target: 'es2022', format: 'esm' });
      return { code: result.code, map: null };
    }
  };
}

/**
 * One build at a time per checkout (test files run in parallel processes): a lock directory,
 * taken over when it is older than any build takes.
 */
async function withBuildLock<T>(work: () => Promise<T>): Promise<T> {
  const lock = join(
    tmpdir(),
    `ppk-preview-build-${createHash('sha256').update(repoRoot).digest('hex').slice(0, 12)}.lock`
  );
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (Date.now() - statSync(lock).mtimeMs > 5 * 60_000)
        rmSync(lock, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export interface BuildOptions {
  force?: boolean;
  log?: (line: string) => void;
  paths?: BuildPaths;
}

export function buildPreview(options: BuildOptions = {}): Promise<BuildResult> {
  return withBuildLock(() => buildUnlocked(options.paths ?? defaultPaths, options));
}

async function buildUnlocked(paths: BuildPaths, options: BuildOptions): Promise<BuildResult> {
  const started = Date.now();
  const { distDir: outDir } = paths;
  const stampFile = join(outDir, 'build.json');
  const outFile = join(outDir, 'app.js');
  const key = fingerprint(paths);
  if (!options.force && existsSync(stampFile) && existsSync(outFile)) {
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8')) as {
      key: string;
      bytes: number;
      gzipBytes: number;
    };
    if (stamp.key === key)
      return {
        cached: true,
        ms: Date.now() - started,
        bytes: stamp.bytes,
        gzipBytes: stamp.gzipBytes
      };
  }
  const bundle = await rollup({
    input: ENTRY,
    plugins: [
      platformPlugin(paths),
      stripTypes(),
      lwc({
        rootDir: lwcOf(paths),
        modules: [{ npm: 'lightning-base-components' }],
        enableDynamicComponents: true,
        enableSyntheticElementInternals: true
      }),
      replace({
        preventAssignment: true,
        values: {
          'process.env.NODE_ENV': JSON.stringify('production'),
          // Base components test `import.meta.env.SSR` (Vite's flag): this bundle runs in the browser.
          'import.meta.env.SSR': 'false'
        }
      })
    ],
    onwarn(warning, warn) {
      // Base components reference `this` at module level and have circular imports: harmless here.
      if (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'THIS_IS_UNDEFINED') return;
      // The open-source base components' own template warnings are not ours to fix.
      if (warning.id?.startsWith(baseComponentsDir)) return;
      warn(warning);
    }
  });
  try {
    const { output } = await bundle.generate({
      format: 'es',
      entryFileNames: 'app.js',
      // Base components load their icon templates with dynamic imports: those become chunks.
      chunkFileNames: 'chunks/[name]-[hash].js',
      plugins: [minify()]
    });
    rmSync(outDir, { recursive: true, force: true });
    let bytes = 0;
    let gzipBytes = 0;
    for (const chunk of output) {
      const code = Buffer.from(chunk.type === 'chunk' ? chunk.code : chunk.source);
      mkdirSync(dirname(join(outDir, chunk.fileName)), { recursive: true });
      writeFileSync(join(outDir, chunk.fileName), code);
      bytes += code.length;
      gzipBytes += gzipSync(code).length;
    }
    writeFileSync(
      stampFile,
      `${JSON.stringify({ key, builtAt: new Date().toISOString(), bytes, gzipBytes }, null, 2)}\n`
    );
    const result = { cached: false, ms: Date.now() - started, bytes, gzipBytes };
    options.log?.(
      `preview: built ${display(outDir)} (${output.length} files) in ${(result.ms / 1000).toFixed(1)} s, ${Math.round(gzipBytes / 1024)} KB gzip`
    );
    return result;
  } finally {
    await bundle.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  buildPreview({ force: process.argv.includes('--force'), log: (line) => console.log(line) })
    .then((result) => {
      if (result.cached) console.log('preview: up to date (preview/dist)');
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exitCode = 1;
    });
}
