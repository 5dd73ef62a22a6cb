package cn.rtms.equipment;

import java.util.List;

import cn.rtms.web.ProblemException;

import org.springframework.http.HttpStatus;

/** No such unit, schedule, record or attachment. 404 {@code EQUIPMENT_NOT_FOUND}. */
public class EquipmentNotFound extends ProblemException {

	/**
	 * @param detail what was not found, in Chinese
	 */
	public EquipmentNotFound(String detail) {
		super(HttpStatus.NOT_FOUND, "EQUIPMENT_NOT_FOUND", "设备记录不存在", detail, List.of());
	}

}
