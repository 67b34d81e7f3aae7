package io.moonknight.radius;

import static org.assertj.core.api.Assertions.assertThat;

import io.moonknight.testsupport.Api;
import io.moonknight.testsupport.TestTenants;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Subscribers and live sessions for tests of jobs and enforcement that need no RADIUS packets. */
public final class RadiusFixtures {

    private RadiusFixtures() {}

    /** An active PPPoE subscription (its own plan and customer) with this username; returns its id. */
    public static UUID subscription(Api api, TestTenants.TenantFixture tenant, String username) {
        String plan = api.post(
                        "/api/v1/plans",
                        Map.of(
                                "code",
                                "P" + username,
                                "name",
                                "Plan " + username,
                                "billingType",
                                "MONTHLY_POSTPAID",
                                "price",
                                "10",
                                "downloadKbps",
                                10_000,
                                "uploadKbps",
                                5_000),
                        tenant.adminToken())
                .text("id");
        String customer = api.post(
                        "/api/v1/customers",
                        Map.of(
                                "type",
                                "INDIVIDUAL",
                                "firstName",
                                "Sub",
                                "lastName",
                                username,
                                "phones",
                                List.of("+8801711000001")),
                        tenant.adminToken())
                .text("id");
        var created = api.post(
                "/api/v1/subscriptions",
                Map.of(
                        "customerId",
                        customer,
                        "planId",
                        plan,
                        "activate",
                        true,
                        "service",
                        Map.of("accessType", "PPPOE", "username", username, "password", username + "-pass-1")),
                tenant.adminToken());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.text("id"));
    }

    /**
     * A live session as accounting leaves it: started on {@code nas}, last reported {@code silentFor} ago, with a
     * five-minute interim interval. Returns its id.
     */
    public static UUID session(
            JdbcClient jdbc, UUID tenant, UUID nas, UUID subscription, String username, Duration silentFor) {
        var owner = jdbc.sql("select customer_id, plan_id from subscriptions.subscriptions where id = :s")
                .param("s", subscription)
                .query((r, i) -> List.of(r.getObject("customer_id", UUID.class), r.getObject("plan_id", UUID.class)))
                .single();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
            insert into radius.sessions (id, tenant_id, nas_id, subscription_id, customer_id, plan_id, username,
                acct_session_id, started_at, updated_at, interim_interval)
            values (:id, :t, :nas, :s, :c, :p, :u, :sid, now() - make_interval(secs => :silent + 60),
                now() - make_interval(secs => :silent), 300)
            """)
                .param("id", id)
                .param("t", tenant)
                .param("nas", nas)
                .param("s", subscription)
                .param("c", owner.get(0))
                .param("p", owner.get(1))
                .param("u", username)
                .param("sid", "S-" + username)
                .param("silent", silentFor.toSeconds())
                .update();
        return id;
    }

    /** Whether the session is still live (not yet moved to history). */
    public static boolean live(JdbcClient jdbc, UUID session) {
        return jdbc.sql("select exists (select 1 from radius.sessions where id = :id)")
                .param("id", session)
                .query(Boolean.class)
                .single();
    }
}
