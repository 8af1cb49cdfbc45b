import * as z from 'zod/mini';
import { DEFAULT_CHIEF_OFFICER_COMMENTS_DAY, STATUTORY_PERIOD_DAYS } from './deadlines';
import { findForce } from './forces';
import { DATE_KINDS, type DateKind, DEFAULT_REMINDER_SETTINGS, type ReminderSettings, type StageSettings } from './reminders';

z.config(z.locales.en());

/** A local policing body this deployment serves, and who in its office receives the reminders. */
export interface LocalPolicingBody {
  /** A short, stable id used in keys and the ledger ("cumbria"). */
  id: string;
  name: string;
  /** The canonical name of the body's force. */
  force: string;
  recipients: string[];
  /** The day of the 56-day period (day 1 is publication) by which the chief officer is asked to comment (s55(4)). */
  chiefOfficerCommentsDay?: number;
  /** Changes to the default reminder stages, per kind of date; what is not given keeps its default. */
  reminders?: Partial<Record<DateKind, Partial<StageSettings>>>;
}

/** The body's reminder stages: its own settings over the defaults. */
export function reminderSettingsFor(body: LocalPolicingBody): ReminderSettings {
  return Object.fromEntries(DATE_KINDS.map((kind) => [kind, { ...DEFAULT_REMINDER_SETTINGS[kind], ...body.reminders?.[kind] }])) as ReminderSettings;
}

export function chiefOfficerCommentsDayFor(body: LocalPolicingBody): number {
  return body.chiefOfficerCommentsDay ?? DEFAULT_CHIEF_OFFICER_COMMENTS_DAY;
}

/** Someone who signs in to FiftySix: an office's member sees and acts for its bodies; an administrator for all. */
export interface OfficeUser {
  /** Their sign-in name, and where the invitation goes. */
  email: string;
  bodyIds: string[];
  admin: boolean;
}

/**
 * What `fiftysix.config.json` holds. The bodies and users in it seed the table: deploying, or starting
 * the local stack, brings the stored ones in line with the file; after that an administrator can change
 * them through the API without a redeploy.
 */
export interface DeploymentConfiguration {
  /** The verified SES identity reminders are sent from. */
  senderAddress: string;
  /** Where the office's page is, for the links in reminders; in AWS the stack's own address when not given. */
  appUrl: string | null;
  localPolicingBodies: LocalPolicingBody[];
  users: OfficeUser[];
  /** Who is emailed when an alarm goes off in AWS; none when the file names nobody. */
  operators: string[];
  /** Where new HMICFRS publications are looked for; absent when nobody configured discovery. */
  discovery?: DiscoveryConfiguration;
}

/** A feed (RSS 2.0 or Atom) or an HTML listing page that new publications appear on. */
export interface DiscoverySource {
  kind: 'feed' | 'listing';
  url: string;
  /**
   * Whether the source is the inspectorate's own site, so that what it publishes is the inspectorate's:
   * as configured, or else by its address (justiceinspectorates.gov.uk). A local policing body's site
   * lists its own pages beside the reports.
   */
  inspectorate?: boolean;
}

/**
 * Whether an address is the police inspectorate's own: its site, or its part of the inspectorates'
 * shared one (which HM Inspectorates of Prisons and Probation and the CPS inspectorate share too).
 */
