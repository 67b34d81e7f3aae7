package io.moonknight.shared.demo;

import java.util.List;

/**
 * A module's part of the demo tenant. On first start with an empty database (and demo data enabled) the
 * tenancy module creates the demo tenant and then calls every contributor in {@link #order()}, each inside
 * the demo tenant's context. To add demo data to a module, implement this as a bean; nothing else changes.
 */
public interface DemoDataContributor {

    /** Lower runs first; modules whose data others build on (users, customers, plans) come early. */
    int order();

    void contribute(DemoTenant demo);

    /** Logins this contributor creates, printed at start-up. */
    default List<DemoLogin> logins() {
        return List.of();
    }
}
