package io.moonknight.audit.internal;

import io.moonknight.audit.AuditRecord;
import io.moonknight.shared.audit.AuditLabelled;
import io.moonknight.shared.audit.AuditRedacted;
import io.moonknight.shared.audit.AuditScoped;
import io.moonknight.shared.audit.NotAudited;
import jakarta.persistence.EntityManagerFactory;
import java.lang.reflect.Field;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostCollectionUpdateEvent;
import org.hibernate.event.spi.PostCollectionUpdateEventListener;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Records every insert, update and delete of a JPA entity, in the transaction that makes it, with a
 * before/after summary. Secrets are redacted; bookkeeping-only changes ({@link NotAudited}) are skipped. This
 * is how every module's state changes are audited without code per endpoint.
 */
@Component
class EntityChangeAuditor
        implements PostInsertEventListener,
                PostUpdateEventListener,
                PostDeleteEventListener,
                PostCollectionUpdateEventListener,
                SmartInitializingSingleton {

    static final String REDACTED = "[redacted]";
    private static final Pattern SECRET_NAME =
            Pattern.compile("(?i).*(password|secret|hash|token|credential|apikey|privatekey)$");
    private static final Set<String> NOISE = Set.of("version", "updatedAt");
    private static final int MAX_TEXT = 200;
    private static final int MAX_ELEMENTS = 50;

    private final EntityManagerFactory entityManagerFactory;
    private final AuditWriter writer;
    private final Map<Class<?>, Map<String, FieldRule>> rules = new ConcurrentHashMap<>();

    EntityChangeAuditor(EntityManagerFactory entityManagerFactory, AuditWriter writer) {
        this.entityManagerFactory = entityManagerFactory;
        this.writer = writer;
    }

    @Override
    public void afterSingletonsInstantiated() {
        var registry = entityManagerFactory
                .unwrap(SessionFactoryImplementor.class)
                .getServiceRegistry()
                .requireService(EventListenerRegistry.class);
        registry.appendListeners(EventType.POST_INSERT, this);
        registry.appendListeners(EventType.POST_UPDATE, this);
        registry.appendListeners(EventType.POST_DELETE, this);
        registry.appendListeners(EventType.POST_COLLECTION_UPDATE, this);
    }

    @Override
    public void onPostInsert(PostInsertEvent event) {
        Map<String, @Nullable Object> created = new LinkedHashMap<>();
        String[] names = event.getPersister().getPropertyNames();
        Object[] state = event.getState();
        for (int i = 0; i < names.length; i++) {
            FieldRule rule = rule(event.getEntity().getClass(), names[i]);
            if (rule != FieldRule.NOT_AUDITED && !NOISE.contains(names[i])) {
                created.put(names[i], rule == FieldRule.REDACTED ? REDACTED : format(state[i]));
            }
        }
        write(event.getEntity(), event.getId(), "created", Map.of("created", created));
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        int[] dirty = event.getDirtyProperties();
        Object[] oldState = event.getOldState();
        if (dirty == null || oldState == null) {
            return;
        }
        Map<String, @Nullable Object> changes = new LinkedHashMap<>();
        String[] names = event.getPersister().getPropertyNames();
        for (int index : dirty) {
            String name = names[index];
            FieldRule rule = rule(event.getEntity().getClass(), name);
            if (rule == FieldRule.NOT_AUDITED || NOISE.contains(name)) {
                continue;
            }
            changes.put(
                    name,
                    rule == FieldRule.REDACTED
                            ? REDACTED
                            : change(format(oldState[index]), format(event.getState()[index])));
        }
        if (!changes.isEmpty()) {
            write(event.getEntity(), event.getId(), "updated", Map.of("changes", changes));
        }
    }

    @Override
    public void onPostDelete(PostDeleteEvent event) {
        Map<String, @Nullable Object> deleted = new LinkedHashMap<>();
        String[] names = event.getPersister().getPropertyNames();
        Object[] state = event.getDeletedState();
        for (int i = 0; i < names.length && state != null; i++) {
            FieldRule rule = rule(event.getEntity().getClass(), names[i]);
            if (rule != FieldRule.NOT_AUDITED
                    && !NOISE.contains(names[i])
                    && !(state[i] instanceof PersistentCollection<?>)) {
                deleted.put(names[i], rule == FieldRule.REDACTED ? REDACTED : format(state[i]));
            }
        }
        write(event.getEntity(), event.getId(), "deleted", Map.of("deleted", deleted));
    }

    @Override
    public void onPostUpdateCollection(PostCollectionUpdateEvent event) {
        Object owner = event.getAffectedOwnerOrNull();
        PersistentCollection<?> collection = event.getCollection();
        if (owner == null || !collection.wasInitialized()) {
            return;
        }
        String role = String.valueOf(collection.getRole());
        String property = role.substring(role.lastIndexOf('.') + 1);
        Object snapshot = collection.getStoredSnapshot();
        Object before = snapshot instanceof Map<?, ?> map ? map.keySet() : snapshot;
        Map<String, @Nullable Object> changes = Map.of(property, change(format(before), format(collection)));
        write(owner, event.getAffectedOwnerIdOrNull(), "updated", Map.of("changes", changes));
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
        return false;
    }

    private void write(Object entity, @Nullable Object id, String verb, Map<String, Object> details) {
        String type = entity.getClass().getSimpleName();
        var record = new AuditRecord(
                kebab(type) + "." + verb,
                type,
                id == null ? null : id.toString(),
                new LinkedHashMap<>(details),
                entity instanceof AuditScoped scoped ? scoped.auditTenantId() : null,
                null,
                null);
        writer.write(record);
    }

    private FieldRule rule(Class<?> type, String property) {
        return rules.computeIfAbsent(type, EntityChangeAuditor::rulesOf).getOrDefault(property, FieldRule.PLAIN);
    }

    private static Map<String, FieldRule> rulesOf(Class<?> type) {
        Map<String, FieldRule> rules = new ConcurrentHashMap<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.isAnnotationPresent(NotAudited.class)) {
                    rules.putIfAbsent(field.getName(), FieldRule.NOT_AUDITED);
                } else if (field.isAnnotationPresent(AuditRedacted.class)
                        || SECRET_NAME.matcher(field.getName()).matches()) {
                    rules.putIfAbsent(field.getName(), FieldRule.REDACTED);
                }
            }
        }
        return rules;
    }

    private static Map<String, @Nullable Object> change(@Nullable Object from, @Nullable Object to) {
        Map<String, @Nullable Object> change = new LinkedHashMap<>();
        change.put("from", from);
        change.put("to", to);
        return change;
    }

    static @Nullable Object format(@Nullable Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof String text) {
            return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "…" : text;
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof TemporalAccessor || value instanceof java.util.UUID) {
            return value.toString();
        }
        if (value instanceof AuditLabelled labelled) {
            return labelled.auditLabel();
        }
        if (value instanceof PersistentCollection<?> collection && !collection.wasInitialized()) {
            return "[not loaded]";
        }
        if (value instanceof Collection<?> collection) {
            return collection.stream()
                    .limit(MAX_ELEMENTS)
                    .map(EntityChangeAuditor::format)
                    .map(String::valueOf)
                    .sorted()
                    .toList();
        }
        if (value instanceof Object[] array) {
            return List.of(array).stream()
                    .limit(MAX_ELEMENTS)
                    .map(EntityChangeAuditor::format)
                    .map(String::valueOf)
                    .toList();
        }
        String text = value.toString();
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "…" : text;
    }

    static String kebab(String type) {
        return type.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private enum FieldRule {
        PLAIN,
        REDACTED,
        NOT_AUDITED
    }
}
