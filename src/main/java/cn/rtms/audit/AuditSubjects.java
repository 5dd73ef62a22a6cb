package cn.rtms.audit;

import java.util.Collection;
import java.util.Map;

/**
 * Names the objects of one kind for the audit page. A module that records entries about
 * its objects offers a bean of this type (the audit module does not read other modules),
 * so the page shows 长春市中心医院 · 同种胰岛移植技术 rather than an id.
 */
public interface AuditSubjects {

	/**
	 * @return the entity type named, as recorded (e.g. {@code Filing})
	 */
	String entityType();

	/**
	 * @param ids recorded entity ids (some may not be ids of this kind)
	 * @return the names of those found, by id; ids not found are left out
	 */
	Map<String, String> names(Collection<String> ids);

}
