package com.serviceloop.organisation;

/** Returned once, when a token is issued: the secret is not stored and cannot be shown again. */
public record IssuedToken(ApiToken token, String secret) {
}
