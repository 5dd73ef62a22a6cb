package cn.rtms.catalog.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import cn.rtms.catalog.CodeDictionary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * The code dictionary for the front end and integrators: every code that can reach the
 * screen with its Chinese label. Readable by any logged-in user; cached by the browser
 * for an hour (private) and revalidated with its entity tag.
 */
@RestController
@Tag(name = "代码字典")
class DictionaryController {

	static final CacheControl CACHE = CacheControl.maxAge(Duration.ofHours(1)).cachePrivate();

	/**
	 * The dictionary.
	 *
	 * @param version changes whenever a label changes (also the entity tag)
	 * @param groups group → entries in display order, e.g. {@code equipment} → [{code:
	 * ELECTRIC_DERMATOME, label: 电动取皮刀}, …]
	 */
	record DictionaryResponse(String version, Map<String, List<Entry>> groups) {
	}

	/**
	 * One code with its label.
	 *
	 * @param code the code as the API sends it
	 * @param label its Chinese name
	 */
	record Entry(String code, String label) {
	}

	@GetMapping("/api/dictionary")
	@Operation(summary = "代码字典（各类代码的中文名称）", description = "按组列出设备、设施、职称、角色、备案状态、授权状态、病例标记等代码的中文名称；带 ETag，可缓存 1 小时。")
	ResponseEntity<DictionaryResponse> dictionary(WebRequest request) {
		CodeDictionary dictionary = CodeDictionary.standard();
		String etag = "\"" + dictionary.version() + "\"";
		if (request.checkNotModified(etag)) {
			return ResponseEntity.status(304).eTag(etag).cacheControl(CACHE).build();
		}
		Map<String, List<Entry>> groups = new java.util.LinkedHashMap<>();
		dictionary.groups()
			.forEach((group, labels) -> groups.put(group,
					labels.entrySet().stream().map((e) -> new Entry(e.getKey(), e.getValue())).toList()));
		return ResponseEntity.ok()
			.eTag(etag)
			.cacheControl(CACHE)
			.body(new DictionaryResponse(dictionary.version(), groups));
	}

}
