package cn.rtms.cases;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * One field of a case form: a technology-specific field of a {@link CaseForm} or one of
 * the common fields every case has ({@link CaseForms#commonFields}).
 *
 * @param key the property name (in {@code CaseInput.fields} for technology fields; the
 * Excel column key)
 * @param label Chinese label
 * @param type value type
 * @param required whether a submitted case must have a value
 * @param unit unit shown beside the value, e.g. {@code %}, {@code Gy}
 * @param min smallest allowed value (INTEGER, DECIMAL), inclusive
 * @param max largest allowed value (INTEGER, DECIMAL), inclusive
 * @param maxLength most characters (TEXT)
 * @param options allowed codes (CHOICE), empty otherwise
 * @param requiredWhen required only when another field has a value
 * @param warnIf a plausibility warning the clerk must confirm before submitting
 * @param help Chinese help text
 * @param group Chinese group heading of the form section
 * @param atMost the key of another numeric field of the form whose value this one may not
 * exceed (实际完成消融病灶数 ≤ 计划消融病灶数), {@code null} when none
 */
public record CaseField(String key, String label, FieldType type, boolean required, @Nullable String unit,
		@Nullable BigDecimal min, @Nullable BigDecimal max, @Nullable Integer maxLength, List<Option> options,
		@Nullable Condition requiredWhen, @Nullable Warning warnIf, @Nullable String help, @Nullable String group,
		@Nullable String atMost) {

	/**
	 * Copies the options.
	 */
	public CaseField {
		options = List.copyOf(options);
	}

	/**
	 * A field bounded by no other field.
	 * @param key the property name
	 * @param label Chinese label
	 * @param type value type
	 * @param required whether a submitted case must have a value
	 * @param unit unit shown beside the value
	 * @param min smallest allowed value
	 * @param max largest allowed value
	 * @param maxLength most characters
	 * @param options allowed codes
	 * @param requiredWhen required only when another field has a value
	 * @param warnIf a plausibility warning
	 * @param help Chinese help text
	 * @param group Chinese group heading
	 */
	public CaseField(String key, String label, FieldType type, boolean required, @Nullable String unit,
			@Nullable BigDecimal min, @Nullable BigDecimal max, @Nullable Integer maxLength, List<Option> options,
			@Nullable Condition requiredWhen, @Nullable Warning warnIf, @Nullable String help, @Nullable String group) {
		this(key, label, type, required, unit, min, max, maxLength, options, requiredWhen, warnIf, help, group, null);
	}

	/**
	 * @param code an option code
	 * @return the option, if this field offers it
	 */
	public Optional<Option> option(String code) {
		return this.options.stream().filter(o -> o.code().equals(code)).findFirst();
	}

	/** Value types of case fields. */
	public enum FieldType {

		/** Free text, at most {@code maxLength} characters. */
		TEXT,

		/** A whole number between {@code min} and {@code max}. */
		INTEGER,

		/** A decimal number between {@code min} and {@code max}. */
		DECIMAL,

		/** An ISO date ({@code yyyy-MM-dd}). */
		DATE,

		/** Yes or no. */
		BOOLEAN,

		/** One code of {@code options}. */
		CHOICE,

		/**
		 * A person of the case's institution (id in JSON; in Excel the name or 医师执业证书编码);
		 * only common fields (operator, assistants).
		 */
		PERSON

	}

	/**
	 * One allowed value of a CHOICE field.
	 *
	 * @param code stable code stored with the case
	 * @param name Chinese name shown
	 */
	public record Option(String code, String name) {
	}

	/**
	 * A field is required when another field of the case has a given value.
	 *
	 * @param field key of the other field (a form field, or {@code subTechnique} /
	 * {@code route})
	 * @param equals the value (a CHOICE code, {@code true}/{@code false} for BOOLEAN)
	 */
	public record Condition(String field, String equals) {
	}

	/**
	 * A plausibility warning: a value below or above a bound is allowed but must be
	 * confirmed by the clerk.
	 *
	 * @param below warn when the value is smaller than this
	 * @param above warn when the value is larger than this
	 * @param code stable code, e.g. {@code ZERO_LESIONS}
	 * @param message Chinese message
	 */
	public record Warning(@Nullable BigDecimal below, @Nullable BigDecimal above, String code, String message) {
	}

}
