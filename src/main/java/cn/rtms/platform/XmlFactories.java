package cn.rtms.platform;

import javax.xml.transform.TransformerFactory;

/**
 * Names the JDK's own XSLT implementation as the {@link TransformerFactory} of this JVM,
 * unless the operator named one ({@code -Djavax.xml.transform.TransformerFactory=…}).
 * <p>
 * Apache POI asks {@link TransformerFactory#newInstance()} for a new factory for every
 * part of every workbook it writes (templates, exports, annotated import copies). Without
 * the property each call searches {@code META-INF/services} in every jar of the class
 * path — and with an XSLT library present (Saxon, which the FHIR validator brings into
 * the tests) builds that library's whole configuration each time: 22 % of the CPU samples
 * of the API fuzzing test went there (JFR, 2026-12-01). With the property the JDK returns
 * its built-in factory directly. POI only serialises XML with it; no stylesheet is run.
 */
public final class XmlFactories {

	static final String TRANSFORMER_FACTORY = TransformerFactory.class.getName();

	/** The JDK's built-in implementation (module java.xml). */
	static final String JDK_TRANSFORMER_FACTORY = "com.sun.org.apache.xalan.internal.xsltc.trax.TransformerFactoryImpl";

	private XmlFactories() {
	}

	/**
	 * Sets the system property naming the JDK's transformer factory when it is not set.
	 * @return the factory class name in effect afterwards
	 */
	public static String preferJdkTransformer() {
		String named = System.getProperty(TRANSFORMER_FACTORY);
		if (named == null || named.isBlank()) {
			System.setProperty(TRANSFORMER_FACTORY, JDK_TRANSFORMER_FACTORY);
			return JDK_TRANSFORMER_FACTORY;
		}
		return named;
	}

}
