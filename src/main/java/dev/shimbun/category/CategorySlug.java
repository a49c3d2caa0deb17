package dev.shimbun.category;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The text is a category slug: lower-case ASCII letters and digits in words joined by
 * single hyphens ({@link Category#SLUG_PATTERN}). Null, empty text and text longer than
 * {@link Category#SLUG_LENGTH} pass, so that a field reports only one problem: put
 * {@code @NotBlank} and {@code @Size} next to it. The message key is
 * {@code CategorySlug}.
 */
@Documented
@Constraint(validatedBy = CategorySlug.Validator.class)
@Target({ ElementType.FIELD, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@interface CategorySlug {

	String message() default "not a slug";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<CategorySlug, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || value.isEmpty() || value.length() > Category.SLUG_LENGTH
					|| value.matches(Category.SLUG_PATTERN);
		}

	}

}
