package io.moonknight.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import io.moonknight.customers.CustomerDirectory;
import io.moonknight.customers.CustomerStatus;
import io.moonknight.shared.demo.DemoDataContributor;
import io.moonknight.shared.demo.DemoTenant;
import io.moonknight.shared.tenant.TenantContext;
import io.moonknight.testsupport.Api;
import io.moonknight.testsupport.IntegrationTest;
import io.moonknight.testsupport.TestTenants;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo data says what the statuses say, as written (before anything reacts to its events): a lead or a former
 * customer has no live service, and the named demo services belong to active customers.
 */
@IntegrationTest
class DemoDataConsistencyTest {

    private static final Set<SubscriptionStatus> LIVE = Set.of(SubscriptionStatus.ACTIVE, SubscriptionStatus.SUSPENDED);

    @LocalServerPort
    int port;

    @Autowired
    List<DemoDataContributor> contributors;

    @Autowired
    CustomerDirectory customers;

    @Autowired
    SubscriptionDirectory subscriptions;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void demoLeadsAndFormerCustomersHaveNoLiveService() {
        var tenant = new TestTenants(new Api(port)).create();
        var demo = new DemoTenant(tenant.id(), tenant.slug(), TestTenants.PASSWORD);
        List<String> wrong = new ArrayList<>();
        int[] served = {0};
        TenantContext.run(
                tenant.id(),
                () -> new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
                    contributors.stream()
                            .sorted(Comparator.comparingInt(DemoDataContributor::order))
                            .forEach(contributor -> contributor.contribute(demo));
                    for (var customer : customers.first(10_000)) {
                        boolean live = subscriptions.ofCustomer(customer.id()).stream()
                                .anyMatch(s -> LIVE.contains(s.status()));
                        if (live
                                && (customer.status() == CustomerStatus.LEAD
                                        || customer.status() == CustomerStatus.FORMER)) {
                            wrong.add(customer.accountNumber() + " is " + customer.status() + " with a live service");
                        }
                        if (live && customer.status() == CustomerStatus.ACTIVE) {
                            served[0]++;
                        }
                    }
                }));

        assertThat(wrong).isEmpty();
        assertThat(served[0]).as("active customers with a service").isGreaterThan(100);
    }
}
