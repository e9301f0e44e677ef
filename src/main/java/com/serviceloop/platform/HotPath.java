package com.serviceloop.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller whose paths carry a variable and take most of the traffic (the public survey
 * endpoints): {@link HotPathMapping} looks its handlers up among themselves, ahead of the other
 * two hundred.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface HotPath {
}
