import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { AccountRecovery, CfnUserPoolGroup, FeaturePlan, Mfa, UserPool, type UserPoolClient, VerificationEmailStyle } from 'aws-cdk-lib/aws-cognito';
import type { IGrantable } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { TABLE_LAYOUT } from '../functions/commons/table-layout';
import { ADMINISTRATORS_GROUP } from '../functions/commons/user-pool';
import { HANDLER_ENTRIES, WEB_UPLOADS_PREFIX } from '../functions/commons/wiring';
import { grantObjectAccess, grantSettlingReviews, grantTableAccess } from './access';
import type { Storage } from './fiftysix-stack';
import { acknowledgeWildcards, underArn } from './nag';
import { ProjectFunction } from './project-function';
import { USER_POOL_CLIENT } from './user-pool-settings';

/** What the API and the seed do to users: see them, invite them, enable or disable them, and keep the administrators group. */
export const USER_ADMINISTRATION_ACTIONS = [
  'cognito-idp:AdminGetUser',
  'cognito-idp:AdminCreateUser',
  'cognito-idp:AdminEnableUser',
  'cognito-idp:AdminDisableUser',
  'cognito-idp:AdminAddUserToGroup',
  'cognito-idp:AdminRemoveUserFromGroup',
] as const;

/**
 * The people who sign in: a Cognito user pool with no self sign-up (an administrator, or the
 * configuration file, invites each one), sign-in by email, a strong password policy, and an
 * administrators group. The pool outlives the stack, like the table that says what each user may do.
 */
export class Users extends Construct {
  readonly pool: UserPool;
  readonly client: UserPoolClient;
  readonly administrators: CfnUserPoolGroup;

  constructor(scope: Construct, id: string, { appUrl }: { appUrl: string | null }) {
    super(scope, id);
    this.pool = new UserPool(this, 'Pool', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(7),
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      userInvitation: {
        emailSubject: 'You have been invited to FiftySix',
        emailBody:
          `You can now sign in to FiftySix${appUrl ? ` at ${appUrl}` : ''}, which tracks your office’s section 55 responses to HMICFRS reports. ` +
          'Your username is {username} and your temporary password is {####}: you will choose your own when you first sign in.',
      },
      // A forgotten password's code comes in this email too.
      userVerification: {
        emailSubject: 'Your FiftySix code',
        emailBody: 'Your FiftySix code is {####}. Enter it on FiftySix’s “Choose a new password” page. If you did not ask for it, you can ignore this email.',
        emailStyle: VerificationEmailStyle.CODE,
      },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      featurePlan: FeaturePlan.ESSENTIALS,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.pool).acknowledge(
      {
        id: 'AwsSolutions-COG2',
        reason:
          'MFA is offered (authenticator apps) but not required: the sign-in page does not yet lead a user through setting it up, and offices sign in with strong passwords',
      },
      {
        id: 'AwsSolutions-COG8',
        reason: 'Threat protection needs the Plus feature plan, charged per user; an office that wants it sets featurePlan to PLUS',
      },
    );
    this.administrators = new CfnUserPoolGroup(this, 'Administrators', {
      userPoolId: this.pool.userPoolId,
      groupName: ADMINISTRATORS_GROUP,
      description: 'See and change everything: every body, every user',
    });
    this.client = this.pool.addClient('Web', {
      userPoolClientName: USER_POOL_CLIENT.name,
      authFlows: { userPassword: true },
      generateSecret: false,
      preventUserExistenceErrors: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
    });
  }

  /** Lets a function administer users, in this pool only. */
  grantAdministration(grantee: IGrantable): void {
    this.pool.grant(grantee, ...USER_ADMINISTRATION_ACTIONS);
  }
}

interface OfficeApiProps {
  storage: Storage;
  users: Users;
  environment: Record<string, string>;
}

/**
 * The office's API: an HTTP API whose JWT authorizer lets through only requests with a valid ID token
 * from the user pool, to one function that checks the token again, decides what the user may see and
 * do, and records every change in the audit trail. The calendar feed is the one route without the
 * authorizer: calendar clients cannot sign in, so its link carries a secret the function checks.
 */
export class OfficeApi extends Construct {
  readonly function: ProjectFunction;
  readonly httpApi: HttpApi;

  constructor(scope: Construct, id: string, { storage, users, environment }: OfficeApiProps) {
    super(scope, id);
    this.function = new ProjectFunction(this, 'Handler', {
      entry: HANDLER_ENTRIES.api,
      description: 'The office’s API: what each body owes, what it has done, corrections and the audit trail',
      memorySize: 512,
      // API Gateway gives up after 30 s.
      timeout: Duration.seconds(29),
      environment,
      asynchronous: false,
    });
    const api = this.function.function;
    // Everything a person sees and does: lists read a body's obligations and the reports in batches,
    // and the reports by last day; each change is written with its audit event in a transaction.
    grantTableAccess(api, storage.table, {
      items: ['GetItem', 'BatchGetItem', 'Query', 'PutItem', 'UpdateItem'],
      indexes: [TABLE_LAYOUT.obligationsByBodyIndex.name, TABLE_LAYOUT.reportsByLastDayIndex.name],
    });
    grantSettlingReviews(api, storage.table);
    // The upload links it signs act with its permissions: putting objects under the page's own prefix only.
    grantObjectAccess(api, storage.uploads, WEB_UPLOADS_PREFIX, ['s3:PutObject']);
    users.grantAdministration(api);
    acknowledgeWildcards(this.function.role, {
      [`Resource::${underArn(storage.uploads, `/${WEB_UPLOADS_PREFIX}*`)}`]: 'Only objects under the prefix the page’s upload links put reports in',
    });

    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.SIX_MONTHS, removalPolicy: RemovalPolicy.RETAIN });
    this.httpApi = new HttpApi(this, 'Http', {
      description: 'FiftySix: the office’s API',
      createDefaultStage: false,
    });
    new HttpStage(this, 'Stage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      // Offices are a few people each: this is far above their use, and well below what would run up a bill.
      throttle: { rateLimit: 25, burstLimit: 50 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            time: '$context.requestTime',
            method: '$context.httpMethod',
            route: '$context.routeKey',
            status: '$context.status',
            latencyMs: '$context.responseLatency',
            ip: '$context.identity.sourceIp',
            authorizerError: '$context.authorizer.error',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });
    const integration = new HttpLambdaIntegration('Handler', api);
    const authorizer = new HttpUserPoolAuthorizer('Users', users.pool, { userPoolClients: [users.client] });
    this.httpApi.addRoutes({ path: '/api/{proxy+}', methods: [HttpMethod.ANY], integration, authorizer });
    // The routes reached without a token: signing in (how a person gets one), and the calendar feed.
    this.httpApi.addRoutes({ path: '/api/bodies/{bodyId}/calendar.ics', methods: [HttpMethod.GET], integration });
    this.httpApi.addRoutes({ path: '/api/session', methods: [HttpMethod.POST], integration });
    this.httpApi.addRoutes({ path: '/api/session/{proxy+}', methods: [HttpMethod.POST], integration });
    Validations.of(Stack.of(this)).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason:
        'Only the sign-in routes (how a person gets a token) and the calendar feed have no authorizer: calendar clients cannot sign in, so its link carries a per-body secret the function checks in constant time',
    });
  }

  /** The API's address, to link reminders to until the page has its own. */
  get url(): string {
    return this.httpApi.apiEndpoint;
  }
}
