import { describe, expect, it } from 'vitest';
import { redact, redactText, redactUrl, toAuditJson } from './redact';

describe('redact', () => {
  it('replaces secrets at any depth and keeps everything else', () => {
    const value = {
      username: 'ana',
      password: 'correct horse battery',
      nested: { apiToken: 'sl_abc', list: [{ secret_sha256: 'ff', plant: 'P1' }] },
      plants: new Set(['P1']),
    };
    expect(redact(value)).toEqual({
      username: 'ana',
      password: '[redacted]',
      nested: { apiToken: '[redacted]', list: [{ secret_sha256: '[redacted]', plant: 'P1' }] },
      plants: ['P1'],
    });
  });

  it('writes nothing for an absent value and JSON otherwise', () => {
    expect(toAuditJson(undefined)).toBe('');
    expect(toAuditJson({ role: 'viewer', password_hash: '$argon2id$...' })).toBe(
      '{"role":"viewer","password_hash":"[redacted]"}',
    );
  });
});

describe('redact: URLs that may carry a secret', () => {
  it('keeps only the scheme and host of a webhook URL, and a secret reference as it is', () => {
    const channel = {
      name: 'ops',
      url: 'https://hooks.slack.com/services/T0000/B0000/XXXXsecret',
      lookupUrl: 'https://erp.example/check?token=abc',
      webhooks: ['https://user:pw@teams.example/webhookb2/abc'],
      fallback: { url: 'env:SLACK_WEBHOOK' },
      emailUrl: '',
      kind: 'https://stays.example/because-the-key-is-no-url',
    };
    expect(redact(channel)).toEqual({
      name: 'ops',
      url: 'https://hooks.slack.com/[redacted]',
      lookupUrl: 'https://erp.example/[redacted]',
      webhooks: ['https://teams.example/[redacted]'],
      fallback: { url: 'env:SLACK_WEBHOOK' },
      emailUrl: '',
      kind: 'https://stays.example/because-the-key-is-no-url',
    });
    expect(redactUrl('https://erp.example/')).toBe('https://erp.example');
    expect(redactUrl('not a url at all')).toBe('[redacted]');
  });
});

describe('redactText: error messages in the audit trail', () => {
  it('scrubs credentials, key=value secrets and URL paths, and keeps the rest of the sentence', () => {
    expect(redactText('headers.Authorization: "Bearer abc-123" is not a secret reference: write env:NAME')).toBe(
      'headers.Authorization: "Bearer [redacted]" is not a secret reference: write env:NAME',
    );
    expect(redactText('Basic dXNlcjpwdw== refused; retry with password=hunter2&x=1')).toBe(
      'Basic [redacted] refused; retry with password=[redacted]&x=1',
    );
    expect(redactText('could not reach https://hooks.slack.com/services/T0/B0/XYZ.')).toBe(
      'could not reach https://hooks.slack.com/[redacted].',
    );
    expect(redactText('smtp://user:pw@mail.example:587 refused')).toBe('smtp://mail.example:587/[redacted] refused');
    const plain = 'url must be an http:// or https:// URL; secret env:NOPE does not exist';
    expect(redactText(plain)).toBe(plain);
  });
});
