import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertLines, operatorAlerts } from '../../functions/commons/operator-alerts';
import { DISCOVERED_PREFIX, PUBLISHER_METADATA } from '../../functions/commons/wiring';
import { discover, discoveryDependencies, type SourceRun, STOP_FOLLOWING_WITH_MS_LEFT } from '../../functions/discovery/discover';
import type { DiscoverySource } from '../../shared/configuration';
import { pdfPage, publisherPages, recordedPage, startDiscoverySite } from '../support/discovery-site';
import { forceReportText } from '../support/documents';
import { s3PutEvent, useIsolatedServices } from '../support/local-services';

let services: Awaited<ReturnType<typeof useIsolatedServices>>;
let site: Awaited<ReturnType<typeof startDiscoverySite>>;
let ingest: typeof import('../../functions/ingest/handler');
let sources: DiscoverySource[];

const CONTACT = 'ops@fiftysix.test';

beforeAll(async () => {
  services = await useIsolatedServices('discovery');
  ingest = await import('../../functions/ingest/handler');
  site = await startDiscoverySite(await publisherPages());
  sources = [
    // The feed stands for the inspectorate's own, as its configuration would mark it; the listing is a PCC office's page.
    { kind: 'feed', url: `${site.origin}/feed/`, inspectorate: true },
    { kind: 'listing', url: `${site.origin}/Transparency/HMICFRS/` },
    { kind: 'listing', url: `${site.origin}/empty/` },
  ];
});

afterAll(() => site?.close());

/** One pass, as the handler runs it; the spacing between requests is shortened so the test runs quickly. */
function pass(over = sources): Promise<SourceRun[]> {
  return discover(over, discoveryDependencies({ tableName: services.tableName, bucket: services.bucket }, CONTACT, { minIntervalMs: 10 }));
}

/** The ingest of each document a pass put, as S3's notifications would start it. */
async function ingestPut(runs: SourceRun[]) {
  const events = runs.flatMap((run) => run.fetched).map((put) => s3PutEvent(services.bucket, put.key, put.eTag, put.size, '2024-10-11T12:00:00.000Z'));
  return ingest.handler({ Records: events.flatMap((event) => event.Records) });
}

