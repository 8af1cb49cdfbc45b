import { describe, expect, it } from 'vitest';
import { discoveryEnvironment, readDiscoveryEnvironment } from '../../functions/discovery/discovery-environment';
import { ConfigurationError, parseDeploymentConfiguration } from '../../shared/configuration';

const base = {
  senderAddress: 'reminders@example.org',
  localPolicingBodies: [{ id: 'cumbria', name: 'Cumbria PFCC', force: 'Cumbria Constabulary', recipients: ['a@example.org'] }],
};

function problemsOf(raw: unknown): string[] {
  try {
    parseDeploymentConfiguration(raw, 'test.json');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as ConfigurationError).problems;
  }
  throw new Error('expected the configuration to be refused');
}

describe('discovery configuration', () => {
  it('is optional, and read as written when given', () => {
    expect(parseDeploymentConfiguration(base, 'test.json').discovery).toBeUndefined();
    const discovery = { sources: [{ kind: 'feed', url: 'http://127.0.0.1:8080/feed/' }], contact: 'ops@example.org' };
    expect(parseDeploymentConfiguration({ ...base, discovery }, 'test.json').discovery).toEqual(discovery);
  });

  it('names a source of an unknown kind, an address that is not http(s), and a missing contact', () => {
    const problems = problemsOf({ ...base, discovery: { sources: [{ kind: 'sitemap', url: 'ftp://example.org/' }] } });
    expect(problems).toEqual([
      expect.stringMatching(/^discovery\.sources\[0\]\.kind: must be "feed" .* or "listing"/),
      expect.stringMatching(/^discovery\.sources\[0\]\.url: must be the http\(s\) address/),
      expect.stringMatching(/^discovery\.contact: /),
    ]);
  });
});

describe('the discovery function’s environment', () => {
  it('carries the configuration’s discovery section and reads it back, refusing one that is missing or wrong', () => {
    const discovery = { sources: [{ kind: 'listing' as const, url: 'https://example.org/reports/' }], contact: 'https://example.org/contact' };
    expect(readDiscoveryEnvironment(discoveryEnvironment(discovery))).toEqual(discovery);
    expect(() => readDiscoveryEnvironment({})).toThrow(/DISCOVERY_CONFIGURATION: must hold/);
    expect(() => readDiscoveryEnvironment({ DISCOVERY_CONFIGURATION: '{' })).toThrow(/is not JSON/);
    expect(() => readDiscoveryEnvironment({ DISCOVERY_CONFIGURATION: '{"sources":[]}' })).toThrow(/contact/);
  });
});
