package com.serviceloop.survey;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Behind a trusted proxy (loopback, the default) the client address the answer limits count is the
 * one in X-Forwarded-For: clients behind one proxy are told apart.
 */
@TestPropertySource(properties = "serviceloop.surveys.max-per-address-per-minute=3")
class ForwardedClientIntegrationTest extends ForwardedAnswers {

    @Test
    void behindATrustedProxyTheForwardedAddressIsTheClient() throws Exception {
        String client = address();
        for (int i = 0; i < 3; i++) {
            assertThat(answer(client)).isEqualTo(201);
        }
        assertThat(answer(client)).isEqualTo(429);
        assertThat(answer(address())).as("another client behind the same proxy").isEqualTo(201);
    }
}
