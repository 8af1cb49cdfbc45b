import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type CfnElement, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import type { IConstruct } from 'constructs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { METRIC, METRICS_NAMESPACE } from '../../functions/commons/metric-names';
import { SCAN_HEARTBEAT_SCHEDULE } from '../../functions/commons/wiring';
import { buildFiftySixApp } from '../../infra/build-app';
import { loadDeploymentConfiguration } from '../../infra/configuration-file';
import type { FiftySixStack } from '../../infra/fiftysix-stack';
import { ConfigurationError, type DeploymentConfiguration } from '../../shared/configuration';
import { FORCES } from '../../shared/forces';

const configuration: DeploymentConfiguration = {
  senderAddress: 'reminders@fiftysix.example.org',
  appUrl: null,
  localPolicingBodies: [
    {
      id: 'cumbria',
      name: 'Cumbria Police, Fire and Crime Commissioner',
      force: 'Cumbria Constabulary',
      recipients: ['governance@cumbria-pfcc.example.org'],
    },
  ],
  users: [{ email: 'governance@cumbria-pfcc.example.org', bodyIds: ['cumbria'], admin: false }],
  operators: ['operations@fiftysix.example.org'],
};

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

const scratchFolders: string[] = [];
function scratchFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'fiftysix-infra-test-'));
  scratchFolders.push(folder);
  return folder;
}
afterAll(() => {
  for (const folder of scratchFolders) rmSync(folder, { recursive: true, force: true });
});

/** Builds the app as `cdk synth` does, without bundling the handlers, which would cost seconds per template. */
function build(deployment: DeploymentConfiguration = configuration) {
  const outdir = scratchFolder();
  return { outdir, ...buildFiftySixApp({ configuration: deployment, context: { 'aws:cdk:bundling-stacks': [] }, outdir }) };
}

const logicalId = (construct: IConstruct) => Stack.of(construct).getLogicalId((construct.node.defaultChild ?? construct) as CfnElement);
const arnOf = (construct: IConstruct) => ({ 'Fn::GetAtt': [logicalId(construct), 'Arn'] });
const refTo = (construct: IConstruct) => ({ Ref: logicalId(construct) });

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}

/** Every statement a role is granted, whether in its own inline policies or in policies attached to it. */
function statementsOf(template: Template, role: IConstruct): Statement[] {
  const roleId = logicalId(role);
  const attached = Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((policy) => JSON.stringify(policy.Properties.Roles).includes(`"${roleId}"`))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[]);
  const inline = (template.toJSON().Resources[roleId].Properties.Policies ?? []).flatMap(
    (policy: { PolicyDocument: { Statement: Statement[] } }) => policy.PolicyDocument.Statement,
  );
  return [...attached, ...inline];
}
const actionsOf = (statement: Statement) => [statement.Action].flat();
/** Every function the project deploys; those an event starts come first, then those a caller waits on. */
const projectFunctions = (stack: FiftySixStack) => [...startedByEvents(stack), stack.api.function, stack.seed.function];
const startedByEvents = (stack: FiftySixStack) => [
  stack.ingestion.function,
  stack.deadlineScan.function,
  stack.deadlineScan.heartbeat,
  stack.sesEvents.function,
];
const resourcesOf = (statement: Statement) => [statement.Resource].flat();

