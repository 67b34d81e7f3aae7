package io.moonknight.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaNamesTest {

    @Test
    void aClassKeepsItsSimpleNameWhileNoOtherApplicationClassHasIt() {
        var names = SchemaNames.assign(List.of(
                "io.moonknight.network.internal.IpPoolView",
                "io.moonknight.billing.web.BillingApiController$RunRequest"));
        assertThat(names).isEmpty();
    }

    @Test
    void sharedSimpleNamesAreQualifiedByModuleThenEnclosingClassThenPackage() {
        var names = SchemaNames.assign(List.of(
                "io.moonknight.billing.web.BillingApiController$SettingsRequest",
                "io.moonknight.customers.web.CustomerSettingsApiController$SettingsRequest",
                "io.moonknight.billing.internal.Charges$Charge",
                "io.moonknight.billing.domain.Overage$Charge",
                "io.moonknight.subscriptions.internal.ChangeLog$Change",
                "io.moonknight.billing.domain.ServiceSegments$Change",
                "io.moonknight.billing.internal.BillingAccounts$Change",
                "io.moonknight.radius.a.View",
                "io.moonknight.radius.b.View",
                "io.moonknight.radius.c.Outer$1",
                "io.moonknight.radius.d.Outer$1"));
        assertThat(names)
                .containsEntry(
                        "io.moonknight.billing.web.BillingApiController$SettingsRequest", "BillingSettingsRequest")
                .containsEntry(
                        "io.moonknight.customers.web.CustomerSettingsApiController$SettingsRequest",
                        "CustomersSettingsRequest")
                .containsEntry("io.moonknight.billing.internal.Charges$Charge", "BillingChargesCharge")
                .containsEntry("io.moonknight.billing.domain.Overage$Charge", "BillingOverageCharge")
                .containsEntry("io.moonknight.radius.a.View", "radius.a.View")
                .containsEntry("io.moonknight.radius.b.View", "radius.b.View")
                .containsEntry("io.moonknight.subscriptions.internal.ChangeLog$Change", "SubscriptionsChange")
                .containsEntry("io.moonknight.billing.domain.ServiceSegments$Change", "BillingServiceSegmentsChange")
                .doesNotContainKey("io.moonknight.radius.c.Outer$1");
    }

    @Test
    void aQualifiedNameNeverTakesAnotherClasssSimpleName() {
        var names = SchemaNames.assign(List.of(
                "io.moonknight.billing.internal.BillingSettingsService$Settings",
                "io.moonknight.tenancy.web.TenantRequests$Settings",
                "io.moonknight.billing.web.BillingSettings"));
        assertThat(names)
                .containsEntry(
                        "io.moonknight.billing.internal.BillingSettingsService$Settings",
                        "BillingBillingSettingsServiceSettings")
                .containsEntry("io.moonknight.tenancy.web.TenantRequests$Settings", "TenancySettings")
                .doesNotContainKey("io.moonknight.billing.web.BillingSettings");
    }

    @Test
    void theApplicationsOwnClassesAreFoundAndTheSettingsRequestsTellTheirModules() throws Exception {
        var resolver = SchemaNames.ofApplicationClasses();
        assertThat(resolver.getNameOfClass(
                        Class.forName("io.moonknight.billing.web.BillingApiController$SettingsRequest")))
                .isEqualTo("BillingSettingsRequest");
        assertThat(resolver.getNameOfClass(
                        Class.forName("io.moonknight.customers.web.CustomerSettingsApiController$SettingsRequest")))
                .isEqualTo("CustomersSettingsRequest");
        assertThat(resolver.getNameOfClass(SchemaNames.class)).isEqualTo("SchemaNames");
        assertThat(resolver.getNameOfClass(String.class)).isEqualTo("String");
    }
}
