/**
 * The one redactor: every secret the process knows is registered here, and every text that leaves the process
 * (log lines, the report's data before any target renders it, error messages) goes through `redact`. A secret
 * is also found in the forms it travels in: percent-encoded (URLs, form bodies) and base64, at any of the three
 * byte alignments (an `Authorization: Basic` header, git's `extraheader`, `user:token` encoded together).
 */

/** Registered forms, longest first so a longer form is replaced before a shorter one inside it. */
let forms: string[] = [];
/** The shortest registered form's length: a shorter text holds none (most of a report's keys and values). */
let shortestForm = Infinity;

const MASK = '***';
/** Shorter secrets would mask ordinary words; the derived forms of a short secret are only a few characters. */
const MIN_SECRET = 4;
const MIN_DERIVED = 6;

/** `scheme://user:password@` in a URL, whoever's it is. */
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s/?#@:]*):([^\s/?#@]+)@/gi;
/** An HTTP authorization header's value, as a misconfigured tool or `git config --list` prints it. */
const AUTH_HEADER = /\b(authorization:\s*(?:basic|bearer|token)\s+)[A-Za-z0-9+/=._~-]+/gi;
const AUTH_HINT = /authorization:/i;
const AUTH_HINT_LENGTH = 'authorization:'.length;

/** Whether a value is long enough to be masked as a secret: a shorter one (a user `a`) would mask ordinary words. */
export function maskable(secret: string): boolean {
  return secret.length >= MIN_SECRET;
}

/** Registers a secret (a token, a password); empty and very short values are ignored. */
export function addSecret(secret: string | null | undefined): void {
  if (!secret || !maskable(secret)) return;
  const found = new Set([secret]);
  if (secret.length >= MIN_DERIVED) {
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret) found.add(encoded);
    for (const core of base64Cores(secret)) if (core.length >= MIN_DERIVED) found.add(core);
  }
  forms = [...new Set([...forms, ...found])].sort((a, b) => b.length - a.length);
  shortestForm = forms[forms.length - 1]!.length;
}

/** The text with every registered secret, URL password and authorization header value replaced by `***`. */
export function redact(text: string): string {
  let out = text;
  if (out.length >= shortestForm) for (const form of forms) if (out.includes(form)) out = out.split(form).join(MASK);
  // Most texts (a report's names and numbers) have no `@` and no header: each pattern runs only where it can match.
  if (out.includes('@')) out = out.replace(URL_CREDENTIALS, `$1$2:${MASK}@`);
  if (out.length >= AUTH_HINT_LENGTH && out.includes(':') && AUTH_HINT.test(out)) out = out.replace(AUTH_HEADER, `$1${MASK}`);
  return out;
}

/**
 * Every string in a JSON-like value (keys too) redacted, in place; returns the value. A list met again (a report's
 * rows share their causes' lists) was cleaned the first time, with what it holds, and is not walked again.
 */
export function redactDeep<T>(value: T, seen = new Set<unknown[]>()): T {
  if (Array.isArray(value)) {
    if (seen.has(value)) return value;
    seen.add(value);
    for (let i = 0; i < value.length; i++) {
      const was: unknown = value[i];
      if (typeof was === 'string') value[i] = redact(was);
      else if (was !== null && typeof was === 'object') redactDeep(was, seen);
    }
  } else if (value !== null && typeof value === 'object' && !ArrayBuffer.isView(value)) {
    const record = value as Record<string, unknown>;
    // for…in, not Object.keys: no array of names made for each of a report's thousands of rows. A key redacted below
    // is put back under its clean name, which a later step of the loop may visit again: redacting it is a no-op.
    for (const key in record) {
      if (!Object.hasOwn(record, key)) continue;
      const clean = redact(key);
      const was = record[key];
      const v = typeof was === 'string' ? redact(was) : was !== null && typeof was === 'object' ? redactDeep(was, seen) : was;
      if (clean !== key) {
        delete record[key];
        record[clean] = v;
      } else if (v !== was) record[key] = v;
    }
  }
  return value;
}

/**
 * The base64 characters that encode only the secret's bytes, whatever precedes it: the secret is prefixed with
 * 0, 1 and 2 bytes, and the characters that mix in prefix bits or trailing padding are cut off. Both the standard
 * and the URL-safe alphabet.
 */
function base64Cores(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const out: string[] = [];
  for (let k = 0; k < 3; k++) {
    const text = Buffer.concat([Buffer.alloc(k), bytes]).toString('base64');
    const core = text.slice(Math.ceil((8 * k) / 6), Math.floor((8 * (k + bytes.length)) / 6));
    out.push(core, core.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return out;
}
