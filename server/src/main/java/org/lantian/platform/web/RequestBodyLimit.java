package org.lantian.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A limit on every request body that is not a file upload (uploads have their own limits per purpose):
 * a declared length over it is answered 413 before anything is read; a body without a declared length
 * is counted as it is read and stopped at the limit. Nothing a client sends is held whole in memory
 * beyond this size.
 */
@Component
// right after Spring's character-encoding filter: a multipart body parsed before it would decode every text
// field as ISO-8859-1 (a Chinese ticket title arrived garbled)
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestBodyLimit extends OncePerRequestFilter {

    /** Thrown by the counted stream; {@link ApiErrors} answers it with 413. */
    static final class TooLarge extends IOException {
        TooLarge(long limit) {
            super("请求体超过 " + DataSize.ofBytes(limit).toMegabytes() + " MB 的上限");
        }
    }

    private final long limit;

    RequestBodyLimit(@Value("${lantian.web.max-body-size:16MB}") DataSize limit) {
        this.limit = limit.toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (type != null && type.toLowerCase().startsWith("multipart/")) {
            // parsed here, before any filter asks for a parameter: a part that cannot be parsed (a NUL in its file
            // name, a cut body) or is too large is the client's error, said before it becomes a servlet failure
            try {
                request.getParts();
            } catch (IllegalStateException e) {
                org.lantian.platform.identity.ApiProblems.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "请求过大", "上传的文件超过允许的大小");
                return;
            } catch (IOException | ServletException | RuntimeException e) {
                org.lantian.platform.identity.ApiProblems.write(response, HttpServletResponse.SC_BAD_REQUEST, "请求有误", "上传的内容无法解析（文件名含有不允许的字符，或内容不完整）");
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > limit) {
            org.lantian.platform.identity.ApiProblems.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "请求过大",
                    new TooLarge(limit).getMessage() + "；大批数据请分批提交或以文件导入");
            return;
        }
        chain.doFilter(new Counted(request, limit), response);
    }

    private static final class Counted extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Counted(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        count(b < 0 ? 0 : 1);
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        count(Math.max(n, 0));
                        return n;
                    }

                    private void count(int n) throws TooLarge {
                        read += n;
                        if (read > limit) {
                            throw new TooLarge(limit);
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
