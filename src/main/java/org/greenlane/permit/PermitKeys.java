package org.greenlane.permit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.greenlane.system.GreenlaneProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ssl.pem.PemContent;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The key permits are signed with, and the public keys a checkpoint verifies them with (the JWKS): the configured
 * key and the earlier keys' public halves listed after it, or, without one, a development key the server made once
 * and keeps in its database. Every key is EC P-256 (ES256); a key's id is its JWK thumbprint, the same on every node
 * and after every restart.
 */
@Component
public class PermitKeys {

    private static final Logger log = LoggerFactory.getLogger(PermitKeys.class);
    private static final Pattern PUBLIC_KEY = Pattern.compile(
            "-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\\s]+)-----END PUBLIC KEY-----");
    private static final BigInteger THREE = BigInteger.valueOf(3);

    private final ECKey signingKey;
    private final JWSSigner signer;
    private final JWKSet publicKeys;

    PermitKeys(GreenlaneProperties properties, JdbcClient jdbc, Clock clock) {
        GreenlaneProperties.Permit settings = properties.permit();
        String pem;
        if (!settings.signingKey().isEmpty()) {
            pem = read(settings.signingKey());
        } else if (settings.devKey()) {
            pem = devKey(jdbc, clock);
        } else {
            throw new IllegalStateException("greenlane.permit.signing-key (GREENLANE_PERMIT_SIGNING_KEY) must be set "
                    + "to the PEM of an EC P-256 private key: permits would be signed with no key");
        }
        try {
            signingKey = signingKey(pem);
            signer = new ECDSASigner(signingKey);
            List<ECKey> published = new ArrayList<>();
            published.add(signingKey.toPublicJWK());
            published.addAll(earlierKeys(pem));
            publicKeys = new JWKSet(List.copyOf(published));
            selfCheck();
        } catch (GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException("greenlane.permit.signing-key cannot sign permits: " + e.getMessage(), e);
        }
    }

    /** The public keys, current first, as a JSON Web Key Set. */
    public JWKSet publicKeys() {
        return publicKeys;
    }

    String keyId() {
        return signingKey.getKeyID();
    }

    JWSSigner signer() {
        return signer;
    }

    /** The setting is the PEM itself, or the path of a file holding it. */
    private static String read(String setting) {
        if (PemContent.isPresentInText(setting)) {
            return setting;
        }
        try {
            return Files.readString(Path.of(setting), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException("greenlane.permit.signing-key is neither PEM nor a readable PEM file: "
                    + setting, e);
        }
    }

    private static ECKey signingKey(String pem) throws GeneralSecurityException, JOSEException {
        PrivateKey key = PemContent.of(pem).getPrivateKey();
        if (!(key instanceof ECPrivateKey ec) || Curve.forECParameterSpec(ec.getParams()) != Curve.P_256) {
            throw new GeneralSecurityException("the PEM must begin with an EC P-256 private key (openssl genpkey "
                    + "-algorithm EC -pkeyopt ec_paramgen_curve:P-256), not " + (key == null ? "none" : key.getAlgorithm()));
        }
        return jwk(new ECKey.Builder(Curve.P_256, publicKeyOf(ec)).privateKey(ec));
    }

    /** The "PUBLIC KEY" blocks after the private key: keys that signed permits still in circulation. */
    private static List<ECKey> earlierKeys(String pem) throws GeneralSecurityException, JOSEException {
        List<ECKey> keys = new ArrayList<>();
        Matcher block = PUBLIC_KEY.matcher(pem);
        while (block.find()) {
            byte[] der = Base64.getMimeDecoder().decode(block.group(1));
            ECPublicKey key = (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
            if (Curve.forECParameterSpec(key.getParams()) != Curve.P_256) {
                throw new GeneralSecurityException("an earlier public key is not on the P-256 curve");
            }
            keys.add(jwk(new ECKey.Builder(Curve.P_256, key)).toPublicJWK());
        }
        return keys;
    }

    private static ECKey jwk(ECKey.Builder key) throws JOSEException {
        return key.keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256).keyIDFromThumbprint().build();
    }

    /**
     * Q = d·G on the key's curve: a PEM private key need not hold its public point, and the JDK derives none, yet the
     * JWKS publishes it. {@link #selfCheck} proves the result before the server signs anything.
     */
    private static ECPublicKey publicKeyOf(ECPrivateKey key) throws GeneralSecurityException {
        ECParameterSpec curve = key.getParams();
        BigInteger p = ((ECFieldFp) curve.getCurve().getField()).getP();
        BigInteger a = curve.getCurve().getA();
        ECPoint q = ECPoint.POINT_INFINITY;
        for (int bit = key.getS().bitLength() - 1; bit >= 0; bit--) {
            q = add(q, q, p, a);
            if (key.getS().testBit(bit)) {
                q = add(q, curve.getGenerator(), p, a);
            }
        }
        return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(q, curve));
    }

    private static ECPoint add(ECPoint u, ECPoint v, BigInteger p, BigInteger a) {
        if (u == ECPoint.POINT_INFINITY) {
            return v;
        }
        if (v == ECPoint.POINT_INFINITY) {
            return u;
        }
        BigInteger ux = u.getAffineX();
        BigInteger uy = u.getAffineY();
        BigInteger vx = v.getAffineX();
        BigInteger vy = v.getAffineY();
        BigInteger slope;
        if (ux.equals(vx)) {
            if (!uy.equals(vy) || uy.signum() == 0) {
                return ECPoint.POINT_INFINITY;
            }
            slope = ux.pow(2).multiply(THREE).add(a).multiply(uy.shiftLeft(1).modInverse(p)).mod(p);
        } else {
            slope = vy.subtract(uy).multiply(vx.subtract(ux).mod(p).modInverse(p)).mod(p);
        }
        BigInteger x = slope.pow(2).subtract(ux).subtract(vx).mod(p);
        return new ECPoint(x, slope.multiply(ux.subtract(x)).subtract(uy).mod(p));
    }

    /** A signature of the private key verifies with the published public key. */
    private void selfCheck() throws JOSEException {
        JWSObject probe = new JWSObject(new JWSHeader(JWSAlgorithm.ES256), new Payload("greenlane"));
        probe.sign(signer);
        if (!probe.verify(new ECDSAVerifier(signingKey.toPublicJWK()))) {
            throw new JOSEException("the public key derived from the private key does not verify its signature");
        }
    }

    /** The default profile's key, made by the first node to start on the database and taken by every other. */
    private static String devKey(JdbcClient jdbc, Clock clock) {
        Optional<String> kept = jdbc.sql("select pem from permit_dev_key where id = 1").query(String.class).optional();
        if (kept.isPresent()) {
            return kept.get();
        }
        try {
            jdbc.sql("insert into permit_dev_key (id, pem, created_at) values (1, ?, ?)")
                    .params(newKeyPem(), Timestamp.from(clock.instant())).update();
            log.warn("Permits are signed with a development key made now and kept in the database; production brings "
                    + "its own (greenlane.permit.signing-key, docs/operations.md)");
        } catch (DuplicateKeyException madeByAnotherNode) {
            log.info("Another node made the development signing key at the same moment; using it");
        }
        return jdbc.sql("select pem from permit_dev_key where id = 1").query(String.class).single();
    }

    private static String newKeyPem() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            byte[] pkcs8 = generator.generateKeyPair().getPrivate().getEncoded();
            return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(pkcs8)
                    + "\n-----END PRIVATE KEY-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
