import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFiftySixApp } from '../../infra/build-app';
import { PDF_PAGE_READER } from '../../shared/extraction/pdf-text';
import { forceReportText, reportPdf } from '../support/documents';
import { useIsolatedServices } from '../support/local-services';
import { TEST_CONFIGURATION } from '../support/test-configuration';

/**
 * The tests elsewhere run the handlers from source. This one runs what `cdk deploy` uploads: the
 * ingest bundle and the PDF page reader bundled beside it, which the handler finds by file name.
 */
const outdir = mkdtempSync(join(tmpdir(), 'fiftysix-bundle-test-'));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

let services: Awaited<ReturnType<typeof useIsolatedServices>>;
let bundledIngest: { handler: (event: unknown) => Promise<{ status: string; reportId: string }[]> };

beforeAll(async () => {
  services = await useIsolatedServices('bundle');
  buildFiftySixApp({ configuration: TEST_CONFIGURATION, context: {}, outdir }).app.synth();
  const ingestAsset = readdirSync(outdir)
    .map((name) => join(outdir, name))
    .find((folder) => existsSync(join(folder, PDF_PAGE_READER.bundled)));
  if (!ingestAsset) throw new Error(`No bundle in ${outdir} has ${PDF_PAGE_READER.bundled} beside it`);
  bundledIngest = await import(pathToFileURL(join(ingestAsset, 'index.mjs')).href);
}, 120_000);

describe('the ingest Lambda bundle', () => {
  it('reads a PDF report through the page reader bundled beside it', async () => {
    const pdf = await reportPdf(forceReportText('Cumbria Constabulary', 'Crime scenes in Cumbria'));
    const [outcome] = await bundledIngest.handler(await services.upload('uploads/cumbria.pdf', pdf, '2024-03-07'));
    expect(outcome).toMatchObject({ status: 'ingested' });
    const report = await services.reports.getReport(outcome!.reportId);
    expect(report?.forces).toEqual(['Cumbria Constabulary']);
    expect(report?.recommendations.map((recommendation) => recommendation.ref)).toEqual(['1', '2']);
  });
});
