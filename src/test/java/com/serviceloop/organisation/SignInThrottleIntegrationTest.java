package com.serviceloop.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.serviceloop.ApiTest;
import com.serviceloop.Fixtures;
import com.serviceloop.LowLimits;
import com.serviceloop.TestClock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Failed sign-ins slow a username or an address down, then lock it, whatever password comes next;
 * the sign-in page says how long in the reader's language; other names and addresses go on; the
 * app's clock passing the lock lets the right password in again.
 */
@ExtendWith(OutputCaptureExtension.class)
// slow after 3, lock after 5 per username; 8 and 10 per address; one attempt per 10 s; locked 15 min
@LowLimits
class SignInThrottleIntegrationTest extends ApiTest {
    private static final String WRONG = "wrong-password-x";
    @Autowired TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** An address of this run's own: the limits' table is shared by every test on the database. */
    private static String address() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    /** Signs in and answers where the form sends the browser. */
    private String signIn(String username, String password, String address) throws Exception {
        return mvc.perform(post("/login").with(csrf()).param("username", username).param("password", password).with(r -> {
            r.setRemoteAddr(address);
            return r;
        })).andReturn().getResponse().getRedirectedUrl();
    }

    private String loginPage(String query, String language) throws Exception {
        return mvc.perform(get("/login?" + query).header("Accept-Language", language)).andReturn().getResponse()
                .getContentAsString();
    }

    @Test
    void failuresForOneUsernameSlowItDownThenLockItUntilTheLockHasPassed(CapturedOutput output) throws Exception {
        fixtures.admin();
        AppUser user = fixtures.person(Role.MANAGER, fixtures.chain().outletA().id());
        AppUser other = fixtures.person(Role.MANAGER, fixtures.chain().outletA().id());
        String address = address();
        for (int i = 0; i < 3; i++) {
            assertThat(signIn(user.username(), WRONG, address)).isEqualTo("/login?error");
        }
        // slowed down: even the right password waits, and only this username does (the wait counts from the
        // first failure, and password hashing takes real time, so it is a little under 10 s)
        assertThat(signIn(user.username(), Fixtures.PASSWORD, address)).matches("/login\\?wait=(10|[5-9])");
        assertThat(loginPage("wait=10", "en")).contains("Please wait 10 seconds before trying again");
        assertThat(signIn(other.username(), Fixtures.PASSWORD, address)).as("another user, same address").isEqualTo("/");

        clock.advance(Duration.ofSeconds(10));
        assertThat(signIn(user.username(), WRONG, address)).isEqualTo("/login?error");
        clock.advance(Duration.ofSeconds(10));
        assertThat(signIn(user.username(), WRONG, address)).isEqualTo("/login?error");
        // five failures: locked for the lock duration, from any address, with the right password too
        assertThat(signIn(user.username(), Fixtures.PASSWORD, address)).isEqualTo("/login?locked=15");
        clock.advance(Duration.ofMinutes(5));
        assertThat(signIn(user.username().toUpperCase(), Fixtures.PASSWORD, address())).isEqualTo("/login?locked=10");
        assertThat(loginPage("locked=10", "en")).contains("Too many failed sign-ins").contains("try again in 10 minutes");
        assertThat(loginPage("locked=10", "zh-CN")).contains("登录失败次数过多").contains("10 分钟后再试");
        assertThat(output.getOut()).contains("Sign-in locked for 15 minutes", "username '" + user.username() + "' (locked)",
                "from address " + address).doesNotContain(WRONG, Fixtures.PASSWORD);

        clock.advance(Duration.ofMinutes(10));
        assertThat(signIn(user.username(), Fixtures.PASSWORD, address)).isEqualTo("/");
        // a successful sign-in clears the username's count
        assertThat(signIn(user.username(), WRONG, address)).isEqualTo("/login?error");
        assertThat(signIn(user.username(), Fixtures.PASSWORD, address)).isEqualTo("/");
    }

    @Test
    void manyUsernamesTriedFromOneAddressLockTheAddress() throws Exception {
        fixtures.admin();
        AppUser user = fixtures.person(Role.MANAGER, fixtures.chain().outletA().id());
        String sprayer = address();
        for (int i = 0; i < 8; i++) {
            assertThat(signIn(Fixtures.unique("nobody"), WRONG, sprayer)).isEqualTo("/login?error");
        }
        assertThat(signIn(user.username(), Fixtures.PASSWORD, sprayer)).matches("/login\\?wait=(10|[5-9])");
        assertThat(signIn(user.username(), Fixtures.PASSWORD, address())).as("another address").isEqualTo("/");
        clock.advance(Duration.ofSeconds(10));
        assertThat(signIn(Fixtures.unique("nobody"), WRONG, sprayer)).isEqualTo("/login?error");
        clock.advance(Duration.ofSeconds(10));
        assertThat(signIn(Fixtures.unique("nobody"), WRONG, sprayer)).isEqualTo("/login?error");
        assertThat(signIn(user.username(), Fixtures.PASSWORD, sprayer)).isEqualTo("/login?locked=15");
    }
}
