package io.moonknight.customers.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImportColumnsTest {

    @Test
    void suggestsTargetsFromHeaders() {
        var suggested = ImportColumns.suggest(
                List.of(
                        "Customer ID",
                        "Full Name",
                        "Mobile No",
                        "E-mail",
                        "Zone",
                        "Connection Type",
                        "Comments",
                        "Lat",
                        "Lng",
                        "Whatever"),
                Map.of("connection_type", "Connection Type"));
        assertThat(suggested)
                .containsEntry("Customer ID", "ACCOUNT_NUMBER")
                .containsEntry("Full Name", "FULL_NAME")
                .containsEntry("E-mail", "EMAIL")
                .containsEntry("Zone", "AREA")
                .containsEntry("Connection Type", "custom:connection_type")
                .containsEntry("Comments", "NOTES")
                .containsEntry("Lat", "LATITUDE")
                .containsEntry("Lng", "LONGITUDE")
                .containsEntry("Whatever", "IGNORE");
    }

    @Test
    void aTargetIsSuggestedOnce() {
        var suggested = ImportColumns.suggest(List.of("phone", "mobile"), Map.of());
        assertThat(suggested).containsEntry("phone", "PHONE").containsEntry("mobile", "IGNORE");
    }
}
