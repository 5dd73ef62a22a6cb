package cn.rtms.catalog;

import cn.rtms.catalog.ProvincialCatalogues.Catalogue;
import cn.rtms.catalog.ProvincialCatalogues.Listed;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProvincialCataloguesTests {

	@Test
	void readsAProvincesCatalogueFile() {
		Catalogue catalogue = ProvincialCatalogues.read("210000");
		assertThat(catalogue).isNotNull();
		assertThat(catalogue.edition()).isEqualTo("辽宁省限制类技术目录（测试用）");
		assertThat(catalogue.technologies()).extracting(Listed::code).containsExactly("LN01", "LN02");
	}

	@Test
	void aProvinceWithoutAFileHasNoneToLoad() {
		assertThat(ProvincialCatalogues.read("220000")).as("Jilin's catalogue comes from migration").isNull();
	}

	@Test
	void refusesAMalformedCatalogueNamingTheFileAndTheCode() {
		assertThatThrownBy(() -> ProvincialCatalogues.read("980000")).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("reference/catalogues/980000.yaml")
			.hasMessageContaining("s-1");
	}

}
