package org.greenlane;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/**
 * Stands in for the province's identity provider in tests and benchmarks: it signs bearer tokens with a key of
 * its own, and the server trusts its public half ({@code spring.security.oauth2.resourceserver.jwt
 * .public-key-location}, as the README says).
 */
public final class TokenIssuer {

    private final KeyPair keys;

    public TokenIssuer() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the public key as PEM into a new temporary file; its URI, for the server setting. */
    public String publicKeyLocation() {
        try {
            Path pem = Files.createTempFile("greenlane-token-key", ".pem");
            String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(keys.getPublic().getEncoded());
            Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n");
            return pem.toUri().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String sign(JWTClaimsSet.Builder claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
            jwt.sign(new RSASSASigner(keys.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An enterprise's token, valid for an hour. */
    public String enterprise(String taxCode) {
        Instant now = Instant.now();
        return sign(new JWTClaimsSet.Builder().subject("enterprise-" + taxCode).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1)))).claim("tax_code", taxCode));
    }
}
