package io.moonknight.shared.audit;

/** An entity that names itself in audit summaries (a role by its name) rather than by its id. */
public interface AuditLabelled {

    String auditLabel();
}
