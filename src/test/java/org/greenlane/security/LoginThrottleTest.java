package org.greenlane.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Wrong passwords slow down the client that sends them, for that user only, and never lock the right password out
 * for long. Each test logs in from clients of its own (X-Forwarded-For, which the server trusts from loopback as
 * from its proxy), so the other tests' own client is never throttled. The test clock stands still: a wait ends only
 * when a test moves it.
 */
class LoginThrottleTest extends ApiTest {

    @Autowired
    MutableClock clock;

    private final List<String> members = new ArrayList<>();

    @AfterEach
    void resetClockAndDeleteMembers() {
        clock.reset();
        members.forEach(identity::deleteUser);
    }

    @Test
    void anEnterprisesWrongPasswordsAreSlowedDownForThatClientOnly() {
        // given an enterprise account
        String taxCode = newTaxCode();
        createEnterprise(taxCode);

        // when a client sends twenty wrong passwords
        List<HttpStatus> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            answers.add(status(get("/api/applications", taxCode, "wrong-password-" + i, "203.0.113.10")));
        }

        // then the first five are checked and refused, the rest are throttled without a check
        assertThat(answers.subList(0, LoginThrottle.FREE_FAILURES)).containsOnly(HttpStatus.UNAUTHORIZED);
        assertThat(answers.subList(LoginThrottle.FREE_FAILURES, 20)).containsOnly(HttpStatus.TOO_MANY_REQUESTS);
        ResponseEntity<String> throttled = get("/api/applications", taxCode, PASSWORD, "203.0.113.10");
        assertThat(problem(throttled, HttpStatus.TOO_MANY_REQUESTS).get("detail").asText())
                .contains("Too many wrong passwords");
        assertThat(Long.parseLong(throttled.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)))
                .isBetween(1L, LoginThrottle.MAX_WAIT.toSeconds());
        // and another client logs in at once, and the throttled one a little later
        assertThat(status(get("/api/applications", taxCode, PASSWORD, "198.51.100.20"))).isEqualTo(HttpStatus.OK);
        clock.set(clock.instant().plus(LoginThrottle.MAX_WAIT).plusSeconds(1));
        assertThat(status(get("/api/applications", taxCode, PASSWORD, "203.0.113.10"))).isEqualTo(HttpStatus.OK);
    }

    @Test
    void guessingAStaffPasswordNeverLocksTheMemberOut() {
        // given a staff member
        String member = newMember();

        // when three clients each send more wrong passwords than the engine's lockout once allowed (10 in all)
        for (String client : List.of("192.0.2.1", "192.0.2.2", "192.0.2.3")) {
            for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
                assertThat(status(get("/engine-rest/task", member, "guess-" + i, client)))
                        .isEqualTo(HttpStatus.UNAUTHORIZED);
            }
            assertThat(status(get("/engine-rest/task", member, "guess", client)))
                    .isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        }

        // then the member logs in with the right password from their own client at once, by Basic and in Tasklist
        assertThat(status(get("/engine-rest/task", member, PASSWORD, "192.0.2.99"))).isEqualTo(HttpStatus.OK);
        assertThat(status(webappLogin(member, PASSWORD, "192.0.2.98"))).isEqualTo(HttpStatus.OK);
    }

    @Test
    void theWebappLoginFormIsThrottledLikeBasic() {
        String member = newMember();

        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            assertThat(status(webappLogin(member, "guess-" + i, "192.0.2.50"))).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        assertThat(status(webappLogin(member, PASSWORD, "192.0.2.50"))).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(status(webappLogin(member, PASSWORD, "192.0.2.51"))).isEqualTo(HttpStatus.OK);
    }

    /** A health member of its own, who may open Tasklist; deleted with its memberships afterwards. */
    private String newMember() {
        String member = "probe" + newTaxCode();
        User user = identity.newUser(member);
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        identity.createMembership(member, "health");
        members.add(member);
        return member;
    }

    private ResponseEntity<String> get(String path, String user, String password, String client) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, password);
        headers.set("X-Forwarded-For", client);
        return anonymous().exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    /** Tasklist's login form, sent as its page sends it: with the session and CSRF token the page got. */
    private ResponseEntity<String> webappLogin(String user, String password, String client) {
        HttpHeaders page = new HttpHeaders();
        page.set("X-Forwarded-For", client);
        List<String> cookies = anonymous().exchange("/camunda/app/tasklist/default/", HttpMethod.GET,
                new HttpEntity<>(page), String.class).getHeaders().get(HttpHeaders.SET_COOKIE);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.set("X-Forwarded-For", client);
        for (String cookie : cookies) {
            String pair = cookie.substring(0, cookie.indexOf(';'));
            headers.add(HttpHeaders.COOKIE, pair);
            if (pair.startsWith("XSRF-TOKEN=")) {
                headers.set("X-XSRF-TOKEN", pair.substring("XSRF-TOKEN=".length()));
            }
        }
        var form = new LinkedMultiValueMap<String, String>();
        form.add("username", user);
        form.add("password", password);
        return anonymous().postForEntity("/camunda/api/admin/auth/user/default/login/tasklist",
                new HttpEntity<>(form, headers), String.class);
    }

    private static HttpStatus status(ResponseEntity<String> answer) {
        return HttpStatus.valueOf(answer.getStatusCode().value());
    }
}
