package org.greenlane.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

class RecentLoginsTest {

    private final AtomicInteger checks = new AtomicInteger();
    private final AtomicInteger checking = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private final AuthenticationManager passwordCheck = login -> {
        checks.incrementAndGet();
        mostAtOnce.accumulateAndGet(checking.incrementAndGet(), Math::max);
        try {
            Thread.sleep(20); // BCrypt's tens of milliseconds
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            checking.decrementAndGet();
        }
        if (!"right".equals(login.getCredentials())) {
            throw new BadCredentialsException("Bad credentials");
        }
        return UsernamePasswordAuthenticationToken.authenticated(login.getName(), null,
                List.of(new SimpleGrantedAuthority(Authorities.ENTERPRISE)));
    };
    private final RecentLogins logins = new RecentLogins(passwordCheck);

    @Test
    void aRepeatedLoginIsNotCheckedAgainButAWrongPasswordAlwaysIs() {
        var first = logins.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("2400123456", "right"));
        var second = logins.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("2400123456", "right"));

        assertThat(second.getName()).isEqualTo("2400123456");
        assertThat(second.getAuthorities()).isEqualTo(first.getAuthorities());
        assertThat(checks).hasValue(1);
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThatThrownBy(() -> logins.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated("2400123456", "wrong")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThat(checks).hasValue(4);
    }

    @Test
    void manyFirstLoginsAtOnceAreCheckedOnePerCoreAtATimeAndAllSucceed() throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        ExecutorService clients = Executors.newFixedThreadPool(cores * 4);
        List<Future<Authentication>> answers = new ArrayList<>();
        for (int i = 0; i < cores * 4; i++) {
            String user = "24000000" + i;
            answers.add(clients.submit(() -> logins.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(user, "right"))));
        }
        for (Future<Authentication> answer : answers) {
            assertThat(answer.get(20, TimeUnit.SECONDS).isAuthenticated()).isTrue();
        }
        clients.shutdown();

        assertThat(checks).hasValue(cores * 4);
        assertThat(mostAtOnce.get()).isLessThanOrEqualTo(cores);
    }

    @Test
    void anotherUserWithTheSamePasswordIsCheckedOnItsOwn() {
        logins.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("2400123456", "right"));
        var other = logins.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("2400654321", "right"));

        assertThat(other.getName()).isEqualTo("2400654321");
        assertThat(checks).hasValue(2);
    }
}
