package cn.rtms.cases;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * The patient of a case as shown to the reader: the hospital's own users see name, the
 * masked ID number and the masked phone; authorities and exports see only the pseudonym
 * (and sex and birth date).
 *
 * @param pseudonym stable pseudonym ({@code P} + 12 hex digits) of institution + 病案号
 * @param name name, or null for readers outside the hospital
 * @param idNumberMasked e.g. {@code 110***********1234}, or null
 * @param phoneMasked e.g. {@code 138****5678}, or null
 * @param sex {@code M} or {@code F}
 * @param birthDate birth date
 */
public record PatientView(String pseudonym, @Nullable String name, @Nullable String idNumberMasked,
		@Nullable String phoneMasked, @Nullable String sex, @Nullable LocalDate birthDate) {
}
