package com.serviceloop.organisation;

/**
 * One line of the single sign-on mapping: a person one of whose {@code claim} values matches
 * {@code pattern} (the whole value) signs in with {@code role}, scoped to the unit {@code unitCode}
 * names once the pattern's captures are put in ($1, ${name}).
 */
public record SignInRule(long id, int position, String claim, String pattern, Role role, String unitCode, int version) {
}
