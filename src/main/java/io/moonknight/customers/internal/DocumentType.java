package io.moonknight.customers.internal;

import io.moonknight.shared.tenant.TenantOwned;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A kind of identity document the tenant collects (national ID, passport, utility bill, contract…). */
@Entity
@Table(schema = "customers", name = "document_types")
class DocumentType extends TenantOwned<DocumentType> {

    @Id
    private UUID id;

    private String code;
    private String name;
    private boolean active;
    private int position;
    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private long version;

    protected DocumentType() {}

    DocumentType(String code, String name, int position, Instant now) {
        this.id = UUID.randomUUID();
        this.code = code;
        this.name = name;
        this.active = true;
        this.position = position;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void rename(String name, boolean active, Instant now) {
        this.name = name;
        this.active = active;
        this.updatedAt = now;
    }

    DocumentTypeView view() {
        return new DocumentTypeView(id, code, name, active, position, createdAt, updatedAt);
    }

    String code() {
        return code;
    }

    boolean active() {
        return active;
    }
}
