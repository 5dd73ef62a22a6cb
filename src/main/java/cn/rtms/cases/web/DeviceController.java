package cn.rtms.cases.web;

import cn.rtms.cases.CaseManagement;
import cn.rtms.cases.DeviceView;
import cn.rtms.cases.web.CaseRequests.ScanRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Reads a scanned device barcode for the scanner field of the case form. */
@RestController
@Tag(name = "器械追溯", description = "器械条码（GS1 UDI、MA 码）识读")
class DeviceController {

	private final CaseManagement cases;

	DeviceController(CaseManagement cases) {
		this.cases = cases;
	}

	@PostMapping("/api/devices/read")
	@Operation(summary = "识读扫码枪输入的器械条码（GTIN、批号、序列号、效期）")
	DeviceView read(@Valid @RequestBody ScanRequest request) {
		return this.cases.readDevice(request.scanned(), request.operationDate());
	}

}
