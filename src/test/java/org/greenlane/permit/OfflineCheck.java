package org.greenlane.permit;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;

/** A checkpoint's offline check: the token's signature under the published key its header names. */
public final class OfflineCheck {

    private OfflineCheck() {
    }

    public static boolean verifies(JWKSet publicKeys, String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JWK key = publicKeys.getKeyByKeyId(jwt.getHeader().getKeyID());
            return key != null && jwt.verify(new ECDSAVerifier(key.toECKey()));
        } catch (Exception notVerified) {
            return false;
        }
    }
}
