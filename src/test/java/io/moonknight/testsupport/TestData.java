package io.moonknight.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

/** Records a test needs, created through the REST API as an integrator would; each returns the new id. */
public final class TestData {

    private final Api api;
    private final String token;

    public TestData(Api api, String token) {
        this.api = api;
        this.token = token;
    }

    /** A monthly postpaid plan at 10/10 Mbit/s. */
    public String monthlyPlan(String code, String name, String price) {
        return created(api.post(
                "/api/v1/plans",
                Map.of(
                        "code",
                        code,
                        "name",
                        name,
                        "billingType",
                        "MONTHLY_POSTPAID",
                        "price",
                        price,
                        "downloadKbps",
                        10000,
                        "uploadKbps",
                        10000),
                token));
    }

    /** A person with this status and phone. */
    public String customer(String lastName, String status, String phone) {
        return created(api.post(
                "/api/v1/customers",
                Map.of(
                        "type",
                        "INDIVIDUAL",
                        "firstName",
                        "Test",
                        "lastName",
                        lastName,
                        "status",
                        status,
                        "phones",
                        List.of(phone)),
                token));
    }

    /** A PPPoE subscription with this username. */
    public String pppoe(String customer, String plan, String username, boolean activate) {
        return created(api.post(
                "/api/v1/subscriptions",
                Map.of(
                        "customerId",
                        customer,
                        "planId",
                        plan,
                        "activate",
                        activate,
                        "service",
                        Map.of("accessType", "PPPOE", "username", username)),
                token));
    }

    /** Posts {@code body} to {@code path} and returns the created record's id. */
    public String create(String path, Map<String, ?> body) {
        return created(api.post(path, body, token));
    }

    private static String created(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.text("id");
    }
}
