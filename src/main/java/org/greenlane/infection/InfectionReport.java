package org.greenlane.infection;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.greenlane.system.NotBeforePandemic;
import org.greenlane.system.PlainText;

/** An infection case as the enterprise or the health group reports it. */
record InfectionReport(
        @NotEmpty @Size(max = 1000) List<@NotBlank @PlainText String> infectedWorkers,
        @NotNull @NotBeforePandemic LocalDate detectedOn,
        @Size(max = 2000) @PlainText(multiline = true) String note) {
}
