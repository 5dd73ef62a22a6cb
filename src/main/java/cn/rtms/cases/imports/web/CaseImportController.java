package cn.rtms.cases.imports.web;

import cn.rtms.cases.imports.CaseImports;
import cn.rtms.cases.imports.ImportJob;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Case import and export over HTTP: {@code GET /api/case-imports/template?technology=},
 * {@code POST /api/case-imports} (multipart {@code file}, {@code technology},
 * {@code validOnly}, {@code confirmWarnings}; 202 with the queued import), {@code GET
 * /api/case-imports/{id}} (progress, outcome, problems), {@code GET
 * /api/case-imports/{id}/annotated} (the file with its problems marked) and
 * {@code GET /api/case-imports/export?technology=&from=&to=}.
 */
@RestController
class CaseImportController {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final CaseImports imports;

	CaseImportController(CaseImports imports) {
		this.imports = imports;
	}

	@GetMapping("/api/case-imports/template")
	ResponseEntity<Resource> template(@RequestParam String technology) throws IOException {
		return download(out -> this.imports.template(technology, out));
	}

	@PostMapping(path = "/api/case-imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<ImportJob> start(@RequestPart MultipartFile file, @RequestParam String technology,
			@RequestParam(defaultValue = "false") boolean validOnly,
			@RequestParam(defaultValue = "false") boolean confirmWarnings) throws IOException {
		ImportJob job = this.imports.start(file.getInputStream(), file.getOriginalFilename(), technology, validOnly,
				confirmWarnings);
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(job);
	}

	@GetMapping("/api/case-imports/{id}")
	ImportJob get(@PathVariable UUID id) {
		return this.imports.get(id);
	}

	@GetMapping("/api/case-imports/{id}/annotated")
	ResponseEntity<Resource> annotated(@PathVariable UUID id) throws IOException {
		return download(out -> this.imports.annotatedCopy(id, out));
	}

	@GetMapping("/api/case-imports/export")
	ResponseEntity<Resource> export(@RequestParam String technology,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to)
			throws IOException {
		return download(out -> this.imports.export(technology, from, to, out));
	}

	/** Writes a workbook. */
	interface Writer {

		/**
		 * @return the file name
		 */
		String write(OutputStream out) throws IOException;

	}

	/**
	 * Writes the workbook to a temporary file first (so a failure is still a problem
	 * answer, not a cut download), then streams it and deletes it when sent.
	 */
	private static ResponseEntity<Resource> download(Writer writer) throws IOException {
		Path file = Files.createTempFile("rtms-case-xlsx-", ".xlsx");
		String name;
		try (OutputStream out = Files.newOutputStream(file)) {
			name = writer.write(out);
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(file);
			throw ex;
		}
		long size = Files.size(file);
		Resource body = new InputStreamResource(Files.newInputStream(file, StandardOpenOption.DELETE_ON_CLOSE));
		return ResponseEntity.ok()
			.contentType(XLSX)
			.contentLength(size)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.body(body);
	}

}
