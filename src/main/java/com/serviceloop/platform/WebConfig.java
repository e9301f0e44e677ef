package com.serviceloop.platform;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

@Configuration
class WebConfig implements WebMvcConfigurer {
    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.CHINESE);

    /**
     * The language follows the browser (Accept-Language) until the person picks one with ?lang=,
     * which is remembered in a cookie, so it holds on every instance.
     */
    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("serviceloop-lang");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(request -> {
            var accepted = request.getLocales();
            while (accepted.hasMoreElements()) {
                Locale l = accepted.nextElement();
                for (Locale s : SUPPORTED) {
                    if (s.getLanguage().equals(l.getLanguage())) {
                        return s;
                    }
                }
            }
            return Locale.ENGLISH;
        });
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(languageSwitch());
    }

    /** ?lang=zh|en switches the language (and remembers it); on every mapping, HotPathMapping's too. */
    static LocaleChangeInterceptor languageSwitch() {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        return change;
    }
}
