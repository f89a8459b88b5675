package org.greenlane.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Remembers a successful HTTP Basic login for a minute. BCrypt is slow on purpose (tens of milliseconds of CPU a
 * check), and Basic sends the password with every request: checked each time, it capped the whole server at a few
 * dozen enterprise requests per second. Only successes are kept, keyed by the user and an HMAC of the password under
 * a key that never leaves this process, so memory holds no password; a wrong password always reaches the real check.
 * Real checks run at most one per core at once: when 168 enterprises logged in together, their BCrypt checks took
 * both cores for seconds and everyone else's requests waited behind them.
 */
final class RecentLogins implements AuthenticationProvider {

    private static final long KEPT_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final int MAX_KEPT = 10_000;

    private record Login(Authentication authentication, long until) {
    }

    private final AuthenticationManager checks;
    private final SecretKeySpec key;
    private final Map<String, Login> logins = new ConcurrentHashMap<>();
    private final Semaphore checking = new Semaphore(Runtime.getRuntime().availableProcessors(), true);

    RecentLogins(AuthenticationManager checks) {
        this.checks = checks;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        Object password = authentication.getCredentials();
        if (password == null) {
            return checks.authenticate(authentication);
        }
        String login = authentication.getName() + ":" + mac(password.toString());
        Login known = logins.get(login);
        long now = System.nanoTime();
        if (known != null) {
            if (now - known.until() < 0) {
                return known.authentication();
            }
            logins.remove(login, known);
        }
        Authentication checked = check(authentication);
        if (logins.size() >= MAX_KEPT) {
            logins.clear();
        }
        logins.put(login, new Login(checked, now + KEPT_NANOS));
        return checked;
    }

    private Authentication check(Authentication authentication) {
        checking.acquireUninterruptibly();
        try {
            return checks.authenticate(authentication);
        } finally {
            checking.release();
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private String mac(String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
