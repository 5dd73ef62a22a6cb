package cn.rtms.personnel.web;

import java.util.List;
import java.util.UUID;

import cn.rtms.personnel.PersonDetails;
import cn.rtms.personnel.PersonSummary;
import cn.rtms.personnel.PersonnelManagement;
import cn.rtms.personnel.StaffRole;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Physicians and other staff over HTTP. */
@RestController
@Tag(name = "人员", description = "医师及其他专业技术人员")
class PersonController {

	private final PersonnelManagement people;

	PersonController(PersonnelManagement people) {
		this.people = people;
	}

	@GetMapping("/api/people")
	@Operation(summary = "人员列表")
	List<PersonSummary> list(@RequestParam(required = false) @Nullable UUID institutionId,
			@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable StaffRole role) {
		return this.people.search(institutionId, q, role);
	}

	@GetMapping("/api/people/{id}")
	@Operation(summary = "人员详情")
	PersonDetails get(@PathVariable UUID id) {
		return this.people.get(id);
	}

	@PostMapping("/api/people")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "新建人员")
	PersonDetails create(@Valid @RequestBody PersonDetails details) {
		return this.people.create(details);
	}

	@PutMapping("/api/people/{id}")
	@Operation(summary = "修改人员")
	PersonDetails update(@PathVariable UUID id, @Valid @RequestBody PersonDetails details) {
		return this.people.update(id, details);
	}

}
