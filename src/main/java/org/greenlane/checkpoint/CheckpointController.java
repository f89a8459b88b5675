package org.greenlane.checkpoint;

import jakarta.validation.Valid;
import java.time.Duration;
import java.util.Map;
import org.greenlane.permit.PermitKeys;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * What a checkpoint uses, without logging in: the page a permit's QR code opens, the verification behind it, and the
 * public keys that verify a token offline.
 */
@Controller
class CheckpointController {

    static final String JWK_SET = "application/jwk-set+json";

    private final Verification verification;
    private final PermitKeys keys;

    CheckpointController(Verification verification, PermitKeys keys) {
        this.verification = verification;
        this.keys = keys;
    }

    /** The phone page: it sends the address's token ({@code ?t=}) to the verification below and shows the verdict. */
    @GetMapping("/verify")
    String page() {
        return "forward:/verify.html";
    }

    @PostMapping(path = "/api/permits/verify", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Verdict verify(@Valid @RequestBody TokenToVerify request) {
        return verification.verify(request.token());
    }

    /** The current signing key's public half first, then earlier keys whose permits may still be in circulation. */
    @GetMapping(path = "/.well-known/jwks.json", produces = JWK_SET)
    @ResponseBody
    ResponseEntity<Map<String, Object>> publicKeys() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .body(keys.publicKeys().toJSONObject(true));
    }
}
