package com.serviceloop.platform;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.accept.ContentNegotiationManager;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Spring MVC finds the handler of a path with a variable (/api/v1/public/surveys/{token}/responses)
 * by trying every request mapping in turn, each asking the request for its method and CORS headers
 * through several wrappers; and it does so twice per request, once for Spring Security's
 * HandlerMappingIntrospector cache and once in the DispatcherServlet. With some two hundred
 * mappings that was over a quarter of the app's CPU on a public survey answer. Controllers marked
 * {@link HotPath} are therefore mapped by a mapping of their own, consulted first, and left out of
 * the main one, so each handler is still mapped exactly once.
 */
@Configuration
class HotPathMapping {

    static boolean hot(Class<?> type) {
        return AnnotatedElementUtils.hasAnnotation(type, HotPath.class);
    }

    @Bean
    WebMvcRegistrations mainMappingWithoutHotPaths() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new RequestMappingHandlerMapping() {
                    @Override
                    protected boolean isHandler(Class<?> type) {
                        return super.isHandler(type) && !hot(type);
                    }
                };
            }
        };
    }

    @Bean
    RequestMappingHandlerMapping hotPathHandlerMapping(
            @Qualifier("mvcContentNegotiationManager") ContentNegotiationManager contentNegotiation) {
        RequestMappingHandlerMapping mapping = new RequestMappingHandlerMapping() {
            @Override
            protected boolean isHandler(Class<?> type) {
                return super.isHandler(type) && hot(type);
            }
        };
        mapping.setOrder(-1);
        mapping.setContentNegotiationManager(contentNegotiation);
        mapping.setInterceptors(WebConfig.languageSwitch());
        return mapping;
    }
}
