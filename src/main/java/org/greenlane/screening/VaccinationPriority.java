package org.greenlane.screening;

/** A person on the vaccination priority list: an eligible WORKER or a shuttle DRIVER. */
public record VaccinationPriority(String citizenId, String fullName, String role) {
}
