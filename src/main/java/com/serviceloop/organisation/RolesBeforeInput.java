package com.serviceloop.organisation;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Applies an operation's role rule (the {@link Roles} annotations) before Spring MVC reads and
 * validates the request body, so that someone without the role gets 403 and not a list of what is
 * wrong with their input. Method security checks the same rule again when the method is called.
 */
@Configuration
class RolesBeforeInput implements WebMvcConfigurer, HandlerInterceptor {
    private final PreAuthorizeAuthorizationManager rules = new PreAuthorizeAuthorizationManager();

    RolesBeforeInput(ApplicationContext context) {
        // rules name beans (@chainWide), which only an expression handler that knows the context resolves
        DefaultMethodSecurityExpressionHandler expressions = new DefaultMethodSecurityExpressionHandler();
        expressions.setApplicationContext(context);
        rules.setExpressionHandler(expressions);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method) {
            // the handler mapping hands over the method with its bean resolved; the role rules read no
            // method argument, so none is needed to decide
            AuthorizationResult result = rules.authorize(SecurityContextHolder.getContext()::getAuthentication,
                    new SimpleMethodInvocation(method.getBean(), method.getMethod()));
            if (result != null && !result.isGranted()) {
                throw new AccessDeniedException("Your role does not allow this");
            }
        }
        return true;
    }
}
