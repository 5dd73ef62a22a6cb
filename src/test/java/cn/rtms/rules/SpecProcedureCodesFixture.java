package cn.rtms.rules;

/**
 * The bundled spec editions' procedure codes, for unit tests outside the rules module.
 */
public final class SpecProcedureCodesFixture {

	private SpecProcedureCodesFixture() {
	}

	/**
	 * @return the codes of every bundled edition, and which is in force when
	 */
	public static SpecProcedureCodes bundled() {
		return new SpecProcedureCodes(new SpecificationManagement(""));
	}

}
