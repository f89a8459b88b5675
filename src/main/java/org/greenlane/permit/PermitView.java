package org.greenlane.permit;

import java.time.Instant;
import java.util.List;

/**
 * The permit as its enterprise and staff see it: what it says, its latest issue's tokens, and where to get its QR
 * codes and its printable page.
 *
 * @param expiresAt    when the latest issue's tokens expire: new test results issue it again before then
 * @param printable    the printable page (Vietnamese and English) with the permit's and every pass's QR code
 * @param qrCode       the permit's QR code (PNG): the checkpoint page's address with the token
 */
public record PermitView(String number, int approvedWorkers, Instant issuedAt, int serial, Instant validFrom,
                         Instant expiresAt, String ruleSetVersion, String token, String qrCode, String printable,
                         List<Pass> shuttlePasses) {

    /** @param qrCode the pass's QR code (PNG) */
    public record Pass(String shuttleId, String plate, String driver, int seats, String token, String qrCode) {
    }

    public static PermitView of(String applicationId, Permits.Permit permit) {
        String base = PermitController.path(applicationId);
        return new PermitView(permit.number(), permit.approvedWorkers(), permit.issuedAt(), permit.serial(),
                permit.validFrom(), permit.validUntil(), permit.ruleSetVersion(), permit.token(), base + "/qr.png",
                base + "/print", permit.shuttlePasses().stream().map(pass -> new Pass(pass.shuttleId(), pass.plate(),
                        pass.driver(), pass.seats(), pass.token(), base + "/qr.png?shuttle="
                                + PermitController.queryValue(pass.shuttleId()))).toList());
    }
}
