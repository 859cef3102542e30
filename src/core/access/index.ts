/** The per-person access model: pure, handed keys, identities and file bytes by the caller. */
export { ACCESS_ROOT, MEMBER_ID_PATTERN, accessDirFor, accessPathsFor, assertAccessEnvName, parseAccessPath, type AccessPaths } from './access-paths.js';
export { buildGrant, type BuildGrantInput, type BuiltGrant } from './build-grant.js';
export { grantSigningInput, serializeGrant, sha256Of, signGrant, type GrantRecord, type UnsignedGrant } from './grant-record.js';
export { memberIdFor, memberSlug } from './member-id.js';
export { openAccessFile, type OpenAccessInput } from './open-access-file.js';
export { parseGrant } from './parse-grant.js';
export { describeGrantProblem, verifyGrant, type GrantLocation, type GrantProblem } from './verify-grant.js';
export { unwrapKey, wrapKey, wrappedKeyPayload } from './wrapped-key.js';
