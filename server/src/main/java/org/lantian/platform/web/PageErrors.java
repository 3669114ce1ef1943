package org.lantian.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.lantian.platform.identity.AccessDenied;
import org.lantian.platform.monitoring.BadInput;
import org.lantian.platform.monitoring.NotFound;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * What a page's form or link got wrong, answered as a page: the shared error page in the layout, the
 * message in Chinese naming the field, and a way back to the form. (Without this, Spring's problem-details
 * handler answered page requests with a bare JSON document in English.)
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    private final PageModel pageModel;

    PageErrors(PageModel pageModel) {
        this.pageModel = pageModel;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView wrongType(MethodArgumentTypeMismatchException e, HttpServletRequest request, HttpServletResponse response) {
        Class<?> type = e.getRequiredType();
        String expected = type == null ? "正确的值"
                : Number.class.isAssignableFrom(type) || type.isPrimitive() ? "数字（阿拉伯数字，如 45 或 5.5）"
                : java.time.LocalDate.class.equals(type) ? "日期（如 2026-03-01）"
                : java.time.YearMonth.class.equals(type) ? "月份（如 2026-03）"
                : type.isEnum() ? "列表中的一项" : "正确的值";
        return page(request, response, 400, "“" + label(e.getName()) + "”应为" + expected + "，收到的是“" + e.getValue() + "”。");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ModelAndView missing(MissingServletRequestParameterException e, HttpServletRequest request, HttpServletResponse response) {
        return page(request, response, 400, "缺少“" + label(e.getParameterName()) + "”，请填写后重新提交。");
    }

    @ExceptionHandler({BadInput.class, IllegalArgumentException.class})
    ModelAndView badInput(RuntimeException e, HttpServletRequest request, HttpServletResponse response) {
        return page(request, response, 400, e.getMessage());
    }

    @ExceptionHandler(AccessDenied.class)
    ModelAndView denied(AccessDenied e, HttpServletRequest request, HttpServletResponse response) {
        return page(request, response, 403, "本账号无权进行此操作。");
    }

    @ExceptionHandler(NotFound.class)
    ModelAndView notFound(NotFound e, HttpServletRequest request, HttpServletResponse response) {
        return page(request, response, 404, "要找的页面或数据不存在，或不在本账号的范围内。");
    }

    private ModelAndView page(HttpServletRequest request, HttpServletResponse response, int status, String message) {
        response.setStatus(status);
        ModelAndView page = new ModelAndView("error");
        page.addObject("me", pageModel.me());   // the layout shows the user and the menu, as on every page
        page.addObject("divisionNames", pageModel.divisionNames());
        page.addObject("status", status);
        page.addObject("message", message);
        page.addObject("path", request.getRequestURI());
        String referer = request.getHeader("Referer");
        // back to the form the user came from, on this site only
        if (referer != null && referer.startsWith(request.getScheme() + "://" + request.getServerName())) {
            page.addObject("back", referer);
        }
        return page;
    }

    /** Form field names as the pages label them. */
    private static String label(String field) {
        return switch (field) {
            case "pm25" -> "PM2.5 目标";
            case "compositeIndex" -> "综合指数目标";
            case "goodDayRatio" -> "优良天数比例目标";
            case "heavyDaysCap" -> "重污染天数上限";
            case "lon" -> "经度";
            case "lat" -> "纬度";
            case "disposalMinutes" -> "处置时限（分钟）";
            case "from" -> "开始日期";
            case "to" -> "结束日期";
            case "year" -> "年份";
            default -> field;
        };
    }
}
