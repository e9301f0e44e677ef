package com.serviceloop.survey;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * When the connection does not come from a trusted proxy (here only 192.0.2.1 is one), X-Forwarded-For
 * is ignored and the connection's address is the client: a script cannot dodge its limit by sending
 * a new header each time.
 */
@TestPropertySource(properties = {"server.tomcat.remoteip.internal-proxies=192\\.0\\.2\\.1",
        "serviceloop.surveys.max-per-address-per-minute=4"})
class UntrustedForwardingIntegrationTest extends ForwardedAnswers {

    @Test
    void fromAnUntrustedAddressTheForwardedHeaderIsIgnored() throws Exception {
        for (int i = 0; i < 4; i++) {
            assertThat(answer(address())).isEqualTo(201);
        }
        assertThat(answer(address())).as("counted as 127.0.0.1 whatever it forwards").isEqualTo(429);
    }
}
