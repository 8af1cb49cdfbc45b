import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, LoggingFormat, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { LogLevel, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/** The repository root: entries and the lock file resolve from here, whatever directory `cdk` runs in. */
const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * One Powertools service for the whole application; each log line already names its function.
 * Powertools Metrics gives every figure it publishes this as its one dimension, `service`, which the
 * alarms must name to watch them.
 */
export const POWERTOOLS_SERVICE = 'fiftysix';

/** Variables every function carries besides its own. */
const PROJECT_ENVIRONMENT = {
  POWERTOOLS_SERVICE_NAME: POWERTOOLS_SERVICE,
  // Without it the bundled source map is never read and stack traces point into minified code.
  NODE_OPTIONS: '--enable-source-maps',
};

/** CommonJS dependencies bundled into ES module output still call `require`, which ESM lacks. */
export const BUNDLE_BANNER = "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);";

export interface ProjectFunctionProps {
  /** The handler's entry file, relative to the repository root; it exports `handler`. */
  entry: string;
  description: string;
  memorySize: number;
  timeout: Duration;
  environment: Record<string, string>;
  /**
   * Invoked by an event (S3, the scheduler) rather than by a caller waiting for the answer: Lambda
   * then retries a failure twice and keeps what still fails in a dead-letter queue. A caller that waits
   * (API Gateway, CloudFormation) sees the failure itself. Default true.
   */
  asynchronous?: boolean;
  /**
   * Worker thread scripts the handler starts, each bundled on its own beside the handler's bundle:
   * `source` relative to the repository root, `bundled` the file name the handler looks for.
   */
  workerScripts?: readonly { source: string; bundled: string }[];
  /** Files the handler reads beside its bundle (a WebAssembly module), copied as they are: `source` relative to the repository root. */
  files?: readonly { source: string; bundled: string }[];
}

/**
 * The one way this project defines a Lambda function, so runtime, bundling, logging, tracing and
 * failure handling are decided once. A function invoked asynchronously gets a dead-letter queue for
 * events that still fail after Lambda's retries.
 */
export class ProjectFunction extends Construct {
  readonly function: NodejsFunction;
  readonly role: Role;
  readonly logs: LogGroup;
  /** Where events that still fail after Lambda's retries are kept; null for a function a caller waits on. */
  readonly deadLetters: Queue | null;

  constructor(scope: Construct, id: string, props: ProjectFunctionProps) {
    super(scope, id);
    // Logs may be needed to explain a missed reminder long after a 56-day deadline has passed;
    // they expire on their own, so keeping them when the stack goes costs little.
    const logGroup = new LogGroup(this, 'Logs', {
      retention: RetentionDays.SIX_MONTHS,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.logs = logGroup;
    // An own role instead of AWSLambdaBasicExecutionRole, which may write to every log group in the account.
    this.role = new Role(this, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    logGroup.grantWrite(this.role);
    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'Active tracing needs xray:PutTraceSegments and xray:PutTelemetryRecords, which support no resource-level permissions',
    });
    const asynchronous = props.asynchronous ?? true;
    this.deadLetters = asynchronous
      ? new Queue(this, 'DeadLetters', {
          encryption: QueueEncryption.SQS_MANAGED,
          enforceSSL: true,
          // SQS's longest: a failure noticed late is still there to read and redrive.
          retentionPeriod: Duration.days(14),
          // What still waits in it is an upload, a scan or an SES event nobody has dealt with yet.
          removalPolicy: RemovalPolicy.RETAIN,
        })
      : null;

    this.function = new NodejsFunction(this, 'Function', {
      entry: resolve(PROJECT_ROOT, props.entry),
      handler: 'handler',
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: resolve(PROJECT_ROOT, 'package-lock.json'),
      description: props.description,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize,
      timeout: props.timeout,
      environment: { ...PROJECT_ENVIRONMENT, ...props.environment },
      role: this.role,
      logGroup,
      loggingFormat: LoggingFormat.JSON,
      tracing: Tracing.ACTIVE,
      ...(this.deadLetters ? { retryAttempts: 2, deadLetterQueue: this.deadLetters } : {}),
      bundling: {
        format: OutputFormat.ESM,
        // One bundle runs both in Lambda (Node 24) and on a developer's Node 20 for the local stack.
        target: 'node20',
        // Prefer dependencies' ES module builds, which tree-shake far better than their CommonJS ones.
        mainFields: ['module', 'main'],
        minify: true,
        sourceMap: true,
        // Measured: a bundled SDK starts faster than the runtime's copy, and its version is the lock file's.
        bundleAwsSDK: true,
        // esbuild's size summary flags any bundle over 1 MB; only real warnings should reach the synth output.
        logLevel: LogLevel.WARNING,
        banner: BUNDLE_BANNER,
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          // esbuild leaves `new URL('./x.mjs', import.meta.url)` alone, so a worker's script is bundled here.
          afterBundling: (inputDir, outputDir) => [
            ...(props.workerScripts ?? []).map(({ source, bundled }) =>
              [
                `"${inputDir}/node_modules/.bin/esbuild"`,
                `"${inputDir}/${source}"`,
                `--outfile="${outputDir}/${bundled}"`,
                '--bundle --platform=node --format=esm --target=node20 --main-fields=module,main --minify --sourcemap --log-level=warning',
                `"--banner:js=${BUNDLE_BANNER}"`,
              ].join(' '),
            ),
            ...(props.files ?? []).map(({ source, bundled }) => `cp "${inputDir}/${source}" "${outputDir}/${bundled}"`),
          ],
        },
      },
    });
  }
}
