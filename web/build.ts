import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { compile, NodePackageImporter } from 'sass';

/** One file of the office's page, as the local server and CloudFront serve it. */
export interface PageAsset {
  body: Buffer;
  contentType: string;
  /** Named by their content, so they can be kept for a year; the page itself is never kept. */
  cacheControl: string;
}

const WEB = dirname(fileURLToPath(import.meta.url));
const FOREVER = 'public, max-age=31536000, immutable';

function hashed(name: string, extension: string, body: Buffer): string {
  return `/assets/${name}-${createHash('sha256').update(body).digest('hex').slice(0, 12)}.${extension}`;
}

/**
 * Builds the page: the TypeScript bundled by esbuild for today's browsers, GOV.UK Frontend's styles
 * compiled by Sass with the project's own settings, and the HTML that loads them. Run by `npm start`
 * and by `cdk synth`, so there is no build step for a person to learn.
 */
export function buildWebAssets(): Map<string, PageAsset> {
  const script = buildSync({
    entryPoints: [join(WEB, 'app', 'main.ts')],
    bundle: true,
    format: 'esm',
    target: ['es2022', 'chrome110', 'firefox110', 'safari16'],
    minify: true,
    write: false,
    legalComments: 'none',
    logLevel: 'warning',
  }).outputFiles[0]!.contents;
  const styles = compile(join(WEB, 'styles.scss'), { importers: [new NodePackageImporter(WEB)], style: 'compressed', quietDeps: true }).css;
  const scriptPath = hashed('app', 'js', Buffer.from(script));
  const stylesPath = hashed('app', 'css', Buffer.from(styles));
  const html = readFileSync(join(WEB, 'index.html'), 'utf8').replace('/assets/SCRIPT', scriptPath).replace('/assets/STYLES', stylesPath);
  return new Map<string, PageAsset>([
    ['/index.html', { body: Buffer.from(html), contentType: 'text/html; charset=utf-8', cacheControl: 'no-cache' }],
    [scriptPath, { body: Buffer.from(script), contentType: 'text/javascript; charset=utf-8', cacheControl: FOREVER }],
    [stylesPath, { body: Buffer.from(styles), contentType: 'text/css; charset=utf-8', cacheControl: FOREVER }],
    ['/assets/favicon.svg', { body: readFileSync(join(WEB, 'favicon.svg')), contentType: 'image/svg+xml', cacheControl: 'public, max-age=86400' }],
  ]);
}

/** Writes the page's files into a folder, as CDK deploys them to the site bucket. */
export function writeWebAssets(directory: string): void {
  for (const [path, asset] of buildWebAssets()) {
    const file = join(directory, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, asset.body);
  }
}
