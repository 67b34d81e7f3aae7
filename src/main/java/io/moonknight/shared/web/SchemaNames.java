package io.moonknight.shared.web;

import io.swagger.v3.core.jackson.TypeNameResolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Names the OpenAPI document's schemas so that no two classes share one. swagger-core names a schema by
 * the class's simple name, and when two classes share it (billing's and customers' {@code SettingsRequest})
 * one of them silently stands for both. Here a class keeps its simple name while it is the only
 * application class with it; otherwise the name is qualified step by step until it is unique: the module
 * first ({@code BillingSettingsRequest}, {@code CustomersSettingsRequest}), then the enclosing classes
 * ({@code BillingChargesCharge} next to {@code BillingOverageCharge}), at last the whole package path. The
 * names depend only on which classes exist, never on the order in which the document is built.
 */
final class SchemaNames extends TypeNameResolver {

    static final String ROOT_PACKAGE = "io.moonknight.";

    private final Map<String, String> names;

    SchemaNames(Collection<String> applicationClasses) {
        this.names = assign(applicationClasses);
    }

    /** Every class compiled into the application (not its tests), found next to this class. */
    static SchemaNames ofApplicationClasses() {
        String self = SchemaNames.class.getName().replace('.', '/') + ".class";
        String location = Objects.requireNonNull(
                        SchemaNames.class.getClassLoader().getResource(self))
                .toString();
        String root = location.substring(0, location.length() - self.length());
        List<String> classes = new ArrayList<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver()
                    .getResources(root + ROOT_PACKAGE.replace('.', '/') + "**/*.class")) {
                String url = resource.getURL().toString();
                String relative = url.substring(url.lastIndexOf("/" + ROOT_PACKAGE.replace('.', '/')) + 1);
                classes.add(relative.substring(0, relative.length() - ".class".length())
                        .replace('/', '.'));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SchemaNames(classes);
    }

    @Override
    protected String getNameOfClass(Class<?> cls) {
        String name = names.get(cls.getName());
        return name != null ? name : super.getNameOfClass(cls);
    }

    /**
     * The schema name of each application class whose simple name another application class shares: the
     * first qualification that no other class of the group shares and that is no class's simple name.
     */
    static Map<String, String> assign(Collection<String> classNames) {
        Map<String, List<String>> bySimpleName = classNames.stream()
                .filter(name -> name.startsWith(ROOT_PACKAGE) && !isAnonymousOrSynthetic(name))
                .distinct()
                .sorted()
                .collect(Collectors.groupingBy(SchemaNames::simpleName, TreeMap::new, Collectors.toList()));
        Map<String, String> names = new HashMap<>();
        Set<String> assigned = new HashSet<>();
        bySimpleName.values().stream().filter(group -> group.size() > 1).forEach(group -> {
            for (String className : group) {
                for (int level = 1; level <= 3; level++) {
                    String candidate = qualified(className, level);
                    int at = level;
                    boolean unique = group.stream()
                                            .filter(other ->
                                                    qualified(other, at).equals(candidate))
                                            .count()
                                    == 1
                            && !bySimpleName.containsKey(candidate)
                            && !assigned.contains(candidate);
                    if (unique || level == 3) {
                        names.put(className, candidate);
                        assigned.add(candidate);
                        break;
                    }
                }
            }
        });
        return names;
    }

    /**
     * Level 1: module and simple name; level 2: module, enclosing classes and simple name; level 3: the
     * package path below {@code io.moonknight} and the class, dotted.
     */
    private static String qualified(String className, int level) {
        String relative = className.substring(ROOT_PACKAGE.length());
        String module = capitalized(relative.substring(0, relative.indexOf('.')));
        String binaryName = relative.substring(relative.lastIndexOf('.') + 1);
        return switch (level) {
            case 1 -> module + simpleName(className);
            case 2 -> module + binaryName.replace("$", "");
            default -> relative.replace('$', '.');
        };
    }

    private static String simpleName(String className) {
        return className.substring(Math.max(className.lastIndexOf('.'), className.lastIndexOf('$')) + 1);
    }

    private static boolean isAnonymousOrSynthetic(String className) {
        String simple = simpleName(className);
        return simple.isEmpty() || Character.isDigit(simple.charAt(0)) || simple.equals("package-info");
    }

    private static String capitalized(String word) {
        return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }
}
