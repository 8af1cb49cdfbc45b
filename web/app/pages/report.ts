import { ARCHIVE_REASONS } from '../../../shared/corrections';
import { FORCES } from '../../../shared/forces';
import type { ExtractedRecommendation, Obligation } from '../../../shared/model';
import { mayBeAnswered, owedRecommendations } from '../../../shared/obligation-state';
import { daysLeftText, statusOf } from '../../../shared/obligation-status';
import { api } from '../api';
import { type Child, h, replace } from '../dom';
import { ADVANCE_COPY_HINT, checkedDate, form, idOf, latestPublicationDate, londonToday, required, text } from '../forms';
import {
  choices,
  dateFrom,
  dateInput,
  details,
  type FieldError,
  heading,
  insetText,
  link,
  longDate,
  notificationBanner,
  paragraph,
  select,
  statusTag,
  summaryList,
  table,
  tableDate,
  textarea,
  textInput,
  warningText,
} from '../govuk';
import { ACTIONS, DATE_KINDS, KIND_NAMES, missingText, progressText, REVIEW_TEXTS, reminderOutcome, stageText, UNRECOGNISED_BUT_OWED } from '../labels';
import type { PageContext } from '../main';
import type { ReportListing, ReportView } from '../types';

type ObligationView = ReportView['obligations'][number];

/** What a form's fields ask for, as the API takes it, or what is wrong with them. */
type Build = (data: FormData, element: HTMLFormElement) => object | FieldError[];

/** What the last change on this page did, shown once at the top when it is drawn again. */
let done: string | null = null;

/** A moment in London time, as the history and the reminders show it. */
const moment = (at: string) => new Date(at).toLocaleString('en-GB', { timeZone: 'Europe/London', dateStyle: 'long', timeStyle: 'short' });

const recommendationKeyOf = (recommendation: ExtractedRecommendation, index: number) => recommendation.key ?? recommendation.ref ?? String(index + 1);

const reasonField = (label = 'Why') => textarea('reason', { label, hint: 'Kept in the report’s history, with your name', rows: 2 });

function missingReason(data: FormData, form: HTMLFormElement): FieldError[] {
  return text(data, 'reason') ? [] : [{ field: idOf(form, 'reason'), message: 'Say why: it is kept in the report’s history' }];
}

/**
 * The web address of a published response, as a person may type it: one starting "www." is given its
 * https://; anything else must be a web address.
 */
function responseUrl(data: FormData, form: HTMLFormElement): string | null | FieldError {
  const typed = text(data, 'url');
  if (!typed) return null;
  const url = /^www\./i.test(typed) ? `https://${typed}` : typed;
  return /^https?:\/\/[^\s/.]+\.[^\s]+$/i.test(url)
    ? url
    : { field: idOf(form, 'url'), message: 'Enter the web address of the published response, like https://www.your-office.example/hmicfrs-responses' };
}

const CLOSURES: Record<NonNullable<Obligation['closure']>['kind'], string> = {
  archived: 'Archived',
  'no-duty': 'No duty',
  retired: 'The body was retired',
};

/** The next reminder's day; one already past is sent by the next morning's check (the report was read after today's). */
function nextReminderText(nextReminderOn: string | null, today: string): string {
  if (!nextReminderOn) return 'None planned';
  return nextReminderOn < today ? 'At the next morning’s check' : longDate(nextReminderOn);
}

/** A target's wording as a note after its date: "(within six months)". */
const asNote = (phrase: string) => ` (${phrase.charAt(0).toLowerCase()}${phrase.slice(1)})`;

