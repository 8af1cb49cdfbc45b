import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFeed, parseListing, readLandingPage, reasonToSkip, UnreadableSourceError } from '../../shared/discovery';

const SITE = 'https://hmicfrs.example/';
const page = (name: string) => readFileSync(new URL(`../fixtures/discovery/${name}`, import.meta.url), 'utf8');

describe('reading a feed', () => {
  it('gives each RSS item’s title, absolute link and publication day as the feed writes it', () => {
    const items = parseFeed(page('feed.xml'), `${SITE}feed/`);
    expect(items).toHaveLength(4);
    expect(items[0]).toEqual({
      title: 'Cleveland Police cause of concern revisit – Public engagement and scrutiny',
      url: `${SITE}publications/cleveland-police-cause-of-concern-revisit-public-engagement-and-scrutiny/`,
      listedOn: '2021-10-12',
    });
    expect(items.map((item) => item.listedOn)).toEqual(['2021-10-12', '2022-11-04', '2023-03-30', '2024-01-17']);
  });

  it('gives each Atom entry’s alternate link and its published date before its updated date', () => {
    expect(parseFeed(page('atom.xml'), `${SITE}feed/atom/`)).toEqual([
      {
        title: 'PEEL spotlight report: Diverging under pressure',
        url: `${SITE}publications/peel-spotlight-report-overview-of-themes-2018-19/`,
        listedOn: '2020-02-27',
      },
      {
        title: 'Terms of reference: An inspection of vetting',
        url: `${SITE}publications/terms-of-reference-an-inspection-of-vetting/`,
        listedOn: '2022-01-10',
      },
    ]);
  });

  it('gives the London day of a moment written in UTC, as WordPress writes a report published at 00:01 in summer', () => {
    const feed = (pubDate: string) =>
      `<rss version="2.0"><channel><item><title>PEEL 2022</title><link>${SITE}publications/peel/</link><pubDate>${pubDate}</pubDate></item></channel></rss>`;
    for (const pubDate of ['Tue, 11 Oct 2022 23:01:00 +0000', 'Tue, 11 Oct 2022 23:01:00 GMT', 'Wed, 12 Oct 2022 00:01:00 +0100', '2022-10-11T23:01:00Z']) {
      expect(parseFeed(feed(pubDate), `${SITE}feed/`)[0]?.listedOn).toBe('2022-10-12');
    }
    const page = `<h1>PEEL 2022</h1><meta property="article:published_time" content="2022-10-11T23:01:00+00:00"><a href="/media/peel.pdf">Get the report</a>`;
    expect(readLandingPage(page, `${SITE}publications/peel/`)).toMatchObject({ kind: 'report', publishedOn: '2022-10-12' });
  });

  it('refuses, with a reason, a page that is not a feed or not XML at all', () => {
    expect(() => parseFeed(page('listing.html'), SITE)).toThrow(UnreadableSourceError);
    expect(() => parseFeed('<rss><channel><item></channel>', SITE)).toThrow(/not well-formed XML|neither RSS/);
  });
});

describe('reading a listing page', () => {
  it('gives the links to publications with the dates beside them, leaving out navigation and categories', () => {
    const listed = parseListing(page('listing.html'), `${SITE}Transparency/HMICFRS/`);
    expect(listed).toEqual([
      {
        title: 'The policing response to antisocial behaviour: PEEL spotlight report',
        url: `${SITE}publications/the-policing-response-to-antisocial-behaviour-peel-spotlight-report/`,
        listedOn: '2024-10-10',
      },
      { title: "Deputy Commissioner's Response", url: `${SITE}documents/Deputy-Commissioners-Response-ASB.pdf`, listedOn: '2024-10-10' },
      {
        title: 'An inspection into activism and impartiality in policing',
        url: `${SITE}reports/An-inspection-into-activism-and-impartiality-in-policing.pdf`,
        listedOn: '2024-09-10',
      },
      {
        title: 'HMICFRS inspection programme and framework 2024–25',
        url: `${SITE}publications/hmicfrs-inspection-programme-and-framework-2024-25/`,
        listedOn: '2024-04-02',
      },
    ]);
  });

  it('finds nothing on a page with no publication links, for the pass to count as an empty run', () => {
    expect(parseListing('<html><body><h1>Site maintenance</h1><a href="/">Home</a></body></html>', SITE)).toEqual([]);
  });
});

describe('a page or feed with a link that is not an address', () => {
  const broken = '<a href="http://">Home</a> <a href="https://exa mple.gov.uk/publications/x/">Broken</a>';

  it('leaves the link out of a listing and reads the others', () => {
    const listed = parseListing(`<ul><li>${broken}</li><li><a href="/publications/peel-2024/">PEEL 2024</a></li></ul>`, SITE);
    expect(listed.map((each) => each.url)).toEqual([`${SITE}publications/peel-2024/`]);
  });

  it('leaves the link out of a landing page and takes the report', () => {
    const reading = readLandingPage(
      `<h1>PEEL 2024</h1><p>${broken}</p><a href="/media/peel-2024.pdf">Get the report (PDF document)</a>`,
      `${SITE}publications/peel-2024/`,
    );
    expect(reading).toMatchObject({ kind: 'report', document: { url: `${SITE}media/peel-2024.pdf`, format: 'pdf' } });
  });

  it('leaves the item out of a feed and reads the others', () => {
    const feed = `<rss version="2.0"><channel><item><title>Broken</title><link>http://</link></item><item><title>PEEL 2024</title><link>${SITE}publications/peel-2024/</link></item></channel></rss>`;
    expect(parseFeed(feed, `${SITE}feed/`).map((each) => each.url)).toEqual([`${SITE}publications/peel-2024/`]);
  });
});