describe('discovery on a local site', () => {
  let first: SourceRun[];

  it('puts each report once, with the date its page states, and skips what is not a report with a reason', async () => {
    first = await pass();
    const [feed, listing] = first;
    const put = first
      .flatMap((run) => run.fetched)
      .map(({ url, publishedOn, landingPage, key }) => ({ url: url.replace(site.origin, ''), publishedOn, landingPage, key }));
    expect(put).toEqual([
      expect.objectContaining({
        url: '/wp-content/uploads/cleveland-police-cause-of-concern-revisit-public-engagement-and-scrutiny.pdf',
        publishedOn: '2021-10-12',
      }),
      expect.objectContaining({
        url: '/wp-content/uploads/peel-2021-22-an-inspection-of-cleveland-police.pdf',
        publishedOn: '2022-11-04',
        landingPage: `${site.origin}/publications/peel-2021-22-an-inspection-of-cleveland-police/`,
      }),
      expect.objectContaining({ url: '/publication-html/peel-spotlight-report-diverging-under-pressure/', publishedOn: '2020-02-27' }),
      expect.objectContaining({ url: '/reports/An-inspection-into-activism-and-impartiality-in-policing.pdf', publishedOn: '2024-09-10' }),
    ]);
    for (const each of put) expect(each.key.startsWith(DISCOVERED_PREFIX)).toBe(true);
    // What the inspectorate's site published is marked the inspectorate's, for the kind rules; nothing else is.
    const publisherOf = async (key: string) =>
      (await services.s3.send(new HeadObjectCommand({ Bucket: services.bucket, Key: key }))).Metadata?.[PUBLISHER_METADATA] ?? null;
    expect(feed!.fetched.length).toBeGreaterThan(0);
    expect(await Promise.all(feed!.fetched.map((each) => publisherOf(each.key)))).toEqual(feed!.fetched.map(() => 'inspectorate'));
    expect(await Promise.all(listing!.fetched.map((each) => publisherOf(each.key)))).toEqual(listing!.fetched.map(() => null));
    expect(feed!.skipped.map((each) => [each.title, each.reason.code])).toEqual([
      ['Inspectorate publishes annual assessment – press release', 'press-release'],
      ['Fire and Rescue Service effectiveness and efficiency 2023–25: Cumbria Fire and Rescue Service', 'fire-and-rescue-only'],
    ]);
    expect(listing!.skipped.map((each) => each.reason.code)).toEqual(['pcc-response', 'inspection-programme']);
    expect(first.flatMap((run) => run.errors)).toEqual([]);

    const outcomes = await ingestPut(first);
    expect(outcomes.map((outcome) => outcome.status)).not.toContain('failed');
    const reports = await Promise.all(outcomes.map((outcome) => services.reports.getReport(outcome.reportId)));
    expect(reports.map((report) => [report?.publishedOn, report?.publishedOnSource])).toEqual([
      ['2021-10-12', 'document'],
      ['2022-11-04', 'document'],
      ['2020-02-27', 'document'],
      ['2024-09-10', 'document'],
    ]);
    expect(new Set(outcomes.map((outcome) => outcome.reportId)).size).toBe(4);
  });

  it('names the project and its contact in every request', () => {
    expect(site.requests.length).toBeGreaterThan(0);
    for (const request of site.requests) expect(request.headers['user-agent']).toBe(`FiftySix/0.1 (section 55 response tracker; +${CONTACT})`);
  });

  it('fetches nothing new on a second pass, asking each page only whether it changed', async () => {
    const before = site.requests.length;
    const second = await pass();
    expect(second.flatMap((run) => run.fetched)).toEqual([]);
    const asked = site.requests.slice(before).filter((request) => !request.path.startsWith('/empty/'));
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.map((request) => request.status)).toEqual(asked.map(() => 304));
    expect(second[0]!.skipped).toEqual([]);
  });

  it('puts a changed document at the same address again, as a new version, and alarms on a source empty three runs in a row', async () => {
    const letter = '/wp-content/uploads/cleveland-police-cause-of-concern-revisit-public-engagement-and-scrutiny.pdf';
    site.pages[letter] = await pdfPage(
      forceReportText('Cumbria Constabulary', 'Cumbria Constabulary cause of concern revisit', 'Corrected on 14 October 2021.'),
    );
    site.pages['/feed/'] = { ...recordedPage('feed.xml'), body: `${recordedPage('feed.xml').body}\n` };
    const third = await pass();
    const fetched = third.flatMap((run) => run.fetched);
    expect(fetched).toEqual([expect.objectContaining({ url: `${site.origin}${letter}`, newVersion: true, publishedOn: '2021-10-12' })]);
    expect(fetched[0]!.key).toBe(first[0]!.fetched[0]!.key);
    const [outcome] = await ingestPut(third);
    expect(outcome).toMatchObject({ status: 'ingested' });
    expect(await services.uploadRecord(fetched[0]!.key)).toMatchObject({ reportId: outcome!.reportId });

    const empty = third[2]!;
    expect(empty).toMatchObject({ consecutiveProblems: 3, alarm: true, problem: expect.stringContaining('listed no publications') });
    expect(third.slice(0, 2).map((run) => run.alarm)).toEqual([false, false]);
    const alerts = await operatorAlerts(services, new Date());
    expect(alerts.failingSources).toEqual([expect.objectContaining({ source: `${site.origin}/empty/`, consecutiveProblems: 3 })]);
    expect(alertLines(alerts)).toContainEqual(
      expect.stringMatching(/^Discovery source http:\/\/127\.0\.0\.1:\d+\/empty\/ failed or listed nothing on 3 runs in a row/),
    );
  });

  it('clears a source’s run of problems once it lists publications again', async () => {
    site.pages['/empty/'] = recordedPage('listing.html');
    const [, , recovered] = await pass();
    expect(recovered).toMatchObject({ problem: null, consecutiveProblems: 0, alarm: false });
    expect((await operatorAlerts(services, new Date())).failingSources).toEqual([]);
  });

  it('lists for a person a discovered report whose page states no date, its clock waiting', async () => {
    const [undated] = await pass([{ kind: 'listing', url: `${site.origin}/undated/` }]);
    expect(undated!.fetched).toEqual([expect.objectContaining({ publishedOn: null })]);
    const [outcome] = await ingestPut([undated!]);
    expect(outcome).toMatchObject({ status: 'awaiting-publication-date' });
    const alerts = await operatorAlerts(services, new Date());
    expect(alerts.undatedDiscoveries).toEqual([{ reportId: outcome!.reportId, key: undated!.fetched[0]!.key, title: 'Custody in Cumbria' }]);
    expect(alertLines(alerts)).toContain(
      `Discovered report ${outcome!.reportId} (${undated!.fetched[0]!.key}) states no publication date: confirm it with "npm run cli -- confirm ${outcome!.reportId} --published YYYY-MM-DD"`,
    );
  });

  it('tries again next run a publication it could not follow, though its listing has not changed since', async () => {
    const report = '/publications/an-inspection-of-custody-in-cumbria/';
    site.pages['/flaky/'] = {
      body: `<html><body><ul><li><a href="${report}">An inspection of custody in Cumbria</a> – 3 June 2024</li></ul></body></html>`,
      contentType: 'text/html',
    };
    const flaky = [{ kind: 'listing' as const, url: `${site.origin}/flaky/` }];
    const [failed] = await pass(flaky);
    expect(failed).toMatchObject({
      fetched: [],
      errors: [{ url: `${site.origin}${report}`, message: expect.stringContaining('404') }],
      consecutiveProblems: 1,
    });
    expect(failed!.problem).toMatch(/none of the 1 publications .* could be followed/);

    site.pages[report] = recordedPage('landing-peel-cleveland.html');
    const [retried] = await pass(flaky);
    expect(retried).toMatchObject({ errors: [], problem: null, consecutiveProblems: 0 });
    expect(retried!.fetched).toEqual([expect.objectContaining({ landingPage: `${site.origin}${report}`, publishedOn: '2022-11-04', newVersion: false })]);
  });

  it('stops following with too little of the invocation left, and the next run starts where it stopped', async () => {
    const documents = ['durham', 'kent', 'surrey'].map((force) => `/wp-content/uploads/${force}-stop-search.pdf`);
    for (const [index, document] of documents.entries()) {
      site.pages[document] = await pdfPage(forceReportText(['Durham Constabulary', 'Kent Police', 'Surrey Police'][index]!, 'Stop and search'));
    }
    site.pages['/long/'] = {
      body: `<html><body><ul>${documents.map((document) => `<li><a href="${document}">Stop and search</a> – 3 June 2024</li>`).join('')}</ul></body></html>`,
      contentType: 'text/html',
    };
    const long = [{ kind: 'listing' as const, url: `${site.origin}/long/` }];
    // The invocation's clock, as Lambda's context gives it: time for two publications, then under the margin.
    let asked = 0;
    const dependencies = discoveryDependencies({ tableName: services.tableName, bucket: services.bucket }, CONTACT, { minIntervalMs: 10 });
    const shortOfTime = { ...dependencies, remainingMs: () => (asked++ < 2 ? 600_000 : STOP_FOLLOWING_WITH_MS_LEFT - 1) };
    const [cut] = await discover(long, shortOfTime);
    expect(cut).toMatchObject({ left: 1, problem: null, errors: [] });
    expect(cut!.fetched.map(({ url }) => url.replace(site.origin, ''))).toEqual(documents.slice(0, 2));

    const before = site.requests.length;
    const [resumed] = await pass(long);
    expect(resumed).toMatchObject({ left: 0, problem: null });
    expect(resumed!.fetched.map(({ url }) => url.replace(site.origin, ''))).toEqual([documents[2]]);
    // The last run's two answer only whether they changed, after the one it did not reach.
    expect(
      site.requests
        .slice(before)
        .filter((request) => documents.includes(request.path))
        .map((request) => [request.path, request.status]),
    ).toEqual([
      [documents[2], 200],
      [documents[0], 304],
      [documents[1], 304],
    ]);
  });

  it('asks next time with the validators a site gave an unchanged document, not the ones it gave before', async () => {
    const document = '/wp-content/uploads/renamed-etag.pdf';
    const listing = (run: number) => ({
      body: `<html><body><!-- run ${run} --><ul><li><a href="${document}">Vetting in Cumbria</a> – 3 June 2024</li></ul></body></html>`,
      contentType: 'text/html',
    });
    site.pages[document] = { ...(await pdfPage(forceReportText('Cumbria Constabulary', 'Vetting in Cumbria'))), eTag: '"first-server"' };
    const moved = [{ kind: 'listing' as const, url: `${site.origin}/moved/` }];
    site.pages['/moved/'] = listing(1);
    expect((await pass(moved))[0]!.fetched).toHaveLength(1);
    // The site moves to servers that give the same document another ETag.
    site.pages[document] = { ...site.pages[document]!, eTag: '"second-server"' };
    site.pages['/moved/'] = listing(2);
    expect((await pass(moved))[0]!.fetched).toEqual([]);
    site.pages['/moved/'] = listing(3);
    const before = site.requests.length;
    expect((await pass(moved))[0]!.fetched).toEqual([]);
    expect(
      site.requests
        .slice(before)
        .filter((request) => request.path === document)
        .map((request) => request.status),
    ).toEqual([304]);
  });
});
