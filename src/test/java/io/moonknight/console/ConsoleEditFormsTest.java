package io.moonknight.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.moonknight.testsupport.Api;
import io.moonknight.testsupport.ConsoleSession;
import io.moonknight.testsupport.IntegrationTest;
import io.moonknight.testsupport.TestData;
import io.moonknight.testsupport.TestTenants;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An edit form opens filled with the record's values, and never with a secret. */
@IntegrationTest
class ConsoleEditFormsTest {

    @LocalServerPort
    int port;

    @Test
    void editFormsOpenFilledWithTheRecordAndWithoutSecrets() {
        var api = new Api(port);
        var tenant = new TestTenants(api).create();
        var data = new TestData(api, tenant.adminToken());
        String pool = data.create(
                "/api/v1/ip-pools",
                Map.of(
                        "name", "Edit pool",
                        "prefix", "10.91.0.0/24",
                        "purpose", "DYNAMIC",
                        "dnsServers", List.of("1.1.1.1", "8.8.8.8")));
        String vlan = data.create(
                "/api/v1/vlans",
                Map.of("name", "Edit VLAN", "scopeType", "OLT", "scopeName", "OLT-7", "cVlan", 91, "mode", "SHARED"));
        String nas = data.create(
                "/api/v1/nas",
                Map.of("name", "Edit NAS", "vendor", "CISCO", "address", "10.91.0.1", "secret", "nas-secret-91"));
        var session = ConsoleSession.admin(api, tenant.slug());

        assertThat(session.page("/network/pools/" + pool + "/edit").body())
                .contains("value=\"Edit pool\"", "value=\"10.91.0.0/24\"", ">1.1.1.1\n8.8.8.8</textarea>");
        assertThat(session.page("/network/vlans/" + vlan + "/edit").body())
                .contains("value=\"Edit VLAN\"", "value=\"OLT-7\"", "value=\"91\"")
                .containsPattern("value=\"OLT\"[^>]*selected");
        String nasForm = session.page("/network/nas/" + nas + "/edit").body();
        assertThat(nasForm)
                .contains("value=\"Edit NAS\"", "value=\"10.91.0.1\"")
                .doesNotContain("nas-secret-91");
        assertThat(nasForm).containsPattern("value=\"CISCO\"[^>]*selected");
    }
}