describe('reading a landing page', () => {
  it('prefers the HTML version to the PDF, ignores the press releases and PCC responses, and takes the stated date', () => {
    expect(readLandingPage(page('landing-report.html'), `${SITE}publications/peel-spotlight-report-overview-of-themes-2018-19/`)).toEqual({
      kind: 'report',
      title: 'PEEL spotlight report: Diverging under pressure – Overview of themes from PEEL inspections 2018/19',
      publishedOn: '2020-02-27',
      document: { url: `${SITE}publication-html/peel-spotlight-report-diverging-under-pressure/`, format: 'html' },
    });
  });

  it('takes the PDF of a page that offers only one, and the date from its <time>', () => {
    expect(readLandingPage(page('landing-letter.html'), `${SITE}publications/cleveland-police-cause-of-concern-revisit/`)).toMatchObject({
      kind: 'report',
      publishedOn: '2021-10-12',
      document: { url: `${SITE}wp-content/uploads/cleveland-police-cause-of-concern-revisit-public-engagement-and-scrutiny.pdf`, format: 'pdf' },
    });
  });

  it('takes a report whose own title says "response" or "data", passing over the bodies’ responses beside it', () => {
    const page = `<html><body><h1>The policing response to antisocial behaviour</h1><p>Published on: 10 October 2024</p>
      <h2>Get the report</h2><ul><li><a href="/uploads/pcc-response-asb.pdf">Surrey PCC’s response (PDF document)</a></li>
      <li><a href="/uploads/policing-response-to-asb.pdf">The policing response to antisocial behaviour (PDF document)</a></li></ul></body></html>`;
    expect(readLandingPage(page, `${SITE}publications/asb/`)).toMatchObject({
      kind: 'report',
      document: { url: `${SITE}uploads/policing-response-to-asb.pdf` },
    });
    const integrity =
      '<html><body><h1>Crime data integrity: Cumbria</h1><a href="/uploads/cdi-cumbria.pdf">Crime data integrity inspection 2024: Cumbria (PDF document)</a></body></html>';
    expect(readLandingPage(integrity, `${SITE}publications/cdi/`)).toMatchObject({ kind: 'report', document: { format: 'pdf' } });
  });

  it('leads from a news item to the report it announces, not to the news item', () => {
    expect(readLandingPage(page('news-item.html'), `${SITE}news/news-feed/cleveland-police-has-improved/`)).toEqual({
      kind: 'announcement',
      title: 'Cleveland Police has improved in some areas but still more to do',
      publishedOn: '2022-11-04',
      reportPage: `${SITE}publications/peel-2021-22-an-inspection-of-cleveland-police/`,
    });
  });

  it('skips a press release and a fire and rescue report, each with its reason', () => {
    expect(readLandingPage(page('press-release.html'), `${SITE}news/news-feed/inspectorate-publishes-annual-assessment/`)).toMatchObject({
      kind: 'skipped',
      reason: { code: 'press-release' },
    });
    expect(readLandingPage(page('fire-report.html'), `${SITE}publications/frs-assessment/cumbria/`)).toMatchObject({
      kind: 'skipped',
      reason: { code: 'fire-and-rescue-only', message: expect.stringContaining('fire and rescue') },
    });
  });

  it('skips a page that links to no report, saying so', () => {
    expect(readLandingPage('<html><body><h1>About us</h1><p>Who we are.</p></body></html>', `${SITE}about/`)).toMatchObject({
      kind: 'skipped',
      reason: { code: 'no-report-found' },
    });
  });
});

describe('what is not a report to answer', () => {
  it.each([
    ['Terms of reference: An inspection of vetting', 'publications/x/', 'terms-of-reference'],
    ['HMICFRS inspection programme and framework 2024–25', 'publications/x/', 'inspection-programme'],
    ['National press release: differences between forces', 'news/x/', 'press-release'],
    ['Cumbria', 'publications/frs-assessment/cumbria/', 'fire-and-rescue-only'],
    ["Deputy Commissioner's Response", 'documents/response.pdf', 'pcc-response'],
    ['PCC & Force Response to PEEL Effectiveness 2018', 'documents/peel.pdf', 'pcc-response'],
  ])('"%s" at /%s is skipped as %s', (title, path, code) => {
    expect(reasonToSkip(title, `${SITE}${path}`)?.code).toBe(code);
  });

  it('reads an address with a stray "%" as it is written, rather than failing on it', () => {
    expect(reasonToSkip('Cumbria', `${SITE}publications/frs-assessment/cumbria-100%/`)?.code).toBe('fire-and-rescue-only');
    expect(reasonToSkip('PEEL 2023–25: 100% of crimes recorded', `${SITE}publications/peel-100%-crimes/`)).toBeNull();
  });

  it('keeps a police inspection, even one that names fire and rescue services beside forces', () => {
    expect(reasonToSkip('PEEL 2021/22 – An inspection of Cleveland Police', `${SITE}publications/peel/`)).toBeNull();
    expect(reasonToSkip('The policing response to antisocial behaviour: PEEL spotlight report', `${SITE}publications/asb/`)).toBeNull();
    expect(reasonToSkip('Joint working between police forces and fire and rescue services', `${SITE}publications/joint/`)).toBeNull();
  });
});
