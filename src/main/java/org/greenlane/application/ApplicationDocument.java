package org.greenlane.application;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.greenlane.system.AtMostAYearAhead;
import org.greenlane.system.NotBeforePandemic;
import org.greenlane.system.PlainText;

/**
 * A restart application as the enterprise submits it. It is stored whole as JSON in Greenlane's own table; the
 * process engine only ever sees its id.
 */
public record ApplicationDocument(
        @NotNull @Valid Enterprise enterprise,
        @NotNull @NotBeforePandemic @AtMostAYearAhead LocalDate plannedRestartDate,
        @NotNull @Size(min = 1, max = MAX_WORKERS) List<@NotNull @Valid Worker> workers,
        @NotNull @Size(max = 1000) List<@NotNull @Valid Accommodation> accommodations,
        @NotNull @Size(max = 1000) List<@NotNull @Valid Shuttle> shuttles,
        @NotNull @Valid MedicalPlan medicalPlan) {

    /** The largest roster one application may carry; the province's biggest employers stay well below it. */
    public static final int MAX_WORKERS = 20_000;

    public record Enterprise(
            @NotBlank @Pattern(regexp = "\\d{10}(-\\d{3})?", message = "must be a tax code of 10 digits, or 10-3 digits")
            String taxCode,
            @NotBlank @Size(max = 300) @PlainText String name,
            @NotBlank @Size(max = 200) @PlainText String industrialPark,
            @NotBlank @Size(max = 500) @PlainText String address,
            @NotBlank @Size(max = 200) @PlainText String sector) {
    }

    public record Worker(
            @NotBlank @Pattern(regexp = "\\d{9}|\\d{12}", message = "must be a citizen id of 9 or 12 digits")
            String citizenId,
            @NotBlank @Size(max = 200) @PlainText String fullName,
            @NotNull @Valid Residence residence,
            @NotNull @Size(max = 100) List<@NotNull @Valid Test> tests,
            @NotNull @Min(0) @Max(10) Integer vaccinationDoses,
            @PastOrPresent @NotBeforePandemic LocalDate closeContactSince,
            @Size(max = 100) @PlainText String accommodationId,
            @Size(max = 100) @PlainText String shuttleId) {
    }

    public record Residence(@NotBlank @Size(max = 200) @PlainText String district,
                            @NotBlank @Size(max = 200) @PlainText String commune) {
    }

    public record Test(@NotNull TestType type, @NotNull @PastOrPresent @NotBeforePandemic OffsetDateTime sampledAt,
                       @NotNull TestResult result) {
    }

    public enum TestType { PCR, RAPID_ANTIGEN }

    public enum TestResult { NEGATIVE, POSITIVE }

    public record Accommodation(
            @NotBlank @Size(max = 100) @PlainText String id,
            @NotBlank @Size(max = 300) @PlainText String name,
            @NotBlank @Size(max = 500) @PlainText String address,
            @NotNull @Positive @Max(100_000) Integer capacity) {
    }

    public record Shuttle(
            @NotBlank @Size(max = 100) @PlainText String id,
            @NotBlank @Size(max = 20) @PlainText String plate,
            @NotNull @Positive @Max(100) Integer seats,
            @NotNull @Valid Driver driver) {
    }

    public record Driver(
            @NotBlank @Pattern(regexp = "\\d{9}|\\d{12}", message = "must be a citizen id of 9 or 12 digits")
            String citizenId,
            @NotBlank @Size(max = 200) @PlainText String fullName,
            @NotNull @Size(max = 100) List<@NotNull @Valid Test> tests,
            @NotNull @Min(0) @Max(10) Integer vaccinationDoses) {
    }

    public record MedicalPlan(
            @NotNull @Min(0) @Max(10_000) Integer medicalStaff,
            @NotNull Boolean isolationRoom,
            @NotNull Boolean bufferZone,
            @Size(max = 20_000) @PlainText(multiline = true) String infectionResponsePlan,
            @NotBlank @Pattern(regexp = "\\+?[0-9 .()-]{8,20}", message = "must be a phone number") String contactPhone) {
    }
}
