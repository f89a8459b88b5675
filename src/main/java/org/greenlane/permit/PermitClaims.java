package org.greenlane.permit;

import java.time.Instant;
import java.util.List;

/**
 * What a permit token says: the permit (approved workers, the shuttles' plates) or one shuttle's pass (plate, driver,
 * seats), the enterprise and park, which issue of the permit it is, and until when. Nothing more personal than a
 * driver's name: a checkpoint needs no worker's identity.
 *
 * @param serial the permit's issue this token belongs to; a later issue replaces it
 */
public record PermitClaims(Kind kind, String number, int serial, String taxCode, String enterprise, String park,
                           Integer approvedWorkers, List<String> plates, String plate, String driver, Integer seats,
                           String ruleSetVersion, Instant issuedAt, Instant expiresAt) {

    public enum Kind { PERMIT, SHUTTLE_PASS }
}
