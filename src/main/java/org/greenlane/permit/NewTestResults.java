package org.greenlane.permit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.greenlane.application.ApplicationDocument;
import org.greenlane.system.PlainText;

/** Test results an approved enterprise posts for its workers. */
record NewTestResults(@NotEmpty @Size(max = 20_000) List<@NotNull @Valid Result> results) {

    record Result(@NotBlank @PlainText String citizenId, @NotNull @Valid ApplicationDocument.Test test) {
    }
}
