package cn.rtms.indicators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.rtms.indicators.definition.IndicatorSet;
import cn.rtms.indicators.definition.IndicatorSetLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The indicator dictionary: every {@code indicators/*.yaml} on the classpath, loaded and
 * validated once at startup (a broken file stops the application, naming file, path and
 * problem).
 */
@Component
class IndicatorDictionary {

	private static final Logger log = LoggerFactory.getLogger(IndicatorDictionary.class);

	private final Map<String, IndicatorSet> sets = new LinkedHashMap<>();

	IndicatorDictionary() {
		this(sources());
	}

	IndicatorDictionary(Map<String, String> sources) {
		new IndicatorSetLoader().loadAll(sources).forEach(s -> this.sets.put(s.key(), s));
		log.info("已加载 {} 个质控指标集：{}", this.sets.size(), this.sets.keySet());
	}

	static Map<String, String> sources() {
		Map<String, String> sources = new LinkedHashMap<>();
		try {
			for (Resource resource : new PathMatchingResourcePatternResolver()
				.getResources("classpath*:indicators/*.yaml")) {
				sources.put(String.valueOf(resource.getFilename()),
						resource.getContentAsString(StandardCharsets.UTF_8));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("无法读取质控指标文件：" + ex.getMessage(), ex);
		}
		return sources;
	}

	List<IndicatorSet> all() {
		return List.copyOf(this.sets.values());
	}

	Optional<IndicatorSet> find(String key) {
		return Optional.ofNullable(this.sets.get(key));
	}

}
