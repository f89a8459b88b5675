package org.greenlane.checkpoint;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A token as read from a permit's or a pass's QR code (the {@code t} of its address); a permit listing a thousand
 * shuttles makes one of some 30,000 characters.
 */
record TokenToVerify(
        @NotBlank @Size(max = 65_536)
        @Pattern(regexp = "[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*",
                message = "must be a permit token: three base64url parts separated by dots")
        String token) {
}
