package cn.rtms.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Applies {@link InputRules} to every string, map key and {@link LocalDate} of a JSON
 * request body while it is read, so that no request DTO can forget them: text must be a
 * JSON string (a number or boolean is not silently turned into text: 400
 * {@code MALFORMED_REQUEST}), free of control and bidirectional characters, not only
 * invisible, and at most the property's {@code @Size(max)} or
 * {@link InputRules#DEFAULT_MAX_LENGTH} characters; dates must be {@code yyyy-MM-dd}
 * (else 400 {@code MALFORMED_REQUEST}) between 1900-01-01 and 2100-12-31. A refusal of
 * the content is a {@link RefusedInput} carrying the JSON path, which
 * {@code ProblemHandler} turns into a 400 {@code VALIDATION_FAILED} naming the field.
 * <p>
 * Registered only on the HTTP message converter's mapper (see
 * {@code RequestInputConfiguration}), not on the application's {@code JsonMapper}, so
 * reading stored JSON is not affected.
 */
public final class RequestInputModule extends SimpleModule {

	/** Longest map key accepted (keys are codes such as technology codes). */
	static final int MAX_KEY_LENGTH = 100;

	public RequestInputModule() {
		super("rtms-request-input");
		addDeserializer(String.class, new BoundedStringDeserializer(InputRules.DEFAULT_MAX_LENGTH));
		addDeserializer(LocalDate.class, new BoundedLocalDateDeserializer());
		addKeyDeserializer(String.class, new BoundedKeyDeserializer());
	}

	/** Text bounded by the property's {@code @Size(max)} or the default length. */
	static final class BoundedStringDeserializer extends StdScalarDeserializer<String> {

		private final int maxLength;

		BoundedStringDeserializer(int maxLength) {
			super(String.class);
			this.maxLength = maxLength;
		}

		@Override
		public ValueDeserializer<?> createContextual(DeserializationContext ctxt, @Nullable BeanProperty property) {
			if (property != null && property.getType().hasRawClass(String.class)) {
				Size size = property.getAnnotation(Size.class);
				if (size != null && size.max() != this.maxLength && size.max() < Integer.MAX_VALUE) {
					return new BoundedStringDeserializer(size.max());
				}
			}
			return this;
		}

		@Override
		public String deserialize(JsonParser p, DeserializationContext ctxt) {
			if (!p.hasToken(JsonToken.VALUE_STRING)) {
				throw MismatchedInputException.from(p, String.class, "应为文本（JSON 字符串）");
			}
			String value = p.getString();
			String problem = InputRules.problem(value, this.maxLength);
			if (problem != null) {
				throw new RefusedInput(p, problem);
			}
			return value;
		}

	}

	/** {@code yyyy-MM-dd} within the accepted range; an empty string is no date. */
	static final class BoundedLocalDateDeserializer extends StdScalarDeserializer<LocalDate> {

		BoundedLocalDateDeserializer() {
			super(LocalDate.class);
		}

		@Override
		public @Nullable LocalDate deserialize(JsonParser p, DeserializationContext ctxt) {
			if (!p.hasToken(JsonToken.VALUE_STRING)) {
				throw MismatchedInputException.from(p, LocalDate.class, "应为日期文本（yyyy-MM-dd）");
			}
			String text = p.getString().strip();
			if (text.isEmpty()) {
				return null;
			}
			LocalDate date;
			try {
				date = LocalDate.parse(text);
			}
			catch (DateTimeParseException ex) {
				throw InvalidFormatException.from(p, "不是有效日期（yyyy-MM-dd）", abbreviate(text), LocalDate.class);
			}
			String problem = InputRules.problem(date);
			if (problem != null) {
				throw new RefusedInput(p, problem);
			}
			return date;
		}

	}

	/** Map keys: the same text rules, at most {@link #MAX_KEY_LENGTH} characters. */
	static final class BoundedKeyDeserializer extends KeyDeserializer {

		@Override
		public Object deserializeKey(String key, DeserializationContext ctxt) {
			String problem = InputRules.problem(key, MAX_KEY_LENGTH);
			if (problem != null) {
				throw new RefusedInput(ctxt.getParser(), "键" + problem);
			}
			return key;
		}

	}

	private static String abbreviate(String text) {
		String printable = text.codePoints()
			.map(c -> (c < 0x20 || (c >= 0x7F && c <= 0x9F)) ? '?' : c)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
		return (printable.length() > 40) ? printable.substring(0, 40) + "…" : printable;
	}

	/**
	 * A value of a JSON body refused by {@link InputRules}; its path names the field.
	 */
	public static final class RefusedInput extends MismatchedInputException {

		private static final long serialVersionUID = 1L;

		private final String reason;

		RefusedInput(JsonParser p, String reason) {
			super(p, reason);
			this.reason = reason;
		}

		/**
		 * @return why the value was refused, in Chinese
		 */
		public String reason() {
			return this.reason;
		}

	}

}
