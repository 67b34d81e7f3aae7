package io.moonknight.customers.internal;

import io.moonknight.customers.domain.CustomFieldRule;
import io.moonknight.customers.domain.CustomFieldType;
import io.moonknight.shared.tenant.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A field a tenant adds to its customer profiles. Its key never changes, so stored values stay attached. */
@Entity
@Table(schema = "customers", name = "custom_fields")
class CustomField extends TenantOwned<CustomField> {

    @Id
    private UUID id;

    private String key;
    private String label;

    @Enumerated(EnumType.STRING)
    private CustomFieldType type;

    private boolean required;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    private List<String> choices = new ArrayList<>();

    private int position;
    private boolean active;
    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private long version;

    protected CustomField() {}

    CustomField(String key, CustomFieldRule rule, int position, Instant now) {
        this.id = UUID.randomUUID();
        this.key = key;
        this.active = true;
        this.position = position;
        this.createdAt = now;
        redefine(rule, position, now);
    }

    void redefine(CustomFieldRule rule, int position, Instant now) {
        this.label = rule.label();
        this.type = rule.type();
        this.required = rule.required();
        this.choices = new ArrayList<>(rule.choices());
        this.position = position;
        this.updatedAt = now;
    }

    void retire(Instant now) {
        this.active = false;
        this.updatedAt = now;
    }

    CustomFieldRule rule() {
        return new CustomFieldRule(key, label, type, required, choices);
    }

    CustomFieldView view() {
        return new CustomFieldView(
                id, key, label, type, required, List.copyOf(choices), position, active, createdAt, updatedAt);
    }

    boolean active() {
        return active;
    }

    String key() {
        return key;
    }
}
