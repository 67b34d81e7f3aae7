package io.moonknight.shared.web;

import io.swagger.v3.oas.models.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/**
 * Writes each operation's required permission into the OpenAPI document: an {@code x-permissions} list
 * (empty for operations any authenticated caller may use) and a line in the description.
 */
@Component
class PermissionOperationCustomizer implements OperationCustomizer {

    private static final Pattern PERMISSION = Pattern.compile("'([a-z][a-z-]*:[a-z][a-z-]*)'");

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(handlerMethod.getMethod(), PreAuthorize.class);
        if (rule == null) {
            rule = AnnotatedElementUtils.findMergedAnnotation(handlerMethod.getBeanType(), PreAuthorize.class);
        }
        if (rule == null) {
            return operation;
        }
        List<String> permissions = new ArrayList<>();
        Matcher matcher = PERMISSION.matcher(rule.value());
        while (matcher.find()) {
            permissions.add(matcher.group(1));
        }
        operation.addExtension("x-permissions", permissions);
        String requirement = permissions.isEmpty()
                ? "Any authenticated caller."
                : "Requires permission "
                        + String.join(
                                " or ",
                                permissions.stream().map(p -> "`" + p + "`").toList()) + ".";
        String description = operation.getDescription();
        operation.setDescription(
                description == null || description.isBlank() ? requirement : description + "\n\n" + requirement);
        return operation;
    }
}
