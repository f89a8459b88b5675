package org.greenlane.permit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.util.Date;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Permits and shuttle passes as signed tokens (compact JWS, ES256, the key's id in the header), and back: the one
 * place that knows their claims.
 */
@Component
public class PermitTokens {

    static final String ISSUER = "greenlane";

    private final PermitKeys keys;

    PermitTokens(PermitKeys keys) {
        this.keys = keys;
    }

    String sign(PermitClaims permit) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject(permit.number())
                .issueTime(Date.from(permit.issuedAt())).expirationTime(Date.from(permit.expiresAt()))
                .claim("kind", permit.kind().name()).claim("serial", permit.serial())
                .claim("taxCode", permit.taxCode()).claim("enterprise", permit.enterprise()).claim("park", permit.park())
                .claim("ruleSet", permit.ruleSetVersion());
        if (permit.kind() == PermitClaims.Kind.PERMIT) {
            claims.claim("approvedWorkers", permit.approvedWorkers()).claim("plates", permit.plates());
        } else {
            claims.claim("plate", permit.plate()).claim("driver", permit.driver()).claim("seats", permit.seats());
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT).keyID(keys.keyId()).build(),
                claims.build());
        try {
            jwt.sign(keys.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("Permit " + permit.number() + " could not be signed", e);
        }
        return jwt.serialize();
    }

    /** What a token says, its signature unchecked: for a token known to be issued here ({@link Permits#standing}). */
    public Optional<PermitClaims> stated(String token) {
        try {
            return Optional.of(claims(SignedJWT.parse(token).getJWTClaimsSet()));
        } catch (ParseException | IllegalArgumentException notAPermit) {
            return Optional.empty();
        }
    }

    private static PermitClaims claims(JWTClaimsSet claims) throws ParseException {
        if (!ISSUER.equals(claims.getIssuer()) || claims.getSubject() == null || claims.getExpirationTime() == null
                || claims.getIssueTime() == null) {
            throw new ParseException("not a permit's claims", 0);
        }
        PermitClaims.Kind kind = PermitClaims.Kind.valueOf(claims.getStringClaim("kind"));
        boolean permit = kind == PermitClaims.Kind.PERMIT;
        return new PermitClaims(kind, claims.getSubject(), claims.getIntegerClaim("serial"),
                claims.getStringClaim("taxCode"), claims.getStringClaim("enterprise"), claims.getStringClaim("park"),
                permit ? claims.getIntegerClaim("approvedWorkers") : null,
                permit ? claims.getStringListClaim("plates") : null,
                permit ? null : claims.getStringClaim("plate"), permit ? null : claims.getStringClaim("driver"),
                permit ? null : claims.getIntegerClaim("seats"), claims.getStringClaim("ruleSet"),
                claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant());
    }
}