export async function reportPage(main: HTMLElement, context: PageContext, { reportId }: Record<string, string>): Promise<string> {
  const view = await api<ReportView>('GET', `/reports/${encodeURIComponent(reportId!)}`);
  const { report } = view;
  const title = report.title ?? `The report uploaded as ${report.source.key}`;
  const bodyName = (bodyId: string) => context.me.bodies.find((body) => body.id === bodyId)?.name ?? bodyId;
  /** Sends a change, then draws the page again with what was done at the top, and focus on what changed. */
  const change = async (path: string, body: unknown, what: string, focus?: string) => {
    await api('POST', path, body);
    done = what;
    context.refresh(focus);
    return undefined;
  };
  const progress = (obligation: Obligation, body: unknown, what: string, focus = `response-${obligation.bodyId}`) =>
    change(`/reports/${encodeURIComponent(report.id)}/bodies/${encodeURIComponent(obligation.bodyId)}/progress`, body, what, focus);
  const correctObligation = (obligation: Obligation, body: unknown, what: string) =>
    change(`/reports/${encodeURIComponent(report.id)}/bodies/${encodeURIComponent(obligation.bodyId)}/corrections`, body, what);
  const correctReport = (body: unknown, what: string) => change(`/reports/${encodeURIComponent(report.id)}/corrections`, body, what);
  /** A correction to one obligation that needs only its reason. */
  const reasonForm = (
    obligation: Obligation,
    correction: { type: 'take-up' | 'restore' },
    labels: { submit: string; label: string; done: string; kind?: 'secondary'; reasonLabel?: string },
  ) =>
    form(
      {
        submit: labels.submit,
        kind: labels.kind,
        label: labels.label,
        onSubmit: (data, element) => {
          const missing = missingReason(data, element);
          return missing.length > 0 ? Promise.resolve(missing) : correctObligation(obligation, { ...correction, reason: text(data, 'reason') }, labels.done);
        },
      },
      reasonField(labels.reasonLabel),
    );

  /** One body's response: where it stands, and a form for each thing still to record. */
  /** Which day of the 56 the body's response came on, and how late, as the API works it out. */
  function dayOfPeriodText(bodyId: string): string | null {
    const figure = view.lateness.find((each) => each.bodyId === bodyId);
    if (!figure) return null;
    return ` (day ${figure.dayOfPeriod} of 56${figure.daysLate > 0 ? `: ${figure.daysLate} ${figure.daysLate === 1 ? 'day' : 'days'} late` : ''})`;
  }

  function obligationSection(obligation: ObligationView) {
    const { summary, progress: recorded, dates } = obligation;
    const open = !obligation.closure;
    const today = londonToday();
    /** One click for what happened today; another day (and the response's address) behind a details. */
    const record = (
      what: 'chief-officer-comments-received' | 'response-published',
      labels: { today: string; otherDay: string; legend: string; done: string },
    ) =>
      h(
        'div',
        { class: 'govuk-!-margin-bottom-4' },
        form({ submit: labels.today, label: labels.today, onSubmit: () => progress(obligation, { action: what, on: today }, labels.done) }),
        details(
          labels.otherDay,
          form(
            {
              submit: 'Save',
              label: labels.otherDay,
              onSubmit: async (data, element) => {
                const on = checkedDate(data, 'on', element, {
                  label: what === 'response-published' ? 'the response was published' : 'the comments were received',
                  notAfter: today,
                  notBefore: report.publishedOn ? { date: report.publishedOn, because: 'when HMICFRS published the report' } : undefined,
                });
                const url = what === 'response-published' ? responseUrl(data, element) : null;
                const errors = [on, url].filter((each): each is FieldError => typeof each === 'object' && each !== null);
                if (errors.length > 0) return errors;
                return progress(obligation, { action: what, on, ...(what === 'response-published' ? { url } : {}) }, labels.done);
              },
            },
            dateInput('on', { legend: labels.legend, hint: 'For example, 27 3 2024' }),
            what === 'response-published'
              ? textInput('url', {
                  label: 'Web address of the published response (optional)',
                  type: 'url',
                  hint: 'For example, https://www.your-office.example/hmicfrs-responses/…',
                })
              : null,
          ),
        ),
      );
    const undo = (what: 'chief-officer-comments-received' | 'response-published', label: string, done: string) =>
      form({ submit: label, kind: 'secondary', label, onSubmit: () => progress(obligation, { action: 'undo', what }, done) });
    const actions: Child =
      open && !obligation.historical
        ? [
            recorded.chiefOfficerCommentsReceivedOn
              ? undo(
                  'chief-officer-comments-received',
                  'Undo comments received',
                  'The chief officer’s comments are no longer recorded: their reminders start again.',
                )
              : record('chief-officer-comments-received', {
                  today: 'Record comments received today',
                  otherDay: 'Received on another day',
                  legend: 'When did the chief officer’s comments arrive?',
                  done: 'The chief officer’s comments are recorded: their reminders stop.',
                }),
            recorded.responsePublishedOn
              ? undo('response-published', 'Undo response published', 'The response is no longer recorded as published.')
              : record('response-published', {
                  today: 'Record response published today',
                  otherDay: 'Published on another day, or add its web address',
                  legend: 'When was the response published?',
                  done: 'The response is recorded as published: its reminders stop.',
                }),
          ]
        : null;
    /** A report whose last day passed long before FiftySix read it: archive it if answered, or start its reminders. */
    const historicalSection = (historical: Obligation) =>
      h(
        'div',
        { class: 'govuk-!-margin-bottom-6' },
        h('h3', { class: 'govuk-heading-s' }, 'A historical report'),
        paragraph(
          `Its last day, ${longDate(historical.dates?.responseDueOn)}, had passed long before FiftySix read it, so FiftySix sends no reminders about it. `,
          'If your office answered it before using FiftySix, archive it below as “Answered before FiftySix was used”. If you still need to respond, start its reminders.',
        ),
        reasonForm(
          historical,
          { type: 'take-up' },
          {
            submit: 'Start reminders',
            kind: 'secondary',
            label: 'Start reminders for this historical report',
            reasonLabel: 'Why start reminders now',
            done: 'Reminders will run for this report.',
          },
        ),
      );
    const commentsLate = summary.chiefOfficerCommentsDaysLeft !== null && summary.chiefOfficerCommentsDaysLeft < 0 && open && !obligation.historical;
    const owed = owedRecommendations(report);
    return h(
      'section',
      { class: 'govuk-!-margin-bottom-8', 'aria-labelledby': `response-${obligation.bodyId}` },
      h(
        'h2',
        { class: 'govuk-heading-m', id: `response-${obligation.bodyId}` },
        context.me.bodies.length > 1 ? `${bodyName(obligation.bodyId)}’s response` : 'Your response',
        ' ',
        statusTag(statusOf(summary)),
      ),
      report.kind === 'other' && open ? warningText(UNRECOGNISED_BUT_OWED) : null,
      obligation.closure
        ? insetText(
            `${CLOSURES[obligation.closure.kind]}: ${obligation.closure.reason}${obligation.closure.note ? ` (${obligation.closure.note})` : ''}. Recorded by ${obligation.closure.by} on ${longDate(obligation.closure.on)}.`,
          )
        : null,
      summaryList([
        [
          'Last day to publish the response',
          dates
            ? `${longDate(dates.responseDueOn)}${obligation.historical || !open ? '' : ` (${daysLeftText(summary.daysLeft)})`}`
            : 'Set once the publication date is known',
        ],
        [
          'Chief officer’s comments',
          recorded.chiefOfficerCommentsReceivedOn
            ? `Received on ${longDate(recorded.chiefOfficerCommentsReceivedOn)}`
            : `Due ${longDate(dates?.chiefOfficerCommentsDueOn, 'once the report has its publication date')}${commentsLate ? ` (${daysLeftText(summary.chiefOfficerCommentsDaysLeft)})` : ''}`,
        ],
        [
          'Response',
          recorded.responsePublishedOn
            ? [
                `Published on ${longDate(recorded.responsePublishedOn)}`,
                recorded.responseUrl ? [': ', link(recorded.responseUrl, recorded.responseUrl, { rel: 'noreferrer' })] : null,
                dayOfPeriodText(obligation.bodyId),
              ]
            : 'Not yet published',
        ],
        ...(obligation.response && obligation.response.notAddressed.length > 0
          ? [
              [
                'Not addressed by the response',
                h(
                  'ul',
                  { class: 'govuk-list govuk-list--bullet' },
                  ...obligation.response.notAddressed.map((each) => h('li', {}, `${each.key}. ${each.text}`)),
                ),
              ] as [string, Child],
            ]
          : []),
        ['Still missing', missingText(summary.missing, summary.state).join('; ') || 'Nothing'],
        ['Next reminder', nextReminderText(summary.nextReminderOn, today)],
      ]),
      obligation.historical ? historicalSection(obligation) : null,
      actions,
      h(
        'p',
        { class: 'govuk-body' },
        link(
          `/api/reports/${encodeURIComponent(report.id)}/bodies/${encodeURIComponent(obligation.bodyId)}/draft-response.docx`,
          'Download the draft response (Word)',
          { download: '' },
        ),
        ': the report’s dates, a section for the chief officer’s comments, and each recommendation with your notes.',
      ),
      owed.length > 0
        ? h(
            'div',
            {},
            h('h3', { class: 'govuk-heading-s' }, 'Recommendations to explain'),
            paragraph('Section 55(5B) asks your response to explain, for each recommendation made to the force, the action taken or proposed, or why none.'),
            ...owed.map(({ key, recommendation }) => {
              const explained = recorded.explainedRecommendations.includes(key);
              const note = recorded.recommendationNotes[key];
              const headingId = `recommendation-${obligation.bodyId}-${key}`;
              return h(
                'div',
                { class: 'govuk-!-margin-bottom-6' },
                h(
                  'h4',
                  { class: 'govuk-heading-s govuk-!-margin-bottom-1', id: headingId, tabindex: '-1' },
                  `Recommendation ${key}`,
                  ' ',
                  explained ? statusTag({ urgency: 'green', label: 'Explained' }) : statusTag({ urgency: 'grey', label: 'Not yet explained' }),
                ),
                h('p', { class: 'govuk-body app-break-words' }, recommendation.text),
                explained
                  ? [
                      note ? insetText(note) : null,
                      form({
                        submit: 'Undo',
                        kind: 'secondary',
                        label: `Undo the explanation of recommendation ${key}`,
                        onSubmit: () =>
                          progress(
                            obligation,
                            { action: 'undo', what: 'recommendation-explained', recommendation: key },
                            `Recommendation ${key} is no longer recorded as explained.`,
                            headingId,
                          ),
                      }),
                    ]
                  : open
                    ? form(
                        {
                          submit: 'Mark as explained',
                          label: `Explain recommendation ${key}`,
                          kind: 'secondary',
                          onSubmit: (data) =>
                            progress(
                              obligation,
                              { action: 'recommendation-explained', recommendation: key, note: text(data, 'note') || null },
                              `Recommendation ${key} is recorded as explained.`,
                              headingId,
                            ),
                        },
                        textarea('note', { label: 'The action taken or proposed, or why none (optional)', hint: 'Goes into the draft response', value: note }),
                      )
                    : null,
              );
            }),
          )
        : null,
      details(
        obligation.closure?.kind === 'archived' ? 'Restore this obligation' : 'Archive this obligation',
        obligation.closure?.kind === 'archived'
          ? reasonForm(obligation, { type: 'restore' }, { submit: 'Restore', label: 'Restore this obligation', done: 'The obligation is restored.' })
          : form(
              {
                submit: 'Archive',
                kind: 'warning',
                label: 'Archive this obligation',
                onSubmit: (data, element) => {
                  const why = String(data.get('why') ?? '');
                  const errors: FieldError[] = [
                    ...(why ? [] : [{ field: idOf(element, 'why'), message: 'Choose why it is archived' }]),
                    ...missingReason(data, element),
                  ];
                  return errors.length > 0
                    ? Promise.resolve(errors)
                    : correctObligation(
                        obligation,
                        { type: 'archive', why, reason: text(data, 'reason') },
                        'The obligation is archived: it sends no reminders.',
                      );
                },
              },
              paragraph('An archived obligation stays in the list, greyed, and sends no reminders.'),
              choices('radio', 'why', { legend: 'Why archive it?', items: Object.entries(ARCHIVE_REASONS).map(([value, label]) => ({ value, text: label })) }),
              reasonField('More detail'),
            ),
      ),
    );
  }

  /**
   * A change that needs a reason, kept in the report's history: `build` reads the fields into the
   * request, or says what is wrong with them, and the reason is asked for in the same pass.
   */
  const reasonedForm = (submit: string, label: string, fields: Child[], build: Build, send: (body: object) => Promise<undefined>) =>
    form(
      {
        submit,
        label,
        onSubmit: (data, element) => {
          const built = build(data, element);
          const errors = [...(Array.isArray(built) ? built : []), ...missingReason(data, element)];
          return errors.length > 0 ? Promise.resolve(errors) : send({ ...built, reason: text(data, 'reason') });
        },
      },
      ...fields,
      reasonField(),
    );

  const kindFields = () => [
    choices('radio', 'kind', {
      legend: 'What is it?',
      items: Object.entries(KIND_NAMES).map(([value, label]) => ({ value, text: label })),
      checked: [report.kind ?? ''],
    }),
  ];
  const kindFrom: Build = (data) => ({ type: 'kind', kind: String(data.get('kind') ?? report.kind) });
  const KIND_CORRECTED = 'The kind of document is corrected.';

  /**
   * What waits for a person about this report: for an administrator, with the form that settles it;
   * for anyone else, what it is, and the kind's form when they may correct the report themselves.
   */
  const reviewSection = async () => {
    const { review } = view;
    if (!review) return null;
    const { said, todo } = REVIEW_TEXTS[review.what];
    const section = (...children: Child[]) =>
      h(
        'section',
        { 'aria-labelledby': 'review-heading', class: 'govuk-!-margin-bottom-8' },
        h('h2', { class: 'govuk-heading-m', id: 'review-heading' }, 'Waiting for a person'),
        paragraph(said),
        ...children,
      );
    const settle = (submit: string, path: string, fields: Child[], build: Build, what: string) =>
      reasonedForm(submit, submit, fields, build, (body) => change(`/reports/${encodeURIComponent(report.id)}/${path}`, body, what));
    if (review.what === 'unrecognised-upload' && !view.correctionRefusal)
      return section(
        paragraph(todo),
        reasonedForm('Save the kind', 'Say what kind of document it is', kindFields(), kindFrom, (body) => correctReport(body, KIND_CORRECTED)),
      );
    if (!context.me.admin) return section(insetText('An administrator settles it.'));
    if (review.what === 'possible-duplicate') {
      // The page is about this report: if the other cannot be read (removed, or not this user's), it is named in words.
      const other = review.of
        ? await api<ReportView>('GET', `/reports/${encodeURIComponent(review.of)}`).then(
            ({ report }) => report,
            () => null,
          )
        : null;
      return section(
        paragraph(todo),
        paragraph('The report it may be: ', link(`/reports/${encodeURIComponent(review.of ?? '')}`, other?.title ?? 'the other report')),
        settle(
          'Save the decision',
          'duplicate',
          [
            choices('radio', 'decision', {
              legend: 'Is it the same report?',
              items: [
                { value: 'merge', text: 'Yes: merge it into the other report, as another copy of it' },
                { value: 'dismiss', text: 'No: keep it as a report of its own' },
              ],
            }),
          ],
          required('decision', 'Choose whether it is the same report', (decision) => ({ decision })),
          'The decision is recorded.',
        ),
      );
    }
    const listed = await api<ReportListing[]>('GET', '/reports');
    // A response is most likely about its own forces' reports, then a national one; latest first in each.
    const closeness = (each: ReportListing) => (each.forces.some((force) => report.forces.includes(force)) ? 0 : each.forces.length === 0 ? 1 : 2);
    const candidates = listed.filter(mayBeAnswered).sort((a, b) => closeness(a) - closeness(b) || (b.publishedOn ?? '').localeCompare(a.publishedOn ?? ''));
    return section(
      paragraph(todo),
      settle(
        'Link the response',
        'responds-to',
        [
          select('report', {
            label: 'The report it answers',
            hint: 'Reports about the response’s forces first, then national ones; latest published first',
            choices: [
              { value: '', text: 'Choose a report' },
              ...candidates.map((each) => ({ value: each.id, text: `${each.title ?? 'Untitled report'} (${tableDate(each.publishedOn)})` })),
            ],
          }),
        ],
        required('report', 'Choose the report it answers', (reportId) => ({ reportId })),
        'The response is linked to its report.',
      ),
    );
  };

  const corrections = () => {
    const correction = (legend: string, fields: Child[], build: Build, what: string) =>
      details(
        legend,
        reasonedForm('Save the correction', legend, fields, build, (body) => correctReport(body, what)),
      );
    const recommendationFields = (recommendation?: ExtractedRecommendation) => [
      textInput('ref', {
        label: 'Reference (optional)',
        hint: 'As the report writes it, for example 3 or #23432',
        value: recommendation?.ref ?? undefined,
        width: '10',
      }),
      textarea('text', { label: 'Recommendation', value: recommendation?.text, rows: 4 }),
      dateInput('target', { legend: 'Target date (optional)', value: recommendation?.targetDate }),
      choices('radio', 'level', {
        legend: 'Who is it for?',
        items: [
          { value: 'force', text: 'The force (your response must explain it)' },
          { value: 'national', text: 'Others, such as the Home Office or the College of Policing' },
        ],
        checked: [recommendation?.level ?? 'force'],
      }),
    ];
    const recommendationFrom = (data: FormData, element: HTMLFormElement) => {
      const target = dateFrom(data, 'target');
      const errors: FieldError[] = [
        ...(text(data, 'text') ? [] : [{ field: idOf(element, 'text'), message: 'Write the recommendation as the report does' }]),
        ...(target === null ? [{ field: idOf(element, 'target'), message: 'The target date must be a real date' }] : []),
      ];
      return errors.length > 0
        ? errors
        : { ref: text(data, 'ref') || null, text: text(data, 'text'), targetDate: target || null, addressees: [], level: String(data.get('level') ?? 'force') };
    };
    const heading2 = h('h2', { class: 'govuk-heading-m', id: 'corrections-heading' }, 'Correct what FiftySix read');
    if (view.correctionRefusal)
      return h(
        'section',
        { 'aria-labelledby': 'corrections-heading', class: 'govuk-!-margin-bottom-8' },
        heading2,
        insetText(`${view.correctionRefusal}. If something here is wrong, tell your administrator what and why.`),
      );
    return h(
      'section',
      { 'aria-labelledby': 'corrections-heading', class: 'govuk-!-margin-bottom-8' },
      heading2,
      paragraph('Every date, obligation and reminder follows a correction.'),
      correction(
        'The publication date',
        [dateInput('published-on', { legend: 'When did HMICFRS publish the report?', hint: ADVANCE_COPY_HINT, value: report.publishedOn })],
        (data, element) => {
          const publishedOn = checkedDate(data, 'published-on', element, { label: 'of publication', notAfter: latestPublicationDate() });
          return typeof publishedOn === 'string' ? { type: 'publication-date', publishedOn } : [publishedOn];
        },
        'The publication date is corrected: every date follows.',
      ),
      correction(
        'The title',
        [textInput('title', { label: 'Title', value: report.title ?? '' })],
        required('title', 'Enter the report’s title', (title) => ({ type: 'title', title })),
        'The title is corrected.',
      ),
      correction('What kind of document it is', kindFields(), kindFrom, KIND_CORRECTED),
      correction(
        'Whether the section 55 duty applies',
        [
          choices('radio', 'applies', {
            legend: 'Must a response be published under section 55?',
            items: [
              { value: 'yes', text: 'Yes: the duty applies' },
              { value: 'no', text: 'No: there is no duty to respond' },
            ],
            checked: report.s55?.applies === true ? ['yes'] : report.s55?.applies === false ? ['no'] : [],
          }),
        ],
        required('applies', 'Choose whether the duty applies', (applies) => ({ type: 's55', applies: applies === 'yes' })),
        'The decision on the section 55 duty is recorded.',
      ),
      correction(
        'Which forces it is about',
        [
          choices('checkbox', 'forces', {
            legend: 'Which forces is it about?',
            hint: 'Choose none for a national or thematic report, which every force must answer',
            items: FORCES.map((force) => ({ value: force.name, text: force.name })),
            checked: report.forces,
            small: true,
          }),
        ],
        (data) => ({ type: 'forces', forces: data.getAll('forces').map(String) }),
        'The forces are corrected: who owes a response follows.',
      ),
      correction(
        'Add a recommendation FiftySix missed',
        recommendationFields(),
        (data, element) => {
          const recommendation = recommendationFrom(data, element);
          return Array.isArray(recommendation) ? recommendation : { type: 'recommendation-added', recommendation };
        },
        'The recommendation is added.',
      ),
      ...report.recommendations.map((recommendation, index) => {
        const key = recommendationKeyOf(recommendation, index);
        return h(
          'div',
          {},
          correction(
            `Edit recommendation ${key}`,
            recommendationFields(recommendation),
            (data, element) => {
              const edited = recommendationFrom(data, element);
              return Array.isArray(edited) ? edited : { type: 'recommendation-edited', key, recommendation: edited };
            },
            `Recommendation ${key} is corrected.`,
          ),
          correction(
            `Remove recommendation ${key}`,
            [paragraph(recommendation.text)],
            () => ({ type: 'recommendation-removed', key }),
            `Recommendation ${key} is removed.`,
          ),
        );
      }),
    );
  };

  /** A target as dated for this report (a relative one runs from its publication), else as the report words it. */
  const targetOf = (key: string, recommendation: ExtractedRecommendation) => {
    const dated = view.obligations.flatMap((obligation) => obligation.dates?.recommendationTargets ?? []).find((target) => target.key === key);
    const date = dated?.dueOn ?? recommendation.targetDate;
    const phrase = dated?.phrase ?? recommendation.targetPhrase ?? recommendation.targetRelative;
    return date ? [tableDate(date), phrase && !/^by /i.test(phrase) ? asNote(phrase) : ''] : (phrase ?? 'None stated');
  };

  const recommendationsRead =
    report.recommendations.length === 0
      ? insetText(
          report.statedRecommendationCount
            ? `The report says it makes ${report.statedRecommendationCount} recommendations, but FiftySix found none written out: add them below, so that your response explains each.`
            : 'FiftySix found no recommendations in this report.',
        )
      : table(
          'Recommendations',
          ['Ref', 'Recommendation', 'Target', 'Addressed to'],
          report.recommendations.map((recommendation, index) => [
            recommendationKeyOf(recommendation, index),
            recommendation.text,
            targetOf(recommendationKeyOf(recommendation, index), recommendation),
            [recommendation.addressees.join(', ') || 'Not stated', recommendation.level === 'national' ? ' (national: noted, not owed)' : ''],
          ]),
          { captionClass: 'govuk-table__caption--s' },
        );

  const statements = (caption: string, list: Array<{ text: string }> | undefined, count: number) =>
    count === 0
      ? null
      : [
          h('h3', { class: 'govuk-heading-s' }, `${caption} (${count})`),
          list?.length
            ? h('ul', { class: 'govuk-list govuk-list--bullet' }, ...list.map((each) => h('li', { class: 'app-break-words' }, each.text)))
            : paragraph(`${count} listed in the report.`),
        ];

  replace(
    main,
    done ? notificationBanner('Done', h('p', { class: 'govuk-notification-banner__heading' }, done), true) : null,
    link('/', 'Back to what we owe', { class: 'govuk-back-link' }),
    heading(title, report.kind ? KIND_NAMES[report.kind] : 'Not read'),
    report.failure ? warningText(`This upload could not be read: ${report.failure.message}`) : null,
    await reviewSection(),
    ...view.obligations.map(obligationSection),
    h(
      'section',
      { 'aria-labelledby': 'read-heading', class: 'govuk-!-margin-bottom-8' },
      h('h2', { class: 'govuk-heading-m', id: 'read-heading' }, 'What FiftySix read'),
      summaryList([
        ['Kind', report.kind ? KIND_NAMES[report.kind] : 'Not read'],
        [
          'Published',
          [
            longDate(report.publishedOn, 'Not known: give the publication date below'),
            report.publishedOnSource === 'document' ? ' (as the document states)' : report.publishedOnSource ? ' (confirmed by a person)' : '',
          ],
        ],
        ['Publication date the document states', longDate(report.statedPublishedOn, 'None')],
        ['Last day to publish a response', longDate(report.responseDueOn, 'Not set')],
        ['Forces', report.forces.length > 0 ? report.forces.join(', ') : 'None named: a national or thematic report, which every force must answer'],
        [
          'Section 55 duty',
          report.s55
            ? [
                report.s55.applies === true ? 'Applies. ' : report.s55.applies === false ? 'Does not apply. ' : 'A person should decide. ',
                report.s55.reason,
                report.s55.decidedBy ? ` (decided by ${report.s55.decidedBy})` : '',
              ]
            : 'Not read',
        ],
        ['Recommendations the report says it makes', report.statedRecommendationCount === null ? 'Not stated' : String(report.statedRecommendationCount)],
        ['Uploaded', [report.source.key.split('/').at(-1) ?? report.source.key, ` on ${longDate(report.source.uploadedAt.slice(0, 10))}`]],
      ]),
      recommendationsRead,
      statements('Causes of concern', report.causesOfConcern, report.causesOfConcernCount),
      statements('Areas for improvement', report.areasForImprovement, report.areasForImprovementCount),
    ),
    corrections(),
    h(
      'section',
      { 'aria-labelledby': 'reminders-heading', class: 'govuk-!-margin-bottom-8' },
      h('h2', { class: 'govuk-heading-m', id: 'reminders-heading' }, 'Reminders sent'),
      view.reminders.length === 0
        ? paragraph('None yet.')
        : table(
            'Reminders sent',
            ['Sent', 'About', 'When', 'To', 'Outcome'],
            [...view.reminders]
              .sort((a, b) => a.claimedAt.localeCompare(b.claimedAt))
              .map((entry) => [
                moment(entry.claimedAt),
                `${DATE_KINDS[entry.dateKind]} (${tableDate(entry.dueOn)})`,
                stageText(entry.stage),
                entry.delivery?.recipients.join(', ') ?? bodyName(entry.bodyId),
                reminderOutcome(entry),
              ]),
            { captionClass: 'govuk-visually-hidden' },
          ),
    ),
    h(
      'section',
      { 'aria-labelledby': 'history-heading' },
      h('h2', { class: 'govuk-heading-m', id: 'history-heading' }, 'History'),
      table(
        'History',
        ['When', 'Who', 'What', 'Why'],
        [...view.history].reverse().map((event) => {
          const said = event.action.startsWith('progress.')
            ? progressText(event.before as Obligation['progress'] | undefined, event.after as Obligation['progress'] | undefined, tableDate)
            : [];
          return [
            moment(event.at),
            event.actor,
            [
              ACTIONS[event.action] ?? event.action,
              event.bodyId && context.me.bodies.length > 1 ? ` (${bodyName(event.bodyId)})` : '',
              said.length > 0 ? `: ${said.join('; ')}` : '',
            ],
            event.reason ?? '',
          ];
        }),
        { captionClass: 'govuk-visually-hidden' },
      ),
    ),
  );
  done = null;
  return title;
}
