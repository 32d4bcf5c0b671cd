import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRemoteUrl } from '../../../src/dvc/data/remotes/url';

describe('a remote url: its type, how it is sent and shown, the secrets it holds', () => {
  test('userinfo goes to the auth header, never into the shown or sent URL; percent-encoded parts are decoded', () => {
    const u = parseRemoteUrl('https://alice:p%40ss%2Fw0rd@dagshub.com/a/b.dvc');
    assert.equal(u.type, 'http');
    assert.equal(u.bare, 'https://dagshub.com/a/b.dvc');
    assert.equal(u.shown, 'https://dagshub.com/a/b.dvc');
    assert.equal(u.user, 'alice');
    assert.equal(u.password, 'p@ss/w0rd');
    assert.ok(u.secrets.includes('p@ss/w0rd') && u.secrets.includes('p%40ss%2Fw0rd') && u.secrets.includes('alice'));
    // The last `@` before the path ends the userinfo, as a URL parser reads it; a `:` after the first is the password's.
    const at = parseRemoteUrl('https://me@corp:a:b@host/x');
    assert.deepEqual([at.user, at.password, at.bare], ['me@corp', 'a:b', 'https://host/x']);
  });

  test('query values are sent but shown as ***; credentials among them are secrets in their written and decoded forms', () => {
    const u = parseRemoteUrl('https://store.example/x?token=S3cret%2BPW&sig=a+b%3D&flag&ref=main&id=0123456789abcdef0123&empty=#frag_TOKEN');
    assert.equal(u.bare, 'https://store.example/x?token=S3cret%2BPW&sig=a+b%3D&flag&ref=main&id=0123456789abcdef0123&empty=#frag_TOKEN');
    assert.equal(u.shown, 'https://store.example/x?token=***&sig=***&***&ref=***&id=***&empty=#***');
    for (const s of ['S3cret%2BPW', 'S3cret+PW', 'a+b%3D', 'a b=', '0123456789abcdef0123', 'frag_TOKEN']) assert.ok(u.secrets.includes(s), s);
    // A value named as no credential and short enough not to be a token is only hidden in the URL: were `main` a
    // secret, every `main` in the report would read ***.
    for (const s of ['main', 'flag']) assert.ok(!u.secrets.includes(s), s);
    assert.equal(parseRemoteUrl('azure://c/p?sv=2024&sig=abc').shown, 'azure://c/p?sv=***&sig=***');
  });

  test('a URL that does not parse shows its userinfo as ***@, even where a raw / in the password hides the @ from the authority', () => {
    const u = parseRemoteUrl('https://alice:S3cretPW@[bad/x');
    assert.equal(u.shown, 'https://***@[bad/x');
    assert.ok(u.secrets.includes('S3cretPW'));
    const slash = parseRemoteUrl('https://alice:S3cret/PW@host/x?k=v');
    assert.equal(slash.shown, 'https://***@host/x?k=***');
    assert.ok(slash.secrets.includes('S3cret/PW') && slash.secrets.includes('alice'));
    assert.equal(slash.password, undefined, 'not taken as credentials: the URL is refused when opened');
    // In a URL that parses, an `@` in the path is the path's.
    const path = parseRemoteUrl('https://host/pkgs/@scope/x');
    assert.equal(path.shown, 'https://host/pkgs/@scope/x');
    assert.deepEqual(path.secrets, []);
  });

  test('types as dvc-objects picks them: a scheme with no host, or none, is a local path; scp-style user@host:path is flagged', () => {
    assert.equal(parseRemoteUrl('s3://bucket/prefix').type, 's3');
    assert.equal(parseRemoteUrl('HTTP://h/p').type, 'http');
    assert.equal(parseRemoteUrl('ssh://u@h/p').type, 'ssh');
    assert.equal(parseRemoteUrl('file:///tmp/store').type, 'local');
    assert.equal(parseRemoteUrl('/tmp/store@2024/x').sshLike, false);
    const scp = parseRemoteUrl('/repo/.dvc/alice:S3cretPW@host:/path');
    assert.deepEqual([scp.type, scp.sshLike, scp.shown], ['local', true, '/repo/.dvc/***@host:/path']);
    assert.deepEqual(scp.secrets, ['S3cretPW'], 'the login name is not a secret; the password is');
  });
});
