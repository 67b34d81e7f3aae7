package io.moonknight.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Evaluates a handler's {@code @PreAuthorize} before its arguments are read, so a caller without the
 * permission gets 403 whatever it sent, never a 400 that tells it about the request's shape. Method security
 * still checks again when the method runs; expressions must therefore not depend on arguments.
 */
@Configuration(proxyBeanMethods = false)
class PermissionPreCheck implements WebMvcConfigurer, HandlerInterceptor {

    private final PreAuthorizeAuthorizationManager manager = new PreAuthorizeAuthorizationManager();

    PermissionPreCheck(ApplicationContext context) {
        manager.setApplicationContext(context);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method) {
            var invocation = new SimpleMethodInvocation(
                    method.getBean(),
                    method.getMethod(),
                    new Object[method.getMethod().getParameterCount()]);
            Supplier<@Nullable Authentication> authentication =
                    () -> SecurityContextHolder.getContext().getAuthentication();
            var result = manager.authorize(authentication, invocation);
            if (result != null && !result.isGranted()) {
                throw new AccessDeniedException("Access Denied");
            }
        }
        return true;
    }
}
