package org.greenlane.permit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.greenlane.TestApplications;
import org.greenlane.TestSigningKeys;
import org.greenlane.system.GreenlaneProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configured signing key: read from PEM, published with its public half, earlier keys beside it. */
class PermitKeysTest {

    private static final Clock CLOCK = Clock.fixed(TestApplications.NOW, TestApplications.VIETNAM);

    @TempDir
    Path folder;

    @Test
    void aConfiguredKeyIsPublishedWithItsOwnPublicHalfUnderItsThumbprint() throws Exception {
        // given a P-256 key as openssl genpkey writes it, which the JDK reads without its public point
        KeyPair pair = TestSigningKeys.generate("secp256r1");

        // when the server is configured with its PEM text
        PermitKeys keys = keys(TestSigningKeys.pem(pair.getPrivate()));

        // then the JWKS holds exactly its public half, named by the key's thumbprint, and nothing private
        ECKey expected = new ECKey.Builder(Curve.P_256, (ECPublicKey) pair.getPublic()).build();
        assertThat(keys.publicKeys().getKeys()).hasSize(1);
        ECKey published = keys.publicKeys().getKeys().get(0).toECKey();
        assertThat(published.toECPublicKey().getW()).isEqualTo(expected.toECPublicKey().getW());
        assertThat(published.getKeyID()).isEqualTo(expected.computeThumbprint().toString());
        assertThat(published.isPrivate()).isFalse();
        assertThat(published.getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
    }

    @Test
    void aKeyFileMayListEarlierPublicKeysWhosePermitsStillVerify() throws Exception {
        // given a permit signed before a rotation, and the key file after it: the new private key, the old public one
        KeyPair before = TestSigningKeys.generate("secp256r1");
        KeyPair now = TestSigningKeys.generate("secp256r1");
        String earlierId = new ECKey.Builder(Curve.P_256, (ECPublicKey) before.getPublic()).build()
                .computeThumbprint().toString();
        String oldToken = signed(before, earlierId);
        Path file = Files.writeString(folder.resolve("permit-keys.pem"),
                TestSigningKeys.pem(now.getPrivate()) + TestSigningKeys.pem(before.getPublic()));

        // when the server reads the file by its path
        PermitKeys keys = keys(file.toString());

        // then it signs with the new key, publishes both, and the old permit still verifies
        assertThat(keys.publicKeys().getKeys()).extracting(JWK::getKeyID).hasSize(2).endsWith(earlierId)
                .first().isEqualTo(keys.keyId());
        assertThat(OfflineCheck.verifies(keys.publicKeys(), oldToken)).isTrue();
        assertThat(OfflineCheck.verifies(keys(TestSigningKeys.pem(now.getPrivate())).publicKeys(), oldToken)).isFalse();
    }

    @Test
    void aKeyOffTheCurveOrNoKeyAtAllIsRefused() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);

        assertThatThrownBy(() -> keys(TestSigningKeys.pem(TestSigningKeys.generate("secp384r1").getPrivate())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("P-256");
        assertThatThrownBy(() -> keys(TestSigningKeys.pem(rsa.generateKeyPair().getPrivate())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not RSA");
        assertThatThrownBy(() -> keys(folder.resolve("missing.pem").toString()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("missing.pem");
        assertThatThrownBy(() -> new PermitKeys(properties(new GreenlaneProperties.Permit("", false)), null, CLOCK))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("GREENLANE_PERMIT_SIGNING_KEY");
    }

    private static PermitKeys keys(String signingKey) {
        // a configured key never touches the database
        return new PermitKeys(properties(new GreenlaneProperties.Permit(signingKey, false)), null, CLOCK);
    }

    private static GreenlaneProperties properties(GreenlaneProperties.Permit permit) {
        return new GreenlaneProperties(null, null, null, null, null, null, null, null, null, permit);
    }

    private static String signed(KeyPair key, String keyId) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(keyId).build(),
                new JWTClaimsSet.Builder().issuer(PermitTokens.ISSUER).subject("BG-2021-000001")
                        .issueTime(Date.from(TestApplications.NOW))
                        .expirationTime(Date.from(TestApplications.NOW.plus(Duration.ofDays(7))))
                        .claim("kind", "PERMIT").claim("serial", 1).claim("taxCode", "2400123456")
                        .claim("enterprise", "Công ty TNHH Điện tử Hồng Hải Bắc Giang").claim("park", "Quang Châu")
                        .claim("ruleSet", "1").claim("approvedWorkers", 3).claim("plates", List.of("98B-123.45"))
                        .build());
        jwt.sign(new ECDSASigner((ECPrivateKey) key.getPrivate()));
        return jwt.serialize();
    }
}
