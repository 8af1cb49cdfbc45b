/// <reference lib="dom" />
// Code passed to page.evaluate runs in the browser, with its DOM.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import mammoth from 'mammoth';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PUBLISHED_ON_METADATA } from '../../functions/commons/wiring';
import { LOCAL_NAMES, localAdapters, useLocalEnvironment } from '../../infra/local/local-stack';
import { addDays, formatLongDate, londonDateAt } from '../../shared/calendar-date';
import { expectAccessible, expectNoSidewaysScroll, launchBrowser, SCREENSHOTS, watchForErrors } from '../support/browser';
import { forceReportText } from '../support/documents';
import { TEST_CONFIGURATION } from '../support/test-configuration';

/**
 * The office's page in a real browser (Debian's Chromium, driven by Playwright), served by the local
 * stack as `npm start` serves it, on the same API, user pool and table.
 */
const stack = inject('localStack');
let browser: Browser;
let page: Page;
let errors: string[];
let adapters: ReturnType<typeof localAdapters>;

const today = londonDateAt(new Date());
const published = addDays(today, -10);
const lastDay = addDays(published, 55);
const TITLE = `Crime scenes in Cumbria, ${today}`;
/** A document whose words name neither the inspectorate nor an inspection: the rules read it as nobody's report. */
const UNRECOGNISED = `Cumbria Constabulary: the response to robbery, ${Date.now()}`;

/** Puts a report into the bucket as any upload arrives, and waits until it is read. */
async function uploadReport(key: string, text: string, publishedOn?: string): Promise<string> {
  const { ETag } = await new S3Client({}).send(
    new PutObjectCommand({
      Bucket: LOCAL_NAMES.uploadsBucketName,
      Key: key,
      Body: text,
      Metadata: publishedOn ? { [PUBLISHED_ON_METADATA]: publishedOn } : {},
    }),
  );
  for (const deadline = Date.now() + 20_000; Date.now() < deadline; await new Promise((done) => setTimeout(done, 100))) {
    const upload = await adapters.reports.getUpload(LOCAL_NAMES.uploadsBucketName, key, ETag!.replace(/"/g, ''));
    if (upload) return upload.reportId;
  }
  throw new Error(`${key} was not read within 20 s`);
}

/** A date as the page's tables show it, without the weekday: "1 May 2019". */
const tableDate = (date: string) =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));

const shot = (name: string) => page.screenshot({ path: resolve(SCREENSHOTS, `${name}.png`), fullPage: true });

async function signIn(email = 'officer@cumbria.test'): Promise<void> {
  await page.goto(stack.appUrl);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(stack.localPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'What we owe' }).waitFor();
}

