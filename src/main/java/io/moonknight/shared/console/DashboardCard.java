package io.moonknight.shared.console;

import java.util.function.Supplier;

/**
 * A figure on the console dashboard, contributed by a module: a title, a value computed on each view in the
 * viewer's tenant context, and where clicking it leads.
 */
public record DashboardCard(
        String title, String icon, String permission, String path, int order, Supplier<String> value) {}
