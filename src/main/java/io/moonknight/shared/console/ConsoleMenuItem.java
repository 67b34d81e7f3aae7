package io.moonknight.shared.console;

/**
 * An entry of the console's sidebar, declared as a bean by the module that owns the page. It is shown only
 * to actors holding {@code permission}.
 *
 * @param section heading the entry is grouped under ("Customers", "Network", "Administration", "Platform")
 * @param icon a Bootstrap Icons name without the {@code bi-} prefix
 */
public record ConsoleMenuItem(String section, String label, String icon, String path, String permission, int order) {}
