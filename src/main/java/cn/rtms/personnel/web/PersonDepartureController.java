package cn.rtms.personnel.web;

import java.util.UUID;

import cn.rtms.personnel.PersonDepartures;
import cn.rtms.personnel.PersonDepartures.Departure;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** 人员离职: disable the person's accounts and end the employment in one step. */
@RestController
@Tag(name = "人员离职", description = "医院管理员：停用该人员的账号并将其移出本院人员名单（一步完成）")
class PersonDepartureController {

	private final PersonDepartures departures;

	PersonDepartureController(PersonDepartures departures) {
		this.departures = departures;
	}

	@PostMapping("/api/people/{id}/leave")
	@Operation(summary = "人员离职", description = "停用该人员在本院的账号，并将其移出本院人员名单")
	Departure leave(@PathVariable UUID id) {
		return this.departures.leave(id);
	}

}
