package cn.rtms.cases.web;

import java.util.List;

import cn.rtms.devices.InvalidBarcode;
import cn.rtms.web.ProblemException;
import cn.rtms.web.ProblemException.FieldProblem;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps the device reader's exception to 400 {@code INVALID_BARCODE}. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CaseProblems {

	@ExceptionHandler(InvalidBarcode.class)
	ResponseEntity<ProblemDetail> invalidBarcode(InvalidBarcode ex) {
		String message = String.valueOf(ex.getMessage());
		ProblemException problem = new ProblemException(HttpStatus.BAD_REQUEST, "INVALID_BARCODE", "条码无法识读", message,
				List.of(new FieldProblem("scanned", message)));
		return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(problem.getBody());
	}

}
