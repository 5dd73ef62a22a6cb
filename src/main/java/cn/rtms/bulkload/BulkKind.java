package cn.rtms.bulkload;

/** What a bulk-load workbook holds. */
public enum BulkKind {

	/** Institutions, keyed by 统一社会信用代码. */
	INSTITUTIONS("医疗机构"),
	/** People, keyed by 医师执业证书编码. */
	PEOPLE("人员");

	private final String label;

	BulkKind(String label) {
		this.label = label;
	}

	/**
	 * @return the Chinese label
	 */
	public String label() {
		return this.label;
	}

}
