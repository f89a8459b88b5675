package org.greenlane.system;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.CONSTRUCTOR;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Optional;

/**
 * Text that shows as it reads: no control characters (PostgreSQL cannot store U+0000, the others hide in a reviewer's
 * view), no line breaks in a single-line field, and no bidirectional formatting controls, which reorder the characters
 * shown so that a name or a plan reads differently from what it holds. Letters of any script stay allowed.
 */
@Documented
@Constraint(validatedBy = PlainText.Validator.class)
@Target({METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface PlainText {

    /** Free text of several lines, such as a plan or a note: tabs and line breaks are allowed. */
    boolean multiline() default false;

    String message() default "must be plain text without control characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Names the first character refused and where it is, since most of them are invisible. */
    final class Validator implements ConstraintValidator<PlainText, CharSequence> {

        private static final String LINE_BREAKS = "control characters or line breaks";

        private boolean multiline;

        @Override
        public void initialize(PlainText constraint) {
            multiline = constraint.multiline();
        }

        @Override
        public boolean isValid(CharSequence text, ConstraintValidatorContext context) {
            Optional<String> problem = text == null ? Optional.empty() : problem(text, multiline);
            problem.ifPresent(message -> {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
            });
            return problem.isEmpty();
        }

        /** Why the text is not plain text, naming its first refused character; empty when it is plain text. */
        public static Optional<String> problem(CharSequence text, boolean multiline) {
            int position = 0;
            for (int i = 0; i < text.length(); ) {
                int c = Character.codePointAt(text, i);
                i += Character.charCount(c);
                position++;
                String refused = refused(c, multiline);
                if (refused != null) {
                    return Optional.of("must not contain %s: U+%04X at character %d".formatted(refused, c, position));
                }
            }
            return Optional.empty();
        }

        /** What kind of character this is, if refused; null if allowed. */
        private static String refused(int c, boolean multiline) {
            return switch (Character.getType(c)) {
                case Character.CONTROL -> !multiline ? LINE_BREAKS
                        : c == '\t' || c == '\n' || c == '\r' ? null
                        : "control characters other than tab and line breaks";
                case Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> multiline ? null : LINE_BREAKS;
                case Character.FORMAT -> isBidiControl(c) ? "bidirectional formatting controls" : null;
                case Character.SURROGATE -> "unpaired surrogates, which are no characters";
                default -> null;
            };
        }

        /** The bidirectional marks, embeddings, overrides and isolates, and the deprecated controls beside them. */
        private static boolean isBidiControl(int c) {
            return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E)
                    || (c >= 0x2066 && c <= 0x206F);
        }
    }
}
