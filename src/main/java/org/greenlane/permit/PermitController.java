package org.greenlane.permit;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.greenlane.application.ApplicationAccess;
import org.greenlane.application.ApplicationStore;
import org.greenlane.system.ConflictException;
import org.greenlane.system.FieldProblem;
import org.greenlane.system.InvalidRequestException;
import org.greenlane.system.NotFoundException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * The permit's printable page and QR codes, for its enterprise and staff only (an enterprise reads only its own
 * applications). A QR code holds the checkpoint page's address with the token, so any phone's camera opens it.
 */
@RestController
@RequestMapping("/api/applications/{id}/permit")
class PermitController {

    private static final Resource PAGE = new ClassPathResource("static/permit.html");

    private final ApplicationStore applications;
    private final Permits permits;

    PermitController(ApplicationStore applications, Permits permits) {
        this.applications = applications;
        this.permits = permits;
    }

    static String path(String applicationId) {
        return "/api/applications/" + UriUtils.encodePathSegment(applicationId, StandardCharsets.UTF_8) + "/permit";
    }

    static String queryValue(String value) {
        return UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8);
    }

    /** The page (static/permit.html) reads the permit from the application's status, with the caller's own login. */
    @GetMapping("/print")
    @Transactional(readOnly = true)
    ResponseEntity<Resource> printable(@PathVariable String id) {
        permit(id);
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(PAGE);
    }

    /**
     * The permit's QR code, or with {@code shuttle} that shuttle's pass. Declares no {@code produces}: a refusal is
     * problem+json, not an image.
     */
    @GetMapping("/qr.png")
    @Transactional(readOnly = true)
    ResponseEntity<byte[]> qrCode(@PathVariable String id, @RequestParam(required = false) String shuttle) {
        Permits.Permit permit = permit(id);
        String token = shuttle == null ? permit.token() : permit.shuttlePasses().stream()
                .filter(pass -> pass.shuttleId().equals(shuttle)).map(Permits.ShuttlePass::token).findFirst()
                .orElseThrow(() -> new InvalidRequestException(List.of(new FieldProblem("shuttle",
                        "is not a shuttle of permit " + permit.number() + ": " + shuttle))));
        String page = ServletUriComponentsBuilder.fromCurrentContextPath().path("/verify").queryParam("t", token)
                .toUriString();
        try {
            return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(QrCodes.png(page));
        } catch (IllegalArgumentException tooLong) {
            throw new ConflictException("Permit " + permit.number() + " says too much for one QR code (it lists "
                    + permit.shuttlePasses().size() + " shuttles); each shuttle's pass has a QR code of its own.");
        }
    }

    private Permits.Permit permit(String id) {
        ApplicationAccess.requireReadable(applications.get(id));
        return permits.of(id).filter(permit -> permit.token() != null)
                .orElseThrow(() -> new NotFoundException("Application " + id + " has no permit"));
    }
}
