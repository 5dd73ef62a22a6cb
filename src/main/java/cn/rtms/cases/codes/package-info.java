/**
 * ICD-9-CM-3 procedure codes as the {@code cases} module reads them: one normalisation
 * ({@link cn.rtms.cases.codes.ProcedureCodeNormaliser}) and one matcher against a spec's
 * code list ({@link cn.rtms.cases.codes.ProcedureCodeMatcher}), shared by the order-entry
 * gate, the case form and the discharge scan so that they agree on what a code is and
 * which listed code it stands for. Internal to the module; pure, no state.
 */
@org.jspecify.annotations.NullMarked
package cn.rtms.cases.codes;
