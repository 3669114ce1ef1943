package org.lantian.platform.web;

import org.lantian.platform.identity.AccessDenied;
import org.lantian.platform.monitoring.BadInput;
import org.lantian.platform.monitoring.NotFound;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Domain failures as RFC 9457 problem details, each naming what was wrong. */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

    /** A body that cannot be read: what and where (line and column, the field), in Chinese; 413 when too large. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RequestBodyLimit.TooLarge tooLarge) {
                return problem(HttpStatus.CONTENT_TOO_LARGE, "请求过大", tooLarge.getMessage() + "；大批数据请分批提交或以文件导入");
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JacksonException json) {
                return problem(HttpStatus.BAD_REQUEST, "请求体无法读取", describe(json));
            }
        }
        return problem(HttpStatus.BAD_REQUEST, "请求体无法读取", e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")
                ? "缺少请求体（应为 JSON）" : "请求体无法读取：" + e.getMostSpecificCause().getMessage());
    }

    private static String describe(JacksonException e) {
        StringBuilder detail = new StringBuilder("请求体不是所需的 JSON");
        TokenStreamLocation at = e.getLocation();
        if (at != null && at.getLineNr() > 0) {
            detail.append("：第 ").append(at.getLineNr()).append(" 行第 ").append(at.getColumnNr()).append(" 列");
        }
        if (!e.getPath().isEmpty()) {
            detail.append("，字段 ").append(fieldPath(e));
        }
        detail.append("（").append(e.getOriginalMessage()).append("）");
        return detail.toString();
    }

    /** The field as a client names it: {@code observations[3].value}. */
    private static String fieldPath(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference r : e.getPath()) {
            if (r.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    @ExceptionHandler(AccessDenied.class)
    ProblemDetail accessDenied(AccessDenied e) {
        return problem(HttpStatus.FORBIDDEN, "无权操作", e.getMessage());
    }

    @ExceptionHandler({NotFound.class, java.util.NoSuchElementException.class})
    ProblemDetail notFound(RuntimeException e) {
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

    /** What the database refused, said as the client's mistake it is, never a 500 with SQL in it. */
    @ExceptionHandler(org.springframework.dao.DataIntegrityViolationException.class)
    ProblemDetail refusedByDatabase(org.springframework.dao.DataIntegrityViolationException e) {
        java.sql.SQLException sql = sqlCause(e);
        String state = sql == null ? "" : java.util.Objects.toString(sql.getSQLState(), "");
        String detail = switch (state) {
            case "23514" -> "数据不符合规定（文本过长或取值超出允许范围）";
            case "23502" -> "缺少必填项";
            case "23503" -> "引用的对象不存在";
            case "23505" -> "已存在相同的记录";
            case "22021", "22P05" -> "含有不允许的字符（如 NUL）";
            case "22001" -> "文本过长";
            case "22003" -> "数值超出允许范围";
            case "22007", "22008" -> "日期或时间超出允许范围";
            default -> "数据不符合数据库的约束";
        };
        return problem(state.equals("23505") ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST, "请求有误", detail);
    }

    /** Dates, durations and numbers out of what the platform can represent. */
    @ExceptionHandler({java.time.DateTimeException.class, ArithmeticException.class})
    ProblemDetail outOfRange(RuntimeException e) {
        return problem(HttpStatus.BAD_REQUEST, "请求有误", "日期、时长或数值超出允许范围：" + e.getMessage());
    }

    @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
    ProblemDetail uploadTooLarge(org.springframework.web.multipart.MaxUploadSizeExceededException e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "文件过大", "上传的文件超过允许的大小");
    }

    private static java.sql.SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql) {
                return sql;
            }
        }
        return null;
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