describe('FiftySixStack', () => {
  let built: ReturnType<typeof build>;
  let template: Template;

  // Synthesis runs cdk-nag over the whole stack: seconds, and many more on a busy machine.
  beforeAll(() => {
    built = build();
    template = Template.fromStack(built.stack);
  }, 60_000);

  it('starts an ingestion for each object created under uploads/, and no other', () => {
    const { storage, ingestion } = built.stack;
    template.resourceCountIs('Custom::S3BucketNotifications', 1);
    template.hasResourceProperties('Custom::S3BucketNotifications', {
      BucketName: refTo(storage.uploads),
      NotificationConfiguration: {
        LambdaFunctionConfigurations: [
          {
            Events: ['s3:ObjectCreated:*'],
            Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'uploads/' }] } },
            LambdaFunctionArn: arnOf(ingestion.function.function),
          },
        ],
      },
    });
  });

  it('runs the deadline scan at 06:00 London time and its morning check at 07:00, each passing the scheduled time', () => {
    const { deadlineScan } = built.stack;
    const schedules = Object.values(template.findResources('AWS::Scheduler::Schedule')).map((schedule) => schedule.Properties);
    expect(schedules).toHaveLength(2);
    for (const [run, expression] of [
      [deadlineScan.function, 'cron(0 6 * * ? *)'],
      [deadlineScan.heartbeat, 'cron(0 7 * * ? *)'],
    ] as const) {
      const schedule = schedules.find((each) => JSON.stringify(each.Target.Arn) === JSON.stringify(arnOf(run.function)));
      expect(schedule?.ScheduleExpression).toBe(expression);
      expect(schedule.ScheduleExpressionTimezone).toBe('Europe/London');
      expect(JSON.parse(schedule.Target.Input)).toEqual({
        scheduledTime: '<aws.scheduler.scheduled-time>',
        executionId: '<aws.scheduler.execution-id>',
      });
      expect(schedule.Target.RetryPolicy.MaximumRetryAttempts).toBeGreaterThan(0);
      expect(schedule.Target.DeadLetterConfig).toEqual({ Arn: arnOf(run.deadLetters!) });
    }
  });

  it('keeps the reports table, its reminders-due index and its backups whatever happens to the stack', () => {
    template.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        AttributeDefinitions: Match.arrayWith([
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
          { AttributeName: 'reminderQueue', AttributeType: 'S' },
          { AttributeName: 'nextReminderOn', AttributeType: 'S' },
        ]),
        GlobalSecondaryIndexes: [
          {
            IndexName: 'reminders-due',
            KeySchema: [
              { AttributeName: 'reminderQueue', KeyType: 'HASH' },
              { AttributeName: 'nextReminderOn', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
          {
            IndexName: 'obligations-by-body',
            KeySchema: [
              { AttributeName: 'obligationBody', KeyType: 'HASH' },
              { AttributeName: 'obligationReport', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
          {
            IndexName: 'reports-by-last-day',
            KeySchema: [
              { AttributeName: 'reportList', KeyType: 'HASH' },
              { AttributeName: 'reportLastDay', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: Match.arrayWith(['status', 'title', 'responseDueOn']) },
          },
          {
            IndexName: 'unsettled-reminders',
            KeySchema: [
              { AttributeName: 'unsettled', KeyType: 'HASH' },
              { AttributeName: 'unsettledSince', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
        SSESpecification: { SSEEnabled: true },
        Replicas: [
          Match.objectLike({
            DeletionProtectionEnabled: true,
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          }),
        ],
      },
    });
  });

  it('keeps every bucket private, encrypted and retained, and uploads versioned and logged', () => {
    const { storage } = built.stack;
    const buckets = template.findResources('AWS::S3::Bucket');
    // Uploads, their access logs and the page's files.
    expect(Object.keys(buckets)).toHaveLength(3);
    for (const bucket of Object.values(buckets)) {
      expect(bucket.DeletionPolicy).toBe('Retain');
      expect(bucket.UpdateReplacePolicy).toBe('Retain');
      expect(bucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration).toEqual([{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }]);
      expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
    }
    const uploads = buckets[logicalId(storage.uploads)]!.Properties;
    expect(uploads.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(uploads.LoggingConfiguration.DestinationBucketName).toEqual(refTo(storage.accessLogs));
    for (const policy of Object.values(template.findResources('AWS::S3::BucketPolicy'))) {
      expect(policy.Properties.PolicyDocument.Statement).toContainEqual(
        expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      );
    }
    expect(Object.keys(template.findResources('AWS::S3::BucketPolicy'))).toHaveLength(3);
  });

  it('lets ingestion read uploads and the table, but not write to S3 or send email', () => {
    const { storage, ingestion } = built.stack;
    const statements = statementsOf(template, ingestion.function.role);
    const uploadsRead = statements.find((statement) => actionsOf(statement).includes('s3:GetObject'));
    expect(uploadsRead?.Effect).toBe('Allow');
    expect(resourcesOf(uploadsRead!)).toContainEqual({ 'Fn::Join': ['', [arnOf(storage.uploads), '/uploads/*']] });
    const actions = statements.flatMap(actionsOf);
    expect(actions).toContain('dynamodb:PutItem');
    expect(actions.filter((action) => action.startsWith('ses:'))).toEqual([]);
    expect(actions.filter((action) => /^s3:(\*|Put|Delete|Restore|Replicate|Abort)/.test(action))).toEqual([]);
  });

  it('lets the deadline scan send email only as the configured sender, through its configuration set, with no S3 access', () => {
    const { deadlineScan, sesEvents } = built.stack;
    const statements = statementsOf(template, deadlineScan.function.role);
    const sending = statements.filter((statement) => actionsOf(statement).some((action) => action.startsWith('ses:')));
    expect(sending.flatMap(actionsOf)).toEqual(['ses:SendEmail']);
    const [identity, configurationSet] = resourcesOf(sending[0]!).map((resource) => JSON.stringify(resource));
    expect(identity).toContain(':identity/');
    expect(identity).toContain(JSON.stringify(refTo(deadlineScan.sender)));
    expect(configurationSet).toContain(':configuration-set/');
    expect(configurationSet).toContain(JSON.stringify(refTo(sesEvents.configurationSet)));
    template.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: configuration.senderAddress });
    expect(statements.flatMap(actionsOf).filter((action) => action.startsWith('s3:'))).toEqual([]);
  });

  it('sends reminders through a configuration set whose events SES publishes to an encrypted topic', () => {
    const { deadlineScan, sesEvents } = built.stack;
    const variables = template.toJSON().Resources[logicalId(deadlineScan.function.function)].Properties.Environment.Variables;
    expect(variables.SES_CONFIGURATION_SET).toEqual(refTo(sesEvents.configurationSet));
    template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      ConfigurationSetName: refTo(sesEvents.configurationSet),
      EventDestination: {
        Enabled: true,
        MatchingEventTypes: ['send', 'delivery', 'bounce', 'complaint', 'reject', 'renderingFailure', 'deliveryDelay'],
        SnsDestination: { TopicARN: refTo(sesEvents.topic) },
      },
    });
    const topic = template.toJSON().Resources[logicalId(sesEvents.topic)].Properties;
    const key = template.toJSON().Resources[topic.KmsMasterKeyId['Fn::GetAtt'][0]].Properties;
    expect(key.EnableKeyRotation).toBe(true);
    expect(key.KeyPolicy.Statement).toContainEqual(
      expect.objectContaining({ Principal: { Service: 'ses.amazonaws.com' }, Action: ['kms:Decrypt', 'kms:GenerateDataKey*'] }),
    );
    const [policy] = Object.values(template.findResources('AWS::SNS::TopicPolicy', { Properties: { Topics: [refTo(sesEvents.topic)] } }));
    // The ses-events function reads them; what SNS cannot hand it waits in the function's own dead-letter queue.
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'lambda',
      TopicArn: refTo(sesEvents.topic),
      Endpoint: arnOf(sesEvents.function.function),
      RedrivePolicy: { deadLetterTargetArn: arnOf(sesEvents.function.deadLetters!) },
    });
    expect(policy!.Properties.PolicyDocument.Statement).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        expect.objectContaining({ Effect: 'Allow', Action: 'sns:Publish', Principal: { Service: 'ses.amazonaws.com' } }),
      ]),
    );
  });

  it('grants the functions nothing on every resource but X-Ray tracing, and no managed policy', () => {
    for (const { role } of projectFunctions(built.stack)) {
      const unscoped = statementsOf(template, role).filter((statement) => resourcesOf(statement).includes('*'));
      expect(unscoped.flatMap(actionsOf).sort()).toEqual(['xray:PutTelemetryRecords', 'xray:PutTraceSegments']);
      expect(template.toJSON().Resources[logicalId(role)].Properties.ManagedPolicyArns).toBeUndefined();
    }
  });

  it('grants each function exactly the actions its code calls', () => {
    const { ingestion, deadlineScan, api, seed, sesEvents } = built.stack;
    const actionsOfRole = (role: IConstruct) => [...new Set(statementsOf(template, role).flatMap(actionsOf))].sort();
    const running = ['logs:CreateLogStream', 'logs:PutLogEvents', 'xray:PutTelemetryRecords', 'xray:PutTraceSegments'];
    const administeringUsers = [
      'cognito-idp:AdminAddUserToGroup',
      'cognito-idp:AdminCreateUser',
      'cognito-idp:AdminDisableUser',
      'cognito-idp:AdminEnableUser',
      'cognito-idp:AdminGetUser',
      'cognito-idp:AdminRemoveUserFromGroup',
    ];
    const expected = (...actions: string[]) => [...running, ...actions].sort();
    expect(actionsOfRole(ingestion.function.role)).toEqual(
      expected(
        'dynamodb:DeleteItem',
        'dynamodb:GetItem',
        'dynamodb:PutItem',
        'dynamodb:Query',
        'dynamodb:UpdateItem',
        's3:GetObject',
        's3:GetObjectVersion',
        'sqs:SendMessage',
      ),
    );
    expect(actionsOfRole(deadlineScan.function.role)).toEqual(
      expected('dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem', 'ses:SendEmail', 'sqs:SendMessage'),
    );
    expect(actionsOfRole(api.function.role)).toEqual(
      expected(
        'dynamodb:BatchGetItem',
        'dynamodb:DeleteItem',
        'dynamodb:GetItem',
        'dynamodb:PutItem',
        'dynamodb:Query',
        'dynamodb:UpdateItem',
        's3:PutObject',
        ...administeringUsers,
      ),
    );
    expect(actionsOfRole(seed.function.role)).toEqual(expected('dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', ...administeringUsers));
    expect(actionsOfRole(deadlineScan.heartbeat.role)).toEqual(expected('dynamodb:GetItem', 'sqs:SendMessage'));
    expect(actionsOfRole(sesEvents.function.role)).toEqual(
      expected('dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem', 'sqs:SendMessage'),
    );
  });

  it('lets the ingest and the API delete only what waited for a person, as settling it does', () => {
    const { storage, ingestion, api } = built.stack;
    for (const role of [ingestion.function.role, api.function.role]) {
      expect(statementsOf(template, role).filter((statement) => actionsOf(statement).includes('dynamodb:DeleteItem'))).toEqual([
        expect.objectContaining({
          Action: 'dynamodb:DeleteItem',
          Resource: arnOf(storage.table),
          Condition: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['REVIEW'] } },
        }),
      ]);
    }
  });

  it('lets the morning check read the scan’s heartbeat and nothing else', () => {
    const { storage, deadlineScan } = built.stack;
    const reads = statementsOf(template, deadlineScan.heartbeat.role).filter((statement) => actionsOf(statement).includes('dynamodb:GetItem'));
    expect(reads).toEqual([
      expect.objectContaining({
        Action: 'dynamodb:GetItem',
        Resource: arnOf(storage.table),
        Condition: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['HEARTBEAT'] } },
      }),
    ]);
  });

  it('scopes table access to the table and the indexes each function queries, by name', () => {
    const { storage, ingestion, deadlineScan, api, seed, sesEvents } = built.stack;
    const index = (name: string) => ({ 'Fn::Join': ['', [arnOf(storage.table), `/index/${name}`]] });
    // Each resource once, however many statements name it (deleting review items is a statement of its own).
    const tableResources = (role: IConstruct) =>
      [
        ...new Set(
          statementsOf(template, role)
            .filter((statement) => actionsOf(statement).some((action) => action.startsWith('dynamodb:')))
            .flatMap(resourcesOf)
            .map((resource) => JSON.stringify(resource)),
        ),
      ].map((resource) => JSON.parse(resource));
    expect(tableResources(ingestion.function.role)).toEqual([arnOf(storage.table), index('reports-by-last-day')]);
    expect(tableResources(sesEvents.function.role)).toEqual([arnOf(storage.table)]);
    expect(tableResources(deadlineScan.function.role)).toEqual([arnOf(storage.table), index('reminders-due'), index('unsettled-reminders')]);
    for (const role of [api.function.role, seed.function.role]) {
      expect(tableResources(role)).toEqual([arnOf(storage.table), index('obligations-by-body'), index('reports-by-last-day')]);
    }
    // Through an index a function only ever queries.
    for (const { role } of projectFunctions(built.stack)) {
      for (const statement of statementsOf(template, role).filter((each) => JSON.stringify(each.Resource).includes('/index/'))) {
        expect(actionsOf(statement)).toEqual(['dynamodb:Query']);
      }
    }
  });

  it('gives every function the project defaults, and each only the variables it reads', () => {
    const { storage, ingestion, deadlineScan, api, seed, users } = built.stack;
    const propertiesOf = (each: { function: IConstruct }) => template.toJSON().Resources[logicalId(each.function)].Properties;
    for (const each of projectFunctions(built.stack)) {
      expect(propertiesOf(each)).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: { LogFormat: 'JSON' },
      });
      expect(propertiesOf(each).Environment.Variables).toMatchObject({
        TABLE_NAME: refTo(storage.table),
        UPLOADS_BUCKET_NAME: refTo(storage.uploads),
        SENDER_ADDRESS: configuration.senderAddress,
        POWERTOOLS_SERVICE_NAME: 'fiftysix',
      });
      expect(propertiesOf(each).Environment.Variables.LOCAL_POLICING_BODIES).toBeUndefined();
    }
    for (const each of startedByEvents(built.stack)) {
      expect(propertiesOf(each).DeadLetterConfig).toEqual({ TargetArn: arnOf(each.deadLetters!) });
      template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', { FunctionName: refTo(each.function), MaximumRetryAttempts: 2 });
    }
    // A caller waits on these: it sees the failure, so there is nothing for a queue to keep.
    for (const each of [api.function, seed.function]) {
      expect(each.deadLetters).toBeNull();
      expect(propertiesOf(each).Environment.Variables).toMatchObject({ USER_POOL_ID: refTo(users.pool), USER_POOL_CLIENT_ID: refTo(users.client) });
    }
    expect(propertiesOf(ingestion.function).Environment.Variables.USER_POOL_ID).toBeUndefined();
    // Only the scan links to the page and sends through the configuration set.
    for (const each of projectFunctions(built.stack).filter((each) => each !== deadlineScan.function)) {
      expect(propertiesOf(each).Environment.Variables.SES_CONFIGURATION_SET).toBeUndefined();
    }
    for (const each of [ingestion.function, deadlineScan.heartbeat, built.stack.sesEvents.function, seed.function]) {
      expect(propertiesOf(each).Environment.Variables.APP_URL).toBeUndefined();
    }
    // Reminders link to the page, on CloudFront's address when the configuration names none.
    expect(propertiesOf(deadlineScan.function).Environment.Variables.APP_URL).toEqual({
      'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [logicalId(built.stack.page.distribution), 'DomainName'] }]],
    });
    expect([ingestion.function, deadlineScan.function].map((each) => [propertiesOf(each).MemorySize, propertiesOf(each).Timeout])).toEqual([
      [1024, 60],
      [256, 60],
    ]);
    template.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: 180 });
  });

  it('keeps every dead-letter queue, encrypted, for SQS’s longest retention, whatever happens to the stack', () => {
    const queues = Object.values(template.findResources('AWS::SQS::Queue'));
    expect(queues.length).toBeGreaterThan(0);
    for (const queue of queues) {
      expect(queue).toMatchObject({
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
        Properties: { SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 24 * 60 * 60 },
      });
    }
  });

  it('signs people in with a Cognito user pool: invited only, strong passwords, an administrators group, kept with the stack’s data', () => {
    template.hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        AdminCreateUserConfig: Match.objectLike({ AllowAdminCreateUserOnly: true }),
        UsernameAttributes: ['email'],
        DeletionProtection: 'ACTIVE',
        Policies: {
          PasswordPolicy: Match.objectLike({ MinimumLength: 12, RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true }),
        },
      }),
    });
    template.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: 'administrators' });
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ClientName: 'fiftysix-web',
      ExplicitAuthFlows: Match.arrayWith(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']),
      GenerateSecret: false,
      PreventUserExistenceErrors: 'ENABLED',
    });
  });

  it('serves the API through an HTTP API whose JWT authorizer guards every route but the calendar feed, logged and throttled', () => {
    const { users } = built.stack;
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: { Audience: [refTo(users.client)], Issuer: Match.anyValue() },
    });
    const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route')).map((route) => route.Properties);
    expect(routes.map((route) => [route.RouteKey, route.AuthorizationType]).sort()).toEqual([
      ['ANY /api/{proxy+}', 'JWT'],
      ['GET /api/bodies/{bodyId}/calendar.ics', 'NONE'],
      // Signing in, refreshing and resetting a password come before there is a token.
      ['POST /api/session', 'NONE'],
      ['POST /api/session/{proxy+}', 'NONE'],
    ]);
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      DefaultRouteSettings: { ThrottlingRateLimit: 25, ThrottlingBurstLimit: 50 },
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') },
    });
  });

  it('lets the API read and write the table, put only the page’s own uploads and administer users, but not send email', () => {
    const { storage, api, users } = built.stack;
    const statements = statementsOf(template, api.function.role);
    const actions = statements.flatMap(actionsOf);
    expect(actions).toEqual(
      expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:Query', 's3:PutObject', 'cognito-idp:AdminCreateUser', 'cognito-idp:AdminDisableUser']),
    );
    expect(actions.filter((action) => action.startsWith('ses:'))).toEqual([]);
    expect(actions.filter((action) => /^s3:(Get|Delete|List)/.test(action))).toEqual([]);
    const put = statements.find((statement) => actionsOf(statement).includes('s3:PutObject'))!;
    expect(resourcesOf(put)).toEqual([{ 'Fn::Join': ['', [arnOf(storage.uploads), '/uploads/web/*']] }]);
    const cognito = statements.find((statement) => actionsOf(statement).includes('cognito-idp:AdminCreateUser'))!;
    expect(resourcesOf(cognito)).toEqual([arnOf(users.pool)]);
  });

  it('serves the page and the API from one CloudFront origin, with a content security policy that runs no inline script', () => {
    const { page, storage } = built.stack;
    const [policy] = Object.values(template.findResources('AWS::CloudFront::ResponseHeadersPolicy'));
    const security = policy!.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    // The policy names the region's S3 endpoint, a token until deploy: read it as the template writes it.
    const csp = JSON.stringify(security.ContentSecurityPolicy.ContentSecurityPolicy);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(security.StrictTransportSecurity).toMatchObject({ AccessControlMaxAgeSec: 63_072_000, IncludeSubdomains: true });
    expect(security.FrameOptions).toMatchObject({ FrameOption: 'DENY' });
    const distribution = template.toJSON().Resources[logicalId(page.distribution)].Properties.DistributionConfig;
    expect(distribution.ViewerCertificate ?? {}).not.toHaveProperty('MinimumProtocolVersion', 'TLSv1');
    expect(distribution.DefaultCacheBehavior).toMatchObject({
      ViewerProtocolPolicy: 'redirect-to-https',
      ResponseHeadersPolicyId: { Ref: expect.any(String) },
    });
    const api = distribution.CacheBehaviors.find((behaviour: { PathPattern: string }) => behaviour.PathPattern === '/api/*');
    expect(api).toMatchObject({ ViewerProtocolPolicy: 'https-only', AllowedMethods: expect.arrayContaining(['POST', 'PUT', 'DELETE']) });
    expect(api.FunctionAssociations).toEqual([expect.objectContaining({ EventType: 'viewer-request' })]);
    // Standard logs would keep the calendar feed's secret, which is in its query string.
    expect(distribution.Logging).toBeUndefined();
    // The page uploads reports to the bucket from CloudFront's origin, and only from there.
    const uploads = template.toJSON().Resources[logicalId(storage.uploads)].Properties;
    expect(uploads.CorsConfiguration.CorsRules).toEqual([
      expect.objectContaining({
        AllowedMethods: ['PUT'],
        AllowedOrigins: [{ 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [logicalId(page.distribution), 'DomainName'] }]] }],
      }),
    ]);
    template.hasOutput('AppUrl', { Value: { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [logicalId(page.distribution), 'DomainName'] }]] } });
  });

  it('brings the stored bodies and users in line with the configuration at each deploy', () => {
    const resources = Object.values(template.findResources('Custom::FiftySixDirectory'));
    expect(resources).toHaveLength(1);
    const seeded = JSON.parse(resources[0]!.Properties.Configuration);
    expect(seeded).toEqual({
      senderAddress: configuration.senderAddress,
      appUrl: null,
      localPolicingBodies: configuration.localPolicingBodies,
      users: configuration.users,
    });
  });

  it('tells the operator where to upload reports, which sender to verify and where the alarms go', () => {
    const { storage, deadlineScan } = built.stack;
    template.hasOutput('UploadsBucketName', { Value: refTo(storage.uploads) });
    template.hasOutput('UploadCommand', {
      Value: { 'Fn::Join': ['', ['aws s3 cp report.pdf s3://', refTo(storage.uploads), '/uploads/ --metadata published-on=YYYY-MM-DD']] },
    });
    template.hasOutput('ReportsTableName', { Value: refTo(storage.table) });
    template.hasOutput('SenderIdentity', { Value: refTo(deadlineScan.sender) });
    template.hasOutput('AlarmsTopicArn', { Value: refTo(built.stack.alarms.topic) });
  });

  describe('alarms', () => {
    const alarms = () => Object.values(template.findResources('AWS::CloudWatch::Alarm')).map((alarm) => alarm.Properties);
    const alarmNamed = (name: string) => {
      const found = alarms().find((alarm) => alarm.AlarmName === `FiftySix-${name}`);
      expect(found, `an alarm FiftySix-${name}`).toBeDefined();
      return found!;
    };
    const watching = (metricName: string) => alarms().filter((alarm) => alarm.MetricName === metricName);

    it('tells the configuration’s operators by email, through a topic encrypted with a key CloudWatch may use, over HTTPS only', () => {
      const { alarms: operators } = built.stack;
      const topic = refTo(operators.topic);
      const subscriptions = Object.values(template.findResources('AWS::SNS::Subscription', { Properties: { TopicArn: topic } })).map(
        (subscription) => subscription.Properties,
      );
      expect(subscriptions).toEqual([{ TopicArn: topic, Protocol: 'email', Endpoint: 'operations@fiftysix.example.org' }]);
      const key = template.toJSON().Resources[template.toJSON().Resources[logicalId(operators.topic)].Properties.KmsMasterKeyId['Fn::GetAtt'][0]].Properties;
      expect(key.EnableKeyRotation).toBe(true);
      expect(key.KeyPolicy.Statement).toContainEqual(
        expect.objectContaining({ Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: ['kms:Decrypt', 'kms:GenerateDataKey*'] }),
      );
      const [policy] = Object.values(template.findResources('AWS::SNS::TopicPolicy', { Properties: { Topics: [topic] } }));
      expect(policy!.Properties.PolicyDocument.Statement).toContainEqual(
        expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      );
      // Without operators the alarms still raise, for anyone who subscribes to the topic.
      const unwatched = Template.fromStack(build({ ...configuration, operators: [] }).stack);
      expect(Object.keys(unwatched.findResources('AWS::SNS::Subscription', { Properties: { Protocol: 'email' } }))).toEqual([]);
      expect(Object.keys(unwatched.findResources('AWS::CloudWatch::Alarm'))).toHaveLength(alarms().length);
    });

    it('raises every alarm to the operators, each saying what it means and what to do', () => {
      const topic = refTo(built.stack.alarms.topic);
      expect(alarms().length).toBeGreaterThan(0);
      for (const alarm of alarms()) {
        expect(alarm.AlarmActions).toEqual([topic]);
        // CloudWatch takes 1,024 characters; the template's tokens stand about as long as the names they become.
        expect(JSON.stringify(alarm.AlarmDescription).length).toBeGreaterThan(100);
        expect(JSON.stringify(alarm.AlarmDescription).length).toBeLessThan(1024);
        expect(alarm.EvaluationPeriods).toBe(1);
      }
    });

    it('watches each function’s errors, and the dead-letter queue of each an event starts', () => {
      const stack = built.stack;
      const errors = watching('Errors').map((alarm) => alarm.Dimensions);
      expect(errors).toEqual(expect.arrayContaining(projectFunctions(stack).map((each) => [{ Name: 'FunctionName', Value: refTo(each.function) }])));
      expect(errors).toHaveLength(projectFunctions(stack).length);
      const queues = watching('ApproximateNumberOfMessagesVisible');
      expect(queues.map((alarm) => alarm.Dimensions)).toEqual(
        startedByEvents(stack).map((each) => [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [logicalId(each.deadLetters!), 'QueueName'] } }]),
      );
      for (const alarm of queues) {
        expect(alarm).toMatchObject({ Namespace: 'AWS/SQS', Statistic: 'Maximum', Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold' });
        // A queue that empties is news too.
        expect(alarm.OKActions).toEqual([refTo(stack.alarms.topic)]);
      }
      const description = JSON.stringify(alarmNamed('DeadlineScanDeadLetters').AlarmDescription);
      expect(description).toContain(JSON.stringify(refTo(stack.deadlineScan.function.logs)));
    });

    it('watches the figures the functions publish, under the namespace and the one dimension Powertools gives them', async () => {
      const service =
        template.toJSON().Resources[logicalId(built.stack.deadlineScan.function.function)].Properties.Environment.Variables.POWERTOOLS_SERVICE_NAME;
      // What the handlers' metrics carry, as Powertools writes them with the functions' environment.
      vi.stubEnv('POWERTOOLS_SERVICE_NAME', service);
      vi.resetModules();
      const { metrics } = await import('../../functions/commons/metrics');
      metrics.addMetric(METRIC.scanMissed, 'Count', 1);
      const published = metrics.serializeMetrics();
      metrics.clearMetrics();
      vi.unstubAllEnvs();
      const [directive] = published._aws.CloudWatchMetrics;
      expect(directive!.Namespace).toBe(METRICS_NAMESPACE);
      expect(directive!.Dimensions).toEqual([['service']]);
      expect(published.service).toBe(service);

      const projectFigures = [
        METRIC.remindersRefused,
        METRIC.remindersUnconfirmed,
        METRIC.remindersUnsettled,
        METRIC.uploadsFailed,
        METRIC.recipientsSuppressed,
        METRIC.bodiesWithoutRecipients,
      ];
      for (const metricName of projectFigures) {
        expect(watching(metricName)).toEqual([
          expect.objectContaining({
            Namespace: METRICS_NAMESPACE,
            Dimensions: [{ Name: 'service', Value: service }],
            Threshold: 1,
            ComparisonOperator: 'GreaterThanOrEqualToThreshold',
            TreatMissingData: 'notBreaching',
          }),
        ]);
      }
      const [missed] = alarmNamed('ScanMissed').Metrics.filter((each: { MetricStat?: unknown }) => each.MetricStat);
      expect(missed.MetricStat.Metric).toEqual({
        Namespace: METRICS_NAMESPACE,
        MetricName: METRIC.scanMissed,
        Dimensions: [{ Name: 'service', Value: service }],
      });
    });

    it('raises ScanMissed when the morning check finds no finished scan, or by 08:15 London time when it never ran', () => {
      const alarm = alarmNamed('ScanMissed');
      expect(alarm).toMatchObject({ Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold', TreatMissingData: 'breaching' });
      const [expression, missed] = alarm.Metrics;
      // A window without the check's figure counts as missed: CloudWatch would otherwise judge by an older figure.
      expect(expression).toMatchObject({ Expression: `FILL(${missed.Id}, 1)`, ReturnData: true });
      expect(missed.MetricStat.Stat).toBe('Maximum');
      // The last morning's figure stays in the window for 25 hours and a quarter, the longest between two
      // mornings (the clocks go back) and a margin: even then today's figure comes before the last leaves.
      expect(missed.MetricStat.Period).toBe(25 * 3600 + 15 * 60);
      const checkHour = Number(/^cron\(0 (\d+) /.exec(SCAN_HEARTBEAT_SCHEDULE.expression)![1]);
      const londonHour = (moment: number) =>
        Number(new Intl.DateTimeFormat('en-GB', { timeZone: SCAN_HEARTBEAT_SCHEDULE.timeZone, hour: 'numeric', hourCycle: 'h23' }).format(moment));
      const checks = Array.from(
        { length: 365 },
        (_, day) => [checkHour - 1, checkHour].map((hour) => Date.UTC(2026, 0, 1 + day, hour)).find((at) => londonHour(at) === checkHour)!,
      );
      const longestGap = Math.max(...checks.slice(1).map((at, day) => at - checks[day]!));
      expect(longestGap).toBe(25 * 3600_000);
      expect(missed.MetricStat.Period * 1000).toBeGreaterThanOrEqual(longestGap + 15 * 60_000);
      expect(alarm.OKActions).toEqual([refTo(built.stack.alarms.topic)]);
    });

    it('keeps each morning’s figures from the scan raised until a later morning’s clear them', () => {
      for (const metricName of [METRIC.remindersRefused, METRIC.remindersUnconfirmed, METRIC.remindersUnsettled]) {
        const [alarm] = watching(metricName);
        expect(alarm).toMatchObject({ Statistic: 'Maximum', Period: 25 * 3600 + 15 * 60, OKActions: [refTo(built.stack.alarms.topic)] });
      }
      // Events at any time of day: told each time, with no all-clear that would mean nothing.
      for (const metricName of [METRIC.uploadsFailed, METRIC.recipientsSuppressed, METRIC.bodiesWithoutRecipients]) {
        const [alarm] = watching(metricName);
        expect(alarm).toMatchObject({ Statistic: 'Sum', Period: 300 });
        expect(alarm!.OKActions).toBeUndefined();
      }
    });

    it('raises SES’s bounce and complaint rates well before AWS reviews the account (5 % and 0.1 %)', () => {
      const bounces = alarmNamed('SesBounceRate');
      const complaints = alarmNamed('SesComplaintRate');
      for (const [alarm, metricName, awsReview] of [
        [bounces, 'Reputation.BounceRate', 0.05],
        [complaints, 'Reputation.ComplaintRate', 0.001],
      ] as const) {
        expect(alarm).toMatchObject({
          Namespace: 'AWS/SES',
          MetricName: metricName,
          ComparisonOperator: 'GreaterThanOrEqualToThreshold',
          Statistic: 'Maximum',
        });
        expect(alarm.Dimensions).toBeUndefined();
        expect(alarm.Threshold).toBe(awsReview / 2);
      }
    });
  });
});

describe('cdk-nag (AWS Solutions checks)', () => {
  it('passes the repository’s own configuration, every finding acknowledged with a reason', () => {
    const { app } = build(loadDeploymentConfiguration(join(projectRoot, 'fiftysix.config.json')));
    expect(() => app.synth()).not.toThrow();
  });

  it('fails synthesis on a finding nobody acknowledged', () => {
    const { app, stack, outdir } = build();
    new Bucket(stack, 'UnloggedBucket', { enforceSSL: true });
    expect(() => app.synth()).toThrow(/AwsSolutions-S1/);
    const report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8'));
    const violations = report.pluginReports.flatMap(
      (plugin: { violations: Array<{ ruleName: string; violatingConstructs: Array<{ constructPath: string }> }> }) => plugin.violations,
    );
    expect(violations).toEqual([
      expect.objectContaining({
        ruleName: 'AwsSolutions-S1',
        violatingConstructs: [expect.objectContaining({ constructPath: 'FiftySix/UnloggedBucket/Resource' })],
      }),
    ]);
  });
});

function configurationErrorFrom(action: () => unknown): ConfigurationError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return error as ConfigurationError;
  }
  return expect.fail('expected a ConfigurationError');
}

