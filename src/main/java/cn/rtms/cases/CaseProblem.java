package cn.rtms.cases;

/**
 * One error or warning of a case check.
 *
 * @param field the field key, e.g. {@code operationDate}, {@code fields.ptaPercent},
 * {@code devices[2].scanned}, {@code patient.idNumber}
 * @param code stable code, e.g. {@code REQUIRED}, {@code DATE_ORDER}, {@code LONG_STAY}
 * @param message Chinese message naming the value and the rule
 */
public record CaseProblem(String field, String code, String message) {
}
