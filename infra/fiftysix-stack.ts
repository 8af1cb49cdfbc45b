import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { AttributeType, Billing, ProjectionType, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Grant } from 'aws-cdk-lib/aws-iam';
import { BlockPublicAccess, Bucket, BucketEncryption, EventType, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { LambdaDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { EmailIdentity, Identity } from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';
import { DEFAULT_MAX_DOCUMENT_BYTES, handlerEnvironment } from '../functions/commons/environment';
import { SCAN_HEARTBEAT_KEY, SECONDARY_INDEXES, TABLE_LAYOUT } from '../functions/commons/table-layout';
import { DEADLINE_SCAN_SCHEDULE, HANDLER_ENTRIES, PUBLISHED_ON_METADATA, SCAN_HEARTBEAT_SCHEDULE, UPLOADS_PREFIX } from '../functions/commons/wiring';
import { type DeploymentConfiguration, parseDeploymentConfiguration } from '../shared/configuration';
import { PDF_PAGE_READER, PDFIUM_WASM } from '../shared/extraction/pdf-text';
import { grantObjectAccess, grantSettlingReviews, grantTableAccess } from './access';
import { DirectorySeed } from './directory-seed';
import { Discovery } from './discovery';
import { acknowledgeWildcards, underArn } from './nag';
import { OfficeApi, Users } from './office-api';
import { OfficePage } from './office-page';
import { OperatorAlarms } from './operator-alarms';
import { ProjectFunction } from './project-function';
import { runOnSchedule } from './schedule';
import { SesEvents } from './ses-events';

/**
 * The long-lived state: the reports table and the uploads bucket. Both outlive the stack, so that
 * deleting or replacing the stack never loses a report, an obligation or the ledger of reminders sent.
 */
export class Storage extends Construct {
  readonly table: TableV2;
  readonly uploads: Bucket;
  /** Where every bucket's server access logs go. */
  readonly accessLogs: Bucket;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const { partitionKey, sortKey } = TABLE_LAYOUT;
    this.table = new TableV2(this, 'Reports', {
      partitionKey: { name: partitionKey, type: AttributeType.STRING },
      sortKey: { name: sortKey, type: AttributeType.STRING },
      globalSecondaryIndexes: SECONDARY_INDEXES.map((index) => ({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
        ...('attributes' in index
          ? { projectionType: ProjectionType.INCLUDE, nonKeyAttributes: [...index.attributes] }
          : { projectionType: ProjectionType.ALL }),
      })),
      billing: Billing.onDemand(),
      encryption: TableEncryptionV2.awsManagedKey(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.accessLogs = new Bucket(this, 'AccessLogs', {
      // S3 server access logging can deliver only to a bucket encrypted with S3-managed keys.
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const accessLogs = this.accessLogs;
    Validations.of(accessLogs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This bucket receives the other buckets’ access logs; logging its own access would log the logs.',
    });

    this.uploads = new Bucket(this, 'Uploads', {
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      // A report replaced under the same key keeps its earlier version, as the evidence it was read from.
      versioned: true,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'uploads-bucket/',
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}

interface FunctionsProps {
  storage: Storage;
  environment: Record<string, string>;
}

/** Reads each report put under the uploads prefix and records its obligations. */
export class Ingestion extends Construct {
  readonly function: ProjectFunction;

  constructor(scope: Construct, id: string, { storage, environment }: FunctionsProps) {
    super(scope, id);
    this.function = new ProjectFunction(this, 'Ingest', {
      entry: HANDLER_ENTRIES.ingest,
      description: 'Reads an uploaded HMICFRS report and records the response each local policing body owes',
      // Sized from `npm run bench` (README.md, "Measured"): the memory must hold the peak of a 300-page
      // report, a 50 MB upload held once per page reader and, at worst, a PDF stopped at its memory limit
      // (PDF_READ_LIMITS in pdf-text.ts). At this size Lambda gives a fraction of a vCPU, so the readers
      // take turns rather than run side by side; the minute is still a wide margin over a long report,
      // and three times the PDF reading deadline.
      memorySize: 1024,
      timeout: Duration.minutes(1),
      environment,
      workerScripts: [PDF_PAGE_READER],
      files: [PDFIUM_WASM],
    });
    const ingest = this.function.function;
    // The bucket is versioned and each event names the version it is about.
    grantObjectAccess(ingest, storage.uploads, UPLOADS_PREFIX, ['s3:GetObject', 's3:GetObjectVersion']);
    // Reads the uploader, the bodies and the stored report; stores the report or its failure and what
    // became of the upload, and writes a correction or the office's progress in a transaction. A body's
    // response is matched against the reports listed by last day; a new report reads the review list
    // for the responses waiting for it.
    grantTableAccess(ingest, storage.table, {
      items: ['GetItem', 'Query', 'PutItem', 'UpdateItem'],
      indexes: [TABLE_LAYOUT.reportsByLastDayIndex.name],
    });
    grantSettlingReviews(ingest, storage.table);
    acknowledgeWildcards(this.function.role, {
      [`Resource::${underArn(storage.uploads, `/${UPLOADS_PREFIX}*`)}`]: 'Only objects under the uploads prefix, the ones that start an ingestion',
    });

    storage.uploads.addEventNotification(EventType.OBJECT_CREATED, new LambdaDestination(ingest), {
      prefix: UPLOADS_PREFIX,
    });
    Validations.of(Stack.of(this)).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason:
        'Only CDK’s own handler that configures bucket notifications uses it, and offers no way to replace it; the project’s functions have their own roles',
    });
  }
}

interface DeadlineScanProps extends FunctionsProps {
  /** The morning check's, which reads only the table: no page to link to, no email to send. */
  heartbeatEnvironment: Record<string, string>;
  senderAddress: string;
  /** The configuration set it sends through, whose events settle the ledger; its name is in `environment`. */
  sesEvents: SesEvents;
}

/**
 * Every morning, London time, sends the reminders that fall due and records each in the ledger; an
 * hour later the morning check looks for the heartbeat the scan leaves when it finishes.
 */
export class DeadlineScan extends Construct {
  readonly function: ProjectFunction;
  readonly heartbeat: ProjectFunction;
  readonly sender: EmailIdentity;

  constructor(scope: Construct, id: string, { storage, environment, heartbeatEnvironment, senderAddress, sesEvents }: DeadlineScanProps) {
    super(scope, id);
    this.function = new ProjectFunction(this, 'Scan', {
      entry: HANDLER_ENTRIES.deadlineScan,
      description: 'Sends the day’s reminders of section 55 response deadlines',
      memorySize: 256,
      timeout: Duration.minutes(1),
      environment,
    });
    const scan = this.function.function;
    // Reads the bodies, the reports and what is due; claims each reminder, records its outcome, moves
    // the obligation's next reminder on and notes that it finished. The indexes: what is due, and what is unsettled.
    grantTableAccess(scan, storage.table, {
      items: ['GetItem', 'Query', 'PutItem', 'UpdateItem'],
      indexes: [TABLE_LAYOUT.remindersDueIndex.name, TABLE_LAYOUT.unsettledRemindersIndex.name],
    });

    this.sender = new EmailIdentity(this, 'Sender', { identity: Identity.email(senderAddress) });
    // SendEmail only (the mailer sends no raw MIME), as the sender and through the configuration set:
    // SES checks the permission on both.
    Grant.addToPrincipal({ grantee: scan, actions: ['ses:SendEmail'], resourceArns: [this.sender.emailIdentityArn, sesEvents.configurationSetArn] });
    runOnSchedule(this.function, DEADLINE_SCAN_SCHEDULE, 'Starts the deadline scan every morning, London time');

    this.heartbeat = new ProjectFunction(this, 'Heartbeat', {
      entry: HANDLER_ENTRIES.scanHeartbeat,
      description: 'The morning check: counts ScanMissed when the deadline scan has not finished today',
      memorySize: 256,
      timeout: Duration.seconds(30),
      environment: heartbeatEnvironment,
    });
    grantTableAccess(this.heartbeat.function, storage.table, { items: ['GetItem'], partitions: [SCAN_HEARTBEAT_KEY.pk] });
    runOnSchedule(this.heartbeat, SCAN_HEARTBEAT_SCHEDULE, 'Starts the morning check that the deadline scan finished, London time');
  }
}

export interface FiftySixStackProps extends StackProps {
  configuration: DeploymentConfiguration;
}

export class FiftySixStack extends Stack {
  readonly storage: Storage;
  readonly users: Users;
  readonly api: OfficeApi;
  readonly ingestion: Ingestion;
  readonly deadlineScan: DeadlineScan;
  readonly sesEvents: SesEvents;
  readonly seed: DirectorySeed;
  readonly page: OfficePage;
  readonly alarms: OperatorAlarms;
  /** Present when the configuration names discovery sources. */
  readonly discovery: Discovery | null;

  constructor(scope: Construct, id: string, props: FiftySixStackProps) {
    super(scope, id, props);
    // Checked again here as well as when the file is read: the stack is also built from code.
    const configuration = parseDeploymentConfiguration(props.configuration, `The configuration of stack ${id}`);

    this.storage = new Storage(this, 'Storage');
    this.users = new Users(this, 'Users', { appUrl: configuration.appUrl });
    const common = {
      tableName: this.storage.table.tableName,
      uploadsBucketName: this.storage.uploads.bucketName,
      senderAddress: configuration.senderAddress,
      maxDocumentBytes: DEFAULT_MAX_DOCUMENT_BYTES,
      appUrl: null,
      userPool: null,
      sesConfigurationSet: null,
    };
    const userPool = { userPoolId: this.users.pool.userPoolId, clientId: this.users.client.userPoolClientId, fixedPassword: null };

    // The API learns its own address from each request unless the configuration names one: giving it
    // the API's URL would make the function depend on the API that depends on it.
    this.api = new OfficeApi(this, 'Api', {
      storage: this.storage,
      users: this.users,
      environment: handlerEnvironment({ ...common, appUrl: configuration.appUrl, userPool }),
    });
    this.page = new OfficePage(this, 'Page', { storage: this.storage, api: this.api, appUrl: configuration.appUrl });
    this.ingestion = new Ingestion(this, 'Ingestion', { storage: this.storage, environment: handlerEnvironment(common) });
    this.sesEvents = new SesEvents(this, 'SesEvents', { storage: this.storage, environment: handlerEnvironment(common) });
    this.deadlineScan = new DeadlineScan(this, 'DeadlineScan', {
      storage: this.storage,
      environment: handlerEnvironment({
        ...common,
        appUrl: configuration.appUrl ?? this.page.url,
        sesConfigurationSet: this.sesEvents.configurationSet.configurationSetName,
      }),
      heartbeatEnvironment: handlerEnvironment(common),
      senderAddress: configuration.senderAddress,
      sesEvents: this.sesEvents,
    });
    this.seed = new DirectorySeed(this, 'Directory', {
      storage: this.storage,
      users: this.users,
      environment: handlerEnvironment({ ...common, userPool }),
      configuration,
    });
    this.discovery = configuration.discovery
      ? new Discovery(this, 'Discovery', { storage: this.storage, environment: handlerEnvironment(common), configuration: configuration.discovery })
      : null;

    this.alarms = new OperatorAlarms(this, 'Alarms', {
      operators: configuration.operators,
      discovery: this.discovery?.function ?? null,
      deadlineScan: this.deadlineScan.function,
      morningCheck: this.deadlineScan.heartbeat,
      functions: [
        {
          name: 'Ingest',
          function: this.ingestion.function,
          whenItFails: 'An upload was not ingested, or could not be read (then it is recorded as failed, and its uploader sees why).',
        },
        {
          name: 'DeadlineScan',
          function: this.deadlineScan.function,
          whenItFails: 'The deadline scan failed: reminders due today may not have gone. Run again, it never sends one twice.',
        },
        {
          name: 'MorningCheck',
          function: this.deadlineScan.heartbeat,
          whenItFails: 'The morning check failed: a deadline scan that did not finish today would go unnoticed.',
        },
        {
          name: 'SesEvents',
          function: this.sesEvents.function,
          whenItFails: 'What SES said of reminders was not recorded: they may stay unconfirmed, and an address that bounced is still emailed.',
        },
        {
          name: 'Api',
          function: this.api.function,
          whenItFails: 'The office’s API failed a request: the person saw an error, and what they did may not be saved.',
        },
        {
          name: 'Seed',
          function: this.seed.function,
          whenItFails:
            'Bringing the bodies and users in line with the configuration file failed: the deploy rolls back, which brings them in line with the file deployed before.',
        },
        ...(this.discovery
          ? [
              {
                name: 'Discovery',
                function: this.discovery.function,
                whenItFails: 'A discovery pass failed: new HMICFRS publications are not being found, and their 56 days run whether anyone noticed or not.',
              },
            ]
          : []),
      ],
    });

    const uploadsBucketName = this.storage.uploads.bucketName;
    new CfnOutput(this, 'AppUrl', {
      value: configuration.appUrl ?? this.page.url,
      description: 'The office’s page: sign in with a user of the configuration file',
    });
    new CfnOutput(this, 'ApiUrl', { value: `${configuration.appUrl ?? this.page.url}/api`, description: 'The office’s API, on the page’s origin' });
    new CfnOutput(this, 'UserPoolId', { value: this.users.pool.userPoolId, description: 'The Cognito user pool people sign in with' });
    new CfnOutput(this, 'UploadsBucketName', {
      value: uploadsBucketName,
      description: `Reports to track go under ${UPLOADS_PREFIX} in this bucket, with their publication date as ${PUBLISHED_ON_METADATA} metadata`,
    });
    new CfnOutput(this, 'UploadCommand', {
      value: `aws s3 cp report.pdf s3://${uploadsBucketName}/${UPLOADS_PREFIX} --metadata ${PUBLISHED_ON_METADATA}=YYYY-MM-DD`,
      description: 'Uploads a report; give the date HMICFRS published it, from which the 56 days run',
    });
    new CfnOutput(this, 'ReportsTableName', {
      value: this.storage.table.tableName,
      description: 'Reports, obligations, bodies, users, the audit trail and the ledger of reminders sent',
    });
    new CfnOutput(this, 'AlarmsTopicArn', {
      value: this.alarms.topic.topicArn,
      description: 'Every alarm is sent here: the configuration’s operators are subscribed by email, and anyone can subscribe with aws sns subscribe',
    });
    new CfnOutput(this, 'SenderIdentity', {
      value: this.deadlineScan.sender.emailIdentityName,
      description: 'Reminders are sent from this address: open the link SES emails to it, or nothing is sent',
    });
  }
}
