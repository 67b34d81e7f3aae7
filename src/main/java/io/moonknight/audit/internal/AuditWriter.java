package io.moonknight.audit.internal;

import io.moonknight.audit.AuditRecord;
import io.moonknight.shared.security.Actor;
import io.moonknight.shared.security.ActorType;
import io.moonknight.shared.tenant.TenantContext;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerMapping;
import tools.jackson.databind.json.JsonMapper;

/** Writes audit rows, completing a record with the acting principal and the request it came from. */
@Component
class AuditWriter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditWriter(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void write(AuditRecord record) {
        Actor actor = record.actor() != null ? record.actor() : Actor.current().orElse(null);
        UUID tenant = record.tenantId() != null
                ? record.tenantId()
                : actor != null && actor.tenantId() != null
                        ? actor.tenantId()
                        : TenantContext.current().orElse(null);
        HttpServletRequest request = currentRequest();
        String actorType = actor != null
                ? actor.type().name()
                : record.actorName() != null ? "ANONYMOUS" : ActorType.SYSTEM.name();
        String actorName = actor != null ? actor.username() : Objects.requireNonNullElse(record.actorName(), "system");
        jdbc.sql("""
            insert into audit.audit_events
                (occurred_at, tenant_id, actor_type, actor_id, actor_name, action, target_type, target_id,
                 details, operation, source_address, user_agent)
            values (:at, :tenant, :actorType, :actorId, :actorName, :action, :targetType, :targetId,
                    cast(:details as jsonb), :operation, :address, :agent)
            """)
                .param("at", Timestamp.from(clock.instant()))
                .param("tenant", tenant)
                .param("actorType", actorType)
                .param("actorId", actor == null ? null : actor.id())
                .param("actorName", truncate(actorName, 200))
                .param("action", record.action())
                .param("targetType", record.targetType())
                .param("targetId", record.targetId())
                .param("details", JSON.writeValueAsString(record.details()))
                .param("operation", request == null ? null : operation(request))
                .param("address", request == null ? null : request.getRemoteAddr())
                .param(
                        "agent",
                        request == null
                                ? null
                                : truncate(Objects.requireNonNullElse(request.getHeader("User-Agent"), ""), 400))
                .update();
    }

    private static @Nullable HttpServletRequest currentRequest() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return attributes.getRequest();
        }
        return null;
    }

    private static String operation(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        return request.getMethod() + " " + (pattern != null ? pattern : request.getRequestURI());
    }

    private static String truncate(String value, int max) {
        return value.length() > max ? value.substring(0, max) : value;
    }
}
