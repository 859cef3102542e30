import { MEMBER_ID_PATTERN } from './access-paths.js';

/**
 * Member ids name a member's files, so they must be short, safe in a path and stable.
 *
 * Derivation: take the display name (for `Bob Smith <bob@example.com>` that is `Bob Smith`; a
 * bare address gives its local part), fold accents away, lower-case, turn every run of other
 * characters into one hyphen, trim hyphens, cut to 32 characters; nothing left gives `member`.
 *
 * Collision rule, within one environment: a member keeps the id already recorded in their
 * grant (same name → same id, so re-granting replaces their files instead of adding a second
 * pair). A new name whose slug is taken by someone else gets the lowest free `-2`, `-3`, … suffix.
 * The id is stored in the grant and never recomputed, so renaming rules cannot move files.
 */
export function memberSlug(name: string): string {
  const trimmed = name.trim();
  const display = trimmed.replace(/<[^>]*>/g, '').trim();
  const base = display !== '' ? display : (/<?([^@<>\s]+)@/.exec(trimmed)?.[1] ?? '');
  const slug = base
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/@.*$/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 32)
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'member' : slug;
}

/**
 * The id for `name` in an environment whose existing grants map member id → member name.
 * Names compare exactly (after trimming): "Bob" and "bob" are different people to a computer.
 */
export function memberIdFor(name: string, existing: ReadonlyMap<string, string>): string {
  const wanted = name.trim();
  for (const [id, existingName] of existing) if (existingName.trim() === wanted) return id;
  const slug = memberSlug(name);
  if (!existing.has(slug)) return slug;
  for (let n = 2; ; n++) {
    const candidate = `${slug.slice(0, 32)}-${n}`;
    if (!existing.has(candidate) && MEMBER_ID_PATTERN.test(candidate)) return candidate;
  }
}
