package cn.rtms.cases;

import org.jspecify.annotations.Nullable;

/**
 * The patient's name and full phone number, for the hospital's own staff who call the
 * patient (a follow-up by phone). Every read is audited ({@code PATIENT_CONTACT_VIEWED},
 * without the number); lists and the case itself show the phone masked.
 *
 * @param medicalRecordNo the case's 病案号
 * @param name the patient's name, or null when none was recorded
 * @param phone the full phone number, or null when none was recorded
 */
public record PatientContact(String medicalRecordNo, @Nullable String name, @Nullable String phone) {
}
