package cn.rtms.platform;

import javax.xml.transform.TransformerFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The transformer factory named for POI: the JDK's own, unless the operator named one,
 * even with Saxon (brought by the FHIR validator) on the test class path.
 */
class XmlFactoriesTests {

	private String before;

	@BeforeEach
	void remember() {
		this.before = System.getProperty(XmlFactories.TRANSFORMER_FACTORY);
		System.clearProperty(XmlFactories.TRANSFORMER_FACTORY);
	}

	@AfterEach
	void restore() {
		if (this.before == null) {
			System.clearProperty(XmlFactories.TRANSFORMER_FACTORY);
		}
		else {
			System.setProperty(XmlFactories.TRANSFORMER_FACTORY, this.before);
		}
	}

	@Test
	void withoutThePropertyTheServiceSearchFindsSaxon() {
		assertThat(TransformerFactory.newInstance().getClass().getName()).startsWith("net.sf.saxon.");
	}

	@Test
	void namesTheJdkFactoryWhenNothingIsNamed() {
		assertThat(XmlFactories.preferJdkTransformer()).isEqualTo(XmlFactories.JDK_TRANSFORMER_FACTORY);
		assertThat(TransformerFactory.newInstance().getClass().getName())
			.isEqualTo(XmlFactories.JDK_TRANSFORMER_FACTORY);
	}

	@Test
	void keepsAFactoryTheOperatorNamed() {
		System.setProperty(XmlFactories.TRANSFORMER_FACTORY, "net.sf.saxon.TransformerFactoryImpl");
		assertThat(XmlFactories.preferJdkTransformer()).isEqualTo("net.sf.saxon.TransformerFactoryImpl");
		assertThat(TransformerFactory.newInstance().getClass().getName())
			.isEqualTo("net.sf.saxon.TransformerFactoryImpl");
	}

}
