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

/**
 * A planned date at most a year after today, on the validation clock (the province's): a later one is a typo such as
 * 2201 for 2021, not a plan.
 */
@Documented
@Constraint(validatedBy = AtMostAYearAhead.Validator.class)
@Target({METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface AtMostAYearAhead {

    String message() default "must be at most a year after today";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Says the last date accepted, which the sender cannot know without the server's clock. */
    final class Validator implements ConstraintValidator<AtMostAYearAhead, LocalDate> {

        @Override
        public boolean isValid(LocalDate date, ConstraintValidatorContext context) {
            if (date == null) {
                return true;
            }
            LocalDate last = LocalDate.now(context.getClockProvider().getClock()).plusYears(1);
            if (!date.isAfter(last)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("must be at most a year after today, on or before " + last)
                    .addConstraintViolation();
            return false;
        }
    }
}
