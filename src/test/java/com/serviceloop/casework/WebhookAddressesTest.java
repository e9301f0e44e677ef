package com.serviceloop.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.serviceloop.platform.BadInputException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which webhook addresses are refused, at registration and again at delivery, with names resolved by a stand-in DNS. */
class WebhookAddressesTest {
    private final Map<String, String> dns = new ConcurrentHashMap<>(Map.of(
            "hooks.example.com", "93.184.216.34", "intranet.example.com", "10.0.0.7", "rebind.example.com", "93.184.216.35",
            "mixed.example.com", "93.184.216.36,192.168.7.7"));
    private final AtomicReference<String> allowed = new AtomicReference<>("");
    private final WebhookAddresses addresses = new WebhookAddresses(allowed::get, host -> {
        String address = dns.get(host);
        if (address != null) {
            InetAddress[] all = new InetAddress[address.split(",").length];
            for (int i = 0; i < all.length; i++) {
                all[i] = InetAddress.getByName(address.split(",")[i]);
            }
            return all;
        }
        if (host.matches("[0-9.]+|.*:.*")) { // a literal: parsed, never looked up
            return InetAddress.getAllByName(host);
        }
        throw new UnknownHostException(host);
    });

    @ParameterizedTest(name = "{0} is refused as {1}")
    @CsvSource({
        "http://127.0.0.1:8080/hook, error.casework.webhookLoopback",
        "http://127.1.2.3/hook, error.casework.webhookLoopback",
        "http://[::1]/hook, error.casework.webhookLoopback",
        "http://[::ffff:127.0.0.1]/hook, error.casework.webhookLoopback",
        "http://[::127.0.0.1]/hook, error.casework.webhookLoopback",
        "http://localhost:8080/hook, error.casework.webhookLoopback",
        "http://LocalHost./hook, error.casework.webhookLoopback",
        "http://api.localhost/hook, error.casework.webhookLoopback",
        "http://169.254.10.1/hook, error.casework.webhookLinkLocal",
        "http://[fe80::1]/hook, error.casework.webhookLinkLocal",
        "http://10.1.2.3/hook, error.casework.webhookPrivate",
        "http://172.16.0.1/hook, error.casework.webhookPrivate",
        "http://172.31.255.254/hook, error.casework.webhookPrivate",
        "http://192.168.1.10/hook, error.casework.webhookPrivate",
        "http://[fc00::1]/hook, error.casework.webhookPrivate",
        "http://[fd12:3456::1]/hook, error.casework.webhookPrivate",
        "http://[64:ff9b::10.0.0.1]/hook, error.casework.webhookPrivate",
        "https://intranet.example.com/hook, error.casework.webhookPrivate",
        "https://mixed.example.com/hook, error.casework.webhookPrivate",
        "http://100.64.0.1/hook, error.casework.webhookShared",
        "http://100.127.255.254/hook, error.casework.webhookShared",
        "http://0.0.0.0:8080/hook, error.casework.webhookUnspecified",
        "http://0.1.2.3/hook, error.casework.webhookUnspecified",
        "http://[::]/hook, error.casework.webhookUnspecified",
        "http://224.0.0.1/hook, error.casework.webhookMulticast",
        "http://[ff02::1]/hook, error.casework.webhookMulticast",
        "http://255.255.255.255/hook, error.casework.webhookMulticast",
        "http://169.254.169.254/latest/meta-data/, error.casework.webhookMetadata",
        "http://[fd00:ec2::254]/latest/meta-data/, error.casework.webhookMetadata",
        "http://metadata.google.internal/computeMetadata/v1/, error.casework.webhookMetadata",
        "http://100.100.100.200/latest/meta-data/, error.casework.webhookMetadata",
        "ftp://hooks.example.com/hook, error.casework.httpUrl",
        "file:///etc/passwd, error.casework.httpUrl",
        "gopher://hooks.example.com:70/_x, error.casework.httpUrl",
        "javascript:alert(1), error.casework.httpUrl",
        "https://user:secret@hooks.example.com/hook, error.casework.webhookCredentials",
        "https://user@hooks.example.com/hook, error.casework.webhookCredentials",
        "https://no-such-host.example.com/hook, error.casework.webhookUnknownHost",
        "http://exa mple.com/hook, error.casework.badUrl",
    })
    void refusedAtRegistration(String url, String key) {
        assertThatThrownBy(() -> addresses.checkRegistration(url)).isInstanceOfSatisfying(BadInputException.class, e -> {
            assertThat(e.field()).isEqualTo("url");
            assertThat(e.key()).isEqualTo(key);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://hooks.example.com/hook", "http://93.184.216.34:8080/hook", "https://[2606:4700::1111]/hook",
        "http://172.32.0.1/hook", "http://100.128.0.1/hook", "http://169.255.0.1/hook", "HTTPS://HOOKS.EXAMPLE.COM/hook"})
    void publicAddressesAreAccepted(String url) throws Exception {
        assertThat(addresses.checkRegistration(url)).isEqualTo(new URI(url));
        addresses.checkDelivery(new URI(url));
    }

    @Test
    void anAllowListedHostIsAcceptedWhateverItsAddress() throws Exception {
        allowed.set(" 127.0.0.1 , Intranet.Example.com., [::1],metadata.google.internal");
        for (String url : new String[] {"http://127.0.0.1:9000/hook", "http://intranet.example.com/hook", "http://[::1]:9000/hook",
            "http://metadata.google.internal/x"}) {
            addresses.checkRegistration(url);
            addresses.checkDelivery(new URI(url));
        }
        // the list names hosts, not what they resolve to: another name for the same address is still refused
        assertThatThrownBy(() -> addresses.checkRegistration("http://localhost:9000/hook")).isInstanceOf(BadInputException.class);
        // and the list never admits credentials or other schemes
        assertThatThrownBy(() -> addresses.checkRegistration("http://u:p@127.0.0.1/hook"))
                .hasFieldOrPropertyWithValue("key", "error.casework.webhookCredentials");
        assertThatThrownBy(() -> addresses.checkRegistration("ftp://127.0.0.1/hook"))
                .hasFieldOrPropertyWithValue("key", "error.casework.httpUrl");
    }

    @Test
    void aNameRePointedAfterRegistrationIsRefusedAtDelivery() throws Exception {
        URI uri = addresses.checkRegistration("https://rebind.example.com/hook");
        addresses.checkDelivery(uri);
        dns.put("rebind.example.com", "127.0.0.1");
        assertThatThrownBy(() -> addresses.checkDelivery(uri)).isInstanceOf(WebhookAddresses.Refused.class)
                .hasMessage("refused: rebind.example.com resolves to 127.0.0.1, a loopback address (this server itself)"
                        + "; the host is not in serviceloop.webhooks.allowed-hosts");
        dns.put("rebind.example.com", "169.254.169.254");
        assertThatThrownBy(() -> addresses.checkDelivery(uri)).hasMessageContaining("a cloud metadata service");
        dns.remove("rebind.example.com");
        assertThatThrownBy(() -> addresses.checkDelivery(uri)).isInstanceOf(UnknownHostException.class)
                .hasMessage("rebind.example.com cannot be resolved");
    }

    @Test
    void aHostStruckOffTheListIsRefusedAtDelivery() throws Exception {
        allowed.set("intranet.example.com");
        URI uri = addresses.checkRegistration("http://intranet.example.com/hook");
        allowed.set("");
        assertThatThrownBy(() -> addresses.checkDelivery(uri)).isInstanceOf(WebhookAddresses.Refused.class)
                .hasMessageContaining("10.0.0.7, an address in a private network");
    }
}
