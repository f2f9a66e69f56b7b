/** The audit trail (server/README.md, "Audit trail"). */
export { openAuditTrail, whoOf, type AuditTrail, type AuditTrailOptions } from './audit-trail.js';
export { auditPaths, type Head } from './audit-file.js';
export type { AuditAction, AuditEntry, AuditEvent, AuditOutcome, AuditSize, AuditStatus, AuditWho } from './entry.js';
export { readTrail, MAX_PAGE, type AuditFilter, type AuditPage } from './read-entries.js';
export { verifyTrail, type AuditProblem, type AuditVerification, type VerifyOptions } from './verify.js';
