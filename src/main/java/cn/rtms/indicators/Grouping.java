package cn.rtms.indicators;

/**
 * How indicator cells are grouped. REGION is the institution's region code (county
 * level); CITY its first four digits + {@code 00}.
 */
public enum Grouping {

	/** One group, {@code ALL}. */
	NONE,

	/** Per institution (group key: its id). */
	INSTITUTION,

	/** Per operating physician (group key: person id). */
	OPERATOR,

	/** Per department as reported on the case (group key: the text). */
	DEPARTMENT,

	/** Per county-level region code of the institution. */
	REGION,

	/** Per city: the region code's first four digits + {@code 00}. */
	CITY

}
