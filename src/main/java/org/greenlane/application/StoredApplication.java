package org.greenlane.application;

import java.time.Instant;

/** An application's row, without its document. */
public record StoredApplication(String id, String taxCode, String enterpriseName, String industrialPark,
                                ApplicationStatus status, int revision, int reviewRound, int workerCount,
                                Instant submittedAt, Instant updatedAt) {
}
