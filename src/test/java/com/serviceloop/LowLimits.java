package com.serviceloop;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * Low sign-in and public-answer limits, small enough for a test to run into. The tests of both kinds
 * carry this one set, so that they share one application context (one connection pool) between them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@TestPropertySource(properties = {
    "serviceloop.surveys.max-per-address-per-minute=30", "serviceloop.surveys.max-per-device-per-minute=5",
    "serviceloop.surveys.max-per-link-per-minute=100",
    "serviceloop.login.slow-after=3", "serviceloop.login.lock-after=5", "serviceloop.login.address-slow-after=8",
    "serviceloop.login.address-lock-after=10", "serviceloop.login.slow-down=PT10S", "serviceloop.login.lock-duration=PT15M"})
public @interface LowLimits {
}
