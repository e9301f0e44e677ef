package com.serviceloop.organisation;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Every rendered page gets {@code chainWide}: whether the person may change what applies to every
 * outlet ({@link Roles.ChainWide}), so that templates show edit controls only to those who may use
 * them and one rule decides both. Added after the handler, so JSON answers never pay for it.
 */
@Configuration
class ChainWideAttribute implements WebMvcConfigurer, HandlerInterceptor {
    private final ChainScope scope;

    ChainWideAttribute(ChainScope scope) {
        this.scope = scope;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView page) {
        if (page != null && !page.getModel().containsKey("chainWide") && !isRedirect(page)) {
            Authentication who = SecurityContextHolder.getContext().getAuthentication();
            page.addObject("chainWide", who != null && scope.allows(who.getPrincipal()));
        }
    }

    // a redirect's model becomes its query string
    private static boolean isRedirect(ModelAndView page) {
        return page.getViewName() != null && page.getViewName().startsWith("redirect:")
                || page.getView() instanceof RedirectView;
    }
}