describe('configuration checked at synth', () => {
  it('refuses a sender that is not an email address, saying which field and why', () => {
    const error = configurationErrorFrom(() => build({ ...configuration, senderAddress: 'reminders at fiftysix.example.org' }));
    expect(error.message).toMatch(/senderAddress: must be an email address/);
  });

  it('synthesises a deployment for all 43 forces with ten recipients each: bodies are data, not environment', () => {
    const everyForce: DeploymentConfiguration = {
      ...configuration,
      localPolicingBodies: FORCES.map((force, index) => ({
        id: `body-${index}`,
        name: force.localPolicingBody,
        force: force.name,
        recipients: Array.from({ length: 10 }, (_, recipient) => `recipient-${recipient}@body-${index}.example.org`),
      })),
      users: FORCES.map((_, index) => ({ email: `officer@body-${index}.example.org`, bodyIds: [`body-${index}`], admin: false })),
    };
    const { app, stack } = build(everyForce);
    expect(() => app.synth()).not.toThrow();
    const seeded = Object.values(Template.fromStack(stack).findResources('Custom::FiftySixDirectory'))[0]!;
    expect(JSON.parse(seeded.Properties.Configuration).localPolicingBodies).toHaveLength(43);
  });

  it('cdk synth reports a configuration mistake on stderr and exits 1, without a stack trace', async () => {
    const path = join(scratchFolder(), 'fiftysix.config.json');
    writeFileSync(path, JSON.stringify({ ...configuration, senderAddress: 'not-an-address' }));
    const run = promisify(execFile)(join(projectRoot, 'node_modules/.bin/tsx'), ['infra/app.ts'], {
      cwd: projectRoot,
      env: { ...process.env, FIFTYSIX_CONFIG: path },
    });
    const failure = await run.then(
      () => expect.fail('the app should have exited with an error'),
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure.code).toBe(1);
    expect(failure.stderr).toContain(`${path} needs fixing:`);
    expect(failure.stderr).toContain('senderAddress: must be an email address');
    expect(failure.stderr).not.toMatch(/^\s+at /m);
  });
});
