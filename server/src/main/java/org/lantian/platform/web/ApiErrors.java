package org.lantian.platform.web;

import org.lantian.platform.identity.AccessDenied;
import org.lantian.platform.monitoring.BadInput;
import org.lantian.platform.monitoring.NotFound;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Domain failures as RFC 9457 problem details, each naming what was wrong. */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiErrors {

    @ExceptionHandler(AccessDenied.class)
    ProblemDetail accessDenied(AccessDenied e) {
        return problem(HttpStatus.FORBIDDEN, "无权操作", e.getMessage());
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound e) {
        return problem(HttpStatus.NOT_FOUND, "不存在", e.getMessage());
    }

    @ExceptionHandler({BadInput.class, IllegalArgumentException.class})
    ProblemDetail badInput(RuntimeException e) {
        return problem(HttpStatus.BAD_REQUEST, "请求有误", e.getMessage());
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ProblemDetail conflict(DuplicateKeyException e) {
        return problem(HttpStatus.CONFLICT, "已存在", e.getMostSpecificCause().getMessage());
    }

    @ExceptionHandler(IllegalStateException.class)
    ProblemDetail wrongState(IllegalStateException e) {
        return problem(HttpStatus.CONFLICT, "当前状态不允许此操作", e.getMessage());
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
