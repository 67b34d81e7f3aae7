package io.moonknight.audit;

/** Records actions that are not plain entity changes (which are recorded automatically). */
public interface AuditTrail {

    /** Records within the current transaction: the record exists exactly when the change it describes does. */
    void record(AuditRecord record);

    /** Records in a transaction of its own, so it survives a rollback (failed logins, refused requests). */
    void recordSeparately(AuditRecord record);
}
