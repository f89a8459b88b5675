package org.greenlane.checkpoint;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.greenlane.application.ApplicationStatus;
import org.greenlane.permit.PermitClaims;
import org.greenlane.permit.PermitTokens;
import org.greenlane.permit.Permits;
import org.springframework.stereotype.Component;

/**
 * A token checked as a checkpoint needs it: its signature and expiry, and the permit's state now, so a suspended or
 * revoked permit fails at once however recently it was issued.
 */
@Component
class Verification {

    private final PermitTokens tokens;
    private final Permits permits;
    private final Clock clock;

    Verification(PermitTokens tokens, Permits permits, Clock clock) {
        this.tokens = tokens;
        this.permits = permits;
        this.clock = clock;
    }

    Verdict verify(String token) {
        Instant now = clock.instant();
        Optional<PermitClaims> claims = tokens.read(token);
        if (claims.isEmpty()) {
            return new Verdict(Verdict.Result.FORGED, now, null);
        }
        return new Verdict(result(claims.get(), permits.standing(claims.get().number()), now), now, claims.get());
    }

    private static Verdict.Result result(PermitClaims claims, Optional<Permits.Standing> standing, Instant now) {
        ApplicationStatus status = standing.map(Permits.Standing::status).orElse(ApplicationStatus.REVOKED);
        if (status == ApplicationStatus.SUSPENDED) {
            return Verdict.Result.SUSPENDED;
        }
        if (status != ApplicationStatus.APPROVED) {
            return Verdict.Result.REVOKED;
        }
        if (!now.isBefore(claims.expiresAt())) {
            return Verdict.Result.EXPIRED;
        }
        return claims.serial() == standing.get().serial() ? Verdict.Result.VALID : Verdict.Result.REPLACED;
    }
}