beforeAll(async () => {
  useLocalEnvironment(stack, TEST_CONFIGURATION);
  adapters = localAdapters();
  await uploadReport('uploads/page-cumbria.txt', forceReportText('Cumbria Constabulary', TITLE), published);
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1100, height: 900 }, acceptDownloads: true })).newPage();
  errors = watchForErrors(page);
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe('the office’s page, in a real browser', () => {
  it('signs in with email and password, the session out of the script’s reach, and passes accessibility checks', async () => {
    await page.goto(stack.appUrl);
    await page.getByRole('heading', { name: 'Sign in to FiftySix' }).waitFor();
    await expectAccessible(page, 'sign-in');
    await shot('sign-in');
    await page.getByLabel('Email').fill('officer@cumbria.test');
    await page.getByLabel('Password').fill('not my password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('The email address or password is not right');
    await expectAccessible(page, 'sign-in-error');
    await signIn();
    expect(await page.evaluate(() => document.cookie)).not.toContain('fiftysix_session');
  });

  it('lists what the office owes with the last day and days left, a status in words, and filters', async () => {
    const row = page.getByRole('row', { name: new RegExp(TITLE) });
    await expect.poll(() => row.textContent()).toContain(tableDate(lastDay));
    const text = (await row.textContent())!;
    expect(text).toContain('45 days left');
    expect(text).toContain(tableDate(addDays(published, 27)));
    expect(text).toContain('Chief officer’s comments');
    expect(text).toContain('On track');
    await shot('what-we-owe');
    await expectAccessible(page, 'what-we-owe');
    await expectNoSidewaysScroll(page, 'what-we-owe');

    await page.getByLabel('Search titles').fill('no such title anywhere');
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/Showing 0 of \d+/);
    await page.getByLabel('Search titles').fill(TITLE);
    await expect.poll(() => page.getByRole('row', { name: new RegExp(TITLE) }).count()).toBe(1);
    expect(page.url()).toContain('search=');
    // The filter offers the tags' own words.
    await page.getByLabel('Status').selectOption({ label: 'Responded' });
    await expect.poll(() => page.getByRole('row', { name: new RegExp(TITLE) }).count()).toBe(0);
    expect(page.url()).toContain('status=responded');
    await page.getByLabel('Status').selectOption({ label: 'On track' });
    await expect.poll(() => page.getByRole('row', { name: new RegExp(TITLE) }).count()).toBe(1);
    await page.getByLabel('Status').selectOption('');
    await page.getByLabel('Search titles').fill('');
  });

  it('records the chief officer’s comments in one click, shows the change, and names who did it in the history', async () => {
    await page.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    await expectAccessible(page, 'report');
    await shot('report');
    await page.getByRole('button', { name: 'Record comments received today' }).click();
    await page.getByText('The chief officer’s comments are recorded: their reminders stop.').waitFor();
    expect(await page.getByText(`Received on ${formatLongDate(today)}`).count()).toBe(1);
    // Focus is on the response that changed, not thrown back to the top of the page.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('response-cumbria');
    const history = page.getByRole('table', { name: 'History' });
    await expect.poll(() => history.getByRole('row').nth(1).textContent()).toContain('officer@cumbria.test');
    expect(await history.getByRole('row').nth(1).textContent()).toContain(`Recorded progress: Chief officer’s comments received on ${tableDate(today)}`);
    await shot('report-comments-recorded');
    await expectNoSidewaysScroll(page, 'report');

    await page.getByRole('link', { name: 'Back to what we owe' }).click();
    const row = page.getByRole('row', { name: new RegExp(TITLE) });
    await expect.poll(() => row.textContent()).not.toContain('Chief officer’s comments');
  });

  it('explains a recommendation with a note and downloads the draft response with a section for each recommendation', async () => {
    await page.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    const explain = page.getByRole('form', { name: 'Explain recommendation 1' });
    await explain.getByLabel('The action taken or proposed, or why none (optional)').fill('A crime scene training programme started in April.');
    await explain.getByRole('button', { name: 'Mark as explained' }).click();
    await page.getByText('Recommendation 1 is recorded as explained.').waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Recommendation 1');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the draft response (Word)' }).click()]);
    expect(download.suggestedFilename()).toBe(`Response to ${TITLE}.docx`);
    const file = join(tmpdir(), `draft-${Date.now()}.docx`);
    await download.saveAs(file);
    const { value: text } = await mammoth.extractRawText({ path: file });
    expect(text).toContain(`Cumbria PFCC: response to ${TITLE}`);
    expect(text).toContain(`Last day to publish this response: ${formatLongDate(lastDay)}`);
    expect(text).toContain('Recommendation 1');
    expect(text).toContain('By March 2025, the force should make sure its crime scene management follows authorised professional practice.');
    expect(text).toContain('A crime scene training programme started in April.');
    expect(text).toContain('Recommendation 2');
    expect(text).toContain('Within six months, the force should review how it supervises investigations.');
  });

  it('asks for a reason before correcting what was read, and shows the error where it belongs', async () => {
    await page.getByText('The title').click();
    const correction = page.getByRole('form', { name: 'The title' });
    await correction.getByLabel('Title').fill(`${TITLE} (corrected)`);
    await correction.getByRole('button', { name: 'Save the correction' }).click();
    await expect.poll(() => correction.getByRole('alert').textContent()).toContain('Say why');
    await expectAccessible(page, 'report-correction-error');
    // The summary's link moves to the field, keeping what was typed: following it does not draw the page again.
    await correction.getByRole('link', { name: /Say why/ }).click();
    expect(await page.evaluate(() => (document.activeElement as HTMLTextAreaElement | null)?.name)).toBe('reason');
    expect(await correction.getByLabel('Title').inputValue()).toBe(`${TITLE} (corrected)`);
    expect(await correction.locator('.govuk-textarea--error').count()).toBe(1);
    expect(await correction.getByRole('alert').count()).toBe(1);
    await correction.getByLabel('Why').fill('The cover page’s title');
    await correction.getByRole('button', { name: 'Save the correction' }).click();
    await page.getByRole('heading', { name: `${TITLE} (corrected)`, level: 1 }).waitFor();
  });

  it('refuses a date in the future before sending it, against the field', async () => {
    // The comments were recorded above: undone, the form for another day is back.
    await page.getByRole('button', { name: 'Undo comments received' }).click();
    await page.getByText('The chief officer’s comments are no longer recorded').waitFor();
    await page.getByText('Received on another day').click();
    const other = page.getByRole('form', { name: 'Received on another day' });
    const next = addDays(today, 30);
    await other.getByLabel('Day').fill(String(Number(next.slice(8))));
    await other.getByLabel('Month').fill(String(Number(next.slice(5, 7))));
    await other.getByLabel('Year').fill(next.slice(0, 4));
    await other.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => other.getByRole('alert').textContent()).toContain('must be today or in the past');
    expect(await other.getByRole('link', { name: /must be today or in the past/ }).count()).toBe(1);
    expect(await other.locator('.govuk-error-message').textContent()).toContain('must be today or in the past');
  });

  it('says a page is not found for a report that does not exist', async () => {
    await page.goto(`${stack.appUrl}/reports/no-such-report`);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await page.goto(stack.appUrl);
    await page.getByRole('heading', { name: 'What we owe' }).waitFor();
  });

  it('uploads a report from the page and shows what was read', async () => {
    await page.getByRole('link', { name: 'Upload a report' }).first().click();
    await page.getByRole('heading', { name: 'Upload a report' }).waitFor();
    await expectAccessible(page, 'upload');
    const file = join(tmpdir(), 'Custody in Cumbria.txt');
    const title = `Custody in Cumbria, uploaded ${Date.now()}`;
    writeFileSync(file, forceReportText('Cumbria Constabulary', title));
    await page.getByLabel('The report').setInputFiles(file);
    const [day, month, year] = [published.slice(8), published.slice(5, 7), published.slice(0, 4)];
    await page.getByLabel('Day').fill(String(Number(day)));
    await page.getByLabel('Month').fill(String(Number(month)));
    await page.getByLabel('Year').fill(year);
    await page.getByRole('button', { name: 'Upload report' }).click();
    await page.getByRole('heading', { name: 'Uploaded and read' }).waitFor({ timeout: 30_000 });
    expect(await page.getByRole('link', { name: title }).count()).toBe(1);
    expect(await page.getByText(`The last day to publish your response is ${formatLongDate(lastDay)}`).count()).toBe(1);
    // The button was disabled while the file was read: focus is on what became of it, not lost.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Uploaded and read');
    await shot('uploaded');
    await page.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    expect(await page.getByRole('table', { name: 'History' }).textContent()).toContain('officer@cumbria.test');
  });

  it('says an upload it does not recognise as a report starts no clock and waits for an administrator', async () => {
    await page.getByRole('link', { name: 'Upload a report' }).first().click();
    const file = join(tmpdir(), 'Robbery in Cumbria.txt');
    writeFileSync(file, `${UNRECOGNISED}\n\nCumbria Constabulary records too few robberies, and victims wait too long for an answer.`);
    await page.getByLabel('The report').setInputFiles(file);
    await page.getByRole('button', { name: 'Upload report' }).click();
    await page.getByRole('heading', { name: 'Uploaded and read' }).waitFor({ timeout: 30_000 });
    expect(
      await page.getByText('It is listed for your administrator to check what kind of document it is: no clock has started', { exact: false }).count(),
    ).toBe(1);
  });

  it('shows the calendar link to copy, how to add it to Outlook, and the spreadsheet to download', async () => {
    await page.getByRole('link', { name: 'What we owe' }).first().click();
    await page.getByRole('heading', { name: 'Calendar and spreadsheet' }).waitFor();
    const calendarUrl = (await page.locator('.app-calendar-link').textContent())!;
    expect(calendarUrl).toMatch(new RegExp(`^${stack.apiUrl}/bodies/cumbria/calendar\\.ics\\?token=`));
    expect((await fetch(calendarUrl)).status).toBe(200);
    expect(await page.getByRole('button', { name: 'Copy calendar link' }).count()).toBe(1);
    expect(await page.getByText('How to add it to Outlook').count()).toBe(1);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download spreadsheet' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^fiftysix-cumbria-\d{4}-\d{2}-\d{2}\.csv$/);
  });

  it('signs out, after which the page asks to sign in again', async () => {
    await page.getByRole('link', { name: /^Sign out/ }).click();
    await page.getByRole('heading', { name: 'Sign in to FiftySix' }).waitFor();
    await page.goto(`${stack.appUrl}/upload`);
    await page.getByRole('heading', { name: 'Sign in to FiftySix' }).waitFor();
    expect(page.url()).toContain('/sign-in?next=%2Fupload');
  });

  it('shows an administrator what waits for a person, and settles each on the report’s page', async () => {
    const unrecognised = `Cumbria Constabulary: the response to burglary, ${Date.now()}`;
    await uploadReport('uploads/page-cumbria-burglary.txt', `${unrecognised}\n\nCumbria Constabulary records too few burglaries, and victims wait too long.`);
    const responseId = await uploadReport(
      'uploads/page-cumbria-response.txt',
      `Cumbria Police and Crime Commissioner response to the HMICFRS report: Horses in Cumbria, ${today}\n\nDate: ${tableDate(today)}\n\nI welcome the report. On recommendation 1, the force now reviews its supervision every month.`,
    );
    await signIn('admin@fiftysix.test');
    await page.getByRole('heading', { name: /^Waiting for a person/ }).waitFor();
    await expectAccessible(page, 'waiting-for-a-person');
    await shot('waiting-for-a-person');
    await page.getByRole('link', { name: unrecognised }).click();
    await page.getByRole('heading', { name: 'Waiting for a person', exact: true }).waitFor();
    expect(await page.getByText('did not recognise it as an HMICFRS inspection report').count()).toBe(1);
    await expectAccessible(page, 'unrecognised-upload');
    await shot('unrecognised-upload');
    const kind = page.getByRole('form', { name: 'Say what kind of document it is' });
    await kind.getByLabel('HMICFRS inspection report').check();
    await kind.getByLabel('Why').fill('It is the inspectorate’s robbery inspection');
    await kind.getByRole('button', { name: 'Save the kind' }).click();
    await page.getByText('The kind of document is corrected.').waitFor();
    expect(await page.getByRole('heading', { name: 'Waiting for a person', exact: true }).count()).toBe(0);

    await page.goto(`${stack.appUrl}/reports/${encodeURIComponent(responseId)}`);
    const link = page.getByRole('form', { name: 'Link the response' });
    await link.waitFor();
    await link.getByRole('button', { name: 'Link the response' }).click();
    await expect.poll(() => link.getByRole('alert').textContent()).toContain('Choose the report it answers');
    // Each report by its title (as corrected earlier) and publication date, latest first.
    const offered = await link.getByLabel('The report it answers').locator('option').allTextContents();
    const crimeScenes = offered.find((label) => label.startsWith(TITLE) && label.endsWith(`(${tableDate(published)})`));
    expect(crimeScenes).toBeDefined();
    await link.getByLabel('The report it answers').selectOption({ label: crimeScenes! });
    await link.getByLabel('Why').fill('The letter answers the crime scenes report under another name');
    await link.getByRole('button', { name: 'Link the response' }).click();
    await page.getByText('The response is linked to its report.').waitFor();
    expect(await page.getByRole('heading', { name: 'Waiting for a person', exact: true }).count()).toBe(0);

    // A report with a stored one's title and forces but another date may be the same report: a person decides.
    const namesake = `Vetting in Cumbria, ${Date.now()}`;
    const firstId = await uploadReport('uploads/page-cumbria-vetting.txt', forceReportText('Cumbria Constabulary', namesake), published);
    const laterId = await uploadReport(
      'uploads/page-cumbria-vetting-again.txt',
      forceReportText('Cumbria Constabulary', namesake, 'Recommendation 3\nWithin three months, the force should act again.'),
      addDays(published, 3),
    );
    // The page asks for the one report it may be, not for every stored report to find it among them.
    const asked: string[] = [];
    const ask = (request: { method(): string; url(): string }) => asked.push(`${request.method()} ${new URL(request.url()).pathname}`);
    page.on('request', ask);
    await page.goto(`${stack.appUrl}/reports/${encodeURIComponent(laterId)}`);
    const decide = page.getByRole('form', { name: 'Save the decision' });
    await decide.waitFor();
    page.off('request', ask);
    expect(await page.getByRole('link', { name: namesake, exact: true }).count()).toBe(1);
    const apiPath = new URL(stack.apiUrl).pathname.replace(/\/$/, '');
    expect(asked).not.toContain(`GET ${apiPath}/reports`);
    expect(asked).toContain(`GET ${apiPath}/reports/${encodeURIComponent(firstId)}`);
    await decide.getByLabel('No: keep it as a report of its own').check();
    await decide.getByLabel('Why').fill('A second inspection of vetting, three days after the first');
    await decide.getByRole('button', { name: 'Save the decision' }).click();
    await page.getByText('The decision is recorded.').waitFor();
    expect(await page.getByRole('heading', { name: 'Waiting for a person', exact: true }).count()).toBe(0);
  });

  it('broke no content security policy and threw no script error on any page', () => {
    expect(errors).toEqual([]);
  });
});
