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
 * A token checked as a checkpoint needs it: issued here or not, its expiry, and the permit's state now, so a suspended
 * or revoked permit fails at once however recently it was issued. Online, the issued tokens' digests decide what is
 * authentic (a lookup; a signature check costs more); the signature serves a checkpoint offline.
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

    /** Only a token issued here is authentic; its claims are then those it was signed with. */
    Verdict verify(String token) {
        Instant now = clock.instant();
        Optional<Permits.Standing> standing = permits.standing(token);
        Optional<PermitClaims> claims = standing.flatMap(issued -> tokens.stated(token));
        if (claims.isEmpty()) {
            return new Verdict(Verdict.Result.FORGED, now, null);
        }
        return new Verdict(result(claims.get(), standing.get(), now), now, claims.get());
    }

    private static Verdict.Result result(PermitClaims claims, Permits.Standing standing, Instant now) {
        if (standing.status() == ApplicationStatus.SUSPENDED) {
            return Verdict.Result.SUSPENDED;
        }
        if (standing.status() != ApplicationStatus.APPROVED) {
            return Verdict.Result.REVOKED;
        }
        if (!now.isBefore(claims.expiresAt())) {
            return Verdict.Result.EXPIRED;
        }
        return standing.serial() == standing.latestSerial() ? Verdict.Result.VALID : Verdict.Result.REPLACED;
    }
}
