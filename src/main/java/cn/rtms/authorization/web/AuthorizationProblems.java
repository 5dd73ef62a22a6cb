package cn.rtms.authorization.web;

import java.util.List;

import cn.rtms.authorization.domain.AuthorizationNotEditable;
import cn.rtms.authorization.domain.InvalidTransition;
import cn.rtms.web.ProblemException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps the aggregate's exceptions to 409 problems naming the states. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class AuthorizationProblems {

	@ExceptionHandler(InvalidTransition.class)
	ResponseEntity<ProblemDetail> invalidTransition(InvalidTransition ex) {
		ProblemException problem = new ProblemException(HttpStatus.CONFLICT, "INVALID_TRANSITION", "状态不允许此操作",
				ex.getMessage(), List.of());
		problem.getBody().setProperty("from", ex.from().name());
		problem.getBody().setProperty("to", ex.to().name());
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problem.getBody());
	}

	@ExceptionHandler(AuthorizationNotEditable.class)
	ResponseEntity<ProblemDetail> notEditable(AuthorizationNotEditable ex) {
		ProblemException problem = new ProblemException(HttpStatus.CONFLICT, "AUTHORIZATION_NOT_EDITABLE", "记录不可修改",
				ex.getMessage(), List.of());
		problem.getBody().setProperty("recordStatus", ex.status().name());
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problem.getBody());
	}

}
