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
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A date of the pandemic, on or after {@value #START}: no test, close contact, case or restart the API hears of is
 * older, so an earlier date (1900, year -999999999) is a typo or a made-up value.
 */
@Documented
@Constraint(validatedBy = {NotBeforePandemic.OnDate.class, NotBeforePandemic.OnDateTime.class})
@Target({METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface NotBeforePandemic {

    String START = "2020-01-01";

    String message() default "must not be before " + START + ", the start of the pandemic";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class OnDate implements ConstraintValidator<NotBeforePandemic, LocalDate> {

        static final LocalDate START_DATE = LocalDate.parse(START);

        @Override
        public boolean isValid(LocalDate date, ConstraintValidatorContext context) {
            return date == null || !date.isBefore(START_DATE);
        }
    }

    final class OnDateTime implements ConstraintValidator<NotBeforePandemic, OffsetDateTime> {

        @Override
        public boolean isValid(OffsetDateTime time, ConstraintValidatorContext context) {
            return time == null || !time.toLocalDate().isBefore(OnDate.START_DATE);
        }
    }
}
