package org.greenlane.checkpoint;

import java.time.Instant;
import org.greenlane.permit.PermitClaims;

/**
 * A checkpoint's answer about a token.
 *
 * @param permit what the token says, once it is known as issued here; absent for a forged one, whose claims mean
 *               nothing
 */
record Verdict(Result result, Instant checkedAt, PermitClaims permit) {

    /** The first that applies, in this order. */
    enum Result {
        /** Not a token issued here: altered, signed by another key, or not a token at all. */
        FORGED,
        /** The permit was revoked: its application is neither approved nor suspended. */
        REVOKED,
        /** The enterprise is suspended by an infection case or a rule change until the province decides. */
        SUSPENDED,
        /** Past its expiry: the enterprise has not been issued a newer one within the re-test interval. */
        EXPIRED,
        /** The permit was issued again since (new count, new test results, resumed): only the latest issue holds. */
        REPLACED,
        VALID
    }
}
