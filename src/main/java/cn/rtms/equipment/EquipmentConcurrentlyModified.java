package cn.rtms.equipment;

import java.util.List;

import cn.rtms.web.ProblemException;

import org.springframework.http.HttpStatus;

/** The unit was changed by someone else since it was read. 409. */
public class EquipmentConcurrentlyModified extends ProblemException {

	/**
	 * @param detail in Chinese
	 */
	public EquipmentConcurrentlyModified(String detail) {
		super(HttpStatus.CONFLICT, "EQUIPMENT_CONCURRENTLY_MODIFIED", "设备信息已被他人修改", detail, List.of());
	}

}