export function isInspectorateAddress(address: string): boolean {
  const url = new URL(address);
  const host = url.hostname.toLowerCase();
  return host === 'hmicfrs.justiceinspectorates.gov.uk' || (/^(?:www\.)?justiceinspectorates\.gov\.uk$/.test(host) && /^\/hmicfrs?\//i.test(url.pathname));
}

/** Whether a source is the inspectorate's own: as configured, or else by its address. */
export function isInspectorateSource(source: DiscoverySource): boolean {
  return source.inspectorate ?? isInspectorateAddress(source.url);
}

/**
 * Whether a document a source led to is the inspectorate's: the source is, and so is the document's own
 * address (a source configured as the inspectorate's counts its own host as such); a link from there to
 * another site is that site's.
 */
export function isInspectorateDocument(source: DiscoverySource, documentUrl: string): boolean {
  if (!isInspectorateSource(source)) return false;
  return isInspectorateAddress(documentUrl) || (source.inspectorate === true && new URL(documentUrl).host === new URL(source.url).host);
}

export interface DiscoveryConfiguration {
  sources: DiscoverySource[];
  /** Named in the User-Agent of every request, so a site's operator can reach whoever runs the crawler. */
  contact: string;
}

export class ConfigurationError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`${source} needs fixing:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigurationError';
  }
}

const emailAddress = z.email('must be an email address, e.g. office@example.org');

const stageSettingsSchema = z.partial(
  z.strictObject({
    daysBefore: z.array(z.int().check(z.gte(1, 'days before must be 1 or more'), z.lte(366, 'days before must be at most 366'))),
    onTheDay: z.boolean(),
    overdue: z.boolean(),
    overdueEveryDays: z.nullable(z.int().check(z.gte(1, 'must be 1 or more days, or null for a single overdue reminder'))),
    overdueLimit: z.int().check(z.gte(1, 'must be 1 or more: the most overdue reminders sent about one date'), z.lte(52, 'must be at most 52')),
  }),
);

const localPolicingBodySchema = z.object({
  id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be a short id of lower-case letters, digits and hyphens, e.g. "cumbria"')),
  name: z.string().check(z.minLength(1, 'must name the body, e.g. "Cumbria Police, Fire and Crime Commissioner"')),
  force: z.string().check(z.minLength(1, 'must name the force, e.g. "Cumbria Constabulary"')),
  recipients: z.array(emailAddress).check(z.minLength(1, 'must list at least one address to send reminders to')),
  chiefOfficerCommentsDay: z.optional(
    z
      .int()
      .check(
        z.gte(1, `must be a day of the ${STATUTORY_PERIOD_DAYS}-day period, 1 to ${STATUTORY_PERIOD_DAYS}`),
        z.lte(
          STATUTORY_PERIOD_DAYS,
          `must be a day of the ${STATUTORY_PERIOD_DAYS}-day period, 1 to ${STATUTORY_PERIOD_DAYS}; the comments must come before the last day`,
        ),
      ),
  ),
  reminders: z.optional(z.partialRecord(z.enum(DATE_KINDS as [DateKind, ...DateKind[]]), stageSettingsSchema)),
});

const userSchema = z.strictObject({
  email: emailAddress,
  bodyIds: z.array(z.string()),
  admin: z.optional(z.boolean()),
});

/**
 * The most bodies one deployment serves: a national report and an obligation for each body are stored
 * in one DynamoDB transaction, which takes at most 100 writes, with room left for its audit events.
 * England and Wales have 43 territorial forces, so this is a limit of the design, not of any office.
 */
export const MAX_SERVED_BODIES = 90;

const discoverySchema = z.strictObject({
  sources: z.array(
    z.strictObject({
      kind: z.enum(['feed', 'listing'], 'must be "feed" (an RSS 2.0 or Atom feed) or "listing" (an HTML page listing publications)'),
      url: z.url({ protocol: /^https?$/, error: 'must be the http(s) address of the feed or listing page' }),
      inspectorate: z.optional(
        z.boolean('must be true when the source is the inspectorate’s own site, false when it is not; leave it out to judge by the address'),
      ),
    }),
    { error: 'must be a list of sources, e.g. "sources": [{ "kind": "feed", "url": "https://hmicfrs.justiceinspectorates.gov.uk/feed/" }]' },
  ),
  contact: z.string().check(z.minLength(3, 'must name whom a site can contact about the crawler, e.g. an email address or a web page')),
});

const deploymentSchema = z.object({
  senderAddress: emailAddress,
  appUrl: z.optional(z.nullable(z.url({ protocol: /^https?$/, error: 'must be the address of the office’s page, e.g. https://fiftysix.your-office.example' }))),
  localPolicingBodies: z
    .array(localPolicingBodySchema)
    .check(
      z.minLength(1, 'must list at least one local policing body'),
      z.maxLength(MAX_SERVED_BODIES, `lists more than ${MAX_SERVED_BODIES} bodies, the most one deployment serves: split them across deployments`),
    ),
  users: z.optional(z.array(userSchema)),
  operators: z.optional(
    z.array(z.email('must be the email address of someone who looks after the deployment, e.g. "ops@your-office.example"'), {
      error: 'must be a list of the email addresses to tell when an alarm goes off, e.g. "operators": ["ops@your-office.example"]',
    }),
  ),
  discovery: z.optional(discoverySchema),
});

/** Addresses that differ only in case are one mailbox in practice: keep the first spelling, in order. */
function uniqueAddresses(addresses: string[]): string[] {
  const seen = new Set<string>();
  return addresses.filter((address) => !seen.has(address.toLowerCase()) && seen.add(address.toLowerCase()));
}

function pathOf(path: readonly PropertyKey[]): string {
  return path
    .map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))
    .join('')
    .replace(/^\./, '');
}

function issuesOf(error: z.core.$ZodError): string[] {
  return error.issues.map((issue) => `${pathOf(issue.path) || '(top level)'}: ${issue.message}`);
}

/** A body as written, with its force named canonically; the problems found are added to `problems`. */
function normalisedBody(body: z.infer<typeof localPolicingBodySchema>, where: string, problems: string[]): LocalPolicingBody {
  const force = findForce(body.force);
  if (!force) {
    problems.push(
      `${where}.force: "${body.force}" is not one of the 43 territorial forces of England and Wales; write its name as the force does, e.g. "Cumbria Constabulary"`,
    );
  }
  return { ...body, force: force?.name ?? body.force, recipients: uniqueAddresses(body.recipients) };
}

/**
 * Reads one local policing body, as an administrator sends it to the API or the file lists it, or
 * throws a ConfigurationError naming each problem.
 */
export function parseLocalPolicingBody(raw: unknown, source: string): LocalPolicingBody {
  const parsed = localPolicingBodySchema.safeParse(raw);
  if (!parsed.success) throw new ConfigurationError(source, issuesOf(parsed.error));
  const problems: string[] = [];
  const body = normalisedBody(parsed.data, 'body', problems);
  if (problems.length > 0)
    throw new ConfigurationError(
      source,
      problems.map((problem) => problem.replace(/^body\./, '')),
    );
  return body;
}

/**
 * Reads a deployment's configuration, or throws a ConfigurationError that lists every problem
 * with where it is and what to write instead. `source` names where the values came from.
 */
export function parseDeploymentConfiguration(raw: unknown, source: string): DeploymentConfiguration {
  const parsed = deploymentSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigurationError(source, issuesOf(parsed.error));
  const problems: string[] = [];
  const seenIds = new Set<string>();
  const localPolicingBodies = parsed.data.localPolicingBodies.map((body, index) => {
    if (seenIds.has(body.id)) problems.push(`localPolicingBodies[${index}].id: "${body.id}" is used twice; ids must be unique`);
    seenIds.add(body.id);
    return normalisedBody(body, `localPolicingBodies[${index}]`, problems);
  });
  const seenUsers = new Set<string>();
  const users = (parsed.data.users ?? []).map((user, index) => {
    const email = user.email.toLowerCase();
    if (seenUsers.has(email)) problems.push(`users[${index}].email: "${user.email}" is listed twice`);
    seenUsers.add(email);
    for (const bodyId of user.bodyIds) {
      if (!seenIds.has(bodyId)) problems.push(`users[${index}].bodyIds: "${bodyId}" is not the id of a body in localPolicingBodies`);
    }
    if (user.bodyIds.length === 0 && !user.admin)
      problems.push(`users[${index}]: must name the bodies they act for in bodyIds, or be an administrator ("admin": true)`);
    return { email, bodyIds: [...new Set(user.bodyIds)], admin: user.admin ?? false };
  });
  if (problems.length > 0) throw new ConfigurationError(source, problems);
  return {
    senderAddress: parsed.data.senderAddress,
    appUrl: parsed.data.appUrl?.replace(/\/+$/, '') ?? null,
    localPolicingBodies,
    users,
    operators: uniqueAddresses(parsed.data.operators ?? []),
    ...(parsed.data.discovery ? { discovery: parsed.data.discovery } : {}),
  };
}

/** Reads discovery's settings on their own, as the discovery function gets them in its environment. */
export function parseDiscoveryConfiguration(raw: unknown, source: string): DiscoveryConfiguration {
  const parsed = discoverySchema.safeParse(raw);
  if (!parsed.success) throw new ConfigurationError(source, issuesOf(parsed.error));
  return parsed.data;
}
