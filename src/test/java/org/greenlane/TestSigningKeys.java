package org.greenlane;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/** Permit signing keys as an operator makes them (openssl genpkey), for the settings tests give the server. */
public final class TestSigningKeys {

    private TestSigningKeys() {
    }

    /** An EC key pair on the named curve: secp256r1 (P-256) is the one permits take. */
    public static KeyPair generate(String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key as PEM: PKCS#8 ("PRIVATE KEY") for a private key, X.509 ("PUBLIC KEY") for a public one. */
    public static String pem(Key key) {
        String type = "PKCS#8".equals(key.getFormat()) ? "PRIVATE KEY" : "PUBLIC KEY";
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded())
                + "\n-----END " + type + "-----\n";
    }
}
