package cn.rtms.identity;

/**
 * What a clause confirmation is worth, decided by who made it (never by a request field):
 * the hospital's own declaration, or a review by the supervising authority.
 */
public enum ConfirmationKind {

	/**
	 * 医院自评承诺: the institution's clerk or hospital admin declares the clause fulfilled and
	 * names the evidence. It never makes a clause that needs a reviewer's confirmation
	 * MET on its own.
	 */
	SELF_DECLARATION("医院自评承诺"),

	/**
	 * 审核确认: a health authority whose jurisdiction covers the institution, or the system
	 * administrator, has checked the evidence.
	 */
	REVIEW("审核确认");

	private final String label;

	ConfirmationKind(String label) {
		this.label = label;
	}

	/**
	 * @return the Chinese label shown in verdicts and the UI
	 */
	public String label() {
		return this.label;
	}

}
