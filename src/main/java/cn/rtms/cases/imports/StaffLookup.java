package cn.rtms.cases.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.rtms.cases.imports.Cells.BadCell;

/**
 * The people of one institution by name and by 医师执业证书编码, loaded once per import, so a
 * sheet names its operators and assistants the way clerks know them. A name held by two
 * people must be given as the certificate number.
 */
final class StaffLookup {

	private final Map<String, List<UUID>> byName = new HashMap<>();

	private final Map<String, UUID> byLicence = new HashMap<>();

	private final Map<UUID, String> names = new HashMap<>();

	private final Map<UUID, String> licences = new HashMap<>();

	/**
	 * @param id person id
	 * @param name name
	 * @param licence certificate number, or null
	 */
	void add(UUID id, String name, @org.jspecify.annotations.Nullable String licence) {
		this.byName.computeIfAbsent(name.strip(), k -> new ArrayList<>()).add(id);
		if (licence != null) {
			this.byLicence.put(licence.strip(), id);
			this.licences.put(id, licence.strip());
		}
		this.names.put(id, name);
	}

	/**
	 * @param text a name or a certificate number
	 * @return the person
	 * @throws BadCell no one or more than one person fits
	 */
	UUID resolve(String text) {
		String key = text.strip();
		UUID byNumber = this.byLicence.get(key);
		if (byNumber != null) {
			return byNumber;
		}
		List<UUID> found = this.byName.getOrDefault(key, List.of());
		if (found.size() == 1) {
			return found.get(0);
		}
		if (found.isEmpty()) {
			throw new BadCell("本机构人员中没有 “" + Cells.shorten(key) + "”（请填写已登记人员的姓名或医师执业证书编码）");
		}
		throw new BadCell("本机构有 " + found.size() + " 位名为 “" + Cells.shorten(key) + "” 的人员，请改填医师执业证书编码");
	}

	/**
	 * @param id a person
	 * @return what the export writes so that the import finds the person again: the name,
	 * or the certificate number when the name is not unique; null when not of this
	 * institution
	 */
	@org.jspecify.annotations.Nullable
	String label(UUID id) {
		String name = this.names.get(id);
		if (name == null) {
			return null;
		}
		String licence = this.licences.get(id);
		return (this.byName.getOrDefault(name.strip(), List.of()).size() > 1 && licence != null) ? licence : name;
	}

}
