import { ConfigurationError } from '../shared/configuration';
import { buildFiftySixApp } from './build-app';
import { loadDeploymentConfiguration } from './configuration-file';

try {
  buildFiftySixApp({ configuration: loadDeploymentConfiguration() }).app.synth();
} catch (error) {
  // A configuration mistake is the operator's to fix: say what, without a stack trace in the way.
  if (!(error instanceof ConfigurationError)) throw error;
  console.error(error.message);
  process.exit(1);
}
