import { createHash } from 'node:crypto';

/**
 * False-alarm filters that every provider rule applies to its match (the generic rule has its
 * own, stricter judgement). A provider prefix followed by filler (`sk_live_xxxxxxxx…`,
 * `SG.1111…`, `ghp_abababab…`) is a documentation placeholder, and a published example key
 * (AWS's `AKIA…EXAMPLE`, the test keys in a provider's own docs) is known to everyone already.
 */

/** sha256 (hex) of example keys printed in providers' public documentation; values are not kept in clear. */
const PUBLISHED_EXAMPLES = new Set([
  // AWS IAM user guide: the example access key id and secret access key pairs.
  '1a5d44a2dca19669d72edf4c4f1c27c4c1ca4b4408fbb17f6ce4ad452d78ddb3',
  '78314b11be2e581549ac1c4f616563fad3fdf0c3b71678f6e2299182080e0598',
  'c6ea27c534f993d31f0aef882e3d200e7b87470c379ae79c8f9b19d3bd363dc9',
  'e21b597ba6b9cafa59d9ebc4d65c0385f5eb3fa56abab2607fa76589ad849a33',
  // Stripe API reference: the test-mode secret keys shown to signed-out readers.
  '2cafc0970149a84f3b9e62eaf169f36f59907a3b3e31f7b82e68c69cd27f7326',
  'f2d6ca16515033e5dce14eba840b979d27b5cbae24bb3e5bf484339667f86397',
]);

/** True when `secret` is one of the example keys providers publish in their documentation. */
export function isPublishedExample(secret: string): boolean {
  return PUBLISHED_EXAMPLES.has(createHash('sha256').update(secret, 'utf8').digest('hex'));
}

// Six identical characters in a row, or a 2-4 character unit repeated four times: chance in a
// random 64-character hex token is about 1 in 18,000, so a real token almost never trips this.
const RUN = /(.)\1{5,}|(..(?:.(?:.)?)?)\2{3,}/;
const COUNTING = /0123456|1234567|2345678|3456789|abcdefg|bcdefgh|ABCDEFG|qwerty|asdfgh/i;
const FILLER_MARKS = /x{4}|X{4}|#{3,}|\*{3,}|\.{3}|_{4,}|-{4,}|<[^<>]*>|\{\{|\$\{/;
const FILLER_WORDS = /your|here|example|sample|dummy|placeholder|redacted|changeme|insert|replace|fake|invalid/gi;
/** A word written as people write it (`your`, `YOUR`, `Your`), not a random `vYOur` inside a token. */
const WRITTEN = /^(?:[a-z]+|[A-Z]+|[A-Z][a-z]+)$/;

/** True for the random part of a token that is really filler: repeated, counting or spelled out. */
export function isFillerToken(body: string): boolean {
  if (RUN.test(body) || COUNTING.test(body) || FILLER_MARKS.test(body)) return true;
  for (const word of body.matchAll(FILLER_WORDS)) if (WRITTEN.test(word[0])) return true;
  return false;
}

/** The one false-alarm judgement a provider rule makes about its match (`body`: the random part). */
export function isProviderFalseAlarm(secret: string, body: string = secret): boolean {
  return isFillerToken(body) || isPublishedExample(secret);
}
